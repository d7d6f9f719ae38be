// The Excel host (Office.js): the same jobs as the .xlsx host, inside Excel. Every public method is
// one Excel.run with a constant number of syncs (a preflight that loads what the checks need, then
// the writes, split only where a request would pass the payload budget). Generated sheets are built
// under a temporary name and swapped in at the very end, so a failure midway leaves the previous
// version in place.
import type { Host, ParametriWrite, PrepareResult } from "../../app/host";
import { AppError } from "../../app/errors";
import { normalizeHeader } from "../../domain/reading/headers";
import { excelMessages, hostMessages } from "../messages";
import { ownershipMessages } from "../../domain/messages";
import {
  MAX_COLUMN,
  conflictMessage,
  findConflict,
  markerFor,
  markerName,
  renamedGeneratedSheet,
  targetAreas,
} from "../../domain/model/ownership";
import {
  columnLetter,
  isCellError,
  isUncachedFormula,
  type RawSheet,
  type RawValue,
  type RawWorkbook,
} from "../../domain/model/raw";
import { SHEETS, TABLES } from "../../domain/model/schema";
import {
  computedColumnStyle,
  computedColumnWidth,
  type ComputedTable,
  type InputTableSpec,
  type RollupWritePlan,
  type SheetDescription,
  type WorkbookTemplate,
} from "../../domain/model/sheet";
import { writeParametri } from "./parametri";
import { ACTION_OVERHEAD, Batcher, RANGE_OVERHEAD, jsonBytes } from "./batch";
import { dateSerial, renderInto, textForExcel, widthToPoints, writeGrid, type WireValue } from "./render";

export type ExcelRunner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Production runner: Excel.run against the workbook the add-in lives in. */
export const officeRunner: ExcelRunner = (batch) => Excel.run(batch);

const INPUT_SHEETS = [SHEETS.parametri, SHEETS.obiettivi, SHEETS.fasi, SHEETS.indicatori].map(
  normalizeHeader,
);
const DATA_SHEETS = [SHEETS.obiettivi, SHEETS.fasi, SHEETS.indicatori];
/** Suffix of the sheet a generated sheet is built under before the swap. */
const TEMP_SUFFIX = " (nuovo)";
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
const HEADER_FONT_COLOR = "#1F3864";
const HEADER_FILL = "#DDEBF7";

export function isExcelApiSupported(office: typeof Office | undefined = globalThis.Office): boolean {
  try {
    return Boolean(office?.context?.requirements?.isSetSupported("ExcelApi", "1.9"));
  } catch {
    return false;
  }
}

/** Throws an AppError with the Italian explanation when this Excel lacks ExcelApi 1.9. */
export function checkExcelApi(office: typeof Office | undefined = globalThis.Office): void {
  if (!isExcelApiSupported(office)) throw new AppError("HOST", excelMessages.apiMissing);
}

/** Name of the workbook-level name that follows a generated sheet (Excel rewrites it when the sheet is renamed). */
export { markerName };

interface SheetInfo {
  name: string;
  protected: boolean;
}

interface TableInfo {
  name: string;
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  showHeaders: boolean;
}

interface Preflight {
  sheets: SheetInfo[];
  tables: TableInfo[];
  names: Map<string, string>;
}

export class ExcelHost implements Host {
  readonly kind = "excel" as const;

  constructor(private readonly run: ExcelRunner = officeRunner) {}

  // ------------------------------------------------------------------------------------------
  // Reading
  // ------------------------------------------------------------------------------------------

  async readWorkbook(): Promise<RawWorkbook> {
    return this.guard(async (ctx) => {
      // Sync 1: which sheets and tables exist, and the size of each input sheet's used range.
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      const tables = ctx.workbook.tables;
      tables.load("items/name,items/showHeaders,items/worksheet/name");
      const canonical = [SHEETS.parametri, SHEETS.obiettivi, SHEETS.fasi, SHEETS.indicatori].map((name) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
        ws.load("name");
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        return { ws, used };
      });
      // The date system: DATE(1904,1,2) is 1 in a 1904 workbook, 1463 in a 1900 one (Office.js hands
      // date cells as the workbook's serials, and the reader must count them from the right day).
      const dateProbe = ctx.workbook.functions.date(1904, 1, 2);
      dateProbe.load("value");
      await ctx.sync();
      const inputs = sheets.items
        .filter((s) => INPUT_SHEETS.includes(normalizeHeader(s.name)))
        .map((s) => s.name);
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
        const address = `${columnLetter(block.left)}${block.top}:${columnLetter(block.left + block.cols - 1)}${block.top + block.rows - 1}`;
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
        const box = parseAddress(tableRanges[i].address);
        if (!box || !t.showHeaders) return;
        const sheet = result.find((s) => s.name === t.worksheet.name)!;
        sheet.tables.push({
          name: t.name,
          headerRow: box.r1,
          firstCol: box.c1,
          lastCol: box.c2,
          lastRow: box.r2,
          columns: tableColumns[i].items.map((c) => c.name),
        });
        widen(sheet, box);
      });
      return { sheets: result, date1904: dateProbe.value === 1 };
    });
  }

  async isEmptyWorkbook(): Promise<boolean> {
    return this.guard(async (ctx) => {
      const ranges = DATA_SHEETS.map((name) => {
        const r = ctx.workbook.worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
        r.load("rowCount");
        return r;
      });
      await ctx.sync();
      // Header row only (or nothing) on every data sheet.
      return ranges.every((r) => r.isNullObject || r.rowCount <= 1);
    });
  }

  // ------------------------------------------------------------------------------------------
  // Writing
  // ------------------------------------------------------------------------------------------

  async writeRollups(plan: RollupWritePlan): Promise<void> {
    await this.guard(async (ctx) => {
      // Where new computed columns would go must be empty: load the plan's column areas with the table ranges.
      const areas = new Map<ComputedTable, { left: number; range: Excel.Range }>();
      const pre = await this.preflight(ctx, {
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
            const range = ctx.workbook.worksheets
              .getItem(sheet)
              .getRange(
                `${columnLetter(left)}${t.headerRow}:${columnLetter(right)}${Math.max(t.lastRow, t.headerRow)}`,
              );
            range.load("values,valueTypes");
            areas.set(t, { left, range });
          }
        },
      });
      const tasks = plan.computed.map((t) => this.checkComputed(pre, t, areas.get(t)));
      const oldTemp = this.leftoverTemp(pre, plan.riepilogo.name);

      const b = new Batcher(ctx, suspend);
      if (oldTemp) {
        await b.reserve(RANGE_OVERHEAD);
        ctx.workbook.worksheets.getItem(oldTemp).delete();
      }
      for (const task of tasks) await this.writeComputed(b, ctx, task);
      await this.buildTempSheet(b, ctx, plan.riepilogo);
      await this.swap(b, ctx, pre, plan.riepilogo, plan.definedNames);
      await b.sync();
    });
  }

  async renderSheet(desc: SheetDescription): Promise<void> {
    await this.guard(async (ctx) => {
      const pre = await this.preflight(ctx, { writeSheets: [], generated: [desc.name], tableRanges: false });
      const oldTemp = this.leftoverTemp(pre, desc.name);
      const b = new Batcher(ctx, suspend);
      if (oldTemp) {
        await b.reserve(RANGE_OVERHEAD);
        ctx.workbook.worksheets.getItem(oldTemp).delete();
      }
      await this.buildTempSheet(b, ctx, desc);
      await this.swap(b, ctx, pre, desc, []);
      await b.sync();
    });
  }

  async prepareSheets(template: WorkbookTemplate, options: { fillRows: boolean }): Promise<PrepareResult> {
    return this.guard(async (ctx) => {
      const pre = await this.preflight(ctx, {
        writeSheets: [],
        generated: [],
        tableRanges: options.fillRows,
      });
      const result: PrepareResult = { createdSheets: [], createdTables: [] };
      // Carica esempio after Prepara fogli: our own tables (at A1) that hold no data row are rebuilt with
      // the rows; in Parametri only the empty values are filled. Any data at all leaves a table alone.
      const refill = options.fillRows
        ? template.tables.flatMap((spec) => {
            const t = pre.tables.find((x) => sameName(x.name, spec.table));
            if (!t || t.r1 !== 1 || t.c1 !== 1) return [];
            if (pre.sheets.find((x) => sameName(x.name, t.sheet))?.protected) {
              throw new AppError("HOST", hostMessages.protectedSheet(t.sheet));
            }
            const used = ctx.workbook.worksheets.getItem(t.sheet).getUsedRangeOrNullObject(true);
            used.load("rowCount");
            const body = ctx.workbook.tables.getItem(t.name).getRange();
            body.load("values");
            return [{ spec, table: t, used, body }];
          })
        : [];
      // Sheets that exist without the table: only an empty sheet gets one (its data is never touched).
      const candidates = template.tables.filter(
        (spec) => !pre.tables.some((t) => sameName(t.name, spec.table)),
      );
      const usedRanges = new Map<string, Excel.Range>();
      for (const spec of candidates) {
        const sheet = pre.sheets.find((s) => sameName(s.name, spec.sheet));
        if (sheet) {
          if (sheet.protected) throw new AppError("HOST", hostMessages.protectedSheet(sheet.name));
          const r = ctx.workbook.worksheets.getItem(sheet.name).getUsedRangeOrNullObject(true);
          r.load("address");
          usedRanges.set(spec.table, r);
        }
      }
      if (usedRanges.size > 0 || refill.length > 0) await ctx.sync();

      const b = new Batcher(ctx, suspend);
      for (const { spec, table, used, body } of refill) {
        if (spec.table === TABLES.parametri) {
          await this.fillEmptyParametri(b, ctx, table.sheet, body.values, spec);
          continue;
        }
        if (!used.isNullObject && used.rowCount > 1) continue;
        await b.reserve(RANGE_OVERHEAD * 2);
        ctx.workbook.tables.getItem(table.name).delete();
        ctx.workbook.worksheets
          .getItem(table.sheet)
          .getRange(`A1:${columnLetter(table.c2)}${table.r2}`)
          .clear("Contents");
        await this.layOutTable(b, ctx, table.sheet, spec, true);
        result.createdTables.push(spec.table);
      }
      for (const spec of candidates) {
        let sheetName = pre.sheets.find((s) => sameName(s.name, spec.sheet))?.name;
        if (sheetName) {
          if (!usedRanges.get(spec.table)?.isNullObject) continue;
          const inTheWay = pre.tables.find((t) => sameName(t.sheet, sheetName!));
          if (inTheWay) {
            throw new AppError("HOST", ownershipMessages.tableInTheWay(inTheWay.name, inTheWay.sheet, "A1"));
          }
        } else {
          sheetName = spec.sheet;
          await b.reserve(RANGE_OVERHEAD);
          ctx.workbook.worksheets.add(sheetName);
          result.createdSheets.push(sheetName);
        }
        await this.layOutTable(b, ctx, sheetName, spec, options.fillRows || spec.table === "tblParametri");
        result.createdTables.push(spec.table);
      }
      await this.upsertNames(b, ctx, pre, template.definedNames);
      await b.sync();
      return result;
    });
  }

  async writeParametri(write: ParametriWrite): Promise<void> {
    await this.guard((ctx) => writeParametri(ctx, write));
  }

  async selectCell(address: string): Promise<void> {
    await this.guard(async (ctx) => {
      const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(address.trim());
      if (!m) throw new AppError("HOST", excelMessages.cellAddressInvalid(address));
      const sheet = ctx.workbook.worksheets.getItem((m[1] ?? m[2]).replace(/''/g, "'"));
      sheet.activate();
      sheet.getRange(m[3]).select();
      await ctx.sync();
    });
  }

  async activateSheet(name: string): Promise<void> {
    await this.guard(async (ctx) => {
      ctx.workbook.worksheets.getItem(name).activate();
      await ctx.sync();
    });
  }

  // ------------------------------------------------------------------------------------------
  // Internals
  // ------------------------------------------------------------------------------------------

  /**
   * One sync for sheets (with protection) and names; a second one for the tables' ranges and what
   * `extra` queues, when asked. Then checks what will be written.
   */
  private async preflight(
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
      tables: tables.items.map((t, i) => {
        const box = (ranges[i] && parseAddress(ranges[i].address)) ?? { r1: 0, c1: 0, r2: 0, c2: 0 };
        return { name: t.name, sheet: t.worksheet.name, showHeaders: t.showHeaders, ...box };
      }),
      names: new Map(names.items.map((n) => [n.name.toLowerCase(), n.formula])),
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

  /** A temporary sheet left by a failed run, to delete first. */
  private leftoverTemp(pre: Preflight, name: string): string | null {
    const temp = tempName(name);
    return pre.sheets.find((s) => sameName(s.name, temp))?.name ?? null;
  }

  private async buildTempSheet(b: Batcher, ctx: Excel.RequestContext, desc: SheetDescription): Promise<void> {
    const temp = tempName(desc.name);
    await b.reserve(RANGE_OVERHEAD);
    ctx.workbook.worksheets.add(temp);
    // One proxy for the whole render: a fresh getItem per operation would add a path to each of them.
    const sheet = ctx.workbook.worksheets.getItem(temp);
    await renderInto(b, () => sheet, desc);
  }

  /** Deletes the previous sheet and gives the new one its name and place, in the last request. */
  private async swap(
    b: Batcher,
    ctx: Excel.RequestContext,
    pre: Preflight,
    desc: SheetDescription,
    extraNames: { name: string; refersTo: string }[],
  ): Promise<void> {
    await b.reserve(4 * RANGE_OVERHEAD);
    const oldIndex = pre.sheets.findIndex((s) => sameName(s.name, desc.name));
    const fresh = ctx.workbook.worksheets.getItem(tempName(desc.name));
    if (oldIndex >= 0) ctx.workbook.worksheets.getItem(pre.sheets[oldIndex].name).delete();
    fresh.name = desc.name;
    if (oldIndex >= 0) fresh.position = oldIndex;
    const marker = markerFor(desc.name);
    await this.upsertNames(b, ctx, pre, [...extraNames, ...(desc.definedNames ?? []), marker]);
  }

  private async upsertNames(
    b: Batcher,
    ctx: Excel.RequestContext,
    pre: Preflight,
    names: { name: string; refersTo: string }[],
  ): Promise<void> {
    for (const n of names) {
      await b.reserve(RANGE_OVERHEAD + jsonBytes(n));
      const formula = n.refersTo.startsWith("=") ? n.refersTo : `=${n.refersTo}`;
      if (pre.names.has(n.name.toLowerCase())) ctx.workbook.names.getItem(n.name).formula = formula;
      else {
        ctx.workbook.names.add(n.name, formula);
        pre.names.set(n.name.toLowerCase(), formula);
      }
    }
  }

  private checkComputed(
    pre: Preflight,
    t: ComputedTable,
    area: { left: number; range: Excel.Range } | undefined,
  ) {
    const sheet = pre.sheets.find((s) => sameName(s.name, t.sheet))!.name;
    let table: TableInfo | undefined;
    let lastCol = 0;
    if (t.table) {
      table = pre.tables.find((x) => sameName(x.name, t.table!));
      if (!table || !sameName(table.sheet, sheet)) {
        throw new AppError("HOST", hostMessages.layoutChanged(`tabella ${t.table}`));
      }
      if (table.r1 !== t.headerRow || table.r2 < t.lastRow) {
        throw new AppError("HOST", hostMessages.layoutChanged(`righe della tabella ${t.table}`));
      }
      lastCol = table.c2;
    }
    const columns = [...t.columns].sort((a, b) => a.col - b.col);
    const added: number[] = [];
    for (const c of columns) {
      if (!table || c.col <= lastCol) continue;
      if (c.col !== lastCol + 1)
        throw new AppError("HOST", hostMessages.layoutChanged(`colonna ${c.header}`));
      lastCol = c.col;
      added.push(c.col);
    }
    // The same rule as the file host (src/domain/ownership.ts): new columns only over free cells.
    const box = table ? { top: table.r1, left: table.c1, bottom: table.r2, right: table.c2 } : null;
    const types = area ? (area.range.valueTypes as string[][]) : null;
    const headers = area ? (area.range.values as unknown[][])[0] : [];
    const areas = targetAreas(t, box, (col) => {
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
        merges: [],
        tables: pre.tables
          .filter((x) => sameName(x.sheet, sheet))
          .map((x) => ({ name: x.name, box: { top: x.r1, left: x.c1, bottom: x.r2, right: x.c2 } })),
      },
      table?.name ?? null,
    );
    if (conflict) throw new AppError("HOST", conflictMessage(conflict));
    return { t, sheet, added: new Set(added) };
  }

  private async writeComputed(
    b: Batcher,
    ctx: Excel.RequestContext,
    task: { t: ComputedTable; sheet: string; added: Set<number> },
  ): Promise<void> {
    const { t, sheet } = task;
    const proxy = ctx.workbook.worksheets.getItem(sheet);
    const ws = () => proxy;
    for (const c of [...t.columns].sort((a, b) => a.col - b.col)) {
      const letter = columnLetter(c.col);
      if (task.added.has(c.col)) {
        // Appended to the table: Excel names the table column and keeps the table's formats.
        await b.reserve(RANGE_OVERHEAD + jsonBytes(c.header));
        ctx.workbook.tables.getItem(t.table!).columns.add(undefined, undefined, c.header);
        await b.reserve(RANGE_OVERHEAD + ACTION_OVERHEAD);
        ws().getRange(`${letter}:${letter}`).untrack().format.columnWidth = widthToPoints(
          computedColumnWidth(c),
        );
      } else {
        await b.reserve(RANGE_OVERHEAD + jsonBytes(c.header));
        ws().getRange(`${letter}${t.headerRow}`).untrack().values = [[textForExcel(c.header, false)]];
      }
      if (c.formulas.length === 0) continue;
      if (c.numberFormat) {
        const nf: WireValue[][] = c.formulas.map(() => [c.numberFormat!]);
        await writeGrid(b, ws, t.firstRow, c.col, nf, "numberFormat");
      }
      await writeGrid(
        b,
        ws,
        t.firstRow,
        c.col,
        c.formulas.map((f) => [f]),
        "formulas",
      );
      const font = computedColumnStyle(c).font;
      if (font) {
        await b.reserve(RANGE_OVERHEAD + ACTION_OVERHEAD);
        const range = ws()
          .getRange(`${letter}${t.firstRow}:${letter}${t.firstRow + c.formulas.length - 1}`)
          .untrack();
        range.format.font.color = `#${font.color}`;
        range.format.font.size = font.size;
      }
    }
  }

  /** Writes the template's Parametri values into the rows of tblParametri whose Valore is empty. */
  private async fillEmptyParametri(
    b: Batcher,
    ctx: Excel.RequestContext,
    sheetName: string,
    values: unknown[][],
    spec: InputTableSpec,
  ): Promise<void> {
    const keyOf = (v: unknown) =>
      String(v ?? "")
        .trim()
        .toLowerCase();
    const wanted = new Map(spec.rows.map((r) => [keyOf(r[0]), r[1]]));
    for (let i = 1; i < values.length; i++) {
      const v = wanted.get(keyOf(values[i][0]));
      const current = values[i][1];
      if (v === undefined || v === null || v === "" || (current !== "" && current !== null)) continue;
      await b.reserve(RANGE_OVERHEAD + ACTION_OVERHEAD);
      const cell = ctx.workbook.worksheets
        .getItem(sheetName)
        .getRange(`B${i + 1}`)
        .untrack();
      cell.values = [
        [v instanceof Date ? dateSerial(v) : typeof v === "string" ? textForExcel(v, false) : (v as number)],
      ];
    }
  }

  private async layOutTable(
    b: Batcher,
    ctx: Excel.RequestContext,
    sheetName: string,
    spec: InputTableSpec,
    withRows: boolean,
  ): Promise<void> {
    const proxy = ctx.workbook.worksheets.getItem(sheetName);
    const ws = () => proxy;
    const rows = withRows ? spec.rows : [];
    const width = spec.columns.length;
    const last = columnLetter(width);
    const lastRow = 1 + Math.max(1, rows.length);
    const validationLast = Math.max(1000, lastRow + 500);

    for (let i = 0; i < width; i++) {
      const col = spec.columns[i];
      const letter = columnLetter(i + 1);
      await b.reserve(RANGE_OVERHEAD * 2 + ACTION_OVERHEAD * 3);
      ws().getRange(`${letter}:${letter}`).untrack().format.columnWidth = widthToPoints(col.width);
      if (col.numberFormat) {
        const nf: WireValue[][] = Array.from({ length: validationLast - 1 }, () => [col.numberFormat!]);
        await writeGrid(b, ws, 2, i + 1, nf, "numberFormat");
      }
    }
    // Values block first (header + rows), then the table over it: no row-by-row table growth.
    const grid: WireValue[][] = [
      spec.columns.map((c) => textForExcel(c.header, false)),
      ...rows.map((row) =>
        spec.columns.map((c, j) => {
          const v: RawValue = row[j] ?? null;
          if (v === null || isCellError(v) || isUncachedFormula(v)) return null;
          if (v instanceof Date) return dateSerial(v);
          if (typeof v === "string") return v === "" ? null : textForExcel(v, c.numberFormat === "@");
          return v;
        }),
      ),
    ];
    await writeGrid(b, ws, 1, 1, grid, "formulas");
    await b.reserve(RANGE_OVERHEAD * 3 + ACTION_OVERHEAD * 6);
    const header = ws().getRange(`A1:${last}1`).untrack();
    header.format.font.bold = true;
    header.format.font.color = HEADER_FONT_COLOR;
    header.format.fill.color = HEADER_FILL;
    header.format.wrapText = true;
    header.format.verticalAlignment = "Center";
    header.format.rowHeight = 30;
    const table = ws().tables.add(`A1:${last}${lastRow}`, true);
    table.name = spec.table;
    table.style = "TableStyleLight9";
    ws().freezePanes.freezeRows(1);
    for (let i = 0; i < width; i++) {
      const v = spec.columns[i].validation;
      if (!v) continue;
      await b.reserve(RANGE_OVERHEAD + ACTION_OVERHEAD + jsonBytes(v));
      const letter = columnLetter(i + 1);
      const dv = ws().getRange(`${letter}2:${letter}${validationLast}`).untrack().dataValidation;
      if (v.type === "list") dv.rule = { list: { inCellDropDown: true, source: v.values.join(",") } };
      else if (v.type === "decimal")
        dv.rule = {
          decimal: { formula1: v.min, formula2: v.max, operator: "Between" as Excel.DataValidationOperator },
        };
      else
        dv.rule = {
          date: {
            formula1: "1990-01-01",
            formula2: "2100-12-31",
            operator: "Between" as Excel.DataValidationOperator,
          },
        };
    }
  }

  /** Runs a batch; Excel's refusals the user can fix become AppError with an Italian message. */
  private async guard<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (e) {
      throw toAppError(e);
    }
  }
}

/** Calculation and redraw are suspended for the request that follows (they resume at the next sync). */
function suspend(ctx: Excel.RequestContext): void {
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
}

export function toAppError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string } | null)?.code;
  const message = (e as { message?: string } | null)?.message ?? String(e);
  // A request that never got an answer (network down, Excel on the web unreachable).
  if ((e as Error | null)?.name === "TypeError" && /network|fetch/i.test(message))
    return new AppError("HOST", excelMessages.connectionLost);
  switch (code) {
    case "AccessDenied":
      return new AppError("HOST", excelMessages.protectedUnknown);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new AppError("HOST", excelMessages.tooLarge);
    case "ConnectionFailure":
    case "InvalidOrTimedOutSession":
      return new AppError("HOST", excelMessages.connectionLost);
    case "ItemNotFound":
      return new AppError("HOST", hostMessages.layoutChanged(message));
    case "InvalidOperation":
    case "InvalidArgument":
    case "ItemAlreadyExists":
      return new AppError("HOST", excelMessages.excelRefused(message));
  }
  return e;
}

/** Pads a sheet's grid with empty cells so that it covers `box` (cells outside the used range are empty). */
function widen(sheet: RawSheet, box: { r1: number; c1: number; r2: number; c2: number }): void {
  const width = sheet.values[0]?.length ?? 0;
  if (sheet.values.length === 0) {
    sheet.originRow = box.r1;
    sheet.originCol = box.c1;
  }
  const top = Math.min(sheet.originRow, box.r1);
  const left = Math.min(sheet.originCol, box.c1);
  const bottom = Math.max(sheet.originRow + sheet.values.length - 1, box.r2);
  const right = Math.max(sheet.originCol + width - 1, box.c2);
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

function toRawValue(v: unknown, type: string | undefined): RawValue {
  if (type === "Error") return { error: String(v) };
  if (type === "Empty" || v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function tempName(name: string): string {
  return `${name.slice(0, 31 - TEMP_SUFFIX.length)}${TEMP_SUFFIX}`;
}

/** "Fasi!A1:K20" / "'Foglio 1'!A1" → bounds (1-based). */
export function parseAddress(address: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(local.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]);
  const r1 = Number(m[2]);
  return { r1, c1, r2: m[4] ? Number(m[4]) : r1, c2: m[3] ? col(m[3]) : c1 };
}

/** Sheet named in a reference such as "=Scheda!$A$1" or "='Scheda 2023'!$A$1" (null for #REF!). */
