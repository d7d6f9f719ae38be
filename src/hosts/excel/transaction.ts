// Every write is one Excel.run shaped the same way: a preflight that loads what the checks need and
// stops before any write, then the writes queued in a Batcher, and generated sheets built under a
// temporary name and swapped in at the very end, with the workbook names, so a failure midway leaves
// the previous version in place.
import { AppError } from "../../app/errors";
import { markerFor, markerName, renamedGeneratedSheet, type Box } from "../../domain/model/ownership";
import { decodeRange } from "../../domain/model/raw";
import type { SheetDescription } from "../../domain/model/sheet";
import { hostMessages } from "../messages";
import { Batcher, RANGE_OVERHEAD, jsonBytes } from "./batch";
import { renderInto } from "./render";

/** Suffix of the sheet a generated sheet is built under before the swap. */
const TEMP_SUFFIX = " (nuovo)";

export interface SheetInfo {
  name: string;
  protected: boolean;
}

export interface TableInfo {
  name: string;
  sheet: string;
  /** Header row included; all 0 when the preflight did not load table ranges. */
  box: Box;
  showHeaders: boolean;
}

export interface Preflight {
  sheets: SheetInfo[];
  tables: TableInfo[];
  names: Map<string, string>;
  /** The workbook counts dates from 1904: date cells are written as its own serials. */
  date1904: boolean;
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function tempName(name: string): string {
  return `${name.slice(0, 31 - TEMP_SUFFIX.length)}${TEMP_SUFFIX}`;
}

/** Calculation and redraw are suspended for the request that follows (they resume at the next sync). */
function suspend(ctx: Excel.RequestContext): void {
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
}

/** The writes of one run: requests start with calculation and redraw suspended. */
export function writeBatcher(ctx: Excel.RequestContext): Batcher {
  return new Batcher(ctx, suspend);
}

/**
 * One sync for sheets (with protection) and names; a second one for the tables' ranges and what
 * `extra` queues, when asked. Then checks what will be written.
 */
export async function preflight(
  ctx: Excel.RequestContext,
  options: {
    writeSheets: string[];
    generated: string[];
    tableRanges: boolean;
    extra?: (sheets: string[]) => void;
  },
): Promise<Preflight> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/protection/protected");
  const tables = ctx.workbook.tables;
  tables.load("items/name,items/showHeaders,items/worksheet/name");
  const names = ctx.workbook.names;
  names.load("items/name,items/formula");
  // The date system rides the same sync: DATE(1904,1,2) is 1 in a 1904 workbook, 1463 in a 1900 one.
  const dateProbe = ctx.workbook.functions.date(1904, 1, 2);
  dateProbe.load("value");
  await ctx.sync();
  let ranges: Excel.Range[] = [];
  if (options.tableRanges) {
    ranges = tables.items.map((t) => {
      const r = ctx.workbook.tables.getItem(t.name).getRange();
      r.load("address");
      return r;
    });
    options.extra?.(sheets.items.map((s) => s.name));
    await ctx.sync();
  }
  const pre: Preflight = {
    sheets: sheets.items.map((s) => ({ name: s.name, protected: s.protection.protected })),
    tables: tables.items.map((t, i) => ({
      name: t.name,
      sheet: t.worksheet.name,
      showHeaders: t.showHeaders,
      box: (ranges[i] && decodeRange(ranges[i].address)) ?? { top: 0, left: 0, bottom: 0, right: 0 },
    })),
    names: new Map(names.items.map((n) => [n.name.toLowerCase(), n.formula])),
    date1904: dateProbe.value === 1,
  };
  for (const s of options.writeSheets) {
    const info = pre.sheets.find((x) => sameName(x.name, s));
    if (!info) throw new AppError("HOST", hostMessages.sheetMissing(s));
    if (info.protected) throw new AppError("HOST", hostMessages.protectedSheet(info.name));
  }
  for (const g of options.generated) {
    const existing = pre.sheets.find((x) => sameName(x.name, g));
    if (existing?.protected) throw new AppError("HOST", hostMessages.protectedSheet(existing.name));
    // The marker name follows the sheet when the user renames it: then it is theirs, not ours to replace.
    const renamed = renamedGeneratedSheet(
      g,
      pre.names.get(markerName(g).toLowerCase()),
      pre.sheets.map((x) => x.name),
    );
    if (renamed) throw new AppError("HOST", hostMessages.renamedSheet(g, renamed));
  }
  return pre;
}

/**
 * Replaces the generated sheet `desc.name`: a temporary sheet left by a failed run is deleted, the new
 * one is built under a temporary name, and the last request deletes the old sheet, gives the new one
 * its name and place, and writes the names.
 */
export async function replaceGeneratedSheet(
  b: Batcher,
  ctx: Excel.RequestContext,
  pre: Preflight,
  desc: SheetDescription,
  extraNames: { name: string; refersTo: string }[],
): Promise<void> {
  const old = pre.sheets.find((s) => sameName(s.name, desc.name));
  await buildAndSwap(b, ctx, pre, {
    name: desc.name,
    replaces: old?.name ?? null,
    build: (sheet) => renderInto(b, () => sheet, desc, pre.date1904),
    names: [...extraNames, ...(desc.definedNames ?? [])],
  });
}

export interface SwapPlan {
  /** Name the new sheet takes. */
  name: string;
  /** The sheet it replaces (deleted in the last request), or null. */
  replaces: string | null;
  /** Queues the new sheet's content onto the temporary sheet (`sheet`, named `temp`). */
  build(sheet: Excel.Worksheet, temp: string): Promise<void>;
  /** Workbook names written in the last request (the sheet's marker is added). */
  names: { name: string; refersTo: string }[];
  /** More actions of the last request, after the rename (with their estimated bytes). */
  atSwap?: { bytes: number; queue(): void };
}

/**
 * The build-then-swap every generated sheet goes through. The swap (delete, rename, position, names,
 * `atSwap`) is reserved as one block, so it travels in one request. When a request fails, the
 * temporary sheet is deleted (best effort) unless the sheet it replaces is already gone: then it is
 * the only copy left, and stays.
 */
export async function buildAndSwap(
  b: Batcher,
  ctx: Excel.RequestContext,
  pre: Preflight,
  plan: SwapPlan,
): Promise<void> {
  const temp = tempName(plan.name);
  const leftover = pre.sheets.find((s) => sameName(s.name, temp));
  if (leftover) {
    await b.reserve(RANGE_OVERHEAD);
    ctx.workbook.worksheets.getItem(leftover.name).delete();
  }
  try {
    await b.reserve(RANGE_OVERHEAD);
    ctx.workbook.worksheets.add(temp);
    // One proxy for the whole build: a fresh getItem per operation would add a path to each of them.
    const sheet = ctx.workbook.worksheets.getItem(temp);
    await plan.build(sheet, temp);

    const names = [...plan.names, markerFor(plan.name)];
    await b.reserve(
      4 * RANGE_OVERHEAD + (plan.atSwap?.bytes ?? 0) + names.reduce((n, x) => n + nameBytes(x), 0),
    );
    const oldIndex = plan.replaces === null ? -1 : pre.sheets.findIndex((s) => s.name === plan.replaces);
    if (oldIndex >= 0) ctx.workbook.worksheets.getItem(pre.sheets[oldIndex].name).delete();
    sheet.name = plan.name;
    if (oldIndex >= 0) sheet.position = oldIndex;
    plan.atSwap?.queue();
    for (const n of names) queueName(ctx, pre, n);
    await b.sync();
  } catch (e) {
    await dropTemporary(ctx, temp, plan.replaces).catch(() => undefined);
    throw e;
  }
}

/** After a failure: deletes the temporary sheet, if there is one and the sheet it replaces is still there. */
async function dropTemporary(
  ctx: Excel.RequestContext,
  temp: string,
  replaces: string | null,
): Promise<void> {
  const tempSheet = ctx.workbook.worksheets.getItemOrNullObject(temp);
  tempSheet.load("name");
  const old = replaces === null ? null : ctx.workbook.worksheets.getItemOrNullObject(replaces);
  old?.load("name");
  await ctx.sync();
  if (tempSheet.isNullObject || old?.isNullObject) return;
  tempSheet.delete();
  await ctx.sync();
}

/** Workbook names: the formula of an existing name is replaced, a missing name is added. */
export async function upsertNames(
  b: Batcher,
  ctx: Excel.RequestContext,
  pre: Preflight,
  names: { name: string; refersTo: string }[],
): Promise<void> {
  for (const n of names) {
    await b.reserve(nameBytes(n));
    queueName(ctx, pre, n);
  }
}

function nameBytes(n: { name: string; refersTo: string }): number {
  return RANGE_OVERHEAD + jsonBytes(n);
}

function queueName(ctx: Excel.RequestContext, pre: Preflight, n: { name: string; refersTo: string }): void {
  const formula = n.refersTo.startsWith("=") ? n.refersTo : `=${n.refersTo}`;
  if (pre.names.has(n.name.toLowerCase())) ctx.workbook.names.getItem(n.name).formula = formula;
  else {
    ctx.workbook.names.add(n.name, formula);
    pre.names.set(n.name.toLowerCase(), formula);
  }
}
