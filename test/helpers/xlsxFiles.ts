// Workbook files for tests: built with exceljs (as a user's file would be), opened by the file host,
// and read part by part with JSZip (what is really in the file, not a library's view of it).
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";

export async function exceljsBytes(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The file host over a workbook built with exceljs. */
export async function hostOf(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<XlsxHost> {
  return XlsxHost.fromBuffer(await exceljsBytes(build));
}

/** A part's text, or null. */
export async function partText(bytes: Uint8Array, path: string): Promise<string | null> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(path);
  return f ? f.async("string") : null;
}

/** Every part's uncompressed bytes, by name. */
export async function partsOf(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async("nodebuffer"));
  return out;
}

/** Rewrites parts of a package: `edit` returns the new text/bytes of a part, null to keep it; `add` adds parts. */
export async function editParts(
  bytes: Uint8Array,
  edit: (name: string, text: string) => string | null,
  add: { name: string; data: string | Buffer }[] = [],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, f] of Object.entries(zip.files)) {
    if (f.dir) continue;
    const next = edit(name, await f.async("string"));
    if (next !== null) zip.file(name, next);
  }
  for (const a of add) zip.file(a.name, a.data);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Loads bytes with exceljs to look at cells (exceljs drops falsy cached formula results). */
export async function exceljsOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}
