// The .xlsx host: the same jobs as the Excel host, on a workbook file, in Node and in the browser.
// The file is patched, never re-saved through a model: every part the add-in does not own leaves
// exactly as it came in (charts, pivots, macros, drawings, comments, names with their scope…).
// No file system here: bytes in, bytes out (src/cli/files.ts handles files).
import type { Host, ParametriWrite, PrepareResult, ReadWorkbookOptions } from "../../app/host";
import type { RawWorkbook } from "../../domain/model/raw";
import { SHEETS } from "../../domain/model/schema";
import type {
  InputTableSpec,
  RollupWritePlan,
  SheetDescription,
  WorkbookTemplate,
} from "../../domain/model/sheet";
import { XlsxDocument } from "./document";
import { readMonitoraggi, writeMonitoraggi } from "./monitoraggi";
import { XlsxOpenError } from "./errors";
import { XlsxPackage } from "./package";
import { writeParametri } from "./parametri";
import { hasDataRow, prepareSheets } from "./prepare";
import { parseSheet, readInputWorkbook } from "./read";
import { checkGeneratedSheet, renderGenerated } from "./render";
import { writeRollups } from "./rollups";

export { XlsxOpenError, type XlsxOpenReason } from "./errors";

/** OLE compound file: password-protected (encrypted) .xlsx, or an old binary .xls. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export class XlsxHost implements Host {
  readonly kind = "xlsx" as const;

  private constructor(readonly document: XlsxDocument) {}

  /** An empty workbook (template, sample and the PDF's one-sheet workbook start here). */
  static async createEmpty(): Promise<XlsxHost> {
    return new XlsxHost(await XlsxDocument.empty());
  }

  /** Opens an .xlsx/.xlsm from bytes; throws XlsxOpenError (Italian message) when it is not a readable workbook. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxHost> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (bytes.length === 0) throw new XlsxOpenError("empty");
    if (startsWith(bytes, CFB_MAGIC)) throw new XlsxOpenError("encrypted");
    if (!startsWith(bytes, ZIP_MAGIC)) throw new XlsxOpenError("notXlsx");
    let pkg: XlsxPackage;
    try {
      pkg = await XlsxPackage.open(bytes);
    } catch {
      throw new XlsxOpenError("corrupt");
    }
    let doc: XlsxDocument | null;
    try {
      doc = await XlsxDocument.open(pkg);
    } catch {
      throw new XlsxOpenError("corrupt");
    }
    // A zip without a workbook part (a .docx, a plain archive), or a binary .xlsb workbook.
    if (!doc || doc.info.sheets.length === 0) throw new XlsxOpenError("notXlsx");
    return new XlsxHost(doc);
  }

  /** The workbook's parts hold VBA macros (the file must stay .xlsm). */
  get hasMacros(): boolean {
    return this.document.pkg.paths().some((p) => /vbaProject\.bin$/i.test(p));
  }

  async toBuffer(): Promise<Uint8Array> {
    return this.document.toBytes();
  }

  async readWorkbook(options: ReadWorkbookOptions = {}): Promise<RawWorkbook> {
    const wb = await readInputWorkbook(this.document);
    if (options.monitoraggi) wb.monitoraggi = await readMonitoraggi(this.document);
    return wb;
  }

  async writeArchive(table: InputTableSpec): Promise<void> {
    await writeMonitoraggi(this.document, table);
  }

  async writeRollups(plan: RollupWritePlan): Promise<void> {
    await writeRollups(this.document, plan);
  }

  async renderSheet(desc: SheetDescription): Promise<void> {
    await checkGeneratedSheet(this.document, desc.name);
    await renderGenerated(this.document, desc);
    await this.document.dropCalcChain();
  }

  async prepareSheets(template: WorkbookTemplate, options: { fillRows: boolean }): Promise<PrepareResult> {
    return prepareSheets(this.document, template, options);
  }

  async writeParametri(write: ParametriWrite): Promise<void> {
    await writeParametri(this.document, write);
  }

  async isEmptyWorkbook(): Promise<boolean> {
    for (const name of [SHEETS.obiettivi, SHEETS.fasi, SHEETS.indicatori]) {
      const entry = this.document.sheet(name);
      if (!entry || entry.kind !== "worksheet" || !entry.path) continue;
      if (hasDataRow(await parseSheet(this.document, entry))) return false;
    }
    return true;
  }
}
