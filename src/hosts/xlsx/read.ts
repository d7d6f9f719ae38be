// The input sheets of a file as the domain reads them (RawWorkbook): values, number formats, tables.
// Only the four input sheets are parsed; the area handed over is bounded by the cells with content,
// so a table or a stray value reaching row 1,048,576 costs nothing (or stops with a clear message).
import { AppError } from "../../app/errors";
import { normalizeHeader } from "../../domain/reading/headers";
import { hostMessages } from "../messages";
import { columnLetter, type RawSheet, type RawValue, type RawWorkbook } from "../../domain/model/raw";
import { SHEETS } from "../../domain/model/schema";
import { readMerges, readSheetRows, type XmlRow } from "./cells";
import type { XlsxDocument, SheetEntry } from "./document";
import { rawTableOf, readSheetTables, type TablePart } from "./tables";

/** Sheets the reader looks for (found by name, case and accents aside). */
const INPUT_SHEETS = [SHEETS.parametri, SHEETS.obiettivi, SHEETS.fasi, SHEETS.indicatori].map(
  normalizeHeader,
);

/** Cells handed to the reader per sheet at most (rows × columns of the bounding box). */
export const MAX_READ_CELLS = 5_000_000;

export interface ParsedSheet {
  entry: SheetEntry;
  xml: string;
  rows: XmlRow[];
  tables: TablePart[];
  merges: { top: number; left: number; bottom: number; right: number }[];
}

export function isInputSheet(name: string): boolean {
  return INPUT_SHEETS.includes(normalizeHeader(name));
}

export async function parseSheet(doc: XlsxDocument, entry: SheetEntry): Promise<ParsedSheet> {
  const xml = await doc.sheetXml(entry);
  // A part cut short (a broken copy, a failed save) ends before its closing tag.
  if (!/<\/([\w.-]+:)?worksheet>\s*$/.test(xml))
    throw new AppError("HOST", hostMessages.sheetCorrupt(entry.name));
  const rows = readSheetRows(xml, await doc.sharedStrings());
  return { entry, xml, rows, tables: await readSheetTables(doc.pkg, entry.path), merges: readMerges(xml) };
}

export async function readInputWorkbook(doc: XlsxDocument): Promise<RawWorkbook> {
  const styles = await doc.styles();
  const sheets: RawSheet[] = [];
  for (const entry of doc.info.sheets) {
    if (entry.kind !== "worksheet" || !entry.path || !isInputSheet(entry.name)) continue;
    const parsed = await parseSheet(doc, entry);
    sheets.push(toRawSheet(parsed, (s) => styles.numberFormatCode(s)));
  }
  return { sheets, date1904: doc.date1904 };
}

function hasValue(v: RawValue): boolean {
  return v !== null && v !== "";
}

export function toRawSheet(sheet: ParsedSheet, formatOf: (style: number) => string): RawSheet {
  const tables = sheet.tables.map(rawTableOf);
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  let farRow: { row: number; col: number } | null = null;
  let farCol: { row: number; col: number } | null = null;
  for (const row of sheet.rows) {
    for (const c of row.cells) {
      if (!hasValue(c.value)) continue;
      if (c.row < top) top = c.row;
      if (c.col < left) left = c.col;
      if (c.row > bottom) {
        bottom = c.row;
        farRow = c;
      }
      if (c.col > right) {
        right = c.col;
        farCol = c;
      }
    }
  }
  // Header rows and columns of the tables are part of what the reader looks at (not their bodies).
  for (const t of tables) {
    top = Math.min(top, t.headerRow);
    bottom = Math.max(bottom, t.headerRow);
    left = Math.min(left, t.firstCol);
    right = Math.max(right, t.lastCol);
  }
  const name = sheet.entry.name;
  if (bottom === 0) return { name, originRow: 1, originCol: 1, values: [], numberFormats: [], tables };
  const height = bottom - top + 1;
  const width = right - left + 1;
  if (height * width > MAX_READ_CELLS) {
    const far = height >= width ? farRow : farCol;
    const cell = far ? `${columnLetter(far.col)}${far.row}` : `${columnLetter(right)}${bottom}`;
    throw new AppError("HOST", hostMessages.sheetTooLarge(name, cell));
  }
  const values: RawValue[][] = [];
  const numberFormats: string[][] = [];
  for (let i = 0; i < height; i++) {
    values.push(new Array<RawValue>(width).fill(null));
    numberFormats.push(new Array<string>(width).fill("General"));
  }
  for (const row of sheet.rows) {
    if (row.row < top || row.row > bottom) continue;
    for (const c of row.cells) {
      if (c.col < left || c.col > right) continue;
      values[c.row - top][c.col - left] = c.value === "" ? null : c.value;
      numberFormats[c.row - top][c.col - left] = formatOf(c.style);
    }
  }
  return { name, originRow: top, originCol: left, values, numberFormats, tables };
}
