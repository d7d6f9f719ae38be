// In-memory workbook of the Excel emulator: what a test reads back after the adapter wrote through the
// real Office.js library. Only what the adapter touches is modelled; everything else is refused loudly
// by the protocol layer.

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export type CellValue = number | string | boolean | null;

export interface BorderState {
  style: string;
  weight: string;
  color: string;
}

export interface CellFormat {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  borders?: { top?: BorderState; bottom?: BorderState; left?: BorderState; right?: BorderState };
}

export interface Cell {
  /** Constant value, or the (unknown, so null) result of a formula. */
  value: CellValue;
  formula?: string;
  /** The value is an Excel error such as "#N/A" (tests put these in directly). */
  error?: boolean;
  numberFormat?: string;
  format?: CellFormat;
}

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface TableState {
  id: string;
  name: string;
  /** Whole table range including the header row. */
  rect: Rect;
  showHeaders: boolean;
  style?: string;
}

export interface ConditionalFormatState {
  id: string;
  type: string;
  range: Rect;
  priority: number;
  props: Record<string, unknown>;
}

export interface DataValidationState {
  range: Rect;
  rule?: unknown;
  errorAlert?: { message?: string; showAlert?: boolean; style?: string; title?: string };
  ignoreBlanks?: boolean;
}

export interface PageLayoutState {
  orientation?: string;
  paperSize?: string;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  margins: Record<string, number>;
  centerHorizontally?: boolean;
  printArea?: string;
  printTitleRows?: string;
  headersFooters: Record<string, string>;
}

export interface SheetState {
  id: string;
  name: string;
  /** Keyed by cellKey(row, col). */
  cells: Map<number, Cell>;
  merges: Rect[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  tables: TableState[];
  conditionalFormats: ConditionalFormatState[];
  /** One entry per range a validation was set on: its rule, error alert and blank handling. */
  dataValidations: DataValidationState[];
  pageLayout: PageLayoutState;
  /** Rows after which a manual page break starts a new page (Excel adds a break above a cell). */
  horizontalPageBreaks: number[];
  protected: boolean;
  freezeRows: number;
  freezeCols: number;
  showGridlines: boolean;
  visibility: string;
}

export interface WorkbookState {
  sheets: SheetState[];
  names: Map<string, { name: string; formula: string }>;
  settings: Map<string, unknown>;
  activeSheetId: string | null;
  selection: { sheetId: string; rect: Rect } | null;
  nextId: number;
  /** Dates count from 1904 (old Mac workbooks): DATE gives 1904 serials. */
  date1904?: boolean;
}

/** Numeric keys keep the map fast on sheets with millions of cells. */
export const cellKey = (r: number, c: number): number => r * 20000 + c;

export function splitKey(key: number): [row: number, col: number] {
  return [Math.floor(key / 20000), key % 20000];
}

export function newWorkbook(): WorkbookState {
  return {
    sheets: [],
    names: new Map(),
    settings: new Map(),
    activeSheetId: null,
    selection: null,
    nextId: 1,
  };
}

export function newSheet(wb: WorkbookState, name: string): SheetState {
  const id = `{00000000-0001-0000-0000-${String(wb.nextId++).padStart(12, "0")}}`;
  return {
    id,
    name,
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    tables: [],
    conditionalFormats: [],
    dataValidations: [],
    pageLayout: { margins: {}, headersFooters: {} },
    horizontalPageBreaks: [],
    protected: false,
    freezeRows: 0,
    freezeCols: 0,
    showGridlines: true,
    visibility: "Visible",
  };
}

// ---------------------------------------------------------------------------------------------
// A1 addresses
// ---------------------------------------------------------------------------------------------

export function colLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Splits "Sheet!A1:B2" / "'My sheet'!A1" into sheet name (or null) and the local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.*)$/.exec(address.trim());
  if (!m) return { sheet: null, local: address.trim() };
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), local: m[3] };
}

/** One area: "A1", "A1:B2", "5:6" (rows), "A:C" (columns), with optional $. */
export function parseArea(local: string): Rect {
  const s = local.replace(/\$/g, "").toUpperCase().trim();
  const parts = s.split(":");
  if (parts.length > 2 || parts[0] === "") throw new Error(`bad address ${local}`);
  const one = (p: string) => {
    let m = /^([A-Z]{1,3})(\d+)$/.exec(p);
    if (m) return { r: Number(m[2]), c: colNumber(m[1]), kind: "cell" as const };
    m = /^(\d+)$/.exec(p);
    if (m) return { r: Number(m[1]), c: 0, kind: "row" as const };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { r: 0, c: colNumber(m[1]), kind: "col" as const };
    throw new Error(`bad address ${local}`);
  };
  const a = one(parts[0]);
  const b = parts.length === 2 ? one(parts[1]) : a;
  if (a.kind !== b.kind) throw new Error(`bad address ${local}`);
  if (a.kind === "row") return norm({ r1: a.r, c1: 1, r2: b.r, c2: MAX_COLS });
  if (a.kind === "col") return norm({ r1: 1, c1: a.c, r2: MAX_ROWS, c2: b.c });
  return norm({ r1: a.r, c1: a.c, r2: b.r, c2: b.c });
}

function norm(r: Rect): Rect {
  return {
    r1: Math.min(r.r1, r.r2),
    r2: Math.max(r.r1, r.r2),
    c1: Math.min(r.c1, r.c2),
    c2: Math.max(r.c1, r.c2),
  };
}

export function areaAddress(r: Rect): string {
  if (r.c1 === 1 && r.c2 === MAX_COLS) return `${r.r1}:${r.r2}`;
  if (r.r1 === 1 && r.r2 === MAX_ROWS) return `${colLetters(r.c1)}:${colLetters(r.c2)}`;
  const a = `${colLetters(r.c1)}${r.r1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${colLetters(r.c2)}${r.r2}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r1 <= inner.r1 && inner.r2 <= outer.r2 && outer.c1 <= inner.c1 && inner.c2 <= outer.c2;
}

/** Bounding box of the cells holding a value or formula (Excel's values-only used range), or null. */
export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let r: Rect | null = null;
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly && cell.formula === undefined && (cell.value === null || cell.value === "")) continue;
    const [row, col] = splitKey(key);
    if (!r) r = { r1: row, c1: col, r2: row, c2: col };
    else {
      r.r1 = Math.min(r.r1, row);
      r.r2 = Math.max(r.r2, row);
      r.c1 = Math.min(r.c1, col);
      r.c2 = Math.max(r.c2, col);
    }
  }
  if (!valuesOnly) {
    for (const t of sheet.tables) r = r ? union(r, t.rect) : { ...t.rect };
  }
  return r;
}

function union(a: Rect, b: Rect): Rect {
  return {
    r1: Math.min(a.r1, b.r1),
    c1: Math.min(a.c1, b.c1),
    r2: Math.max(a.r2, b.r2),
    c2: Math.max(a.c2, b.c2),
  };
}

/** Deep copy of a workbook, for before/after comparisons in tests. */
export function cloneWorkbook(wb: WorkbookState): WorkbookState {
  return structuredClone(wb);
}
