// Host-neutral description of what to write into a workbook. The domain builds these; the exceljs
// host and the Office.js host render them, so both produce the same cells, styles and pages.
import type { IsoDate } from "./dates";
import type { RawValue } from "./raw";
import { ESITI, type Esito } from "./schema";

type HAlign = "left" | "center" | "right";
type VAlign = "top" | "middle" | "bottom";
export type BorderWeight = "thin" | "medium" | "thick";

export interface BorderSide {
  weight: BorderWeight;
  /** "RRGGBB" */
  color: string;
}

export interface CellStyle {
  /** Always with name and size: a font without them renders in a serif font elsewhere. */
  font: { name: string; size: number; bold?: boolean; italic?: boolean; color?: string; underline?: boolean };
  /** Solid fill colour "RRGGBB". */
  fill?: string;
  border?: { top?: BorderSide; bottom?: BorderSide; left?: BorderSide; right?: BorderSide };
  alignment?: { horizontal?: HAlign; vertical?: VAlign; wrapText?: boolean; indent?: number };
  /** Invariant number format code, e.g. "dd/mm/yyyy", "0.00", "@" (text). */
  numberFormat?: string;
}

/**
 * Number formats of the printed sheets (Scheda, Riepilogo), tagged with the Italian locale [$-410]:
 * LibreOffice then prints `33,00` and `1.234,50` whatever the language of the machine; Excel reads the
 * tag as the format's language and takes the separators from the system, as for any format (an Italian
 * Excel shows `33,00`).
 */
export const PRINT_FORMATS = {
  decimal2: "[$-410]0.00",
  thousands2: "[$-410]#,##0.00",
  integer: "[$-410]0",
  date: "dd/mm/yyyy",
} as const;

/** A cell's content. Text is always written as text, even when it starts with "=", "+", "-" or "@". */
export type CellContent =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "date"; iso: IsoDate }
  | { kind: "boolean"; value: boolean }
  /** formula starts with "="; result is the value the domain computed (cached result in files). */
  | { kind: "formula"; formula: string; result: number | string | boolean | null }
  | { kind: "empty" };

export interface SheetCell {
  /** 1-based worksheet row and column. */
  row: number;
  col: number;
  content: CellContent;
  /** Key into SheetDescription.styles. */
  style?: string;
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PrintSetup {
  paperSize: "A4";
  orientation: "portrait" | "landscape";
  /** Fixed scale in percent (no fit-to-page, so the planned page breaks hold). */
  scale: number;
  /** Inches, as Excel stores them. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Excel header/footer codes, e.g. "&CPagina &P di &N". */
  header?: string;
  footer?: string;
  /** e.g. "A1:H240" (without sheet name). */
  printArea?: string;
  /** Rows repeated at the top of every printed page, e.g. "$8:$8". */
  printTitleRows?: string;
  centerHorizontally?: boolean;
}

/**
 * A chart over cells of the same sheet (one series): bars or columns, each host draws it its own way
 * (Office.js charts in Excel, a DrawingML chart part in files).
 */
export interface ChartDescription {
  /** Unique in the sheet, e.g. "pegGradoCdR". */
  name: string;
  /** "bar": horizontal bars (long category labels); "column": vertical. */
  kind: "bar" | "column";
  title: string;
  /** Category labels and values: ranges of one row or one column of equal length, e.g. "A12:A14". */
  categories: string;
  values: string;
  seriesName: string;
  /** One fill colour ("RRGGBB") for every bar, or one per bar. */
  colors: string[];
  /** Value axis bounds and number format of its labels and of the data labels. */
  axis?: { min?: number; max?: number; numberFormat?: string };
  /** Cells (1-based, inclusive) the chart covers. */
  from: { row: number; col: number };
  to: { row: number; col: number };
}

export type ConditionalFormat =
  | { type: "dataBar"; range: string; color: string; min?: number; max?: number }
  /** formula is relative to the top-left cell of range, e.g. `=$G3="Raggiunto"`. */
  | {
      type: "expression";
      range: string;
      formula: string;
      fill?: string;
      fontColor?: string;
      priority?: number;
    };

export interface SheetDescription {
  name: string;
  /** Column widths in Excel character units, index 0 = column A. */
  columnWidths: number[];
  cells: SheetCell[];
  styles: Record<string, CellStyle>;
  merges: Merge[];
  /** Row heights in points, by 1-based row. Rows not listed keep the default height. */
  rowHeights: Record<number, number>;
  /** Manual page breaks: a new page starts after each of these rows. */
  pageBreaks: number[];
  print?: PrintSetup;
  conditionalFormats?: ConditionalFormat[];
  /** Freeze panes below this many rows / right of this many columns. */
  freeze?: { rows: number; cols: number };
  showGridLines?: boolean;
  /** Workbook-level names this sheet defines, e.g. { name: "pegSogliaRaggiunto", refersTo: "=Parametri!$B$8" }. */
  definedNames?: { name: string; refersTo: string }[];
  /** Planned page count (Scheda, Riepilogo), for checking against a real renderer. */
  plannedPages?: number;
  /** Charts drawn over the sheet (Riepilogo). */
  charts?: ChartDescription[];
}

// ---------------------------------------------------------------------------------------------
// Input sheets (template, sample) and computed columns (rollups)
// ---------------------------------------------------------------------------------------------

export type DataValidation =
  { type: "list"; values: string[] } | { type: "decimal"; min: number; max: number } | { type: "date" };

export interface InputColumnSpec {
  header: string;
  /** Character units. */
  width: number;
  numberFormat?: string;
  validation?: DataValidation;
}

/**
 * How the input tables the add-in lays out look (Prepara fogli, template, sample), in both hosts:
 * header style and height, body font, table style, and how far column formats and validations reach.
 */
export const INPUT_TABLE_LOOK = {
  header: {
    font: { name: "Calibri", size: 11, bold: true, color: "1F3864" },
    fill: "DDEBF7",
    alignment: { vertical: "middle", wrapText: true },
    border: { bottom: { weight: "thin", color: "8EA9DB" } },
  } satisfies CellStyle,
  headerHeight: 30,
  bodyFont: { name: "Calibri", size: 11 },
  tableStyle: "TableStyleLight9",
  /** Column formats and validations reach this many rows below the data (room to type)… */
  bodyMargin: 500,
  /** …and at least down to this row. */
  minBodyLastRow: 1000,
} as const;

/** One input sheet holding one Excel table whose header row is row 1 (template and sample). */
export interface InputTableSpec {
  sheet: string;
  table: string;
  columns: InputColumnSpec[];
  /** Body rows, in column order. Dates as Date or ISO via {date}; text is written as text. */
  rows: RawValue[][];
}

export interface WorkbookTemplate {
  tables: InputTableSpec[];
  /** Names the template defines (Parametri values for the formulas). */
  definedNames: { name: string; refersTo: string }[];
}

/**
 * The colours of the four Esiti, the same wherever an Esito is shown (Riepilogo counts, Scheda):
 * cell fill and font, and the fill of the Riepilogo header over each count.
 */
export const ESITO_COLOURS: Record<Esito, { fill: string; font: string; header: string }> = {
  Raggiunto: { fill: "C6EFCE", font: "006100", header: "63BE7B" },
  "Parzialmente raggiunto": { fill: "FFEB9C", font: "9C5700", header: "FFC000" },
  "Non raggiunto": { fill: "FFC7CE", font: "9C0006", header: "F8696B" },
  "Non valutabile": { fill: "E7E6E6", font: "3A3838", header: "A6A6A6" },
};

/** The Esito colours in ESITI order (Riepilogo's count columns follow it). */
export const ESITO_COLOURS_IN_ORDER = ESITI.map((e) => ESITO_COLOURS[e]);

/** How the body cells of a computed column look (both hosts apply exactly this). */
export function computedColumnStyle(c: Pick<ComputedColumn, "numberFormat" | "helper">): {
  numberFormat?: string;
  font?: { size: number; color: string };
} {
  return {
    ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
    // Helper columns are there for the formulas: small and grey, so the eye skips them.
    ...(c.helper ? { font: { size: 9, color: "808080" } } : {}),
  };
}

/** Width (character units) of a computed column the add-in appends. */
export function computedColumnWidth(c: Pick<ComputedColumn, "header" | "helper">): number {
  return c.helper ? 6 : Math.max(12, Math.min(40, c.header.length + 2));
}

/** A computed column appended to an input table (or to the right of a plain range). */
export interface ComputedColumn {
  header: string;
  /** Worksheet column: where this header already is, else appended right of the table's last column. */
  col: number;
  /** One formula per data row (starting with "="), in row order; equal strings for a calculated column. */
  formulas: string[];
  /** The TypeScript value per data row (cached result in files). */
  results: (number | string | null)[];
  numberFormat?: string;
  /** Helper columns the formulas need; shown narrow and grey, owned like the others. */
  helper?: boolean;
}

export interface ComputedTable {
  sheet: string;
  /** Table name, or null when the data is a plain range. */
  table: string | null;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  columns: ComputedColumn[];
}

/** Everything `rollup` writes: computed columns, the names they use, and the Riepilogo sheet. */
export interface RollupWritePlan {
  computed: ComputedTable[];
  definedNames: { name: string; refersTo: string }[];
  riepilogo: SheetDescription;
}
