// Cell values and number formats on the Office.js wire: text Excel must keep as text, dates as serials,
// widths in points, and 2-D blocks written in slices that fit the request budget.
import { isoToSerial } from "../../domain/model/dates";
import { DATE1904_OFFSET } from "../../domain/reading/values";
import { encodeRange, type RawValue } from "../../domain/model/raw";
import type { CellContent } from "../../domain/model/sheet";
import { RANGE_OVERHEAD, rowSlices, type Batcher } from "./batch";

/** Cell value as Office.js takes it in `formulas` (null = leave the cell alone). */
export type WireValue = string | number | boolean | null;

/** Text Excel would not keep as text when typed: formula-like, number-like, boolean-like or date-like. */
export function needsTextGuard(text: string): boolean {
  return (
    /^[=+\-@']/.test(text) ||
    /^\s*[+-]?(\d[\d.,]*|\.\d+)([eE][+-]?\d+)?\s*%?\s*$/.test(text) ||
    /^\s*(true|false|vero|falso)\s*$/i.test(text) ||
    /^\s*\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?\s*$/.test(text) ||
    /^\s*\d{1,2}:\d{2}/.test(text)
  );
}

/**
 * Workbook text written so that Excel keeps it as text: a leading apostrophe (Excel's quote prefix,
 * not part of the value) unless the cell is already text-formatted ("@"), where Excel stores input as is.
 */
export function textForExcel(text: string, textFormatted: boolean): string {
  if (textFormatted || !needsTextGuard(text)) return text;
  return `'${text}`;
}

/** A date as the workbook's serial (a 1904 workbook counts 1,462 days fewer). */
export function dateSerial(d: Date, date1904 = false): number {
  const serial = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 86400000 + 25569;
  return date1904 ? serial - DATE1904_OFFSET : serial;
}

export function contentToWire(
  content: CellContent,
  numberFormat: string | undefined,
  date1904 = false,
): WireValue {
  switch (content.kind) {
    case "text":
      return content.text === "" ? null : textForExcel(content.text, numberFormat === "@");
    case "number":
      return Number.isFinite(content.value) ? content.value : null;
    case "date":
      return date1904 ? isoToSerial(content.iso) - DATE1904_OFFSET : isoToSerial(content.iso);
    case "boolean":
      return content.value;
    case "formula":
      return content.formula.startsWith("=") ? content.formula : `=${content.formula}`;
    case "empty":
      return null;
  }
}

/** Excel character-unit width → points (Calibri 11: 7-pixel digit, 5 pixels of padding; 96 dpi). */
export function widthToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return Math.round(px * 0.75 * 100) / 100;
}

export function pointsToWidth(points: number): number {
  const px = Math.round(points / 0.75);
  return Math.round(((px - 5) / 7) * 100) / 100;
}

/** Writes a grid (rows × cols, null = skip) at top/left in slices that fit the payload budget. */
export async function writeGrid(
  b: Batcher,
  ws: () => Excel.Worksheet,
  top: number,
  left: number,
  grid: WireValue[][],
  what: "formulas" | "numberFormat",
): Promise<void> {
  if (grid.length === 0 || grid[0].length === 0) return;
  const width = grid[0].length;
  for (const slice of rowSlices(grid)) {
    if (slice.rows.every((row) => row.every((v) => v === null))) continue;
    const r1 = top + slice.start;
    const address = encodeRange({
      top: r1,
      left,
      bottom: r1 + slice.rows.length - 1,
      right: left + width - 1,
    });
    // The library sends arrays over 1,500 cells in 1,500-cell chunks, each with its own range paths.
    await b.reserve(RANGE_OVERHEAD + slice.bytes + Math.ceil((slice.rows.length * width) / 1500) * 900);
    const range = ws().getRange(address).untrack();
    // Office.js types these as any[][]; null entries leave cells unchanged.
    if (what === "formulas") range.formulas = slice.rows;
    else range.numberFormat = slice.rows;
  }
}

/** A value read back (values + valueTypes) as the domain's raw value. */
export function toRawValue(v: unknown, type: string | undefined): RawValue {
  if (type === "Error") return { error: String(v) };
  if (type === "Empty" || v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}
