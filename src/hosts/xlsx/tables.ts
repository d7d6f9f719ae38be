// Table parts (xl/tables/tableN.xml): where each table sits and its column names, as the file holds
// them; and the one change the add-in makes to a user's table: its computed columns at the right.
import { columnLetter, decodeRange, type RawTable } from "../../domain/model/raw";
import { REL_TYPES, type XlsxPackage } from "./package";
import {
  attribute,
  decodeXstring,
  escapeFormulaText,
  escapeXstringAttr,
  findElement,
  findElements,
  setAttribute,
  splice,
} from "./xml";

export interface TablePart {
  /** Part path, e.g. `xl/tables/table1.xml`. */
  path: string;
  /** The sheet's relationship id pointing at it. */
  relId: string;
  id: number;
  /** The name formulas use (displayName, else name). */
  name: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  headerRows: number;
  totalsRows: number;
  /** Column names left to right, exactly as the part holds them (Excel's `_xHHHH_` escapes decoded). */
  columns: string[];
}

export async function readSheetTables(pkg: XlsxPackage, sheetPath: string): Promise<TablePart[]> {
  const rels = await pkg.relationships(sheetPath);
  const out: TablePart[] = [];
  for (const rel of rels) {
    if (rel.external || !rel.type.endsWith("/table")) continue;
    const xml = await pkg.text(rel.path);
    if (!xml) continue;
    const t = parseTable(xml, rel.path, rel.id);
    if (t) out.push(t);
  }
  return out;
}

export function parseTable(xml: string, path: string, relId: string): TablePart | null {
  const root = findElement(xml, "table");
  if (!root) return null;
  const box = decodeRange(attribute(root.tag, "ref") ?? "");
  if (!box) return null;
  const cols = findElement(xml, "tableColumns");
  const columns = cols
    ? findElements(xml, "tableColumn", cols.innerStart, cols.innerEnd).map((el) =>
        decodeXstring(attribute(el.tag, "name") ?? ""),
      )
    : [];
  const headerRows = Number(attribute(root.tag, "headerRowCount") ?? "1");
  const totalsRows = Number(attribute(root.tag, "totalsRowCount") ?? "0");
  return {
    path,
    relId,
    id: Number(attribute(root.tag, "id") ?? 0),
    name: attribute(root.tag, "displayName") ?? attribute(root.tag, "name") ?? "",
    ...box,
    headerRows: Number.isFinite(headerRows) ? headerRows : 1,
    totalsRows: Number.isFinite(totalsRows) ? totalsRows : 0,
    columns,
  };
}

/** The table as the domain sees it. */
export function rawTableOf(t: TablePart): RawTable {
  const headerRow = t.headerRows > 0 ? t.top : t.top - 1;
  return {
    name: t.name,
    headerRow,
    firstCol: t.left,
    lastCol: t.right,
    lastRow: Math.max(headerRow, t.bottom - t.totalsRows),
    columns: [...t.columns],
  };
}

/** Every table id in the package (new tables need a workbook-wide unique id). */
export async function allTableIds(pkg: XlsxPackage): Promise<number[]> {
  const ids: number[] = [];
  for (const p of pkg.paths()) {
    if (!/\/tables\/[^/]+\.xml$/i.test(p)) continue;
    const xml = await pkg.text(p);
    const root = xml ? findElement(xml, "table") : null;
    if (root) ids.push(Number(attribute(root.tag, "id") ?? 0));
  }
  return ids;
}

export interface TableColumnEdit {
  /** Worksheet column. */
  col: number;
  name: string;
  /** Formula of a calculated column (without "="), written as calculatedColumnFormula. */
  formula: string | null;
}

/**
 * Widens a table to `right` and names its columns: columns inside the table whose name the plan
 * rewrites keep their element (name and formula updated); new columns are appended. Returns the new
 * part text; every other element and attribute stays as it was.
 */
export function extendTable(xml: string, table: TablePart, edits: TableColumnEdit[], right: number): string {
  const root = findElement(xml, "table");
  const cols = findElement(xml, "tableColumns");
  if (!root || !cols) return xml;
  const prefix = cols.prefix;
  const existing = findElements(xml, "tableColumn", cols.innerStart, cols.innerEnd);
  const byCol = new Map(edits.map((e) => [e.col, e]));
  const splices: { start: number; end: number; text: string }[] = [];
  const used = new Set(table.columns.map((c) => c.toLowerCase()));
  let nextId = Math.max(0, ...existing.map((e) => Number(attribute(e.tag, "id") ?? 0))) + 1;

  existing.forEach((el, i) => {
    const edit = byCol.get(table.left + i);
    if (!edit) return;
    splices.push({
      start: el.start,
      end: el.end,
      text: columnXml(prefix, attribute(el.tag, "id") ?? String(nextId++), edit),
    });
  });
  const added: string[] = [];
  for (let c = table.right + 1; c <= right; c++) {
    const edit = byCol.get(c) ?? { col: c, name: freeName(used, c - table.left + 1), formula: null };
    used.add(edit.name.toLowerCase());
    added.push(columnXml(prefix, String(nextId++), edit));
  }
  // Splices inside tableColumns first (offsets of the original text), then the appended columns.
  let out = splice(xml, splices);
  const c2 = findElement(out, "tableColumns") as NonNullable<typeof cols>;
  out = out.slice(0, c2.innerEnd) + added.join("") + out.slice(c2.innerEnd);
  const c3 = findElement(out, "tableColumns") as NonNullable<typeof cols>;
  const count = findElements(out, "tableColumn", c3.innerStart, c3.innerEnd).length;
  out =
    out.slice(0, c3.start) +
    setAttribute(c3.tag, "count", String(count)) +
    out.slice(c3.start + c3.tag.length);

  const ref = `${columnLetter(table.left)}${table.top}:${columnLetter(right)}${table.bottom}`;
  const r = findElement(out, "table") as NonNullable<typeof root>;
  out = out.slice(0, r.start) + setAttribute(r.tag, "ref", ref) + out.slice(r.start + r.tag.length);
  const af = findElement(out, "autoFilter");
  if (af && af.start < (findElement(out, "tableColumns")?.start ?? Infinity)) {
    const bodyBottom = table.bottom - table.totalsRows;
    const afRef = `${columnLetter(table.left)}${table.top}:${columnLetter(right)}${bodyBottom}`;
    out = out.slice(0, af.start) + setAttribute(af.tag, "ref", afRef) + out.slice(af.start + af.tag.length);
  }
  return out;
}

function columnXml(prefix: string, id: string, e: TableColumnEdit): string {
  // Line breaks and other control characters are stored as `_xHHHH_` in table column names.
  const name = escapeXstringAttr(e.name);
  if (e.formula === null) return `<${prefix}tableColumn id="${id}" name="${name}"/>`;
  return (
    `<${prefix}tableColumn id="${id}" name="${name}">` +
    `<${prefix}calculatedColumnFormula>${escapeFormulaText(e.formula)}</${prefix}calculatedColumnFormula>` +
    `</${prefix}tableColumn>`
  );
}

function freeName(used: Set<string>, n: number): string {
  for (let i = n; ; i++) if (!used.has(`colonna${i}`)) return `Colonna${i}`;
}

export { REL_TYPES };
