// exceljs internals the public typings do not describe (tables of loaded files, defined names).
// Verified against exceljs 4.4.0; test/xlsx/ exercises every one of them.
import type * as ExcelJS from "exceljs";

/** A table column as exceljs keeps it (loaded from XML or given to addTable). */
export interface TableColumnModel {
  name: string;
  filterButton?: boolean;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  [k: string]: unknown;
}

/**
 * The table model. Loaded tables have `tableRef` ("A1:M34") and `autoFilterRef` but no `ref`;
 * tables made with addTable have `ref` (top-left) plus `tableRef` computed once by exceljs.
 * The writer serialises `tableRef`, `autoFilterRef` and `columns` as they are.
 */
export interface TableModel {
  name: string;
  displayName?: string;
  ref?: string;
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: TableColumnModel[];
  rows?: unknown[][];
  style?: Record<string, unknown>;
}

export interface TableObject {
  table: TableModel;
}

/** `ws.tables` is a plain object keyed by table name (loaded and added tables alike). */
export function sheetTables(ws: ExcelJS.Worksheet): TableModel[] {
  const tables = (ws as unknown as { tables?: Record<string, TableObject | undefined> }).tables ?? {};
  return Object.values(tables)
    .filter((t): t is TableObject => !!t && !!t.table)
    .map((t) => t.table);
}

export interface DefinedNamesInternal {
  matrixMap: Record<string, unknown>;
  add(locStr: string, name: string): void;
  model: { name: string; ranges: string[] }[];
}

export function definedNamesOf(wb: ExcelJS.Workbook): DefinedNamesInternal {
  return wb.definedNames as unknown as DefinedNamesInternal;
}

export interface WorksheetInternal {
  orderNo: number;
}
