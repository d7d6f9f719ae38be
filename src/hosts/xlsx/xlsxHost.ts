// The .xlsx host (exceljs): the same jobs as the Excel host, on a workbook file, in Node and in the browser.
// No file system here: bytes in, bytes out (src/cli/files.ts handles files).
import * as ExcelJS from "exceljs";
import type { Host, PrepareResult } from "../../app/host";
import { fileMessages } from "../../domain/messages";
import type { RawWorkbook } from "../../domain/raw";
import { SHEETS } from "../../domain/schema";
import type { RollupWritePlan, SheetDescription, WorkbookTemplate } from "../../domain/sheet";
import { sheetTables } from "./internals";
import { hasDataRow, prepareSheets } from "./prepare";
import { cellValue, readSheets } from "./read";
import { absolutePrintArea, installFastMergeLoading, renderSheet } from "./render";
import { restoreFormulaNames } from "./names";
import { compactValidations } from "./validations";
import { parseDefinedNames, readZipText } from "./zipParts";
import { findWorksheet, writeRollups } from "./rollups";

export type XlsxOpenReason = "empty" | "encrypted" | "notXlsx" | "corrupt";

/** The bytes are not a workbook we can read; `message` is Italian and says why. */
export class XlsxOpenError extends Error {
  constructor(readonly reason: XlsxOpenReason) {
    super(
      reason === "empty"
        ? fileMessages.openEmpty
        : reason === "encrypted"
          ? fileMessages.openEncrypted
          : reason === "notXlsx"
            ? fileMessages.openNotXlsx
            : fileMessages.openCorrupt,
    );
    this.name = "XlsxOpenError";
  }
}

/** OLE compound file: password-protected (encrypted) .xlsx, or an old binary .xls. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export class XlsxHost implements Host {
  readonly kind = "xlsx" as const;

  constructor(readonly workbook: ExcelJS.Workbook) {}

  /** An empty workbook (template and sample start here). */
  static createEmpty(): XlsxHost {
    const wb = new ExcelJS.Workbook();
    wb.creator = "Scheda PEG";
    wb.created = new Date();
    return new XlsxHost(wb);
  }

  /** Loads an .xlsx from bytes; throws XlsxOpenError (Italian message) when the bytes are not a readable workbook. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxHost> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (bytes.length === 0) throw new XlsxOpenError("empty");
    if (startsWith(bytes, CFB_MAGIC)) throw new XlsxOpenError("encrypted");
    if (!startsWith(bytes, ZIP_MAGIC)) throw new XlsxOpenError("notXlsx");
    installFastMergeLoading();
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch {
      throw new XlsxOpenError("corrupt");
    }
    // A zip without a workbook part (a .docx, a plain archive) loads as a workbook with no sheets.
    if (wb.worksheets.length === 0) throw new XlsxOpenError("notXlsx");
    normaliseLoadedTables(wb);
    const workbookXml = await readZipText(bytes, "xl/workbook.xml");
    if (workbookXml) {
      restoreFormulaNames(
        wb,
        parseDefinedNames(workbookXml).filter((n) => n.localSheetId === null),
      );
    }
    return new XlsxHost(wb);
  }

  async toBuffer(): Promise<Uint8Array> {
    const out = await this.workbook.xlsx.writeBuffer();
    return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
  }

  async readWorkbook(): Promise<RawWorkbook> {
    return { sheets: readSheets(this.workbook) };
  }

  async writeRollups(plan: RollupWritePlan): Promise<void> {
    writeRollups(this.workbook, plan);
  }

  async renderSheet(desc: SheetDescription): Promise<void> {
    renderSheet(this.workbook, desc);
  }

  async prepareSheets(template: WorkbookTemplate, options: { fillRows: boolean }): Promise<PrepareResult> {
    return prepareSheets(this.workbook, template, options);
  }

  async isEmptyWorkbook(): Promise<boolean> {
    for (const name of [SHEETS.obiettivi, SHEETS.fasi, SHEETS.indicatori]) {
      const ws = findWorksheet(this.workbook, name);
      if (ws && hasDataRow(ws)) return false;
    }
    return true;
  }
}

/**
 * exceljs reads `headerRowCount` as "present and equal to 1", but Excel omits it for the usual one
 * header row; it also maps filter buttons by position and hides those it did not see. Left alone,
 * saving would write headerRowCount="0" and hide every filter button.
 */
function normaliseLoadedTables(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    compactValidations(ws);
    // Loaded print areas lose their $ signs; keep them absolute when the file is written again.
    if (ws.pageSetup?.printArea) ws.pageSetup.printArea = absolutePrintArea(ws.pageSetup.printArea);
    for (const t of sheetTables(ws)) {
      t.headerRow = true;
      for (const c of t.columns)
        if (c.filterButton === undefined || c.filterButton === false) c.filterButton = true;
    }
  }
}

export { cellValue };
