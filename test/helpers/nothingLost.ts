// "Nothing lost" (issue 11): compares an input .xlsx with what the add-in wrote and lists every change
// to something the add-in does not own. Ownership (notes/context.md):
//  1. sheets Riepilogo and Scheda (parts, rels, their <sheet>, relationship and content-type entries);
//  2. in the input sheets: computed/helper columns (header + body from the header row to the last data
//     row, where the input cell was blank or the column already held that computed header), their
//     <col> entries, <dimension>, and rows' `spans`;
//  3. in the input tables: `ref`, `<autoFilter ref>`, appended computed/helper <tableColumn>s;
//  4. global names `peg*`, and _xlnm.Print_Area/Print_Titles scoped to Riepilogo or Scheda;
//  5. styles.xml: appended entries (existing ones keep position and content) and counts;
//  6. calcChain.xml may be removed.
// Everything else must be identical: other parts byte for byte, XML elements after canonicalisation
// (attribute order and indentation ignored).
import { rollupStrings } from "../../src/domain/messages";
import { COMPUTED_COLUMNS, SHEETS } from "../../src/domain/model/schema";
import {
  MAX_COL,
  Package,
  address,
  canon,
  cellInfo,
  child,
  colLetters,
  elements,
  isBlankCell,
  parseRange,
  sheetRows,
  textOf,
  type Box,
  type RowInfo,
  type XmlElement,
} from "./ooxml";

export type LossKind =
  | "part-missing"
  | "part-changed"
  | "part-added"
  | "content-type"
  | "relationship"
  | "workbook"
  | "sheet-list"
  | "name-missing"
  | "name-changed"
  | "name-added"
  | "sheet-element"
  | "cols"
  | "row"
  | "cell"
  | "cell-added"
  | "table"
  | "styles"
  | "calc-chain";

export interface Loss {
  kind: LossKind;
  /** Part name, e.g. `xl/worksheets/sheet2.xml`. */
  part: string;
  /** Where in the part: a sheet-qualified cell, an element, a name. */
  where: string;
  detail: string;
}

export interface Ownership {
  /** Sheets whose computed columns the add-in writes. */
  inputSheets: { sheet: string; keyHeader: string }[];
  /** Sheets the add-in creates or replaces whole. */
  ownedSheets: string[];
  /** Headers of computed and helper columns. */
  isOwnedHeader: (header: string) => boolean;
}

/** Header comparison as the reader does it: case, accents and repeated spaces ignored. */
export function normHeader(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim()
    .toLowerCase();
}

const OWNED_HEADERS = new Set(
  [
    ...COMPUTED_COLUMNS.obiettivi,
    ...COMPUTED_COLUMNS.fasi,
    ...COMPUTED_COLUMNS.indicatori,
    ...Object.values(rollupStrings.helperHeaders).flatMap((h) => Object.values(h) as string[]),
  ].map(normHeader),
);

export const DEFAULT_OWNERSHIP: Ownership = {
  inputSheets: [
    { sheet: SHEETS.obiettivi, keyHeader: "Codice" },
    { sheet: SHEETS.fasi, keyHeader: "Obiettivo" },
    { sheet: SHEETS.indicatori, keyHeader: "Obiettivo" },
  ],
  ownedSheets: [SHEETS.riepilogo, SHEETS.scheda],
  // Helper columns are marked "(calcolo)"; key columns the formulas may need are named the same way.
  isOwnedHeader: (h) => OWNED_HEADERS.has(normHeader(h)) || /\(calcolo\)\s*$/i.test(h.trim()),
};

const SHEET_OWNED_ELEMENTS = new Set(["sheetData", "cols", "dimension"]);
const NEW_ROW_ATTRS = new Set(["r", "spans", "x14ac:dyDescent"]);

function snippet(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 50);
  const cut = (s: string) => (from > 0 ? "…" : "") + s.slice(from, i + 90) + (s.length > i + 90 ? "…" : "");
  return `prima: ${cut(a)} | dopo: ${cut(b)}`;
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && a.equals(b);
}

function firstByteDiff(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const text = (buf: Buffer) => buf.subarray(Math.max(0, i - 40), i + 60).toString("utf8");
  return `${a.length} → ${b.length} byte; primo byte diverso a ${i}: prima «${text(a)}» dopo «${text(b)}»`;
}

/** Parts reachable through relationships from the given parts (a sheet and its drawings, charts…). */
function reachable(pkg: Package, starts: (string | null)[]): Set<string> {
  const seen = new Set<string>();
  const todo = starts.filter((s): s is string => !!s);
  while (todo.length) {
    const p = todo.pop() as string;
    if (seen.has(p)) continue;
    seen.add(p);
    const relsName = pkg.relsPartName(p);
    if (pkg.has(relsName)) seen.add(relsName);
    for (const r of pkg.rels(p)) if (r.part && pkg.has(r.part) && !seen.has(r.part)) todo.push(r.part);
  }
  return seen;
}

/** Children of an element grouped by name (order inside each group kept), minus some names. */
function groups(el: XmlElement, skip: Set<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of elements(el)) {
    if (skip.has(c.name)) continue;
    const list = out.get(c.name) ?? [];
    list.push(canon(c));
    out.set(c.name, list);
  }
  return out;
}

function compareGroups(
  a: XmlElement,
  b: XmlElement,
  skip: Set<string>,
  report: (where: string, detail: string) => void,
): void {
  const ga = groups(a, skip);
  const gb = groups(b, skip);
  for (const [name, la] of ga) {
    const lb = gb.get(name) ?? [];
    if (lb.length === 0) {
      report(`<${name}>`, `elemento scomparso: ${la[0].slice(0, 160)}`);
      continue;
    }
    if (la.length !== lb.length) report(`<${name}>`, `${la.length} elementi prima, ${lb.length} dopo`);
    for (let i = 0; i < Math.min(la.length, lb.length); i++) {
      if (la[i] !== lb[i]) report(`<${name}>[${i}]`, snippet(la[i], lb[i]));
    }
  }
  for (const [name, lb] of gb) {
    if (!ga.has(name)) report(`<${name}>`, `elemento aggiunto: ${lb[0].slice(0, 160)}`);
  }
  const orderA = [...ga.keys()].filter((n) => gb.has(n));
  const orderB = [...gb.keys()].filter((n) => ga.has(n));
  if (orderA.join() !== orderB.join()) report("ordine", `${orderA.join(",")} → ${orderB.join(",")}`);
}

/**
 * A cell's canonical form with a shared-string index replaced by the item it points to: when
 * sharedStrings.xml changed (itself a loss) the cells still show what really changed.
 */
function cellCanon(cell: XmlElement, shared: string[]): string {
  if (cell.attrs.t !== "s") return canon(cell);
  const children = cell.children.map((ch) => {
    if (typeof ch === "string" || ch.name !== "v") return ch;
    const i = Number(textOf(ch));
    return { name: "v", attrs: {}, children: [`[sst] ${shared[i] ?? `indice ${textOf(ch)} inesistente`}`] };
  });
  return canon({ ...cell, children });
}

function attrsCanon(el: XmlElement, skip: string[] = []): string {
  return canon({ name: el.name, attrs: el.attrs, children: [] }, skip);
}

// ---------------------------------------------------------------------------------------------

interface DefinedName {
  name: string;
  scope: string | null;
  attrs: string;
  text: string;
}

function definedNames(pkg: Package): DefinedName[] {
  const wb = pkg.xml(pkg.workbookPart());
  const dn = wb ? child(wb, "definedNames") : undefined;
  if (!dn) return [];
  const sheets = pkg.sheets();
  return elements(dn, "definedName").map((n) => {
    const id = n.attrs.localSheetId;
    const scope = id === undefined ? null : (sheets[Number(id)]?.name ?? `#${id}`);
    return {
      name: n.attrs.name,
      scope,
      attrs: attrsCanon(n, ["localSheetId"]),
      text: n.children.map((c) => (typeof c === "string" ? c : canon(c))).join(""),
    };
  });
}

function contentTypes(pkg: Package): {
  root: XmlElement | null;
  defaults: Map<string, string>;
  overrides: Map<string, string>;
} {
  const root = pkg.xml("[Content_Types].xml");
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  if (root) {
    for (const d of elements(root, "Default"))
      defaults.set(d.attrs.Extension.toLowerCase(), d.attrs.ContentType);
    for (const o of elements(root, "Override")) {
      overrides.set(o.attrs.PartName.replace(/^\//, ""), o.attrs.ContentType);
    }
  }
  return { root, defaults, overrides };
}

function relPart(pkg: Package, type: string): string | null {
  return pkg.rels(pkg.workbookPart()).find((r) => r.type.endsWith(`/${type}`))?.part ?? null;
}

interface InputTable {
  part: string;
  root: XmlElement;
  box: Box;
}

function findInputTable(pkg: Package, sheetPart: string, keyHeader: string): InputTable | null {
  for (const t of pkg.tables(sheetPart)) {
    const cols = child(t.root, "tableColumns");
    const names = cols ? elements(cols, "tableColumn").map((c) => normHeader(c.attrs.name ?? "")) : [];
    const box = parseRange(t.root.attrs.ref ?? "");
    if (box && names.includes(normHeader(keyHeader))) return { ...t, box };
  }
  return null;
}

function cellText(cell: XmlElement | undefined, shared: string[]): string {
  if (!cell) return "";
  const v = cellInfo(cell, shared).value;
  return typeof v === "string" ? v : v === null ? "" : String(v);
}

/** Cols as a per-column map of their attributes (min/max dropped). */
function colMap(sheet: XmlElement): Map<number, string> {
  const out = new Map<number, string>();
  const cols = child(sheet, "cols");
  if (!cols) return out;
  for (const c of elements(cols, "col")) {
    const a = attrsCanon(c, ["min", "max"]);
    const max = Math.min(Number(c.attrs.max ?? c.attrs.min), MAX_COL);
    for (let i = Number(c.attrs.min); i <= max; i++) out.set(i, a);
  }
  return out;
}

/** Columns (1-based) the add-in owns in an input sheet, and a predicate for owned cells. */
export interface OwnedArea {
  headerRow: number | null;
  columns: Map<number, { header: string; rerun: boolean }>;
  bottom: number;
  owns: (row: number, col: number) => boolean;
}

function ownedArea(
  rowsA: Map<number, RowInfo>,
  rowsB: Map<number, RowInfo>,
  sharedA: string[],
  sharedB: string[],
  tableA: InputTable | null,
  tableB: InputTable | null,
  keyHeader: string,
  own: Ownership,
): OwnedArea {
  let headerRow: number | null = tableA ? tableA.box.top : null;
  if (headerRow === null) {
    for (const row of [...rowsA.values()].sort((x, y) => x.r - y.r)) {
      if ([...row.cells.values()].some((c) => normHeader(cellText(c, sharedA)) === normHeader(keyHeader))) {
        headerRow = row.r;
        break;
      }
    }
  }
  const columns = new Map<number, { header: string; rerun: boolean }>();
  let bottom = 0;
  if (headerRow !== null) {
    const hb = rowsB.get(headerRow);
    const ha = rowsA.get(headerRow);
    for (const [c, cell] of hb?.cells ?? []) {
      const header = cellText(cell, sharedB);
      if (!header || !own.isOwnedHeader(header)) continue;
      const before = ha?.cells.get(c);
      if (isBlankCell(before)) columns.set(c, { header, rerun: false });
      else if (normHeader(cellText(before, sharedA)) === normHeader(header))
        columns.set(c, { header, rerun: true });
    }
    if (tableB) bottom = tableB.box.bottom;
    else if (tableA) bottom = tableA.box.bottom;
    else {
      for (const row of rowsA.values()) {
        if ([...row.cells.values()].some((c) => !isBlankCell(c))) bottom = Math.max(bottom, row.r);
      }
    }
  }
  const owns = (row: number, col: number): boolean => {
    const c = columns.get(col);
    if (!c || headerRow === null || row < headerRow || row > bottom) return false;
    return c.rerun || isBlankCell(rowsA.get(row)?.cells.get(col));
  };
  return { headerRow, columns, bottom, owns };
}

// ---------------------------------------------------------------------------------------------

export async function findLosses(
  input: Uint8Array,
  output: Uint8Array,
  own: Ownership = DEFAULT_OWNERSHIP,
): Promise<Loss[]> {
  const a = await Package.open(input);
  const b = await Package.open(output);
  const losses: Loss[] = [];
  const add = (kind: LossKind, part: string, where: string, detail: string) =>
    losses.push({ kind, part, where, detail });

  const isOwnedSheet = (name: string) => own.ownedSheets.some((s) => s.toLowerCase() === name.toLowerCase());
  const sheetsA = a.sheets();
  const sheetsB = b.sheets();
  const ownedA = reachable(
    a,
    sheetsA.filter((s) => isOwnedSheet(s.name)).map((s) => s.part),
  );
  const ownedB = reachable(
    b,
    sheetsB.filter((s) => isOwnedSheet(s.name)).map((s) => s.part),
  );

  const wbA = a.workbookPart();
  const wbB = b.workbookPart();
  const calcA = relPart(a, "calcChain");
  const calcB = relPart(b, "calcChain");
  const stylesA = relPart(a, "styles");
  const stylesB = relPart(b, "styles");
  const specialA = new Set<string>(["[Content_Types].xml", wbA, a.relsPartName(wbA)]);
  const specialB = new Set<string>(["[Content_Types].xml", wbB, b.relsPartName(wbB)]);
  if (stylesA) specialA.add(stylesA);
  if (stylesB) specialB.add(stylesB);
  if (calcA) specialA.add(calcA);
  if (calcB) specialB.add(calcB);

  // Input sheets and their input tables are compared element by element below.
  const inputPairs: {
    name: string;
    keyHeader: string;
    partA: string;
    partB: string | null;
    tableA: InputTable | null;
    tableB: InputTable | null;
  }[] = [];
  for (const { sheet, keyHeader } of own.inputSheets) {
    const sa = a.sheet(sheet);
    if (!sa?.part) continue;
    const sb = b.sheet(sheet);
    const tableA = findInputTable(a, sa.part, keyHeader);
    const tableB = sb?.part ? findInputTable(b, sb.part, keyHeader) : null;
    specialA.add(sa.part);
    if (tableA) specialA.add(tableA.part);
    if (sb?.part) specialB.add(sb.part);
    if (tableB) specialB.add(tableB.part);
    inputPairs.push({ name: sa.name, keyHeader, partA: sa.part, partB: sb?.part ?? null, tableA, tableB });
  }

  // --- every other part: byte for byte ---------------------------------------------------------
  for (const [name, bytes] of a.parts) {
    if (ownedA.has(name) || specialA.has(name)) continue;
    const out = b.parts.get(name);
    if (!out) add("part-missing", name, name, "parte scomparsa");
    else if (!sameBytes(bytes, out)) add("part-changed", name, name, firstByteDiff(bytes, out));
  }
  for (const name of b.parts.keys()) {
    if (!a.parts.has(name) && !ownedB.has(name) && !specialB.has(name)) {
      add("part-added", name, name, "parte nuova che non appartiene a Riepilogo o Scheda");
    }
  }

  // --- calcChain: may go, may not change ------------------------------------------------------
  if (calcA && a.has(calcA) && b.has(calcA) && !sameBytes(a.parts.get(calcA)!, b.parts.get(calcA)!)) {
    add("calc-chain", calcA, calcA, "calcChain modificata (è ammesso solo rimuoverla)");
  }
  const calcRemoved = !!calcA && !b.has(calcA);

  // --- [Content_Types].xml -------------------------------------------------------------------
  {
    const ca = contentTypes(a);
    const cb = contentTypes(b);
    const part = "[Content_Types].xml";
    if (ca.root && cb.root && attrsCanon(ca.root) !== attrsCanon(cb.root)) {
      add("content-type", part, "<Types>", snippet(attrsCanon(ca.root), attrsCanon(cb.root)));
    }
    for (const [ext, type] of ca.defaults) {
      if (cb.defaults.get(ext) !== type) {
        add("content-type", part, `Default ${ext}`, `${type} → ${cb.defaults.get(ext) ?? "assente"}`);
      }
    }
    for (const [p, type] of ca.overrides) {
      if (ownedA.has(p) || (p === calcA && calcRemoved)) continue;
      if (specialA.has(p) && !b.has(p)) continue; // an input sheet moved to another part name
      if (cb.overrides.get(p) !== type) {
        add("content-type", part, `Override /${p}`, `${type} → ${cb.overrides.get(p) ?? "assente"}`);
      }
    }
    for (const [p, type] of cb.overrides) {
      if (!ca.overrides.has(p) && !ownedB.has(p) && !specialB.has(p)) {
        add("content-type", part, `Override /${p}`, `aggiunto (${type})`);
      }
    }
  }

  // --- workbook relationships -------------------------------------------------------------------
  {
    const ra = a.rels(wbA);
    const rb = b.rels(wbB);
    const part = a.relsPartName(wbA);
    const key = (r: { type: string; target: string; targetMode?: string }) =>
      `${r.type} ${r.target} ${r.targetMode ?? ""}`;
    for (const r of ra) {
      if ((r.part && ownedA.has(r.part)) || (r.part === calcA && calcRemoved)) continue;
      const same = rb.find((x) => x.id === r.id);
      if (!same) add("relationship", part, r.id, `relazione scomparsa: ${key(r)}`);
      else if (key(same) !== key(r)) add("relationship", part, r.id, `${key(r)} → ${key(same)}`);
    }
    for (const r of rb) {
      if (ra.some((x) => x.id === r.id)) continue;
      if (r.part && ownedB.has(r.part)) continue;
      add("relationship", part, r.id, `relazione aggiunta: ${key(r)}`);
    }
  }

  // --- workbook.xml --------------------------------------------------------------------------------
  {
    const ra = a.xml(wbA);
    const rb = b.xml(wbB);
    if (ra && rb) {
      if (attrsCanon(ra) !== attrsCanon(rb))
        add("workbook", wbA, "<workbook>", snippet(attrsCanon(ra), attrsCanon(rb)));
      compareGroups(ra, rb, new Set(["sheets", "definedNames"]), (where, detail) =>
        add("workbook", wbA, where, detail),
      );
      const list = (s: typeof sheetsA) => s.filter((x) => !isOwnedSheet(x.name)).map((x) => canon(x.element));
      const la = list(sheetsA);
      const lb = list(sheetsB);
      for (let i = 0; i < Math.max(la.length, lb.length); i++) {
        if (la[i] !== lb[i]) {
          add("sheet-list", wbA, `<sheet> ${i + 1}`, snippet(la[i] ?? "(nessuno)", lb[i] ?? "(nessuno)"));
        }
      }
      const ownedName = (n: DefinedName) =>
        (n.scope === null && /^peg/i.test(n.name)) ||
        (/^_xlnm\.(Print_Area|Print_Titles)$/i.test(n.name) && n.scope !== null && isOwnedSheet(n.scope));
      const key = (n: DefinedName) => `${n.name.toLowerCase()}|${n.scope?.toLowerCase() ?? ""}`;
      const where = (n: DefinedName) => (n.scope ? `${n.name} (ambito ${n.scope})` : `${n.name} (globale)`);
      const na = definedNames(a).filter((n) => !ownedName(n));
      const nb = definedNames(b).filter((n) => !ownedName(n));
      const byKey = new Map(nb.map((n) => [key(n), n]));
      for (const n of na) {
        const m = byKey.get(key(n));
        if (!m) {
          const elsewhere = nb.find(
            (x) => x.name.toLowerCase() === n.name.toLowerCase() && !na.some((y) => key(y) === key(x)),
          );
          add(
            "name-missing",
            wbA,
            where(n),
            elsewhere
              ? `ambito cambiato in ${elsewhere.scope ?? "globale"}: ${elsewhere.text}`
              : `nome scomparso (${n.text})`,
          );
        } else if (m.text !== n.text || m.attrs !== n.attrs) {
          add("name-changed", wbA, where(n), snippet(`${n.attrs} ${n.text}`, `${m.attrs} ${m.text}`));
        }
      }
      const keysA = new Set(na.map(key));
      for (const n of nb)
        if (!keysA.has(key(n))) add("name-added", wbA, where(n), `nome aggiunto: ${n.text}`);
    }
  }

  // --- styles.xml: existing entries keep their place ----------------------------------------------
  if (stylesA) {
    const sa = a.xml(stylesA);
    const sb = stylesB ? b.xml(stylesB) : null;
    if (sa && !sb) add("styles", stylesA, stylesA, "foglio stili scomparso");
    if (sa && sb) {
      if (attrsCanon(sa) !== attrsCanon(sb))
        add("styles", stylesA, "<styleSheet>", snippet(attrsCanon(sa), attrsCanon(sb)));
      for (const section of elements(sa)) {
        const other = child(sb, section.name);
        if (!other) {
          add("styles", stylesA, `<${section.name}>`, "sezione scomparsa");
          continue;
        }
        if (attrsCanon(section, ["count"]) !== attrsCanon(other, ["count"])) {
          add(
            "styles",
            stylesA,
            `<${section.name}>`,
            snippet(attrsCanon(section, ["count"]), attrsCanon(other, ["count"])),
          );
        }
        const ka = elements(section).map((e) => canon(e));
        const kb = elements(other).map((e) => canon(e));
        const i = ka.findIndex((x, n) => kb[n] !== x);
        if (i >= 0) {
          add(
            "styles",
            stylesA,
            `<${section.name}>[${i}]`,
            kb[i] === undefined ? "voce scomparsa" : snippet(ka[i], kb[i]),
          );
        }
      }
    }
  }

  // --- input sheets and tables ------------------------------------------------------------------------
  const sharedA = a.sharedStrings();
  const sharedB = b.sharedStrings();
  const itemsA = a.sharedStringItems().map((si) => canon(si));
  const itemsB = b.sharedStringItems().map((si) => canon(si));
  for (const pair of inputPairs) {
    if (!pair.partB) {
      add("part-missing", pair.partA, pair.name, "foglio di input scomparso");
      continue;
    }
    const ra = a.xml(pair.partA) as XmlElement;
    const rb = b.xml(pair.partB) as XmlElement;
    const part = pair.partA;
    const q = (ref: string) => `${pair.name}!${ref}`;
    if (attrsCanon(ra) !== attrsCanon(rb))
      add("sheet-element", part, q("<worksheet>"), snippet(attrsCanon(ra), attrsCanon(rb)));
    compareGroups(ra, rb, SHEET_OWNED_ELEMENTS, (where, detail) =>
      add("sheet-element", part, q(where), detail),
    );

    const rowsA = sheetRows(ra);
    const rowsB = sheetRows(rb);
    const area = ownedArea(rowsA, rowsB, sharedA, sharedB, pair.tableA, pair.tableB, pair.keyHeader, own);

    // <col>: per column, except the owned ones.
    const ca = colMap(ra);
    const cb = colMap(rb);
    const badCols: number[] = [];
    for (const c of new Set([...ca.keys(), ...cb.keys()])) {
      if (!area.columns.has(c) && ca.get(c) !== cb.get(c)) badCols.push(c);
    }
    if (badCols.length) {
      badCols.sort((x, y) => x - y);
      const c = badCols[0];
      add(
        "cols",
        part,
        q(`colonne ${badCols.slice(0, 8).map(colLetters).join(",")}${badCols.length > 8 ? "…" : ""}`),
        snippet(ca.get(c) ?? "(nessuna)", cb.get(c) ?? "(nessuna)"),
      );
    }

    for (const [r, rowA] of rowsA) {
      const rowB = rowsB.get(r);
      if (!rowB) {
        const bare = Object.keys(rowA.element.attrs).every((k) => k === "r" || k === "spans");
        const ownedOnly = [...rowA.cells.keys()].every((c) => area.owns(r, c));
        if (!(bare && ownedOnly)) add("row", part, q(`riga ${r}`), "riga scomparsa");
        continue;
      }
      const aa = attrsCanon(rowA.element, ["spans"]);
      const ab = attrsCanon(rowB.element, ["spans"]);
      if (aa !== ab) add("row", part, q(`riga ${r}`), snippet(aa, ab));
      for (const [c, cellA] of rowA.cells) {
        if (area.owns(r, c)) continue;
        const cellB = rowB.cells.get(c);
        const where = q(address(r, c));
        if (!cellB) add("cell", part, where, `cella scomparsa: ${cellCanon(cellA, itemsA)}`);
        else {
          const ca = cellCanon(cellA, itemsA);
          const cb = cellCanon(cellB, itemsB);
          if (ca !== cb) add("cell", part, where, snippet(ca, cb));
        }
      }
    }
    for (const [r, rowB] of rowsB) {
      const rowA = rowsA.get(r);
      if (!rowA) {
        const extra = Object.keys(rowB.element.attrs).filter((k) => !NEW_ROW_ATTRS.has(k));
        if (extra.length) add("row", part, q(`riga ${r}`), `riga nuova con attributi ${extra.join(", ")}`);
      }
      for (const [c, cellB] of rowB.cells) {
        if (area.owns(r, c) || rowA?.cells.has(c)) continue;
        add(
          "cell-added",
          part,
          q(address(r, c)),
          `cella aggiunta fuori dalle colonne calcolate: ${canon(cellB)}`,
        );
      }
    }

    // The input table: only ref, autoFilter ref and appended computed columns may change.
    if (pair.tableA) {
      const ta = pair.tableA;
      const tb = pair.tableB;
      const tname = `${pair.name}: tabella ${ta.root.attrs.name}`;
      if (!tb || tb.root.attrs.name !== ta.root.attrs.name) {
        add("table", ta.part, tname, "tabella di input scomparsa o rinominata");
        continue;
      }
      if (attrsCanon(ta.root, ["ref"]) !== attrsCanon(tb.root, ["ref"])) {
        add("table", ta.part, tname, snippet(attrsCanon(ta.root, ["ref"]), attrsCanon(tb.root, ["ref"])));
      }
      const { box: ba } = ta;
      const { box: bb } = tb;
      if (ba.top !== bb.top || ba.left !== bb.left || ba.bottom !== bb.bottom || bb.right < ba.right) {
        add("table", ta.part, `${tname} ref`, `${ta.root.attrs.ref} → ${tb.root.attrs.ref}`);
      }
      compareGroups(ta.root, tb.root, new Set(["autoFilter", "tableColumns"]), (where, detail) =>
        add("table", ta.part, `${tname} ${where}`, detail),
      );
      const fa = child(ta.root, "autoFilter");
      const fb = child(tb.root, "autoFilter");
      if (!!fa !== !!fb) add("table", ta.part, `${tname} <autoFilter>`, fa ? "scomparso" : "aggiunto");
      else if (fa && fb) {
        const xa = canon({ ...fa, attrs: { ...fa.attrs, ref: "" } });
        const xb = canon({ ...fb, attrs: { ...fb.attrs, ref: "" } });
        if (xa !== xb) add("table", ta.part, `${tname} <autoFilter>`, snippet(xa, xb));
      }
      const ca2 = child(ta.root, "tableColumns");
      const cb2 = child(tb.root, "tableColumns");
      const la = ca2 ? elements(ca2, "tableColumn") : [];
      const lb = cb2 ? elements(cb2, "tableColumn") : [];
      if (ca2 && cb2 && attrsCanon(ca2, ["count"]) !== attrsCanon(cb2, ["count"])) {
        add(
          "table",
          ta.part,
          `${tname} <tableColumns>`,
          snippet(attrsCanon(ca2, ["count"]), attrsCanon(cb2, ["count"])),
        );
      }
      la.forEach((col, i) => {
        const other = lb[i];
        if (!other) add("table", ta.part, `${tname} colonna ${col.attrs.name}`, "colonna scomparsa");
        else if (canon(col) !== canon(other))
          add("table", ta.part, `${tname} colonna ${i + 1}`, snippet(canon(col), canon(other)));
      });
      for (const col of lb.slice(la.length)) {
        if (!own.isOwnedHeader(col.attrs.name ?? "")) {
          add("table", ta.part, `${tname} colonna ${col.attrs.name}`, "colonna aggiunta che non è calcolata");
        }
      }
    }
  }
  return losses;
}

export function formatLosses(losses: Loss[], max = 40): string {
  const lines = losses.slice(0, max).map((l) => `  [${l.kind}] ${l.where}: ${l.detail}`);
  if (losses.length > max) lines.push(`  … e altre ${losses.length - max}`);
  return lines.join("\n");
}

/** Fails (with the list of what changed) unless the output keeps everything the add-in does not own. */
export async function expectNothingLost(
  input: Uint8Array,
  output: Uint8Array,
  own: Ownership = DEFAULT_OWNERSHIP,
): Promise<void> {
  const losses = await findLosses(input, output, own);
  if (losses.length > 0) {
    throw new Error(
      `${losses.length} modifiche a ciò che il componente non possiede:\n${formatLosses(losses)}`,
    );
  }
}
