// What a host hands to the domain: per sheet, the raw cell values of its used range.
// No Office.js or exceljs types here, so the reader is the same for every host.

/** An Excel error value such as `#N/A` or `#REF!`. */
export interface CellErrorValue {
  error: string;
}

/**
 * A formula cell saved without its computed value (openpyxl and other generators write formulas that
 * way). The value is unknown until a spreadsheet recalculates the file.
 */
export interface UncachedFormulaValue {
  uncachedFormula: string;
}

/**
 * One cell as the host read it. Dates may arrive as Date (ISO date cells, exceljs) or as serial numbers
 * with a date format (Office.js, the file host): serials count from 1900, or from 1904 when the
 * workbook says so (`RawWorkbook.date1904`).
 */
export type RawValue = number | string | boolean | Date | CellErrorValue | UncachedFormulaValue | null;

/** An Excel table (ListObject) found on a sheet; coordinates are 1-based worksheet rows and columns. */
export interface RawTable {
  name: string;
  headerRow: number;
  firstCol: number;
  lastCol: number;
  /** Last row of the table body (equals headerRow when the table has no rows). */
  lastRow: number;
  /**
   * Column names exactly as the table definition holds them (trailing spaces and all), left to right:
   * structured references must use these, not the normalised header.
   */
  columns?: string[];
}

export interface RawSheet {
  name: string;
  /** Worksheet row and column (1-based) of values[0][0]. */
  originRow: number;
  originCol: number;
  values: RawValue[][];
  /** Same shape as values, when the host knows the formats ("General", "0%", "dd/mm/yyyy"…). */
  numberFormats?: string[][];
  tables: RawTable[];
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** The workbook counts date serials from 1904 (old Mac workbooks); default false. */
  date1904?: boolean;
  /**
   * The add-in's Monitoraggi sheet (the archive of monitoring snapshots), never an input sheet: handed
   * over only when asked for (`readWorkbook({ monitoraggi: true })`), null when the workbook has none.
   * Absent: the host was not asked, or cannot read it.
   */
  monitoraggi?: RawSheet | null;
}

export function isUncachedFormula(v: unknown): v is UncachedFormulaValue {
  return (
    typeof v === "object" && v !== null && typeof (v as UncachedFormulaValue).uncachedFormula === "string"
  );
}

export function isCellError(v: unknown): v is CellErrorValue {
  return (
    typeof v === "object" &&
    v !== null &&
    !(v instanceof Date) &&
    typeof (v as CellErrorValue).error === "string"
  );
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Inclusive cell bounds, 1-based. */
export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `B3:K40`, `$A$1` or `Fasi!A1:K20` (the sheet part is ignored) → bounds; null when malformed. */
export function decodeRange(ref: string): CellBox | null {
  const local = ref.includes("!") ? ref.slice(ref.lastIndexOf("!") + 1) : ref;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(local.trim());
  if (!m) return null;
  const left = columnIndex(m[1]);
  const top = Number(m[2]);
  const right = m[3] ? columnIndex(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** Bounds → `A1` (one cell) or `A1:K20`. */
export function encodeRange(b: CellBox): string {
  const tl = `${columnLetter(b.left)}${b.top}`;
  return b.top === b.bottom && b.left === b.right ? tl : `${tl}:${columnLetter(b.right)}${b.bottom}`;
}

/**
 * A sheet name as formulas and addresses write it: bare when it is a plain identifier, else quoted
 * with quotes doubled. Names Excel would read as a reference (`Q1`, `R2C3`, `R`, `C`) are quoted too.
 */
export function quoteSheetName(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[Rr](\d*)[Cc]?(\d*)$/.test(name) &&
    !/^[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Sheet-qualified address as problems report it, e.g. `Fasi!G12` (quoted when the name needs it). */
export function cellAddress(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${columnLetter(col)}${row}`;
}
