// Prepara fogli / template / sample: creates the missing input sheets and their Excel tables.
// An existing sheet's data is never touched.
import type * as ExcelJS from "exceljs";
import type { PrepareResult } from "../../app/host";
import { validationMessages } from "../../domain/messages";
import { columnLetter, isCellError, isUncachedFormula, type RawValue } from "../../domain/raw";
import { TABLES } from "../../domain/schema";
import type { InputTableSpec, WorkbookTemplate } from "../../domain/sheet";
import { sheetTables, type TableModel } from "./internals";
import { applyDefinedNames } from "./names";
import { cellValue, readSheet, tableBounds } from "./read";
import { replaceWorksheet } from "./render";
import { findWorksheet } from "./rollups";

const FONT = { name: "Calibri", size: 11 };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { ...FONT, bold: true, color: { argb: "FF1F3864" } },
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" }, bgColor: { argb: "FFDDEBF7" } },
  alignment: { vertical: "middle", wrapText: true },
  border: { bottom: { style: "thin", color: { argb: "FF8EA9DB" } } },
};
const TABLE_STYLE = { theme: "TableStyleLight9", showRowStripes: true, showColumnStripes: false };
/** Data validation and column formats reach this many rows below the data (room to type). */
const BODY_MARGIN = 500;
const MIN_BODY_LAST_ROW = 1000;

export function prepareSheets(
  wb: ExcelJS.Workbook,
  template: WorkbookTemplate,
  options: { fillRows: boolean },
): PrepareResult {
  const result: PrepareResult = { createdSheets: [], createdTables: [] };
  for (const spec of template.tables) {
    if (options.fillRows && refillPrepared(wb, spec, result)) continue;
    if (tableNameTaken(wb, spec.table)) continue;
    let ws = findWorksheet(wb, spec.sheet);
    if (!ws) {
      ws = wb.addWorksheet(spec.sheet);
      result.createdSheets.push(spec.sheet);
      layOutTable(ws, spec, options.fillRows);
      result.createdTables.push(spec.table);
    } else if (isBlankSheet(ws)) {
      layOutTable(ws, spec, options.fillRows);
      result.createdTables.push(spec.table);
    } else if (tableOverExistingHeaders(ws, spec)) {
      result.createdTables.push(spec.table);
    }
  }
  if (template.definedNames.length > 0) applyDefinedNames(wb, template.definedNames);
  return result;
}

/**
 * Carica esempio after Prepara fogli: the sheets and tables exist but hold no data. An input sheet
 * with its table and no data row is laid out again with the rows; in Parametri only empty values are
 * filled (what the user typed stays). Returns false when the sheet is not such a prepared one.
 */
function refillPrepared(wb: ExcelJS.Workbook, spec: InputTableSpec, result: PrepareResult): boolean {
  const ws = findWorksheet(wb, spec.sheet);
  if (!ws || !sheetTables(ws).some((t) => t.name.toLowerCase() === spec.table.toLowerCase())) return false;
  if (spec.table === TABLES.parametri) {
    const table = sheetTables(ws).find((t) => t.name.toLowerCase() === spec.table.toLowerCase());
    const bounds = table ? tableBounds(table) : null;
    if (bounds) fillEmptyParametri(ws, spec, bounds.firstCol, bounds.headerRow);
    return true;
  }
  if (hasDataRow(ws) || spec.rows.length === 0) return false;
  const fresh = replaceWorksheet(wb, ws.name);
  layOutTable(fresh, spec, true);
  result.createdTables.push(spec.table);
  return true;
}

function fillEmptyParametri(
  ws: ExcelJS.Worksheet,
  spec: InputTableSpec,
  keyCol: number,
  headerRow: number,
): void {
  const wanted = new Map(
    spec.rows.map((r) => [
      String(r[0] ?? "")
        .trim()
        .toLowerCase(),
      r[1] ?? null,
    ]),
  );
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r <= headerRow) return;
    const key = cellValue(row.getCell(keyCol));
    if (typeof key !== "string") return;
    const value = wanted.get(key.trim().toLowerCase());
    const cell = row.getCell(keyCol + 1);
    if (value === undefined || value === null || cellValue(cell) !== null) return;
    const v = toCellValue(value);
    if (v !== null) cell.value = v;
  });
}

function tableNameTaken(wb: ExcelJS.Workbook, name: string): boolean {
  return wb.worksheets.some((ws) => sheetTables(ws).some((t) => t.name.toLowerCase() === name.toLowerCase()));
}

function isBlankSheet(ws: ExcelJS.Worksheet): boolean {
  if (sheetTables(ws).length > 0) return false;
  let blank = true;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cellValue(cell) !== null) blank = false;
    });
  });
  return blank;
}

function layOutTable(ws: ExcelJS.Worksheet, spec: InputTableSpec, fillRows: boolean): void {
  // Parametri rows are settings (the defaults), part of the layout: written even without fillRows.
  const rows = fillRows || spec.table === TABLES.parametri ? spec.rows : [];
  const bodyRows = Math.max(1, rows.length);
  const lastRow = 1 + bodyRows;
  const validationLast = Math.max(MIN_BODY_LAST_ROW, lastRow + BODY_MARGIN);

  // Column formats first: exceljs copies a column's style into the cells it already has.
  const bodyStyles = spec.columns.map((col, i) => {
    const style: Partial<ExcelJS.Style> = { font: FONT };
    if (col.numberFormat) style.numFmt = col.numberFormat;
    const column = ws.getColumn(i + 1);
    column.width = col.width;
    column.style = style;
    return style;
  });

  const header = ws.getRow(1);
  spec.columns.forEach((col, i) => {
    const cell = header.getCell(i + 1);
    cell.value = col.header;
    cell.style = HEADER_STYLE;
  });
  header.height = 30;

  rows.forEach((values, r) => {
    const row = ws.getRow(2 + r);
    spec.columns.forEach((_col, c) => {
      const cell = row.getCell(c + 1);
      cell.style = bodyStyles[c];
      const v = toCellValue(values[c] ?? null);
      if (v !== null) cell.value = v;
    });
  });

  spec.columns.forEach((col, i) => {
    if (!col.validation) return;
    // Excel refuses (repairs) a list validation whose text exceeds 255 characters.
    if (col.validation.type === "list" && col.validation.values.join(",").length > 253) return;
    const letter = columnLetter(i + 1);
    // Not in exceljs's typings, but the documented way to validate a whole range in one entry.
    const dv = (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } })
      .dataValidations;
    dv.add(`${letter}2:${letter}${validationLast}`, toValidation(col.validation));
  });

  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];
  addTableOver(
    ws,
    spec.table,
    spec.columns.map((c) => c.header),
    1,
    1,
    lastRow,
  );
}

function toCellValue(v: RawValue): ExcelJS.CellValue {
  if (v === null || isCellError(v) || isUncachedFormula(v)) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  // Strings stay strings in exceljs (also "=…", "+…"): written as text cells, never as formulas.
  return v;
}

function toValidation(
  v: NonNullable<InputTableSpec["columns"][number]["validation"]>,
): ExcelJS.DataValidation {
  switch (v.type) {
    case "list":
      return {
        type: "list",
        allowBlank: true,
        formulae: [`"${v.values.map((s) => s.replace(/"/g, '""')).join(",")}"`],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: validationMessages.listTitle,
        error: validationMessages.list(v.values),
      };
    case "decimal":
      return {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [v.min, v.max],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: validationMessages.decimalTitle,
        error: validationMessages.decimal(v.min, v.max),
      };
    case "date":
      return {
        type: "date",
        operator: "between",
        allowBlank: true,
        formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: validationMessages.dateTitle,
        error: validationMessages.date,
      };
  }
}

/**
 * A table whose cells are already written. addTable (with no rows) only writes the header names,
 * which equal the cells; the body extent is then set on the model exceljs serialises.
 */
function addTableOver(
  ws: ExcelJS.Worksheet,
  name: string,
  headers: string[],
  headerRow: number,
  firstCol: number,
  lastRow: number,
): void {
  const ref = `${columnLetter(firstCol)}${headerRow}`;
  const table = ws.addTable({
    name,
    displayName: name,
    ref,
    headerRow: true,
    totalsRow: false,
    style: TABLE_STYLE,
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows: [],
  } as ExcelJS.TableProperties) as unknown as { table: TableModel };
  const right = columnLetter(firstCol + headers.length - 1);
  const bottom = Math.max(lastRow, headerRow + 1);
  table.table.tableRef = `${ref}:${right}${bottom}`;
  table.table.autoFilterRef = `${ref}:${right}${bottom}`;
}

/**
 * A sheet with data but no table: when row 1 holds distinct plain-text headers over the whole used
 * width and most of the template's headers are among them, an Excel table is laid over it as is.
 */
function tableOverExistingHeaders(ws: ExcelJS.Worksheet, spec: InputTableSpec): boolean {
  // Excel refuses a table over merged cells or under a sheet-level filter.
  if (sheetTables(ws).length > 0 || ws.hasMerges || ws.autoFilter) return false;
  let lastCol = 0;
  let lastRow = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cellValue(cell) === null) return;
      lastCol = Math.max(lastCol, c);
      lastRow = Math.max(lastRow, r);
    });
  });
  if (lastCol === 0) return false;
  const headers: string[] = [];
  const seen = new Set<string>();
  const header = ws.getRow(1);
  for (let c = 1; c <= lastCol; c++) {
    const cell = header.getCell(c);
    if (cell.isMerged || typeof cell.value !== "string" || !cell.value.trim()) return false;
    const key = cell.value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    headers.push(cell.value);
  }
  const norm = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase();
  const present = new Set(headers.map(norm));
  const known = spec.columns.filter((c) => present.has(norm(c.header))).length;
  if (known * 2 < spec.columns.length) return false;
  addTableOver(ws, spec.table, headers, 1, 1, lastRow);
  return true;
}

/** A data row: any non-blank cell below the header row (the table's, else the first used row). */
export function hasDataRow(ws: ExcelJS.Worksheet): boolean {
  const tables = sheetTables(ws)
    .map(tableBounds)
    .filter((t) => t !== null);
  const sheet = readSheet(ws);
  if (sheet.values.length === 0) return false;
  const headerRow = tables.length > 0 ? Math.min(...tables.map((t) => t.headerRow)) : sheet.originRow;
  return sheet.values.some(
    (row, i) =>
      sheet.originRow + i > headerRow && row.some((v) => v !== null && !(typeof v === "string" && !v.trim())),
  );
}
