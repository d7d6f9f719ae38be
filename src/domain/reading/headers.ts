// Header and name matching (docs/reference/workbook.md): case, accents, apostrophes and repeated spaces do not count,
// so "POLARITA'", "Polarita" and "polarità" are the same header.
import type { RawValue } from "../model/raw";
import { HISTORY_HEADER_PREFIX, type ColumnDef } from "../model/schema";
import { normalizeHeader } from "./keys";
import { readText, toRawValue } from "./values";

export { normalizeHeader };

/** A header cell as text ("" when empty or an error). */
export function headerText(v: RawValue | undefined): string {
  const r = readText(toRawValue(v));
  return r.status === "ok" ? r.value : "";
}

const HISTORY_RE = new RegExp(`^${normalizeHeader(HISTORY_HEADER_PREFIX)} ?\\(?(\\d{4})\\)?$`);

/** `Valore Raggiunto 2022` (any variant) → 2022; else null. */
export function historyYear(header: string): number | null {
  const m = HISTORY_RE.exec(normalizeHeader(header));
  return m ? Number(m[1]) : null;
}

type HeaderMatch<K extends string> =
  | { kind: "field"; key: K; def: ColumnDef<K> }
  | { kind: "history"; anno: number }
  | { kind: "computed"; header: string }
  | null;

/** Matches header texts against a sheet's column definitions. */
export class HeaderMatcher<K extends string> {
  private readonly fields = new Map<string, ColumnDef<K>>();
  private readonly computed = new Map<string, string>();

  constructor(
    readonly defs: ColumnDef<K>[],
    private readonly withHistory: boolean,
    computedHeaders: readonly string[] = [],
  ) {
    for (const d of defs) this.fields.set(normalizeHeader(d.header), d);
    for (const h of computedHeaders) this.computed.set(normalizeHeader(h), h);
  }

  match(header: string): HeaderMatch<K> {
    const n = normalizeHeader(header);
    if (n === "") return null;
    const def = this.fields.get(n);
    if (def) return { kind: "field", key: def.key, def };
    if (this.withHistory) {
      const anno = historyYear(n);
      if (anno !== null) return { kind: "history", anno };
    }
    const computed = this.computed.get(n);
    if (computed !== undefined) return { kind: "computed", header: computed };
    return null;
  }

  get required(): ColumnDef<K>[] {
    return this.defs.filter((d) => d.required);
  }
}

/** Sheet names: same normalization as headers. */
export function sameName(a: string, b: string): boolean {
  return normalizeHeader(a) === normalizeHeader(b);
}
