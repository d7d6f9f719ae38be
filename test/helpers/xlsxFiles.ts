// Workbook files for tests: built with exceljs (as a user's file would be), opened by the file host,
// and read part by part with JSZip (what is really in the file, not a library's view of it).
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseSheet } from "../../src/hosts/xlsx/read";
import { cellXml, patchSheetCells, type CellWrite } from "../../src/hosts/xlsx/sheetPatch";
import { jsDateSerial } from "../../src/hosts/xlsx/sheetXml";
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

export interface CellEdit {
  sheet: string;
  row: number;
  col: number;
  value: string | number | Date | null;
}

/**
 * Changes input cells the way a user would in Excel (formulas untouched, nothing recalculated): the
 * sheet XML gets the new cells, each keeping its style; every other byte of the file stays.
 */
export async function editCells(bytes: Uint8Array, edits: CellEdit[]): Promise<Uint8Array> {
  const host = await XlsxHost.fromBuffer(bytes);
  const doc = host.document;
  const bySheet = new Map<string, CellEdit[]>();
  for (const e of edits) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), e]);
  for (const [name, list] of bySheet) {
    const entry = doc.sheet(name);
    if (!entry) throw new Error(`no sheet ${name}`);
    const sheet = await parseSheet(doc, entry);
    const styleAt = (r: number, c: number) =>
      sheet.rows.find((x) => x.row === r)?.cells.find((x) => x.col === c)?.style ?? 0;
    const writes: CellWrite[] = list.map((e) => {
      const style = styleAt(e.row, e.col);
      const v = e.value;
      const content =
        v === null
          ? ({ kind: "empty" } as const)
          : typeof v === "number"
            ? ({ kind: "number", value: v } as const)
            : v instanceof Date
              ? ({ kind: "number", value: jsDateSerial(v, doc.date1904) as number } as const)
              : ({ kind: "text", text: v } as const);
      return { row: e.row, col: e.col, xml: cellXml("", e.row, e.col, style, content) };
    });
    doc.setSheetXml(entry, patchSheetCells(sheet.xml, sheet.rows, writes));
  }
  return host.toBuffer();
}

interface LoadedTable {
  table: { headerRow?: boolean; columns: { filterButton?: boolean }[] };
}

/**
 * A workbook loaded with exceljs to be edited and saved again by exceljs (a file "written by exceljs").
 * exceljs reads the usual one header row as "no header" and hides filter buttons it did not see: both
 * are put back before saving, or the file's tables would lose their header row.
 */
export async function exceljsEditable(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = await exceljsOf(bytes);
  for (const ws of wb.worksheets) {
    const tables = (ws as unknown as { tables?: Record<string, LoadedTable> }).tables ?? {};
    for (const t of Object.values(tables)) {
      t.table.headerRow = true;
      for (const c of t.table.columns) if (!c.filterButton) c.filterButton = true;
    }
  }
  return wb;
}
