// How formulas address the data: structured references in Excel tables (the table's real column names), absolute A1 ranges in plain ranges.
import type { SheetLayout } from "../model/model";
import { columnLetter, quoteSheetName } from "../model/raw";
import { normalizeHeader } from "../reading/headers";

// ---------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------

/** Excel's escape for a column name inside a structured reference: `'`, `#`, `[`, `]` get a `'`. */
export function escapeColumnName(name: string): string {
  return name.replace(/['#[\]]/g, (c) => `'${c}`);
}

// Characters after which Excel needs the inner brackets even in a whole-column reference (and any
// whitespace but a plain inner space: leading/trailing spaces would read as formatting).
const SPECIAL_COLUMN_CHARS = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/@!()%~`;?|\\\u00a0\u202f]|^\s|\s$/;

/** A column LibreOffice cannot address by name: `[NAME'']` (an escaped apostrophe before `]`). */
function unaddressable(name: string): boolean {
  return name.endsWith("'");
}

/** How formulas address the data of one sheet: whole columns and the cell of the current row. */
export interface SheetRefs {
  /** Whole data column (table column or absolute range over the data rows). */
  column(col: number): string;
  /** The cell of `row` in column `col` (same sheet as the formula). */
  here(col: number, row: number): string;
  /** True when formulas are equal on every row (an Excel table, where they form a calculated column). */
  readonly structured: boolean;
}

export function sheetRefs(
  layout: Pick<SheetLayout, "sheet" | "table" | "firstRow" | "lastRow">,
  nameOf: (col: number) => string,
): SheetRefs {
  const last = Math.max(layout.firstRow, layout.lastRow);
  const s = quoteSheetName(layout.sheet);
  const a1Column = (col: number) => {
    const l = columnLetter(col);
    return `${s}!$${l}$${layout.firstRow}:$${l}$${last}`;
  };
  const a1Here = (col: number, row: number) => `$${columnLetter(col)}${row}`;
  if (layout.table) {
    const t = layout.table;
    return {
      structured: true,
      column(col) {
        const name = nameOf(col);
        if (unaddressable(name)) return a1Column(col);
        const escaped = escapeColumnName(name);
        return SPECIAL_COLUMN_CHARS.test(name) ? `${t}[[${escaped}]]` : `${t}[${escaped}]`;
      },
      here(col, row) {
        const name = nameOf(col);
        return unaddressable(name) ? a1Here(col, row) : `${t}[[#This Row],[${escapeColumnName(name)}]]`;
      },
    };
  }
  return { structured: false, column: a1Column, here: a1Here };
}

/** Places the computed columns: where the header already is, else appended right of the last column. */
export function assignColumns(
  layout: Pick<SheetLayout, "lastCol" | "headers">,
  headers: string[],
): Map<string, number> {
  const existing = new Map<string, number>();
  for (const [col, text] of Object.entries(layout.headers)) {
    const k = normalizeHeader(text);
    if (k !== "" && !existing.has(k)) existing.set(k, Number(col));
  }
  const out = new Map<string, number>();
  let next = Math.max(layout.lastCol, ...Object.keys(layout.headers).map(Number)) + 1;
  for (const h of headers) {
    const found = existing.get(normalizeHeader(h));
    out.set(h, found ?? next++);
  }
  return out;
}
