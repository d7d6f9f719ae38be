// exceljs worksheet → RawSheet: the used range's values, number formats and tables.
import * as ExcelJS from "exceljs";
import type { RawSheet, RawTable, RawValue } from "../../domain/raw";
import { SHEETS } from "../../domain/schema";
import { sheetTables, type TableModel } from "./internals";

/** Sheets the add-in generates: never read as input. */
const GENERATED = new Set([SHEETS.riepilogo, SHEETS.scheda]);

export function readSheets(wb: ExcelJS.Workbook): RawSheet[] {
  return wb.worksheets.filter((ws) => !GENERATED.has(ws.name as never)).map(readSheet);
}

export function readSheet(ws: ExcelJS.Worksheet): RawSheet {
  const tables = sheetTables(ws)
    .map(tableBounds)
    .filter((t): t is RawTable => t !== null);
  // The used range: every cell with a value, widened to cover the tables' header rows.
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const cells: { row: number; col: number; value: RawValue; numFmt: string }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = cellValue(cell);
      if (value === null || value === "") return;
      cells.push({ row: r, col: c, value, numFmt: cell.numFmt || "General" });
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  for (const t of tables) {
    top = Math.min(top, t.headerRow);
    bottom = Math.max(bottom, t.lastRow);
    left = Math.min(left, t.firstCol);
    right = Math.max(right, t.lastCol);
  }
  if (bottom === 0) {
    return { name: ws.name, originRow: 1, originCol: 1, values: [], numberFormats: [], tables };
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: RawValue[][] = [];
  const numberFormats: string[][] = [];
  for (let i = 0; i < height; i++) {
    values.push(new Array<RawValue>(width).fill(null));
    numberFormats.push(new Array<string>(width).fill("General"));
  }
  for (const cell of cells) {
    values[cell.row - top][cell.col - left] = cell.value;
    numberFormats[cell.row - top][cell.col - left] = cell.numFmt;
  }
  // Empty cells still carry their format (a percent-formatted column, a date column).
  for (let r = top; r <= bottom; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (c < left || c > right) return;
      if (cell.numFmt) numberFormats[r - top][c - left] = cell.numFmt;
    });
  }
  return { name: ws.name, originRow: top, originCol: left, values, numberFormats, tables };
}

/** One cell's value as the domain wants it; merged-away cells read as empty. */
export function cellValue(cell: ExcelJS.Cell): RawValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  // cell.value of a formula drops falsy results (0, "", false): take the result itself.
  if (cell.type === ExcelJS.ValueType.Formula) return plain(cell.result);
  return plain(cell.value);
}

function plain(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if ("formula" in o || "sharedFormula" in o) return plain(o.result);
    if (Array.isArray(o.richText)) return richText(o.richText);
    if ("hyperlink" in o || "text" in o) {
      const t = o.text;
      if (typeof t === "string") return t;
      if (t && typeof t === "object" && Array.isArray((t as { richText?: unknown }).richText)) {
        return richText((t as { richText: unknown[] }).richText);
      }
      return t === undefined || t === null ? null : String(t);
    }
  }
  return null;
}

function richText(parts: unknown[]): string {
  return parts.map((p) => String((p as { text?: unknown }).text ?? "")).join("");
}

/** Decodes "B3:K40" (optionally with $) into 1-based bounds. */
export function decodeRange(
  ref: string,
): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const left = letters(m[1]);
  const top = Number(m[2]);
  const right = m[3] ? letters(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

function letters(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Where a table sits: loaded tables know only `tableRef`, added ones `ref` + columns. */
export function tableBounds(t: TableModel): RawTable | null {
  let box = t.tableRef ? decodeRange(t.tableRef) : null;
  if (!box && t.ref) {
    const tl = decodeRange(t.ref);
    if (!tl) return null;
    const height = (t.headerRow === false ? 0 : 1) + (t.rows?.length ?? 0) + (t.totalsRow ? 1 : 0);
    box = {
      top: tl.top,
      left: tl.left,
      bottom: tl.top + Math.max(height, 1) - 1,
      right: tl.left + t.columns.length - 1,
    };
  }
  if (!box) return null;
  const hasHeader = t.headerRow !== false;
  const lastRow = box.bottom - (t.totalsRow ? 1 : 0);
  return {
    name: t.name,
    headerRow: hasHeader ? box.top : box.top - 1,
    firstCol: box.left,
    lastCol: box.right,
    lastRow: Math.max(lastRow, hasHeader ? box.top : box.top - 1),
  };
}
