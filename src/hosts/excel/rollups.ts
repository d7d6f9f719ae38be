// Computed columns (formulas, formats, helper look), the names they use and the Riepilogo sheet,
// written in one Excel.run. The preflight loads, in its second sync, the cells where new columns go
// and (ExcelApi 1.13) the merged areas touching the computed columns, and asks the domain's ownership
// rules (findConflict) before anything is written, as the file host does.
import { AppError } from "../../app/errors";
import {
  MAX_COLUMN,
  conflictMessage,
  findConflict,
  targetAreas,
  type Box,
} from "../../domain/model/ownership";
import { columnLetter, decodeRange, encodeRange } from "../../domain/model/raw";
import { computedColumnStyle, computedColumnWidth } from "../../domain/model/sheet";
import type { ComputedTable, RollupWritePlan } from "../../domain/model/sheet";
import { hostMessages } from "../messages";
import { ACTION_OVERHEAD, RANGE_OVERHEAD, jsonBytes, type Batcher } from "./batch";
import { textForExcel, widthToPoints, writeGrid, type WireValue } from "./cells";
import { MERGED_AREAS_API } from "./office";
import {
  preflight,
  replaceGeneratedSheet,
  sameName,
  writeBatcher,
  type Preflight,
  type TableInfo,
} from "./transaction";

/** What the preflight loads for one computed table. */
interface Loaded {
  left: number;
  /** Values and value types from the header row to the last row, over the computed columns. */
  cells: Excel.Range;
  /** Merged areas over the same rows and columns; null without ExcelApi 1.13. */
  merged: Excel.RangeAreas | null;
}

interface Task {
  t: ComputedTable;
  sheet: string;
  /** Columns appended to the table. */
  added: Set<number>;
  /** New columns beside a plain range (not yet the add-in's). */
  besideRange: Set<number>;
}

export async function writeRollups(
  ctx: Excel.RequestContext,
  plan: RollupWritePlan,
  supports: (version: string) => boolean,
): Promise<void> {
  const withMerges = supports(MERGED_AREAS_API);
  const loaded = new Map<ComputedTable, Loaded>();
  const pre = await preflight(ctx, {
    writeSheets: plan.computed.map((t) => t.sheet),
    generated: [plan.riepilogo.name],
    tableRanges: true,
    extra: (sheets) => {
      for (const t of plan.computed) {
        const sheet = sheets.find((s) => sameName(s, t.sheet));
        if (!sheet || t.columns.length === 0) continue;
        const left = Math.min(...t.columns.map((c) => c.col));
        // Past XFD there is nothing to load: findConflict reports the missing room.
        const right = Math.min(MAX_COLUMN, Math.max(...t.columns.map((c) => c.col)));
        const bottom = Math.max(t.lastRow, t.headerRow);
        const range = ctx.workbook.worksheets
          .getItem(sheet)
          .getRange(encodeRange({ top: t.headerRow, left, bottom, right }));
        range.load("values,valueTypes");
        let merged: Excel.RangeAreas | null = null;
        if (withMerges) {
          merged = range.getMergedAreasOrNullObject();
          merged.load("address");
        }
        loaded.set(t, { left, cells: range, merged });
      }
    },
  });
  const tasks = plan.computed.map((t) => checkComputed(pre, t, loaded.get(t)));

  const b = writeBatcher(ctx);
  for (const task of tasks) await writeComputed(b, ctx, task);
  await replaceGeneratedSheet(b, ctx, pre, plan.riepilogo, plan.definedNames);
  await b.sync();
}

/** `'Foglio 1'!A1:B2, Fasi!D4` (a RangeAreas address) → the areas' bounds. */
export function areasOf(address: string): Box[] {
  const out: Box[] = [];
  for (const m of address.matchAll(/(?:'(?:[^']|'')*'|[^',!]+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/gi)) {
    const box = decodeRange(m[1]);
    if (box) out.push(box);
  }
  // An address without sheet names ("A1:B2,D4").
  if (out.length === 0) {
    for (const part of address.split(",")) {
      const box = decodeRange(part);
      if (box) out.push(box);
    }
  }
  return out;
}

function checkComputed(pre: Preflight, t: ComputedTable, area: Loaded | undefined): Task {
  const sheet = pre.sheets.find((s) => sameName(s.name, t.sheet))!.name;
  let table: TableInfo | undefined;
  let lastCol = 0;
  if (t.table) {
    table = pre.tables.find((x) => sameName(x.name, t.table!));
    if (!table || !sameName(table.sheet, sheet)) {
      throw new AppError("HOST", hostMessages.layoutChanged(`tabella ${t.table}`));
    }
    if (table.box.top !== t.headerRow || table.box.bottom < t.lastRow) {
      throw new AppError("HOST", hostMessages.layoutChanged(`righe della tabella ${t.table}`));
    }
    lastCol = table.box.right;
  }
  const added: number[] = [];
  for (const c of [...t.columns].sort((a, b) => a.col - b.col)) {
    if (!table || c.col <= lastCol) continue;
    if (c.col !== lastCol + 1) throw new AppError("HOST", hostMessages.layoutChanged(`colonna ${c.header}`));
    lastCol = c.col;
    added.push(c.col);
  }
  // The same rule as the file host (src/domain/model/ownership.ts): new columns only over free cells.
  const types = area ? (area.cells.valueTypes as string[][]) : null;
  const headers = area ? (area.cells.values as unknown[][])[0] : [];
  const areas = targetAreas(t, table?.box ?? null, (col) => {
    const v = area ? headers?.[col - area.left] : undefined;
    return typeof v === "string" ? v : "";
  });
  const conflict = findConflict(
    areas,
    {
      sheet,
      hasContent: (r, c) => {
        if (!types || !area) return false;
        const v = types[r - t.headerRow]?.[c - area.left];
        return v !== undefined && v !== "Empty";
      },
      merges: area?.merged && !area.merged.isNullObject ? areasOf(area.merged.address) : [],
      tables: pre.tables.filter((x) => sameName(x.sheet, sheet)).map((x) => ({ name: x.name, box: x.box })),
    },
    table?.name ?? null,
  );
  if (conflict) throw new AppError("HOST", conflictMessage(conflict));
  const besideRange = table ? [] : areas.filter((a) => a.appended).map((a) => a.col);
  return { t, sheet, added: new Set(added), besideRange: new Set(besideRange) };
}

async function writeComputed(b: Batcher, ctx: Excel.RequestContext, task: Task): Promise<void> {
  const { t, sheet } = task;
  const proxy = ctx.workbook.worksheets.getItem(sheet);
  const ws = () => proxy;
  for (const c of [...t.columns].sort((a, b) => a.col - b.col)) {
    const letter = columnLetter(c.col);
    if (task.added.has(c.col)) {
      // Appended to the table: Excel names the table column and extends the table's formats to it.
      await b.reserve(RANGE_OVERHEAD + jsonBytes(c.header));
      ctx.workbook.tables.getItem(t.table!).columns.add(undefined, undefined, c.header);
      await b.reserve(RANGE_OVERHEAD + ACTION_OVERHEAD);
      ws().getRange(`${letter}:${letter}`).untrack().format.columnWidth = widthToPoints(
        computedColumnWidth(c),
      );
    } else {
      await b.reserve(RANGE_OVERHEAD + jsonBytes(c.header));
      const header = ws().getRange(`${letter}${t.headerRow}`).untrack();
      if (task.besideRange.has(c.col) && c.col > 1) {
        // A new column beside a plain range: its header looks like the one on its left, as in files.
        await b.reserve(2 * RANGE_OVERHEAD + 2 * ACTION_OVERHEAD);
        header.copyFrom(
          ws()
            .getRange(`${columnLetter(c.col - 1)}${t.headerRow}`)
            .untrack(),
          "Formats",
        );
        ws().getRange(`${letter}:${letter}`).untrack().format.columnWidth = widthToPoints(
          computedColumnWidth(c),
        );
      }
      header.values = [[textForExcel(c.header, false)]];
    }
    if (c.formulas.length === 0) continue;
    const look = computedColumnStyle(c);
    // Always written: a column appended to a table takes its neighbour's format, the file host's does not.
    const nf: WireValue[][] = c.formulas.map(() => [look.numberFormat ?? "General"]);
    await writeGrid(b, ws, t.firstRow, c.col, nf, "numberFormat");
    await writeGrid(
      b,
      ws,
      t.firstRow,
      c.col,
      c.formulas.map((f) => [f]),
      "formulas",
    );
    if (look.font) {
      await b.reserve(RANGE_OVERHEAD + ACTION_OVERHEAD * 2);
      const range = ws()
        .getRange(`${letter}${t.firstRow}:${letter}${t.firstRow + c.formulas.length - 1}`)
        .untrack();
      range.format.font.color = `#${look.font.color}`;
      range.format.font.size = look.font.size;
    }
  }
}
