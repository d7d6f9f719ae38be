// The .xlsx host (exceljs): the same jobs as the Excel host, on a workbook file, in Node and in the browser.
import type { Host, PrepareResult } from "../../app/host";
import type { RawWorkbook } from "../../domain/raw";
import type { RollupWritePlan, SheetDescription, WorkbookTemplate } from "../../domain/sheet";

export class XlsxHost implements Host {
  readonly kind = "xlsx" as const;

  /** An empty workbook (template and sample start here). */
  static createEmpty(): XlsxHost {
    throw new Error("XlsxHost.createEmpty: not implemented yet");
  }

  /** Loads an .xlsx from bytes; throws XlsxOpenError (Italian message) when the bytes are not a readable workbook. */
  static async fromBuffer(_data: ArrayBuffer | Uint8Array): Promise<XlsxHost> {
    throw new Error("XlsxHost.fromBuffer: not implemented yet");
  }

  async toBuffer(): Promise<Uint8Array> {
    throw new Error("XlsxHost.toBuffer: not implemented yet");
  }

  async readWorkbook(): Promise<RawWorkbook> {
    throw new Error("not implemented yet");
  }

  async writeRollups(_plan: RollupWritePlan): Promise<void> {
    throw new Error("not implemented yet");
  }

  async renderSheet(_desc: SheetDescription): Promise<void> {
    throw new Error("not implemented yet");
  }

  async prepareSheets(_template: WorkbookTemplate, _options: { fillRows: boolean }): Promise<PrepareResult> {
    throw new Error("not implemented yet");
  }

  async isEmptyWorkbook(): Promise<boolean> {
    throw new Error("not implemented yet");
  }
}
