// The input sheets Prepara fogli / template / sample create (Parametri, Obiettivi, Fasi, Indicatori):
// worksheet part and table part as SpreadsheetML text, with the look prepare.ts gave them through
// exceljs (header style, widths, column formats, validations, frozen header, TableStyleLight9).
import { validationMessages } from "../../domain/messages";
import { columnLetter, isCellError, isUncachedFormula, type RawValue } from "../../domain/model/raw";
import { TABLES } from "../../domain/model/schema";
import {
  INPUT_TABLE_LOOK,
  type CellStyle,
  type DataValidation,
  type InputTableSpec,
} from "../../domain/model/sheet";
import { DATE_FORMAT } from "../../domain/template/template";
import { colsXml, jsDateSerial, num } from "./sheetXml";
import type { StylesPart } from "./styles";
import {
  MAIN_NS,
  REL_NS,
  XML_DECLARATION,
  escapeAttr,
  escapeFormulaText,
  escapeXstring,
  escapeXstringAttr,
} from "./xmlText";

const FONT = INPUT_TABLE_LOOK.bodyFont;

/** The header cells of an input table. */
export const INPUT_HEADER_STYLE: CellStyle = INPUT_TABLE_LOOK.header;

/** A body column's format: the body font and the column's number format. */
export function inputBodyStyle(numberFormat?: string): CellStyle {
  return numberFormat ? { font: FONT, numberFormat } : { font: FONT };
}

export const INPUT_TABLE_STYLE = INPUT_TABLE_LOOK.tableStyle;
const HEADER_HEIGHT = INPUT_TABLE_LOOK.headerHeight;
const BODY_MARGIN = INPUT_TABLE_LOOK.bodyMargin;
const MIN_BODY_LAST_ROW = INPUT_TABLE_LOOK.minBodyLastRow;
/** Date validation bounds (01/01/1990–31/12/2100) as 1900-system serials; 1904 subtracts 1462. */
const DATE_MIN = 32874;
const DATE_MAX = 73415;

export interface InputSheetOptions {
  /** Write the spec's rows (sample); Parametri rows are written always (they are the settings). */
  fillRows: boolean;
  /** The relationship id (in the sheet's rels) of its table part. */
  tableRelId: string;
  date1904: boolean;
}

/** The rows the sheet gets: Parametri's always, the others' only with fillRows. */
function rowsOf(spec: InputTableSpec, fillRows: boolean): RawValue[][] {
  return fillRows || spec.table === TABLES.parametri ? spec.rows : [];
}

/** The table's range: the header row 1 and at least one body row. */
export function inputTableRef(spec: InputTableSpec, options: { fillRows: boolean }): string {
  const lastRow = 1 + Math.max(1, rowsOf(spec, options.fillRows).length);
  return `A1:${columnLetter(Math.max(1, spec.columns.length))}${lastRow}`;
}

/** The worksheet part of a new input sheet holding one table (its part: renderTableXml). */
export function renderInputSheetXml(
  spec: InputTableSpec,
  styles: StylesPart,
  options: InputSheetOptions,
): string {
  const rows = rowsOf(spec, options.fillRows);
  const lastRow = 1 + Math.max(1, rows.length);
  const validationLast = Math.max(MIN_BODY_LAST_ROW, lastRow + BODY_MARGIN);
  const nCols = spec.columns.length;
  const letters = spec.columns.map((_c, i) => columnLetter(i + 1));

  const header = styles.xf(INPUT_HEADER_STYLE);
  const body = spec.columns.map((c) => styles.xf(inputBodyStyle(c.numberFormat)));
  // A date in a column without a number format still shows as a date.
  const dateBody = spec.columns.map((c, i) =>
    c.numberFormat ? body[i] : styles.xf(inputBodyStyle(DATE_FORMAT)),
  );

  const out: string[] = [XML_DECLARATION, `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  const corner = `${letters[nCols - 1] ?? "A"}${1 + rows.length}`;
  out.push(`<dimension ref="${corner === "A1" ? "A1" : `A1:${corner}`}"/>`);
  out.push(
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
      `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`,
  );
  out.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  out.push(
    colsXml(
      spec.columns.map((c) => c.width),
      body,
    ),
  );

  out.push("<sheetData>");
  out.push(`<row r="1" ht="${HEADER_HEIGHT}" customHeight="1">`);
  spec.columns.forEach((c, i) => out.push(inlineCell(`${letters[i]}1`, header, c.header)));
  out.push("</row>");
  rows.forEach((values, r) => {
    const rowNo = String(r + 2);
    out.push(`<row r="${rowNo}">`);
    for (let c = 0; c < nCols; c++) {
      out.push(bodyCell(`${letters[c]}${rowNo}`, values[c] ?? null, body[c], dateBody[c], options.date1904));
    }
    out.push("</row>");
  });
  out.push("</sheetData>");

  const validations: string[] = [];
  spec.columns.forEach((c, i) => {
    if (!c.validation) return;
    const v = validationXml(c.validation, `${letters[i]}2:${letters[i]}${validationLast}`, options.date1904);
    if (v) validations.push(v);
  });
  if (validations.length > 0) {
    out.push(`<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`);
  }
  out.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  out.push(`<tableParts count="1"><tablePart r:id="${escapeAttr(options.tableRelId)}"/></tableParts>`);
  out.push("</worksheet>");
  return out.join("");
}

function inlineCell(ref: string, s: number, text: string): string {
  const n = text.length;
  const ws = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  const preserve = n > 0 && (ws(text.charCodeAt(0)) || ws(text.charCodeAt(n - 1)) || text.includes("\n"));
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t${preserve ? ' xml:space="preserve"' : ""}>${escapeXstring(text)}</t></is></c>`;
}

function bodyCell(ref: string, v: RawValue, s: number, dateS: number, date1904: boolean): string {
  if (v === null || isCellError(v) || isUncachedFormula(v)) return `<c r="${ref}" s="${s}"/>`;
  if (typeof v === "number")
    return Number.isFinite(v) ? `<c r="${ref}" s="${s}"><v>${num(v)}</v></c>` : `<c r="${ref}" s="${s}"/>`;
  if (typeof v === "boolean") return `<c r="${ref}" s="${s}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v instanceof Date) {
    const serial = jsDateSerial(v, date1904);
    if (serial !== null) return `<c r="${ref}" s="${dateS}"><v>${num(serial)}</v></c>`;
    return Number.isFinite(v.getTime())
      ? inlineCell(ref, s, v.toISOString().slice(0, 10))
      : `<c r="${ref}" s="${s}"/>`;
  }
  // Text stays text, also "=…", "+…" (an inline string is never a formula).
  return inlineCell(ref, s, v);
}

function validationXml(v: DataValidation, sqref: string, date1904: boolean): string | null {
  const common = (type: string, errorStyle: string, title: string, message: string) =>
    `<dataValidation type="${type}" errorStyle="${errorStyle}" allowBlank="1" showErrorMessage="1"` +
    ` errorTitle="${escapeXstringAttr(title)}" error="${escapeXstringAttr(message)}" sqref="${sqref}">`;
  switch (v.type) {
    case "list": {
      // Excel refuses (repairs) a list validation whose text exceeds 255 characters.
      if (v.values.join(",").length > 253) return null;
      const list = `"${v.values.map((s) => s.replace(/"/g, '""')).join(",")}"`;
      return (
        common("list", "warning", validationMessages.listTitle, validationMessages.list(v.values)) +
        `<formula1>${escapeFormulaText(list)}</formula1></dataValidation>`
      );
    }
    case "decimal":
      return (
        common("decimal", "stop", validationMessages.decimalTitle, validationMessages.decimal(v.min, v.max)) +
        `<formula1>${num(v.min)}</formula1><formula2>${num(v.max)}</formula2></dataValidation>`
      );
    case "date": {
      const shift = date1904 ? 1462 : 0;
      return (
        common("date", "stop", validationMessages.dateTitle, validationMessages.date) +
        `<formula1>${DATE_MIN - shift}</formula1><formula2>${DATE_MAX - shift}</formula2></dataValidation>`
      );
    }
  }
}

export interface TableXmlSpec {
  /** Table id, unique in the workbook. */
  id: number;
  /** Name and display name. */
  name: string;
  /** e.g. "A1:M34" (header row included). */
  ref: string;
  /** Column names, exactly as the header cells hold them. */
  columns: string[];
  /** Default TableStyleLight9 (the template's). */
  styleName?: string;
  /** Default true. */
  autoFilter?: boolean;
}

/** A table part (xl/tables/tableN.xml): header row, no totals row, filter buttons, banded rows. */
export function renderTableXml(t: TableXmlSpec): string {
  const ref = escapeAttr(t.ref.replace(/\$/g, ""));
  const name = escapeAttr(t.name);
  return (
    XML_DECLARATION +
    `<table xmlns="${MAIN_NS}" id="${t.id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    (t.autoFilter === false ? "" : `<autoFilter ref="${ref}"/>`) +
    `<tableColumns count="${t.columns.length}">` +
    t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXstringAttr(c)}"/>`).join("") +
    `</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(t.styleName ?? INPUT_TABLE_STYLE)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}
