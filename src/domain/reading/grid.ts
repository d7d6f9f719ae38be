// A raw input sheet addressed by worksheet row and column, and the problems collected while reading it.
import { problemMessages } from "../messages";
import { cellAddress, type RawSheet, type RawTable, type RawValue, type RawWorkbook } from "../model/raw";
import { problem, type Problem, type RuleCode } from "../rules/problems";
import { normalizeHeader } from "./headers";
import { isBlank, toRawValue, type CellRead } from "./values";

// ---------------------------------------------------------------------------------------------
// Sheet access
// ---------------------------------------------------------------------------------------------

export const textName = (v: unknown): string => (typeof v === "string" ? v : "");

/** A raw sheet addressed by worksheet row and column. */
export class Grid {
  readonly name: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  private readonly values: unknown[][];
  private readonly formats: unknown[][] | undefined;

  constructor(
    readonly sheet: RawSheet,
    readonly date1904 = false,
  ) {
    this.name = typeof sheet.name === "string" ? sheet.name : "";
    this.values = Array.isArray(sheet.values) ? sheet.values : [];
    this.formats = Array.isArray(sheet.numberFormats) ? sheet.numberFormats : undefined;
    this.firstRow = Number.isInteger(sheet.originRow) && sheet.originRow >= 1 ? sheet.originRow : 1;
    this.firstCol = Number.isInteger(sheet.originCol) && sheet.originCol >= 1 ? sheet.originCol : 1;
    let width = 0;
    for (const row of this.values) if (Array.isArray(row) && row.length > width) width = row.length;
    this.lastRow = this.firstRow + this.values.length - 1;
    this.lastCol = this.firstCol + width - 1;
  }

  /** The raw cells of a worksheet row (index 0 = column firstCol), or null outside the used range. */
  rowAt(row: number): unknown[] | null {
    const r = this.values[row - this.firstRow];
    return Array.isArray(r) ? r : null;
  }

  formatRowAt(row: number): unknown[] | null {
    const r = this.formats?.[row - this.firstRow];
    return Array.isArray(r) ? r : null;
  }

  value(row: number, col: number): RawValue {
    const r = this.values[row - this.firstRow];
    return Array.isArray(r) ? toRawValue(r[col - this.firstCol]) : null;
  }

  format(row: number, col: number): string | undefined {
    const r = this.formats?.[row - this.firstRow];
    const f = Array.isArray(r) ? r[col - this.firstCol] : undefined;
    return typeof f === "string" ? f : undefined;
  }

  isBlankRow(row: number, firstCol: number, lastCol: number): boolean {
    return this.isBlankCells(this.rowAt(row), firstCol, lastCol);
  }

  isBlankCells(r: unknown[] | null, firstCol: number, lastCol: number): boolean {
    if (r === null) return true;
    const from = Math.max(firstCol, this.firstCol);
    const to = Math.min(lastCol, this.lastCol);
    for (let c = from; c <= to; c++) if (!isBlank(r[c - this.firstCol])) return false;
    return true;
  }

  tables(): RawTable[] {
    const ts = Array.isArray(this.sheet.tables) ? this.sheet.tables : [];
    return ts.filter(
      (t) =>
        t !== null &&
        typeof t === "object" &&
        Number.isInteger(t.headerRow) &&
        Number.isInteger(t.firstCol) &&
        Number.isInteger(t.lastCol) &&
        Number.isInteger(t.lastRow) &&
        t.headerRow >= 1 &&
        t.firstCol >= 1 &&
        t.lastCol >= t.firstCol &&
        // Excel's limits: anything beyond is not a real table
        t.lastCol <= 16384 &&
        t.lastRow <= 1048576,
    );
  }
}

/** Problems and broken cells collected while reading. */
export class Collector {
  readonly problems: Problem[] = [];
  readonly brokenCells = new Set<string>();

  add(
    rule: RuleCode,
    sheet: string,
    row: number | null,
    column: string | null,
    col: number | null,
    objective: string | null,
    message: string,
  ): void {
    this.problems.push(
      problem(rule, {
        sheet,
        row,
        column,
        cell: row !== null && col !== null ? cellAddress(sheet, row, col) : null,
        objective,
        message,
      }),
    );
  }

  /** Reports an unreadable cell (error value, not a number, not a date) and marks it broken. */
  invalidCell(
    read: Extract<CellRead<unknown>, { status: "invalid" }>,
    grid: Grid,
    row: number,
    col: number,
    column: string,
    objective: string | null,
    yesNoHint = false,
  ): void {
    const message =
      read.rule === "CELL_ERROR"
        ? problemMessages.CELL_ERROR(column, read.found)
        : read.rule === "FORMULA_NO_VALUE"
          ? problemMessages.FORMULA_NO_VALUE(column, read.found)
          : read.rule === "DATE_INVALID"
            ? problemMessages.DATE_INVALID(column, read.found)
            : yesNoHint
              ? problemMessages.NUMBER_INVALID_YES_NO(column, read.found)
              : problemMessages.NUMBER_INVALID(column, read.found);
    this.add(read.rule, grid.name, row, column, col, objective, message);
    this.brokenCells.add(cellAddress(grid.name, row, col));
  }
}

export function findSheet(wb: RawWorkbook, name: string): Grid | null {
  const sheets = Array.isArray(wb?.sheets) ? wb.sheets.filter((s) => s && typeof s === "object") : [];
  const date1904 = wb.date1904 === true;
  const exact = sheets.find((s) => s.name === name);
  if (exact) return new Grid(exact, date1904);
  const wanted = normalizeHeader(name);
  const loose = sheets.find((s) => typeof s.name === "string" && normalizeHeader(s.name) === wanted);
  return loose ? new Grid(loose, date1904) : null;
}
