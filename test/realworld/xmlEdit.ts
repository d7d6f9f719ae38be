// Hand edits of an .xlsx package with JSZip, the way other programs and people leave files: extra parts,
// relationships, content types, cells and sheet elements, written as XML text. No exceljs round trip
// (it would measure exceljs, not the file).
import JSZip from "jszip";
import { parseAddress } from "../helpers/ooxml";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
};

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export class PackageEditor {
  private constructor(private readonly zip: JSZip) {}

  static async open(bytes: Uint8Array): Promise<PackageEditor> {
    return new PackageEditor(await JSZip.loadAsync(bytes));
  }

  async text(name: string): Promise<string> {
    const f = this.zip.file(name);
    if (!f) throw new Error(`parte assente: ${name}`);
    return f.async("string");
  }

  has(name: string): boolean {
    return this.zip.file(name) !== null;
  }

  set(name: string, data: string | Buffer): void {
    this.zip.file(name, data);
  }

  remove(name: string): void {
    this.zip.remove(name);
  }

  async edit(name: string, fn: (xml: string) => string): Promise<void> {
    const before = await this.text(name);
    const after = fn(before);
    if (after === before) throw new Error(`modifica senza effetto su ${name}`);
    this.set(name, after);
  }

  async addOverride(partName: string, contentType: string): Promise<void> {
    await this.edit("[Content_Types].xml", (x) =>
      x.replace("</Types>", () => `<Override PartName="/${partName}" ContentType="${contentType}"/></Types>`),
    );
  }

  async addDefault(ext: string, contentType: string): Promise<void> {
    const x = await this.text("[Content_Types].xml");
    if (new RegExp(`Extension="${ext}"`, "i").test(x)) return;
    this.set(
      "[Content_Types].xml",
      x.replace("</Types>", () => `<Default Extension="${ext}" ContentType="${contentType}"/></Types>`),
    );
  }

  /** Adds a relationship from `owner` (a part name, "" for the package) and returns its Id. */
  async addRel(owner: string, type: string, target: string, external = false): Promise<string> {
    const slash = owner.lastIndexOf("/");
    const relsName = `${owner.slice(0, slash + 1)}_rels/${owner.slice(slash + 1)}.rels`;
    const xml = this.has(relsName)
      ? await this.text(relsName)
      : `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
    const used = new Set([...xml.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
    let n = 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const mode = external ? ' TargetMode="External"' : "";
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${esc(target)}"${mode}/>`;
    this.set(
      relsName,
      xml.includes("</Relationships>")
        ? xml.replace("</Relationships>", () => `${rel}</Relationships>`)
        : xml.replace(
            /<Relationships([^>]*)\/>/,
            (_m, a: string) => `<Relationships${a}>${rel}</Relationships>`,
          ),
    );
    return id;
  }

  /** Part name of a sheet, through workbook.xml and its relationships. */
  async sheetPart(sheet: string): Promise<string> {
    const wb = await this.text("xl/workbook.xml");
    const m = new RegExp(`<sheet\\b[^>]*name="${sheet}"[^>]*/>`).exec(wb);
    if (!m) throw new Error(`foglio assente: ${sheet}`);
    const rid = /r:id="([^"]+)"/.exec(m[0])?.[1];
    const rels = await this.text("xl/_rels/workbook.xml.rels");
    const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
      .map((x) => x[0])
      .find((x) => x.includes(`Id="${rid}"`));
    const target = rel ? /Target="([^"]+)"/.exec(rel)?.[1] : undefined;
    if (!target) throw new Error(`relazione del foglio ${sheet} assente`);
    return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  }

  /** Adds a worksheet part and its <sheet> entry (at the end of the tab order). */
  async addSheet(name: string, sheetXml: string): Promise<string> {
    let n = 1;
    while (this.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    this.set(part, sheetXml);
    await this.addOverride(part, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
    const rid = await this.addRel("xl/workbook.xml", `${NS.rel}/worksheet`, `worksheets/sheet${n}.xml`);
    const wb = await this.text("xl/workbook.xml");
    const ids = [...wb.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
    const sheetId = Math.max(0, ...ids) + 1;
    this.set(
      "xl/workbook.xml",
      wb.replace(
        "</sheets>",
        () => `<sheet name="${esc(name)}" sheetId="${sheetId}" r:id="${rid}"/></sheets>`,
      ),
    );
    return part;
  }

  async toBuffer(): Promise<Buffer> {
    return this.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheet XML
// ---------------------------------------------------------------------------------------------

/** Child elements of <worksheet> in schema order (CT_Worksheet). */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Inserts a top-level element where the schema wants it. */
export function insertSheetElement(sheetXml: string, element: string): string {
  const name = /^<([A-Za-z]+)/.exec(element)?.[1];
  if (!name) throw new Error(`elemento non valido: ${element.slice(0, 40)}`);
  const idx = WORKSHEET_ORDER.indexOf(name);
  if (idx < 0) throw new Error(`elemento sconosciuto: ${name}`);
  if (new RegExp(`<${name}[\\s/>]`).test(sheetXml)) throw new Error(`<${name}> esiste già`);
  for (const later of WORKSHEET_ORDER.slice(idx + 1)) {
    const m = new RegExp(`<${later}[\\s/>]`).exec(sheetXml);
    if (m) return sheetXml.slice(0, m.index) + element + sheetXml.slice(m.index);
  }
  return sheetXml.replace("</worksheet>", () => `${element}</worksheet>`);
}

/** Adds a <tablePart> (creating <tableParts> when absent). */
export function addTablePart(sheetXml: string, rid: string): string {
  const m = /<tableParts count="(\d+)">/.exec(sheetXml);
  if (!m)
    return insertSheetElement(sheetXml, `<tableParts count="1"><tablePart r:id="${rid}"/></tableParts>`);
  return sheetXml
    .replace(m[0], () => `<tableParts count="${Number(m[1]) + 1}">`)
    .replace("</tableParts>", () => `<tablePart r:id="${rid}"/></tableParts>`);
}

const ROW_RE = /<row\b[^>]*?\br="(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
const CELL_RE = /<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

/** Replaces or inserts one cell (`cellXml` must carry r="…"), keeping rows and cells in order. */
export function setCell(sheetXml: string, ref: string, cellXml: string): string {
  const pos = parseAddress(ref);
  if (!pos) throw new Error(`indirizzo non valido ${ref}`);
  const rows = [...sheetXml.matchAll(ROW_RE)];
  const row = rows.find((m) => Number(m[1]) === pos.row);
  if (row) {
    let text = row[0];
    if (text.endsWith("/>")) text = text.slice(0, -2) + "></row>";
    const cells = [...text.matchAll(CELL_RE)];
    const same = cells.find((c) => c[1] === ref);
    let next: string;
    if (same) next = text.replace(same[0], () => cellXml);
    else {
      const after = cells.find((c) => (parseAddress(c[1])?.col ?? 0) > pos.col);
      next = after
        ? text.replace(after[0], () => cellXml + after[0])
        : text.replace(/<\/row>$/, () => `${cellXml}</row>`);
    }
    return sheetXml.replace(row[0], () => next);
  }
  const newRow = `<row r="${pos.row}">${cellXml}</row>`;
  const after = rows.find((m) => Number(m[1]) > pos.row);
  if (after) return sheetXml.replace(after[0], () => newRow + after[0]);
  if (sheetXml.includes("<sheetData/>"))
    return sheetXml.replace("<sheetData/>", () => `<sheetData>${newRow}</sheetData>`);
  return sheetXml.replace("</sheetData>", () => `${newRow}</sheetData>`);
}

/** The XML of one cell, or null. */
export function getCell(sheetXml: string, ref: string): string | null {
  for (const m of sheetXml.matchAll(CELL_RE)) if (m[1] === ref) return m[0];
  return null;
}

export function inlineStringCell(ref: string, text: string, style?: number): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${esc(text)}</t></is></c>`;
}

/** Every cell of a row range in a column (A1 refs), for edits such as date conversions. */
export function cellsInColumn(sheetXml: string, col: string): { ref: string; xml: string }[] {
  return [...sheetXml.matchAll(CELL_RE)]
    .filter((m) => m[1].replace(/\d+$/, "") === col)
    .map((m) => ({ ref: m[1], xml: m[0] }));
}
