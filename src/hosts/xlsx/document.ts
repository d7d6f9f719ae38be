// An opened .xlsx: the package, its workbook part, styles and shared strings, with the few edits the
// add-in makes (sheets it owns, names it owns, styles it appends). Nothing else is ever rewritten.
import { normalizeHeader } from "../../domain/reading/headers";
import { readSharedStrings } from "./cells";
import { CONTENT_TYPES, REL_TYPES, XlsxPackage, relsPathOf } from "./package";
import { StylesPart } from "./styles";
import {
  addSheet,
  applyNameEdits,
  readWorkbookInfo,
  workbookPath,
  type NameEdit,
  type SheetEntry,
  type WorkbookInfo,
} from "./workbook";
import JSZip from "jszip";

export class XlsxDocument {
  private stylesPart: StylesPart | null = null;
  private stylesPath: string | null = null;
  private sst: string[] | null = null;
  /** The file's styles part could not be parsed: it is kept as it is. */
  private stylesFrozen = false;

  private constructor(
    readonly pkg: XlsxPackage,
    readonly info: WorkbookInfo,
  ) {}

  /** Null when the package has no workbook part (a .docx, a plain zip). */
  static async open(pkg: XlsxPackage): Promise<XlsxDocument | null> {
    const path = await workbookPath(pkg);
    if (!path) return null;
    return new XlsxDocument(pkg, await readWorkbookInfo(pkg, path));
  }

  /** A new workbook with no sheets yet (template, sample, the PDF's one-sheet workbook). */
  static async empty(): Promise<XlsxDocument> {
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPES.styles}"/>` +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        "</Types>",
    );
    zip.file(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL_TYPES.officeDocument}" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
        "</Relationships>",
    );
    const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    zip.file(
      "docProps/core.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        "<dc:creator>Scheda PEG</dc:creator>" +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified>` +
        "</cp:coreProperties>",
    );
    zip.file(
      "docProps/app.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
        "<Application>Scheda PEG</Application></Properties>",
    );
    zip.file(
      "xl/workbook.xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<workbookPr defaultThemeVersion="124226"/>' +
        '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
        "<sheets></sheets>" +
        '<calcPr calcId="191029"/>' +
        "</workbook>",
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL_TYPES.styles}" Target="styles.xml"/>` +
        "</Relationships>",
    );
    zip.file("xl/styles.xml", StylesPart.empty().toXml());
    const pkg = XlsxPackage.fromZip(zip);
    return (await XlsxDocument.open(pkg)) as XlsxDocument;
  }

  get date1904(): boolean {
    return this.info.date1904;
  }

  /** The worksheet called `name` (case, accents and spaces aside, as the reader finds sheets). */
  sheet(name: string): SheetEntry | undefined {
    const exact = this.info.sheets.find((s) => s.name === name);
    if (exact) return exact;
    const lower = this.info.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (lower) return lower;
    const wanted = normalizeHeader(name);
    return this.info.sheets.find((s) => normalizeHeader(s.name) === wanted);
  }

  sheetIndex(entry: SheetEntry): number {
    return this.info.sheets.indexOf(entry);
  }

  async styles(): Promise<StylesPart> {
    if (this.stylesPart) return this.stylesPart;
    const rel = await this.pkg.relationshipOfKind(this.info.path, "styles");
    const xml = rel ? await this.pkg.text(rel.path) : null;
    this.stylesPath = rel && xml !== null ? rel.path : null;
    let part: StylesPart;
    try {
      part = xml ? StylesPart.parse(xml) : StylesPart.empty();
    } catch {
      // A styles part we cannot follow: formats read as General, and the part is never rewritten.
      part = StylesPart.empty();
      this.stylesFrozen = rel !== null;
    }
    this.stylesPart = part;
    return part;
  }

  async sharedStrings(): Promise<string[]> {
    if (this.sst) return this.sst;
    const rel = await this.pkg.relationshipOfKind(this.info.path, "sharedStrings");
    this.sst = readSharedStrings(rel ? await this.pkg.text(rel.path) : null);
    return this.sst;
  }

  async sheetXml(entry: SheetEntry): Promise<string> {
    return (await this.pkg.text(entry.path)) ?? "";
  }

  setSheetXml(entry: SheetEntry, xml: string): void {
    this.pkg.setText(entry.path, xml);
  }

  /**
   * Puts a generated sheet in place: an existing sheet of that name keeps its part, position and id
   * (its old relationships go: they were the add-in's, e.g. a printer setting); otherwise a new part
   * is appended as the last sheet. Returns the sheet index.
   */
  async putSheet(name: string, xml: Uint8Array): Promise<number> {
    const existing = this.sheet(name);
    if (existing && existing.path) {
      this.pkg.setBytes(existing.path, xml);
      const rels = relsPathOf(existing.path);
      if (this.pkg.has(rels)) this.pkg.remove(rels);
      return this.sheetIndex(existing);
    }
    const path = this.pkg.freePath("xl/worksheets", "sheet", "xml");
    this.pkg.setBytes(path, xml);
    return addSheet(this.pkg, this.info, name, path);
  }

  async editNames(edits: NameEdit[]): Promise<void> {
    if (edits.length === 0) return;
    const xml = (await this.pkg.text(this.info.path)) as string;
    const out = applyNameEdits(xml, edits);
    if (out !== xml) this.pkg.setText(this.info.path, out);
  }

  /**
   * calcChain.xml lists formula cells in calculation order; a list that no longer matches the cells is
   * a repair prompt in Excel. It is only a cache: removed when the add-in changes formulas.
   */
  async dropCalcChain(): Promise<void> {
    const rel = await this.pkg.relationshipOfKind(this.info.path, "calcChain");
    if (!rel) return;
    await this.pkg.removeRelationship(this.info.path, rel.id);
    await this.pkg.removeContentType(rel.path);
    this.pkg.remove(rel.path);
  }

  async toBytes(): Promise<Uint8Array> {
    if (this.stylesPart?.changed && !this.stylesFrozen) {
      if (!this.stylesPath) {
        this.stylesPath = "xl/styles.xml";
        await this.pkg.addRelationship(this.info.path, REL_TYPES.styles, this.stylesPath);
        await this.pkg.setContentType(this.stylesPath, CONTENT_TYPES.styles);
      }
      this.pkg.setText(this.stylesPath, this.stylesPart.toXml());
    }
    return this.pkg.toBytes();
  }
}

export type { SheetEntry };
