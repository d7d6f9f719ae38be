// Look of the Riepilogo sheet: A4 portrait, one shared header row (repeated on every printed page),
// a table per grouping with its Totale row, Esito colours (green/amber/red/grey).
import { ESITO_COLOURS_IN_ORDER, PRINT_FORMATS, type CellStyle } from "../model/sheet";

const FONT = "Calibri";
const NAVY = "1F3864";

/** Fill and font colours of the four Esito columns, in Esito order (one palette with the Scheda). */
export const ESITO_COLOURS = ESITO_COLOURS_IN_ORDER;

/** Column widths (characters): the seven columns fill an A4 portrait page (94 × 5.55 pt ≤ 523 pt). */
export const COLUMN_WIDTHS = [39.5, 8, 9, 9, 10.5, 9, 9];
export const LAST_COL = COLUMN_WIDTHS.length;

/** A4 portrait, margins in inches. */
export const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 };
/** Height of rows that fits one page (A4 height less the margins, 3 % kept for printer rounding). */
export const PAGE_BUDGET = Math.floor((841.89 - (MARGINS.top + MARGINS.bottom) * 72) * 0.97);

function thin(): NonNullable<CellStyle["border"]> {
  const side = { weight: "thin" as const, color: "A6A6A6" };
  return { top: side, bottom: side, left: side, right: side };
}

const headerStyle = (fill: string, color: string): CellStyle => ({
  font: { name: FONT, size: 9, bold: true, color },
  fill,
  alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  border: thin(),
  numberFormat: "@",
});

export const STYLES: Record<string, CellStyle> = {
  title: { font: { name: FONT, size: 16, bold: true, color: NAVY }, alignment: { vertical: "bottom" } },
  ente: { font: { name: FONT, size: 12, bold: true }, alignment: { vertical: "bottom", wrapText: true } },
  infoLabel: { font: { name: FONT, size: 10, bold: true, color: "404040" }, numberFormat: "@" },
  infoNumber: {
    font: { name: FONT, size: 10 },
    alignment: { horizontal: "left" },
    numberFormat: PRINT_FORMATS.integer,
  },
  infoDate: {
    font: { name: FONT, size: 10 },
    alignment: { horizontal: "left" },
    numberFormat: PRINT_FORMATS.date,
  },
  note: {
    font: { name: FONT, size: 9, italic: true, color: "595959" },
    alignment: { wrapText: true, vertical: "top" },
  },
  groupTitle: {
    font: { name: FONT, size: 11, bold: true, color: NAVY },
    alignment: { vertical: "bottom" },
    border: { bottom: { weight: "medium", color: NAVY } },
    numberFormat: "@",
  },
  header: headerStyle(NAVY, "FFFFFF"),
  ...Object.fromEntries(ESITO_COLOURS.map((c, i) => [`header${i}`, headerStyle(c.header, "000000")])),
  gruppo: {
    font: { name: FONT, size: 10 },
    alignment: { vertical: "top", wrapText: true },
    border: thin(),
    numberFormat: "@",
  },
  count: {
    font: { name: FONT, size: 10 },
    alignment: { horizontal: "center", vertical: "top" },
    border: thin(),
    numberFormat: PRINT_FORMATS.integer,
  },
  grado: {
    font: { name: FONT, size: 10, bold: true },
    alignment: { horizontal: "right", vertical: "top" },
    border: thin(),
    numberFormat: PRINT_FORMATS.decimal2,
  },
  totaleLabel: {
    font: { name: FONT, size: 10, bold: true },
    fill: "F2F2F2",
    alignment: { vertical: "top" },
    border: { ...thin(), top: { weight: "medium", color: NAVY } },
    numberFormat: "@",
  },
  totaleCount: {
    font: { name: FONT, size: 10, bold: true },
    fill: "F2F2F2",
    alignment: { horizontal: "center", vertical: "top" },
    border: { ...thin(), top: { weight: "medium", color: NAVY } },
    numberFormat: PRINT_FORMATS.integer,
  },
  totaleGrado: {
    font: { name: FONT, size: 10, bold: true },
    fill: "F2F2F2",
    alignment: { horizontal: "right", vertical: "top" },
    border: { ...thin(), top: { weight: "medium", color: NAVY } },
    numberFormat: PRINT_FORMATS.decimal2,
  },
  empty: { font: { name: FONT, size: 10, italic: true, color: "595959" } },
};
