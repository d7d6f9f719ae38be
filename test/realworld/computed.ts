// The owned cells, judged from the outside: every computed column holds a formula on each data row,
// its cached value equals what `rollup --json` says (the TypeScript engine), and LibreOffice's own
// recalculation of the file gives the same values.
import { COMPUTED_COLUMNS, SHEETS } from "../../src/domain/model/schema";
import { Package, address, cellInfo, sheetRows, type CellInfo, type CellValue } from "../helpers/ooxml";
import { normHeader } from "../helpers/nothingLost";

export interface RollupJson {
  obiettivi: {
    codice: string;
    riga: number;
    avanzamentoFasi: number | null;
    raggiungimentoIndicatori: number | null;
    grado: number | null;
    esito: string;
  }[];
  fasi: { obiettivo: string; riga: number; tempistica: string | null; scostamentoGiorni: number | null }[];
  indicatori: { obiettivo: string; riga: number; raggiungimento: number | null }[];
}

type Item = { riga: number } & Record<string, unknown>;

/** Per input sheet: the JSON list and, per computed header, the JSON key (docs/reference/formulas.md, docs/reference/cli.md). */
const COLUMNS: { sheet: string; list: keyof RollupJson; keys: Record<string, string> }[] = [
  {
    sheet: SHEETS.obiettivi,
    list: "obiettivi",
    keys: {
      [COMPUTED_COLUMNS.obiettivi[0]]: "avanzamentoFasi",
      [COMPUTED_COLUMNS.obiettivi[1]]: "raggiungimentoIndicatori",
      [COMPUTED_COLUMNS.obiettivi[2]]: "grado",
      [COMPUTED_COLUMNS.obiettivi[3]]: "gradoFinale",
      [COMPUTED_COLUMNS.obiettivi[4]]: "esito",
    },
  },
  {
    sheet: SHEETS.fasi,
    list: "fasi",
    keys: { [COMPUTED_COLUMNS.fasi[0]]: "tempistica", [COMPUTED_COLUMNS.fasi[1]]: "scostamentoGiorni" },
  },
  {
    sheet: SHEETS.indicatori,
    list: "indicatori",
    keys: { [COMPUTED_COLUMNS.indicatori[0]]: "raggiungimento" },
  },
];

/** A computed cell: where it is and what TypeScript says it must be. */
export interface ComputedCell {
  sheet: string;
  ref: string;
  header: string;
  expected: number | string | null;
  cached: CellInfo | null;
}

function same(a: CellValue | undefined, b: number | string | null, tolerance: number): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === "";
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof b === "number")
    return typeof a === "number" && Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
  return a === b;
}

export function describeValue(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "(vuota)";
  return typeof v === "object" ? v.error : JSON.stringify(v);
}

/** The computed cells of a written workbook, matched to the JSON rows; problems where they disagree. */
export async function checkComputedCells(
  bytes: Uint8Array,
  json: RollupJson,
): Promise<{ cells: ComputedCell[]; problems: string[] }> {
  const pkg = await Package.open(bytes);
  const shared = pkg.sharedStrings();
  const cells: ComputedCell[] = [];
  const problems: string[] = [];
  for (const spec of COLUMNS) {
    const items = json[spec.list] as unknown as Item[];
    const entry = pkg.sheet(spec.sheet);
    const root = entry?.part ? pkg.xml(entry.part) : null;
    if (!root) {
      problems.push(`${spec.sheet}: foglio assente`);
      continue;
    }
    const rows = sheetRows(root);
    const firstData = Math.min(...items.map((i) => i.riga), Number.MAX_SAFE_INTEGER);
    // The header row: the last row above the data holding every computed header.
    const headers = Object.keys(spec.keys);
    let found: { row: number; cols: Map<string, number> } | null = null;
    for (const row of [...rows.values()].sort((x, y) => x.r - y.r)) {
      if (row.r >= firstData) break;
      const cols = new Map<string, number>();
      for (const [c, cell] of row.cells) {
        const v = cellInfo(cell, shared).value;
        const h = headers.find((x) => typeof v === "string" && normHeader(v) === normHeader(x));
        if (h) cols.set(h, c);
      }
      if (cols.size === headers.length) found = { row: row.r, cols };
    }
    if (!found) {
      problems.push(`${spec.sheet}: intestazioni calcolate assenti (${headers.join(", ")})`);
      continue;
    }
    for (const item of items) {
      for (const h of headers) {
        const col = found.cols.get(h) as number;
        const ref = address(item.riga, col);
        const raw = rows.get(item.riga)?.cells.get(col);
        const info = raw ? cellInfo(raw, shared) : null;
        const expected = item[spec.keys[h]] as number | string | null;
        cells.push({ sheet: spec.sheet, ref, header: h, expected, cached: info });
        if (!info || info.formula === null) {
          problems.push(`${spec.sheet}!${ref} (${h}): nessuna formula`);
        } else if (!same(info.value, expected, 1e-9)) {
          problems.push(
            `${spec.sheet}!${ref} (${h}): valore in cache ${describeValue(info.value)}, rollup --json ${describeValue(expected)}`,
          );
        }
      }
    }
  }
  return { cells, problems };
}

/** LibreOffice's recalculated values against the cached ones (tolerance 1e-6). */
export async function compareWithRecalculated(
  cells: ComputedCell[],
  recalculated: Uint8Array,
): Promise<{ compared: number; problems: string[] }> {
  const pkg = await Package.open(recalculated);
  const shared = pkg.sharedStrings();
  const problems: string[] = [];
  const rowsBySheet = new Map<string, ReturnType<typeof sheetRows>>();
  for (const name of new Set(cells.map((c) => c.sheet))) {
    const entry = pkg.sheet(name);
    const root = entry?.part ? pkg.xml(entry.part) : null;
    if (root) rowsBySheet.set(name, sheetRows(root));
  }
  let compared = 0;
  for (const c of cells) {
    const rows = rowsBySheet.get(c.sheet);
    if (!rows) {
      problems.push(`${c.sheet}: foglio assente nel file di LibreOffice`);
      continue;
    }
    const m = /^([A-Z]+)(\d+)$/.exec(c.ref) as RegExpExecArray;
    const row = rows.get(Number(m[2]));
    const cell = [...(row?.cells.entries() ?? [])].find(([col]) => address(Number(m[2]), col) === c.ref)?.[1];
    const lo = cell ? cellInfo(cell, shared).value : null;
    const cached = c.cached?.value ?? null;
    const cachedValue = typeof cached === "object" && cached !== null ? null : cached;
    compared++;
    if (typeof cached === "object" && cached !== null) {
      problems.push(`${c.sheet}!${c.ref}: valore in cache di errore ${cached.error}`);
    } else if (!same(lo, cachedValue as number | string | null, 1e-6)) {
      problems.push(
        `${c.sheet}!${c.ref} (${c.header}): LibreOffice ${describeValue(lo)}, in cache ${describeValue(cached)}`,
      );
    }
  }
  return { compared, problems };
}
