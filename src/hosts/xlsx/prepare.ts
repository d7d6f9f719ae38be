// Prepara fogli / template / sample: creates the missing input sheets and their Excel tables.
// An existing sheet's data is never touched; a sheet the add-in lays out is a new part (or a blank
// sheet's part), and a table laid over existing headers is one new table part.
import type { PrepareResult } from "../../app/host";
import { normalizeHeader } from "../../domain/reading/headers";
import { encodeRange, isCellError, isUncachedFormula, type RawValue } from "../../domain/model/raw";
import { TABLES } from "../../domain/model/schema";
import { INPUT_TABLE_LOOK, type InputTableSpec, type WorkbookTemplate } from "../../domain/model/sheet";
import { inputSheetLook } from "../../domain/template/look";
import { DATE_FORMAT } from "../../domain/template/template";
import type { XmlRow } from "./cells";
import type { SheetEntry, XlsxDocument } from "./document";
import { renderLookXml, renderTableXml } from "./inputSheetXml";
import { CONTENT_TYPES, REL_TYPES, relsPathOf } from "./package";
import { parseSheet, type ParsedSheet } from "./read";
import { cellXml, patchSheetCells, type CellWrite } from "./sheetPatch";
import { jsDateSerial } from "./sheetXml";
import { allTableIds, rawTableOf, readSheetTables } from "./tables";
import { relIdAttribute } from "./workbook";
import { findElement } from "./xml";

export async function prepareSheets(
  doc: XlsxDocument,
  template: WorkbookTemplate,
  options: { fillRows: boolean },
): Promise<PrepareResult> {
  const result: PrepareResult = { createdSheets: [], createdTables: [] };
  for (const spec of template.tables) {
    if (options.fillRows && (await refillPrepared(doc, spec, result))) continue;
    if (await tableNameTaken(doc, spec.table)) continue;
    const entry = doc.sheet(spec.sheet);
    if (!entry) {
      await layOutTable(doc, spec, options.fillRows);
      result.createdSheets.push(spec.sheet);
      result.createdTables.push(spec.table);
      continue;
    }
    if (entry.kind !== "worksheet" || !entry.path) continue;
    const parsed = await parseSheet(doc, entry);
    if (isBlankSheet(doc, parsed)) {
      await layOutTable(doc, spec, options.fillRows);
      result.createdTables.push(spec.table);
    } else if (await tableOverExistingHeaders(doc, parsed, spec)) {
      result.createdTables.push(spec.table);
    }
  }
  if (template.definedNames.length > 0) {
    await doc.editNames(
      template.definedNames.map((n) => ({
        name: n.name,
        localSheetId: null,
        text: n.refersTo.startsWith("=") ? n.refersTo.slice(1) : n.refersTo,
      })),
    );
  }
  return result;
}

async function tableNameTaken(doc: XlsxDocument, name: string): Promise<boolean> {
  for (const s of doc.info.sheets) {
    if (s.kind !== "worksheet" || !s.path) continue;
    if ((await readSheetTables(doc.pkg, s.path)).some((t) => t.name.toLowerCase() === name.toLowerCase()))
      return true;
  }
  return false;
}

/** No value, no table, no drawing or other part attached: nothing of the user's to keep. */
function isBlankSheet(doc: XlsxDocument, sheet: ParsedSheet): boolean {
  if (sheet.tables.length > 0) return false;
  if (doc.pkg.has(relsPathOf(sheet.entry.path))) return false;
  return sheet.rows.every((r) => r.cells.every((c) => c.value === null || c.value === ""));
}

/** Writes the sheet (new, or over a blank/prepared one) and its table part, as the domain describes it. */
export async function layOutTable(
  doc: XlsxDocument,
  spec: InputTableSpec,
  fillRows: boolean,
  existingTablePath?: string,
): Promise<void> {
  const styles = await doc.styles();
  const look = inputSheetLook(spec, { fillRows });
  const relId = "rId1";
  const sheet = renderLookXml(look, styles, { tableRelId: relId, date1904: doc.date1904 });
  await doc.putSheet(spec.sheet, new TextEncoder().encode(sheet));
  const target = doc.sheet(spec.sheet) as SheetEntry;
  const tablePath = existingTablePath ?? doc.pkg.freePath("xl/tables", "table", "xml");
  const id = Math.max(0, ...(await allTableIds(doc.pkg))) + 1;
  doc.pkg.setText(
    tablePath,
    renderTableXml({
      id,
      name: look.table.name,
      ref: encodeRange(look.table.box),
      columns: look.table.columns,
      styleName: look.table.style,
    }),
  );
  await doc.pkg.setContentType(tablePath, CONTENT_TYPES.table);
  const got = await doc.pkg.addRelationship(target.path, REL_TYPES.table, tablePath);
  if (got !== relId) throw new Error(`prepare: relationship ${got} instead of ${relId}`);
}

/**
 * Carica esempio after Prepara fogli: the sheets and tables exist but hold no data. An input sheet
 * with its table and no data row is laid out again with the rows; in Parametri only empty values are
 * filled (what the user typed stays). Returns false when the sheet is not such a prepared one.
 */
async function refillPrepared(
  doc: XlsxDocument,
  spec: InputTableSpec,
  result: PrepareResult,
): Promise<boolean> {
  const entry = doc.sheet(spec.sheet);
  if (!entry || entry.kind !== "worksheet" || !entry.path) return false;
  const parsed = await parseSheet(doc, entry);
  const table = parsed.tables.find((t) => t.name.toLowerCase() === spec.table.toLowerCase());
  if (!table) return false;
  if (spec.table === TABLES.parametri) {
    await fillEmptyParametri(doc, parsed, spec, table.left, rawTableOf(table).headerRow);
    return true;
  }
  if (hasDataRow(parsed) || spec.rows.length === 0) return false;
  // The part is the one Prepara fogli wrote: replaced whole, its table part reused.
  await layOutTable(doc, spec, true, table.path);
  result.createdTables.push(spec.table);
  return true;
}

async function fillEmptyParametri(
  doc: XlsxDocument,
  sheet: ParsedSheet,
  spec: InputTableSpec,
  keyCol: number,
  headerRow: number,
): Promise<void> {
  const wanted = new Map(spec.rows.map((r) => [normalizeHeader(String(r[0] ?? "")), r[1] ?? null]));
  const styles = await doc.styles();
  const prefix = findElement(sheet.xml, "sheetData")?.prefix ?? "";
  const writes: CellWrite[] = [];
  for (const row of sheet.rows) {
    if (row.row <= headerRow) continue;
    const key = row.cells.find((c) => c.col === keyCol)?.value;
    if (typeof key !== "string") continue;
    const value = wanted.get(normalizeHeader(key));
    const cell = row.cells.find((c) => c.col === keyCol + 1);
    if (value === undefined || value === null || (cell && cell.value !== null && cell.value !== "")) continue;
    const style = cell?.style ?? 0;
    const xml = valueCell(prefix, row.row, keyCol + 1, style, value, doc.date1904, () =>
      styles.xfWith(style, { numberFormat: DATE_FORMAT }),
    );
    if (xml) writes.push({ row: row.row, col: keyCol + 1, xml });
  }
  if (writes.length > 0) doc.setSheetXml(sheet.entry, patchSheetCells(sheet.xml, sheet.rows, writes));
}

function valueCell(
  prefix: string,
  row: number,
  col: number,
  style: number,
  v: RawValue,
  date1904: boolean,
  dateStyle: () => number,
): string | null {
  if (v === null || isCellError(v) || isUncachedFormula(v)) return null;
  if (typeof v === "number")
    return Number.isFinite(v) ? cellXml(prefix, row, col, style, { kind: "number", value: v }) : null;
  if (typeof v === "string") return cellXml(prefix, row, col, style, { kind: "text", text: v });
  if (typeof v === "boolean")
    return cellXml(prefix, row, col, style, { kind: "text", text: v ? "VERO" : "FALSO" });
  const serial = jsDateSerial(v, date1904);
  return serial === null ? null : cellXml(prefix, row, col, dateStyle(), { kind: "number", value: serial });
}

/**
 * A sheet with data but no table: when row 1 holds distinct plain-text headers over the whole used
 * width and most of the template's headers are among them, an Excel table is laid over it as is.
 */
async function tableOverExistingHeaders(
  doc: XlsxDocument,
  sheet: ParsedSheet,
  spec: InputTableSpec,
): Promise<boolean> {
  // Excel refuses a table over merged cells or under a sheet-level filter.
  if (sheet.tables.length > 0 || sheet.merges.length > 0 || findElement(sheet.xml, "autoFilter"))
    return false;
  let lastCol = 0;
  let lastRow = 0;
  for (const r of sheet.rows)
    for (const c of r.cells) {
      if (c.value === null || c.value === "") continue;
      lastCol = Math.max(lastCol, c.col);
      lastRow = Math.max(lastRow, c.row);
    }
  if (lastCol === 0) return false;
  const header = sheet.rows.find((r) => r.row === 1);
  const headers: string[] = [];
  const seen = new Set<string>();
  for (let c = 1; c <= lastCol; c++) {
    const v = header?.cells.find((x) => x.col === c)?.value;
    if (typeof v !== "string" || !v.trim()) return false;
    const k = v.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    headers.push(v);
  }
  const present = new Set(headers.map(normalizeHeader));
  const known = spec.columns.filter((c) => present.has(normalizeHeader(c.header))).length;
  if (known * 2 < spec.columns.length) return false;

  const tablePath = doc.pkg.freePath("xl/tables", "table", "xml");
  const id = Math.max(0, ...(await allTableIds(doc.pkg))) + 1;
  const ref = encodeRange({ top: 1, left: 1, bottom: Math.max(lastRow, 2), right: lastCol });
  doc.pkg.setText(
    tablePath,
    renderTableXml({ id, name: spec.table, ref, columns: headers, styleName: INPUT_TABLE_LOOK.tableStyle }),
  );
  await doc.pkg.setContentType(tablePath, CONTENT_TYPES.table);
  const relId = await doc.pkg.addRelationship(sheet.entry.path, REL_TYPES.table, tablePath);
  doc.setSheetXml(sheet.entry, addTablePart(sheet.xml, relId));
  return true;
}

/** `<tableParts>` is near the end of a worksheet, only `extLst` may follow it. */
function addTablePart(xml: string, relId: string): string {
  const root = findElement(xml, "worksheet");
  const prefix = root?.prefix ?? "";
  const out = xml;
  const el = `<${prefix}tableParts count="1"><${prefix}tablePart ${relIdAttribute(xml, "worksheet", relId)}/></${prefix}tableParts>`;
  const close = out.lastIndexOf(`</${prefix}worksheet>`);
  // The worksheet's own extLst, when present, is its last child: the table parts go before it.
  if (out.slice(0, close).trimEnd().endsWith(`</${prefix}extLst>`)) {
    const ext = Math.max(
      out.lastIndexOf(`<${prefix}extLst>`, close),
      out.lastIndexOf(`<${prefix}extLst `, close),
    );
    if (ext >= 0) return out.slice(0, ext) + el + out.slice(ext);
  }
  return out.slice(0, close) + el + out.slice(close);
}

/** A data row: any non-blank cell below the header row (the table's, else the first used row). */
export function hasDataRow(sheet: ParsedSheet): boolean {
  const headers = sheet.tables.map((t) => rawTableOf(t).headerRow);
  const used = (r: XmlRow) =>
    r.cells.some((c) => c.value !== null && !(typeof c.value === "string" && !c.value.trim()));
  const firstUsed = sheet.rows.find(used)?.row;
  if (firstUsed === undefined) return false;
  const headerRow = headers.length > 0 ? Math.min(...headers) : firstUsed;
  return sheet.rows.some((r) => r.row > headerRow && used(r));
}
