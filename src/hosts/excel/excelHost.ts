// The Excel host (Office.js): the same jobs as the .xlsx host, inside Excel, in files named like the
// file host's: read.ts, prepare.ts, rollups.ts, monitoraggi.ts, render.ts (a sheet description as Office.js
// operations), transaction.ts (preflight, temporary sheet and swap, names), errors.ts. Every public
// method is one Excel.run with a constant number of syncs.
import type { Host, ParametriWrite, PrepareResult, ReadWorkbookOptions } from "../../app/host";
import { AppError } from "../../app/errors";
import type { RawWorkbook } from "../../domain/model/raw";
import type {
  InputTableSpec,
  RollupWritePlan,
  SheetDescription,
  WorkbookTemplate,
} from "../../domain/model/sheet";
import { excelMessages } from "../messages";
import { toAppError } from "./errors";
import { readWithMonitoraggi, writeMonitoraggi } from "./monitoraggi";
import { isExcelApiSupported, officeRunner, type ExcelRunner } from "./office";
import { writeParametri } from "./parametri";
import { prepareSheets } from "./prepare";
import { isEmptyWorkbook, readWorkbook } from "./read";
import { writeRollups } from "./rollups";
import { preflight, replaceGeneratedSheet, writeBatcher } from "./transaction";

export class ExcelHost implements Host {
  readonly kind = "excel" as const;

  /**
   * `supports(version)`: whether this Excel offers ExcelApi `version` (newer calls are used only then;
   * the add-in needs 1.9).
   */
  constructor(
    private readonly run: ExcelRunner = officeRunner,
    private readonly supports: (version: string) => boolean = (v) => isExcelApiSupported(v),
  ) {}

  readWorkbook(options: ReadWorkbookOptions = {}): Promise<RawWorkbook> {
    return this.guard((ctx) => (options.monitoraggi ? readWithMonitoraggi(ctx) : readWorkbook(ctx)));
  }

  async writeArchive(table: InputTableSpec): Promise<void> {
    await this.guard((ctx) => writeMonitoraggi(ctx, table));
  }

  isEmptyWorkbook(): Promise<boolean> {
    return this.guard((ctx) => isEmptyWorkbook(ctx));
  }

  async writeRollups(plan: RollupWritePlan): Promise<void> {
    await this.guard((ctx) => writeRollups(ctx, plan, this.supports));
  }

  async renderSheet(desc: SheetDescription): Promise<void> {
    await this.guard(async (ctx) => {
      const pre = await preflight(ctx, { writeSheets: [], generated: [desc.name], tableRanges: false });
      const b = writeBatcher(ctx);
      await replaceGeneratedSheet(b, ctx, pre, desc, []);
      await b.sync();
    });
  }

  prepareSheets(template: WorkbookTemplate, options: { fillRows: boolean }): Promise<PrepareResult> {
    return this.guard((ctx) => prepareSheets(ctx, template, options));
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

  /** Runs a batch; Excel's refusals the user can fix become AppError with an Italian message. */
  private async guard<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (e) {
      throw toAppError(e);
    }
  }
}
