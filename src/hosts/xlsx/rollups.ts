// Computed columns (formulas with cached results), defined names and the Riepilogo sheet.
// Only the add-in's own cells are written: input cells keep value, formula, format and style.
import type * as ExcelJS from "exceljs";
import { columnLetter } from "../../domain/raw";
import type { ComputedColumn, ComputedTable, RollupWritePlan } from "../../domain/sheet";
import { sheetTables, type TableModel } from "./internals";
import { applyDefinedNames } from "./names";
import { decodeRange } from "./read";
import { renderSheet } from "./render";

const HELPER_FONT = { name: "Calibri", size: 9, color: { argb: "FF808080" } };

export function writeRollups(wb: ExcelJS.Workbook, plan: RollupWritePlan): void {
  for (const t of plan.computed) writeComputedTable(wb, t);
  applyDefinedNames(wb, plan.definedNames);
  renderSheet(wb, plan.riepilogo);
}

export function findWorksheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
}

function writeComputedTable(wb: ExcelJS.Workbook, t: ComputedTable): void {
  const ws = findWorksheet(wb, t.sheet);
  if (!ws) throw new Error(`writeRollups: foglio ${t.sheet} assente`);
  const table = t.table
    ? sheetTables(ws).find((m) => m.name.toLowerCase() === (t.table as string).toLowerCase())
    : undefined;
  const headerRow = ws.getRow(t.headerRow);
  for (const column of t.columns) {
    writeHeader(ws, headerRow, column, table);
    writeBody(ws, t, column);
  }
  if (table) extendTable(ws, table, t);
}

function writeHeader(
  ws: ExcelJS.Worksheet,
  headerRow: ExcelJS.Row,
  column: ComputedColumn,
  table: TableModel | undefined,
): void {
  const cell = headerRow.getCell(column.col);
  const isNew = cell.value === null || cell.value === undefined;
  cell.value = column.header;
  if (isNew) {
    // Look like the headers beside it: copy the style of the nearest header cell on the left.
    const firstCol = table?.tableRef ? (decodeRange(table.tableRef)?.left ?? 1) : 1;
    for (let c = column.col - 1; c >= firstCol; c--) {
      const left = headerRow.getCell(c);
      if (left.value !== null && left.value !== undefined) {
        cell.style = { ...left.style };
        break;
      }
    }
    const col = ws.getColumn(column.col);
    if (!col.width) col.width = column.helper ? 6 : Math.max(12, Math.min(40, column.header.length + 2));
  }
}

function writeBody(ws: ExcelJS.Worksheet, t: ComputedTable, column: ComputedColumn): void {
  const style: Partial<ExcelJS.Style> = {};
  if (column.numberFormat) style.numFmt = column.numberFormat;
  if (column.helper) style.font = HELPER_FONT;
  column.formulas.forEach((f, i) => {
    const cell = ws.getRow(t.firstRow + i).getCell(column.col);
    const formula = f.startsWith("=") ? f.slice(1) : f;
    const result = column.results[i];
    cell.value = (
      result === null || result === undefined ? { formula } : { formula, result }
    ) as ExcelJS.CellFormulaValue;
    cell.style = style;
  });
  // Rows that no longer exist (a shorter plain range than last time): drop our stale formulas only.
  const end = ws.rowCount;
  for (let r = t.firstRow + column.formulas.length; r <= end; r++) {
    const row = ws.findRow(r);
    const cell = row?.findCell(column.col);
    if (cell && cell.type === 6 /* ValueType.Formula */) cell.value = null;
  }
}

/**
 * Makes the computed columns part of the Excel table by editing the table model that exceljs
 * serialises (tableRef, autoFilterRef, columns). The Table API (addColumn + commit) would rewrite
 * every cell of the table from its own copy of the rows, and loaded tables have no such copy.
 */
function extendTable(ws: ExcelJS.Worksheet, table: TableModel, t: ComputedTable): void {
  const box = table.tableRef ? decodeRange(table.tableRef) : null;
  if (!box) return;
  const byCol = new Map(t.columns.map((c) => [c.col, c]));
  const newRight = Math.max(box.right, ...t.columns.map((c) => c.col));
  const headerRowNumber = box.top;
  const headerRow = ws.getRow(headerRowNumber);
  // Columns inside the table whose header the plan rewrote: the table column name must match the cell.
  for (let c = box.left; c <= box.right; c++) {
    const computed = byCol.get(c);
    const model = table.columns[c - box.left];
    if (computed && model) model.name = computed.header;
  }
  const used = new Set(table.columns.map((c) => c.name.toLowerCase()));
  for (let c = box.right + 1; c <= newRight; c++) {
    let name = byCol.get(c)?.header;
    if (!name) {
      // A gap between the table and an appended column: it becomes a table column too.
      const text = headerRow.getCell(c).value;
      name = typeof text === "string" && text.trim() && !used.has(text.toLowerCase()) ? text : undefined;
      for (let n = c - box.left + 1; !name; n++) {
        if (!used.has(`colonna${n}`)) name = `Colonna${n}`;
      }
      headerRow.getCell(c).value = name;
    }
    used.add(name.toLowerCase());
    table.columns.push({ name, filterButton: true });
  }
  const bodyBottom = box.bottom - (table.totalsRow ? 1 : 0);
  table.tableRef = `${columnLetter(box.left)}${box.top}:${columnLetter(newRight)}${box.bottom}`;
  table.autoFilterRef = `${columnLetter(box.left)}${box.top}:${columnLetter(newRight)}${bodyBottom}`;
}
