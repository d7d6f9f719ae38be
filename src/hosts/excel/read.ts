// Reading the input sheets through Office.js: two syncs for the sample (which sheets, tables and used
// ranges; then table columns and values in row blocks sized for Excel's 5 MB response limit). Other
// sheets asked for (the Monitoraggi archive, monitoraggi.ts) come in the same syncs and blocks.
import { normalizeHeader } from "../../domain/reading/headers";
import {
  decodeRange,
  encodeRange,
  type CellBox,
  type RawSheet,
  type RawValue,
  type RawWorkbook,
} from "../../domain/model/raw";
import { SHEETS } from "../../domain/model/schema";
import { toRawValue } from "./cells";

const INPUT_SHEETS = [SHEETS.parametri, SHEETS.obiettivi, SHEETS.fasi, SHEETS.indicatori].map(
  normalizeHeader,
);
const DATA_SHEETS = [SHEETS.obiettivi, SHEETS.fasi, SHEETS.indicatori];
/**
 * Response bytes assumed per cell read (value + number format + value type). Generous, because texts
 * are long and unknown before reading: an answer over 5 MB would be refused.
 */
const READ_BYTES_PER_CELL = 150;
/**
 * Estimated response bytes per read request. Lower than the write budget because the estimate above is
 * a guess: a 10,000-objective plan with long texts reached 5.0 MB responses at 4 MB.
 */
const READ_BUDGET = 3_000_000;

/**
 * The input sheets, then one sheet for each name of `also` (found as sheets are: case, accents and
 * spaces aside), all in `sheets`.
 */
export async function readWorkbook(ctx: Excel.RequestContext, also: string[] = []): Promise<RawWorkbook> {
  // Sync 1: which sheets and tables exist, and the size of each input sheet's used range.
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  const tables = ctx.workbook.tables;
  tables.load("items/name,items/showHeaders,items/worksheet/name");
  const canonical = [SHEETS.parametri, SHEETS.obiettivi, SHEETS.fasi, SHEETS.indicatori, ...also].map(
    (name) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      ws.load("name");
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      return { ws, used };
    },
  );
  // The date system: DATE(1904,1,2) is 1 in a 1904 workbook, 1463 in a 1900 one (Office.js hands
  // date cells as the workbook's serials, and the reader must count them from the right day).
  const dateProbe = ctx.workbook.functions.date(1904, 1, 2);
  dateProbe.load("value");
  await ctx.sync();
  const inputs = sheets.items
    .filter((s) => INPUT_SHEETS.includes(normalizeHeader(s.name)))
    .map((s) => s.name);
  for (const name of also) {
    const found = findSheetName(
      sheets.items.map((s) => s.name),
      name,
    );
    if (found !== null && !inputs.includes(found)) inputs.push(found);
  }
  const dims = new Map<string, Excel.Range>();
  for (const c of canonical) if (!c.ws.isNullObject) dims.set(c.ws.name, c.used);
  const missing = inputs.filter((name) => !dims.has(name));
  if (missing.length > 0) {
    // A loosely matching name ("obiettivi ", "Fasì"): one more sync for its size (rare).
    for (const name of missing) {
      const used = ctx.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      dims.set(name, used);
    }
    await ctx.sync();
  }

  // Sync 2 (more only when a sheet is too big for one 5 MB response): table ranges and column
  // names (formulas must use the table's own names, trailing spaces and all), then values, number
  // formats and value types of the used ranges, in row blocks.
  const inputTables = tables.items.filter((t) => inputs.includes(t.worksheet.name));
  const tableRanges = inputTables.map((t) => {
    const r = ctx.workbook.tables.getItem(t.name).getRange();
    r.load("address");
    return r;
  });
  const tableColumns = inputTables.map((t) => {
    const c = ctx.workbook.tables.getItem(t.name).columns;
    c.load("items/name");
    return c;
  });
  const result: RawSheet[] = [];
  const blocks: {
    sheet: RawSheet;
    range: Excel.Range | null;
    top: number;
    left: number;
    rows: number;
    cols: number;
  }[] = [];
  for (const name of inputs) {
    const used = dims.get(name)!;
    const sheet: RawSheet = {
      name,
      originRow: 1,
      originCol: 1,
      values: [],
      numberFormats: [],
      tables: [],
    };
    result.push(sheet);
    if (used.isNullObject) continue;
    sheet.originRow = used.rowIndex + 1;
    sheet.originCol = used.columnIndex + 1;
    const cols = used.columnCount;
    const rowsPerBlock = Math.max(1, Math.floor(READ_BUDGET / (cols * READ_BYTES_PER_CELL)));
    for (let top = 0; top < used.rowCount; top += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, used.rowCount - top);
      blocks.push({ sheet, range: null, top: sheet.originRow + top, left: sheet.originCol, rows, cols });
    }
  }
  let pending = 0;
  for (const block of blocks) {
    const bytes = block.rows * block.cols * READ_BYTES_PER_CELL;
    if (pending > 0 && pending + bytes > READ_BUDGET) {
      await ctx.sync();
      pending = 0;
    }
    pending += bytes;
    const address = encodeRange({
      top: block.top,
      left: block.left,
      bottom: block.top + block.rows - 1,
      right: block.left + block.cols - 1,
    });
    const range = ctx.workbook.worksheets.getItem(block.sheet.name).getRange(address);
    range.load("values,numberFormat,valueTypes");
    block.range = range;
  }
  if (pending > 0 || tableRanges.length > 0) await ctx.sync();
  for (const block of blocks) {
    const r = block.range!;
    const values = r.values as unknown[][];
    const types = r.valueTypes as string[][];
    const formats = r.numberFormat as unknown[][];
    for (let i = 0; i < values.length; i++) {
      block.sheet.values.push(values[i].map((v, j) => toRawValue(v, types[i][j])));
      block.sheet.numberFormats!.push(formats[i].map((f) => (typeof f === "string" ? f : "General")));
    }
  }
  inputTables.forEach((t, i) => {
    const box = decodeRange(tableRanges[i].address);
    if (!box || !t.showHeaders) return;
    const sheet = result.find((s) => s.name === t.worksheet.name)!;
    sheet.tables.push({
      name: t.name,
      headerRow: box.top,
      firstCol: box.left,
      lastCol: box.right,
      lastRow: box.bottom,
      columns: tableColumns[i].items.map((c) => c.name),
    });
    widen(sheet, box);
  });
  return { sheets: result, date1904: dateProbe.value === 1 };
}

/** A sheet as the file host finds it: the same name case aside, else accents and spaces aside. */
export function findSheetName(names: string[], wanted: string): string | null {
  return (
    names.find((n) => n.toLowerCase() === wanted.toLowerCase()) ??
    names.find((n) => normalizeHeader(n) === normalizeHeader(wanted)) ??
    null
  );
}

export async function isEmptyWorkbook(ctx: Excel.RequestContext): Promise<boolean> {
  const ranges = DATA_SHEETS.map((name) => {
    const r = ctx.workbook.worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
    r.load("rowCount");
    return r;
  });
  await ctx.sync();
  // Header row only (or nothing) on every data sheet.
  return ranges.every((r) => r.isNullObject || r.rowCount <= 1);
}

/** Pads a sheet's grid with empty cells so that it covers `box` (cells outside the used range are empty). */
function widen(sheet: RawSheet, box: CellBox): void {
  const width = sheet.values[0]?.length ?? 0;
  if (sheet.values.length === 0) {
    sheet.originRow = box.top;
    sheet.originCol = box.left;
  }
  const top = Math.min(sheet.originRow, box.top);
  const left = Math.min(sheet.originCol, box.left);
  const bottom = Math.max(sheet.originRow + sheet.values.length - 1, box.bottom);
  const right = Math.max(sheet.originCol + width - 1, box.right);
  const padLeft = sheet.originCol - left;
  const padRight = right - (sheet.originCol + width - 1);
  const padTop = sheet.originRow - top;
  if (padLeft === 0 && padRight === 0 && padTop === 0 && bottom === sheet.originRow + sheet.values.length - 1)
    return;
  const fullWidth = right - left + 1;
  const grow = <T>(grid: T[][], fill: T): T[][] => {
    const rows = grid.map((row) => [
      ...new Array<T>(padLeft).fill(fill),
      ...row,
      ...new Array<T>(padRight).fill(fill),
    ]);
    const head = Array.from({ length: padTop }, () => new Array<T>(fullWidth).fill(fill));
    const tailCount = bottom - top + 1 - padTop - rows.length;
    const tail = Array.from({ length: tailCount }, () => new Array<T>(fullWidth).fill(fill));
    return [...head, ...rows, ...tail];
  };
  sheet.values = grow<RawValue>(sheet.values, null);
  sheet.numberFormats = grow<string>(sheet.numberFormats ?? [], "General");
  sheet.originRow = top;
  sheet.originCol = left;
}
