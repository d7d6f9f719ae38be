// How an input sheet the add-in lays out looks (Prepara fogli, template, sample), decided once: the
// Excel host and the file host both render this description and nothing else (header style, widths,
// column formats and how far they reach, cell values, frozen header, table style, data validations
// with their Italian messages).
import { validationMessages } from "../messages";
import type { IsoDate } from "../model/dates";
import { columnLetter, isCellError, isUncachedFormula, type CellBox, type RawValue } from "../model/raw";
import { TABLES } from "../model/schema";
import {
  INPUT_TABLE_LOOK,
  type CellContent,
  type CellStyle,
  type InputTableSpec,
  type SheetCell,
  type SheetDescription,
} from "../model/sheet";
import { DATE_FORMAT } from "./template";

/** Bounds of the date validation (the years a plan can mention). */
export const DATE_VALIDATION_RANGE: { min: IsoDate; max: IsoDate } = { min: "1990-01-01", max: "2100-12-31" };
/** Excel refuses (repairs) a list validation whose text passes 255 characters, quotes included. */
const MAX_LIST_TEXT = 253;

export type InputValidationRule =
  | { type: "list"; values: string[] }
  /** Between min and max, both included. */
  | { type: "decimal"; min: number; max: number }
  | { type: "date"; min: IsoDate; max: IsoDate };

export interface InputValidation {
  /** Worksheet column and the rows the rule covers. */
  col: number;
  top: number;
  bottom: number;
  rule: InputValidationRule;
  /** Blank cells are allowed; "stop" refuses another value, "warning" lets the user keep it. */
  errorStyle: "stop" | "warning";
  errorTitle: string;
  error: string;
}

export interface InputSheetLook {
  /** Header and body cells, widths, header height and the frozen header row. */
  sheet: SheetDescription;
  /** Style key (into sheet.styles) of each column's body, index 0 = A, from row 2 to bodyLastRow. */
  columnStyles: string[];
  /** The last row column formats and validations reach (room to type below the data). */
  bodyLastRow: number;
  table: { name: string; box: CellBox; columns: string[]; style: string };
  validations: InputValidation[];
}

/** The body rows the sheet gets: Parametri's always (they are the settings), the others' only with fillRows. */
export function inputRows(spec: InputTableSpec, fillRows: boolean): RawValue[][] {
  return fillRows || spec.table === TABLES.parametri ? spec.rows : [];
}

/** The table's bounds: header row 1 and at least one body row. */
export function inputTableBox(spec: InputTableSpec, fillRows: boolean): CellBox {
  return {
    top: 1,
    left: 1,
    bottom: 1 + Math.max(1, inputRows(spec, fillRows).length),
    right: Math.max(1, spec.columns.length),
  };
}

const HEADER = "header";
const bodyKey = (i: number) => `body${i + 1}`;
const dateKey = (i: number) => `date${i + 1}`;

export function inputSheetLook(spec: InputTableSpec, options: { fillRows: boolean }): InputSheetLook {
  const rows = inputRows(spec, options.fillRows);
  const box = inputTableBox(spec, options.fillRows);
  const bodyLastRow = Math.max(INPUT_TABLE_LOOK.minBodyLastRow, box.bottom + INPUT_TABLE_LOOK.bodyMargin);
  const bodyStyle = (numberFormat?: string): CellStyle => ({
    font: { ...INPUT_TABLE_LOOK.bodyFont },
    ...(numberFormat ? { numberFormat } : {}),
  });

  const styles: Record<string, CellStyle> = { [HEADER]: INPUT_TABLE_LOOK.header };
  spec.columns.forEach((c, i) => {
    styles[bodyKey(i)] = bodyStyle(c.numberFormat);
    // A date in a column without a number format still shows as a date.
    if (!c.numberFormat) styles[dateKey(i)] = bodyStyle(DATE_FORMAT);
  });

  const cells: SheetCell[] = spec.columns.map((c, i) => ({
    row: 1,
    col: i + 1,
    content: { kind: "text", text: c.header },
    style: HEADER,
  }));
  rows.forEach((values, r) => {
    spec.columns.forEach((c, i) => {
      const content = bodyContent(values[i] ?? null);
      const style = content.kind === "date" && !c.numberFormat ? dateKey(i) : bodyKey(i);
      cells.push({ row: r + 2, col: i + 1, content, style });
    });
  });

  const validations: InputValidation[] = [];
  spec.columns.forEach((c, i) => {
    const v = c.validation;
    if (!v) return;
    const at = { col: i + 1, top: 2, bottom: bodyLastRow };
    if (v.type === "list") {
      if (v.values.join(",").length > MAX_LIST_TEXT) return;
      validations.push({
        ...at,
        rule: { type: "list", values: [...v.values] },
        errorStyle: "warning",
        errorTitle: validationMessages.listTitle,
        error: validationMessages.list(v.values),
      });
    } else if (v.type === "decimal") {
      validations.push({
        ...at,
        rule: { type: "decimal", min: v.min, max: v.max },
        errorStyle: "stop",
        errorTitle: validationMessages.decimalTitle,
        error: validationMessages.decimal(v.min, v.max),
      });
    } else {
      validations.push({
        ...at,
        rule: { type: "date", ...DATE_VALIDATION_RANGE },
        errorStyle: "stop",
        errorTitle: validationMessages.dateTitle,
        error: validationMessages.date,
      });
    }
  });

  return {
    sheet: {
      name: spec.sheet,
      columnWidths: spec.columns.map((c) => c.width),
      cells,
      styles,
      merges: [],
      rowHeights: { 1: INPUT_TABLE_LOOK.headerHeight },
      pageBreaks: [],
      freeze: { rows: 1, cols: 0 },
    },
    columnStyles: spec.columns.map((_c, i) => bodyKey(i)),
    bodyLastRow,
    table: {
      name: spec.table,
      box,
      columns: spec.columns.map((c) => c.header),
      style: INPUT_TABLE_LOOK.tableStyle,
    },
    validations,
  };
}

/** A body value as the sheet shows it: text stays text (also "=…"), errors and formulas become empty. */
function bodyContent(v: RawValue): CellContent {
  if (v === null || isCellError(v) || isUncachedFormula(v)) return { kind: "empty" };
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "empty" };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  if (v instanceof Date) {
    return Number.isFinite(v.getTime())
      ? { kind: "date", iso: v.toISOString().slice(0, 10) }
      : { kind: "empty" };
  }
  return { kind: "text", text: v };
}

/** `A2:A1000`: the rows a validation covers. */
export function validationRange(v: Pick<InputValidation, "col" | "top" | "bottom">): string {
  const l = columnLetter(v.col);
  return `${l}${v.top}:${l}${v.bottom}`;
}
