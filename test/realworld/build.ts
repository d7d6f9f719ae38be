// The real-world corpus (issue 11): workbooks written by exceljs, LibreOffice and openpyxl, packages
// with hand-written parts other programs leave (external links, x14 extensions, drawings, comments,
// pivots, macros…), and layouts real people make. Built by code into a directory at test time; no
// committed binaries. openpyxl runs once for all its files, LibreOffice once for all its files.
import { execFile, execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { main } from "../../src/cli/main";
import { buildSample } from "../../src/domain/template/template";
import type { WorkbookTemplate } from "../../src/domain/model/sheet";
import { convertBatch } from "../helpers/libreoffice";
import { colLetters } from "../helpers/ooxml";
import { loadSampleJson } from "../helpers/sample";
import { buildFods } from "./fods";
import {
  NS,
  PackageEditor,
  XML_HEAD,
  addTablePart,
  cellsInColumn,
  esc,
  getCell,
  inlineStringCell,
  insertSheetElement,
  setCell,
} from "./xmlEdit";

const run = promisify(execFile);

export const PYTHON = "/usr/bin/python3";

/** Whether the Debian python has openpyxl and PIL (python3-openpyxl, python3-pil). */
export function openpyxlAvailable(): boolean {
  try {
    execFileSync(PYTHON, ["-c", "import openpyxl, PIL"], { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

export type Writer = "scheda-peg" | "exceljs" | "LibreOffice" | "openpyxl" | "XML a mano" | "layout reale";

/**
 * What docs/reference/cli.md and issue 11 expect:
 * - ok: rollup and generate succeed (0) and keep everything they do not own;
 * - occupied: the computed columns' target holds user content: rollup and generate stop with exit 2,
 *   one Italian message naming the cells, and write nothing;
 * - bounded: a huge used range: a clear Italian message (2) or success (0), within a few seconds.
 */
export type Expectation =
  | { kind: "ok" }
  | { kind: "occupied"; sheet: string; cells: string[] }
  | { kind: "bounded"; seconds: number };

export interface RealCase {
  name: string;
  file: string;
  writer: Writer;
  features: string[];
  expect: Expectation;
}

const OK: Expectation = { kind: "ok" };

const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  threaded: "application/vnd.ms-excel.threadedcomments+xml",
  person: "application/vnd.ms-excel.person+xml",
  externalLink: "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
  pivotTable: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
  pivotCache: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
  pivotRecords: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
  customXmlProps: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  vba: "application/vnd.ms-office.vbaProject",
  mainXlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  mainXlsm: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
};

const REL = {
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
  comments: `${NS.rel}/comments`,
  vml: `${NS.rel}/vmlDrawing`,
  table: `${NS.rel}/table`,
  externalLink: `${NS.rel}/externalLink`,
  externalLinkPath: `${NS.rel}/externalLinkPath`,
  pivotTable: `${NS.rel}/pivotTable`,
  pivotCache: `${NS.rel}/pivotCacheDefinition`,
  pivotRecords: `${NS.rel}/pivotCacheRecords`,
  customXml: `${NS.rel}/customXml`,
  customXmlProps: `${NS.rel}/customXmlProps`,
  threaded: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
  person: "http://schemas.microsoft.com/office/2017/10/relationships/person",
  vba: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
};

/** Rows of the sample as the tables hold them (header on row 1). */
interface Shape {
  obiettiviLast: number;
  fasiLast: number;
  indicatoriLast: number;
  obiettiviCols: number;
  /** Column letter of a Fasi header. */
  fasiCol: (header: string) => string;
}

function shapeOf(t: WorkbookTemplate): Shape {
  const table = (sheet: string) => {
    const x = t.tables.find((s) => s.sheet === sheet);
    if (!x) throw new Error(`modello senza ${sheet}`);
    return x;
  };
  const fasi = table("Fasi");
  return {
    obiettiviLast: table("Obiettivi").rows.length + 1,
    fasiLast: fasi.rows.length + 1,
    indicatoriLast: table("Indicatori").rows.length + 1,
    obiettiviCols: table("Obiettivi").columns.length,
    fasiCol: (h) => {
      const i = fasi.columns.findIndex((c) => c.header === h);
      if (i < 0) throw new Error(`Fasi senza ${h}`);
      return colLetters(i + 1);
    },
  };
}

async function cli(args: string[]): Promise<void> {
  let err = "";
  const code = await main(args, { stdout: () => undefined, stderr: (s) => (err += s) });
  if (code !== 0) throw new Error(`scheda-peg ${args.join(" ")} → ${code}: ${err}`);
}

const FIXTURES = join(__dirname, "..", "xlsx", "fixtures");

/** Excel serial (1900 system) → ISO date-time, as `t="d"` cells hold it. */
function serialToIso(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86400000)).toISOString().slice(0, 19);
}

/** The table part of a named table. */
export async function tablePart(ed: PackageEditor, sheet: string, table: string): Promise<string> {
  const sheetPart = await ed.sheetPart(sheet);
  const slash = sheetPart.lastIndexOf("/");
  const rels = await ed.text(`${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`);
  for (const m of rels.matchAll(/Target="\.\.\/tables\/([^"]+)"/g)) {
    const part = `xl/tables/${m[1]}`;
    if ((await ed.text(part)).includes(`name="${table}"`)) return part;
  }
  throw new Error(`tabella ${table} non trovata`);
}

function drawingXml(anchor: { col: number; row: number; col2: number; row2: number }, inner: string): string {
  const at = (c: number, r: number) =>
    `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><xdr:twoCellAnchor><xdr:from>${at(anchor.col, anchor.row)}</xdr:from><xdr:to>${at(anchor.col2, anchor.row2)}</xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
}

// ---------------------------------------------------------------------------------------------
// Hand-written parts
// ---------------------------------------------------------------------------------------------

async function externalLink(ed: PackageEditor): Promise<void> {
  ed.set(
    "xl/externalLinks/externalLink1.xml",
    `${XML_HEAD}<externalLink xmlns="${NS.main}" xmlns:r="${NS.r}"><externalBook r:id="rId1"><sheetNames><sheetName val="Foglio1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>1234.5</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
  );
  await ed.addRel(
    "xl/externalLinks/externalLink1.xml",
    REL.externalLinkPath,
    "file:///C:/Bilancio/bilancio-2023.xlsx",
    true,
  );
  await ed.addOverride("xl/externalLinks/externalLink1.xml", CT.externalLink);
  const rid = await ed.addRel("xl/workbook.xml", REL.externalLink, "externalLinks/externalLink1.xml");
  await ed.edit("xl/workbook.xml", (x) =>
    x
      .replace(
        "</sheets>",
        () => `</sheets><externalReferences><externalReference r:id="${rid}"/></externalReferences>`,
      )
      .replace(
        /<calcPr|<\/workbook>/,
        (m) =>
          `<definedNames><definedName name="BilancioEsterno">[1]Foglio1!$A$1</definedName></definedNames>${m}`,
      ),
  );
  const par = await ed.sheetPart("Parametri");
  await ed.edit(par, (x) =>
    setCell(
      setCell(x, "D2", inlineStringCell("D2", "Stanziamento da bilancio")),
      "E2",
      '<c r="E2"><f>[1]Foglio1!A1</f><v>1234.5</v></c>',
    ),
  );
}

async function x14Extensions(ed: PackageEditor, s: Shape): Promise<void> {
  const part = await ed.sheetPart("Obiettivi");
  const ext =
    `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
    `<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>Parametri!$A$2:$A$11</xm:f></x14:formula1><xm:sqref>L2:L${s.obiettiviLast}</xm:sqref></x14:dataValidation></x14:dataValidations></ext>` +
    `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
    `<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/>` +
    `<x14:sparklines><x14:sparkline><xm:f>Fasi!G2:H2</xm:f><xm:sqref>Z2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;
  await ed.edit(part, (x) => insertSheetElement(x, ext));
}

async function textBox(ed: PackageEditor, s: Shape): Promise<void> {
  const part = await ed.sheetPart("Obiettivi");
  const sp =
    `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="CasellaDiTesto 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>` +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3000000" cy="600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
    `<xdr:txBody><a:bodyPr vertOverflow="clip" wrap="square" rtlCol="0" anchor="t"/><a:lstStyle/><a:p><a:r><a:rPr lang="it-IT" sz="1100"/><a:t>Obiettivi approvati con delibera di Giunta n. 45/2023.</a:t></a:r></a:p></xdr:txBody></xdr:sp>`;
  ed.set(
    "xl/drawings/drawing1.xml",
    drawingXml({ col: 1, row: s.obiettiviLast + 2, col2: 4, row2: s.obiettiviLast + 6 }, sp),
  );
  await ed.addOverride("xl/drawings/drawing1.xml", CT.drawing);
  const rid = await ed.addRel(part, REL.drawing, "../drawings/drawing1.xml");
  await ed.edit(part, (x) => insertSheetElement(x, `<drawing r:id="${rid}"/>`));
}

async function chart(ed: PackageEditor, s: Shape): Promise<void> {
  const part = await ed.sheetPart("Indicatori");
  const last = Math.min(s.indicatoriLast, 8);
  ed.set(
    "xl/charts/chart1.xml",
    `${XML_HEAD}<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Valori attesi</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Indicatori!$E$1</c:f></c:strRef></c:tx><c:val><c:numRef><c:f>Indicatori!$E$2:$E$${last}</c:f></c:numRef></c:val></c:ser><c:axId val="10"/><c:axId val="20"/></c:barChart><c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="20"/></c:catAx><c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="10"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  );
  const frame =
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Grafico 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
  ed.set(
    "xl/drawings/drawing1.xml",
    drawingXml({ col: 1, row: s.indicatoriLast + 2, col2: 7, row2: s.indicatoriLast + 18 }, frame),
  );
  await ed.addRel("xl/drawings/drawing1.xml", REL.chart, "../charts/chart1.xml");
  await ed.addOverride("xl/drawings/drawing1.xml", CT.drawing);
  await ed.addOverride("xl/charts/chart1.xml", CT.chart);
  const rid = await ed.addRel(part, REL.drawing, "../drawings/drawing1.xml");
  await ed.edit(part, (x) => insertSheetElement(x, `<drawing r:id="${rid}"/>`));
}

async function comments(ed: PackageEditor): Promise<void> {
  const part = await ed.sheetPart("Fasi");
  const threadId = "{8A0F5E0B-2C4B-4C8E-9E51-3C4B5D6E7F80}";
  const personId = "{6F1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}";
  ed.set(
    "xl/comments1.xml",
    `${XML_HEAD}<comments xmlns="${NS.main}"><authors><author>tc=${threadId}</author><author>Ufficio controllo</author></authors><commentList>` +
      `<comment ref="B2" authorId="0" shapeId="0"><text><t>[Commento in thread]\nLa fase va ripianificata.</t></text></comment>` +
      `<comment ref="H3" authorId="1" shapeId="0"><text><r><rPr><b/><sz val="9"/><rFont val="Tahoma"/></rPr><t>Ufficio controllo:</t></r><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">\nAvanzamento da confermare.</t></r></text></comment>` +
      `</commentList></comments>`,
  );
  const shape = (id: number, row: number, col: number) =>
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:108pt;height:59.25pt;z-index:${id - 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 3}, 15, ${row + 4}, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
  ed.set(
    "xl/drawings/vmlDrawing1.vml",
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${shape(1025, 1, 1)}${shape(1026, 2, 7)}</xml>`,
  );
  ed.set(
    "xl/threadedComments/threadedComment1.xml",
    `${XML_HEAD}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS.main}"><threadedComment ref="B2" dT="2023-06-30T10:15:00.00" personId="${personId}" id="${threadId}"><text>La fase va ripianificata.</text></threadedComment></ThreadedComments>`,
  );
  ed.set(
    "xl/persons/person.xml",
    `${XML_HEAD}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS.main}"><person displayName="Maria Rossi" id="${personId}" userId="maria.rossi@comune.example" providerId="None"/></personList>`,
  );
  await ed.addDefault("vml", CT.vml);
  await ed.addOverride("xl/comments1.xml", CT.comments);
  await ed.addOverride("xl/threadedComments/threadedComment1.xml", CT.threaded);
  await ed.addOverride("xl/persons/person.xml", CT.person);
  await ed.addRel("xl/workbook.xml", REL.person, "persons/person.xml");
  await ed.addRel(part, REL.comments, "../comments1.xml");
  await ed.addRel(part, REL.threaded, "../threadedComments/threadedComment1.xml");
  const vml = await ed.addRel(part, REL.vml, "../drawings/vmlDrawing1.vml");
  await ed.edit(part, (x) => insertSheetElement(x, `<legacyDrawing r:id="${vml}"/>`));
}

async function isoDates(ed: PackageEditor, s: Shape): Promise<void> {
  const part = await ed.sheetPart("Fasi");
  await ed.edit(part, (x) => {
    let out = x;
    for (const h of ["Inizio Previsto", "Fine Prevista"]) {
      for (const c of cellsInColumn(out, s.fasiCol(h))) {
        const m = /<v>(\d+(?:\.\d+)?)<\/v>/.exec(c.xml);
        if (!m || /\bt="/.test(c.xml)) continue;
        const cell = c.xml
          .replace(/^<c /, '<c t="d" ')
          .replace(m[0], () => `<v>${serialToIso(Number(m[1]))}</v>`);
        out = out.replace(c.xml, () => cell);
      }
    }
    return out;
  });
  // Data di riferimento typed as an ISO date cell too.
  const par = await ed.sheetPart("Parametri");
  await ed.edit(par, (x) => setCell(x, "B6", '<c r="B6" s="1" t="d"><v>2023-12-31T00:00:00</v></c>'));
}

async function pivot(ed: PackageEditor, s: Shape, cdrs: string[]): Promise<void> {
  const items = cdrs.map((c) => `<s v="${esc(c)}"/>`).join("");
  ed.set(
    "xl/pivotCache/pivotCacheDefinition1.xml",
    `${XML_HEAD}<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.r}" r:id="rId1" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="${s.obiettiviLast - 1}"><cacheSource type="worksheet"><worksheetSource ref="D1:D${s.obiettiviLast}" sheet="Obiettivi"/></cacheSource><cacheFields count="1"><cacheField name="Centro di Responsabilità" numFmtId="0"><sharedItems count="${cdrs.length}">${items}</sharedItems></cacheField></cacheFields></pivotCacheDefinition>`,
  );
  ed.set(
    "xl/pivotCache/pivotCacheRecords1.xml",
    `${XML_HEAD}<pivotCacheRecords xmlns="${NS.main}" xmlns:r="${NS.r}" count="0"/>`,
  );
  await ed.addRel("xl/pivotCache/pivotCacheDefinition1.xml", REL.pivotRecords, "pivotCacheRecords1.xml");
  const fieldItems = cdrs.map((_, i) => `<item x="${i}"/>`).join("");
  const rowItems = cdrs.map((_, i) => (i === 0 ? "<i><x/></i>" : `<i><x v="${i}"/></i>`)).join("");
  const bottom = 3 + cdrs.length + 1;
  ed.set(
    "xl/pivotTables/pivotTable1.xml",
    `${XML_HEAD}<pivotTableDefinition xmlns="${NS.main}" name="PivotCdr" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Valori" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1"><location ref="A3:A${bottom}" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="1"><pivotField axis="axisRow" showAll="0"><items count="${cdrs.length + 1}">${fieldItems}<item t="default"/></items></pivotField></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="${cdrs.length + 1}">${rowItems}<i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`,
  );
  await ed.addRel(
    "xl/pivotTables/pivotTable1.xml",
    REL.pivotCache,
    "../pivotCache/pivotCacheDefinition1.xml",
  );
  const rows = [
    `<row r="3"><c r="A3" t="inlineStr"><is><t>Etichette di riga</t></is></c></row>`,
    ...cdrs.map(
      (c, i) => `<row r="${4 + i}"><c r="A${4 + i}" t="inlineStr"><is><t>${esc(c)}</t></is></c></row>`,
    ),
    `<row r="${bottom}"><c r="A${bottom}" t="inlineStr"><is><t>Totale complessivo</t></is></c></row>`,
  ];
  const sheet = await ed.addSheet(
    "Pivot",
    `${XML_HEAD}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}"><dimension ref="A3:A${bottom}"/><sheetData>${rows.join("")}</sheetData></worksheet>`,
  );
  await ed.addRel(sheet, REL.pivotTable, "../pivotTables/pivotTable1.xml");
  await ed.addOverride("xl/pivotTables/pivotTable1.xml", CT.pivotTable);
  await ed.addOverride("xl/pivotCache/pivotCacheDefinition1.xml", CT.pivotCache);
  await ed.addOverride("xl/pivotCache/pivotCacheRecords1.xml", CT.pivotRecords);
  const rid = await ed.addRel("xl/workbook.xml", REL.pivotCache, "pivotCache/pivotCacheDefinition1.xml");
  await ed.edit("xl/workbook.xml", (x) =>
    x.replace(
      /<calcPr[^>]*\/>|<calcPr[\s\S]*?<\/calcPr>/,
      (m) => `${m}<pivotCaches><pivotCache cacheId="1" r:id="${rid}"/></pivotCaches>`,
    ),
  );
}

/** A stand-in vbaProject.bin: an OLE compound-file header and a marker (kept byte for byte, never run). */
function vbaProjectBytes(): Buffer {
  const b = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  Buffer.from('Attribute VB_Name = "ModuloPEG"\r\nSub Aggiorna()\r\nEnd Sub\r\n', "latin1").copy(b, 512);
  return b;
}

async function macro(ed: PackageEditor): Promise<void> {
  ed.set("xl/vbaProject.bin", vbaProjectBytes());
  await ed.addDefault("bin", CT.vba);
  await ed.edit("[Content_Types].xml", (x) => x.replace(CT.mainXlsx, CT.mainXlsm));
  await ed.addRel("xl/workbook.xml", REL.vba, "vbaProject.bin");
  await ed.edit("xl/workbook.xml", (x) =>
    x.replace(/<workbookPr\b/, '<workbookPr codeName="QuestaCartella"'),
  );
}

async function customXml(ed: PackageEditor): Promise<void> {
  ed.set(
    "customXml/item1.xml",
    `<?xml version="1.0" encoding="UTF-8"?><peg xmlns="urn:comune-esempio:peg"><protocollo>2023/0045</protocollo><delibera>Giunta 45/2023</delibera></peg>`,
  );
  ed.set(
    "customXml/itemProps1.xml",
    `${XML_HEAD}<ds:datastoreItem ds:itemID="{5A1C2E3F-0B4D-4E6F-8A9B-C0D1E2F3A4B5}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="urn:comune-esempio:peg"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  await ed.addRel("customXml/item1.xml", REL.customXmlProps, "itemProps1.xml");
  await ed.addOverride("customXml/itemProps1.xml", CT.customXmlProps);
  await ed.addRel("xl/workbook.xml", REL.customXml, "../customXml/item1.xml");
}

async function date1904(ed: PackageEditor, s: Shape): Promise<void> {
  await ed.edit("xl/workbook.xml", (x) =>
    /<workbookPr\b/.test(x)
      ? x.replace(/<workbookPr\b/, '<workbookPr date1904="1"')
      : x.replace("<sheets>", '<workbookPr date1904="1"/><sheets>'),
  );
  // Same calendar dates in the 1904 system: serials 1462 days smaller.
  const part = await ed.sheetPart("Fasi");
  await ed.edit(part, (x) => {
    let out = x;
    for (const h of ["Inizio Previsto", "Fine Prevista", "Inizio Effettivo", "Fine Effettiva"]) {
      for (const c of cellsInColumn(out, s.fasiCol(h))) {
        const m = /<v>(\d+)<\/v>/.exec(c.xml);
        if (m && !/t="/.test(c.xml))
          out = out.replace(c.xml, () => c.xml.replace(m[0], `<v>${Number(m[1]) - 1462}</v>`));
      }
    }
    return out;
  });
}

async function formulaNames(ed: PackageEditor, s: Shape): Promise<void> {
  const peso = s.fasiCol("Peso");
  const names =
    `<definedName name="Aliquota" comment="IVA ordinaria">0.22</definedName>` +
    `<definedName name="DoppioAnno">Parametri!$B$3*2</definedName>` +
    `<definedName name="Oggi">TODAY()</definedName>` +
    `<definedName name="Totale">Fasi!$${peso}$2:$${peso}$${s.fasiLast}</definedName>` +
    `<definedName name="Totale" localSheetId="0">Parametri!$B$7:$B$9</definedName>` +
    `<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">Fasi!$A$1:$K$${s.fasiLast}</definedName>` +
    `<definedName name="_xlnm.Print_Area" localSheetId="1">Obiettivi!$A$1:$${colLetters(s.obiettiviCols)}$${s.obiettiviLast}</definedName>` +
    `<definedName name="_xlnm.Print_Titles" localSheetId="1">Obiettivi!$1:$1</definedName>`;
  await ed.edit("xl/workbook.xml", (x) =>
    x.replace(/<calcPr|<\/workbook>/, (m) => `<definedNames>${names}</definedNames>${m}`),
  );
  const par = await ed.sheetPart("Parametri");
  await ed.edit(par, (x) =>
    setCell(
      setCell(x, "D2", inlineStringCell("D2", "Somma soglie")),
      "E2",
      '<c r="E2"><f>SUM(Totale)</f><v>210</v></c>',
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Real people's layouts
// ---------------------------------------------------------------------------------------------

async function noteBeside(ed: PackageEditor, s: Shape): Promise<string> {
  const part = await ed.sheetPart("Obiettivi");
  const ref = `${colLetters(s.obiettiviCols + 1)}2`;
  await ed.edit(part, (x) => setCell(x, ref, inlineStringCell(ref, "da verificare con il dirigente")));
  return ref;
}

async function tableBeside(ed: PackageEditor, s: Shape): Promise<string[]> {
  const part = await ed.sheetPart("Obiettivi");
  const c1 = colLetters(s.obiettiviCols + 1);
  const c2 = colLetters(s.obiettiviCols + 2);
  await ed.edit(part, (x) => {
    let out = x;
    out = setCell(out, `${c1}1`, inlineStringCell(`${c1}1`, "Appunto"));
    out = setCell(out, `${c2}1`, inlineStringCell(`${c2}1`, "Data"));
    for (let r = 2; r <= 4; r++) {
      out = setCell(out, `${c1}${r}`, inlineStringCell(`${c1}${r}`, `Appunto ${r - 1}`));
      out = setCell(out, `${c2}${r}`, `<c r="${c2}${r}"><v>${45000 + r}</v></c>`);
    }
    return out;
  });
  let n = 1;
  while (ed.has(`xl/tables/table${n}.xml`)) n++;
  const ref = `${c1}1:${c2}4`;
  ed.set(
    `xl/tables/table${n}.xml`,
    `${XML_HEAD}<table xmlns="${NS.main}" id="${100 + n}" name="tblAppunti" displayName="tblAppunti" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="2"><tableColumn id="1" name="Appunto"/><tableColumn id="2" name="Data"/></tableColumns><tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  );
  await ed.addOverride(`xl/tables/table${n}.xml`, CT.table);
  const rid = await ed.addRel(part, REL.table, `../tables/table${n}.xml`);
  await ed.edit(part, (x) => addTablePart(x, rid));
  return [`${c1}1`, `${c1}2`, `${c1}3`, `${c1}4`, ref];
}

async function formulaBelow(ed: PackageEditor, s: Shape): Promise<string> {
  const part = await ed.sheetPart("Obiettivi");
  const ref = `${colLetters(s.obiettiviCols + 1)}${s.obiettiviLast + 2}`;
  const peso = colLetters(s.obiettiviCols);
  await ed.edit(part, (x) =>
    setCell(x, ref, `<c r="${ref}"><f>COUNTA(${peso}2:${peso}${s.obiettiviLast})</f><v>0</v></c>`),
  );
  return ref;
}

async function mergedHeader(ed: PackageEditor, s: Shape): Promise<string> {
  const part = await ed.sheetPart("Obiettivi");
  const ref = `${colLetters(s.obiettiviCols)}1:${colLetters(s.obiettiviCols + 1)}1`;
  await ed.edit(part, (x) => {
    const m = /<mergeCells count="(\d+)">/.exec(x);
    if (m) return x.replace(m[0], () => `<mergeCells count="${Number(m[1]) + 1}"><mergeCell ref="${ref}"/>`);
    return insertSheetElement(x, `<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`);
  });
  return ref;
}

async function trailingSpaces(ed: PackageEditor, s: Shape): Promise<void> {
  // A code typed with a trailing space in Obiettivi (phases and indicators name it without).
  const ob = await ed.sheetPart("Obiettivi");
  const shared = await ed.text("xl/sharedStrings.xml");
  const strings = [...shared.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1].replace(/<[^>]+>/g, ""));
  await ed.edit(ob, (x) => {
    const cell = getCell(x, "A3");
    const idx = cell ? /<v>(\d+)<\/v>/.exec(cell)?.[1] : undefined;
    if (!cell || idx === undefined) throw new Error("Obiettivi!A3 non è una stringa condivisa");
    return setCell(x, "A3", inlineStringCell("A3", `${strings[Number(idx)]} `, 1));
  });
  // A header with a trailing space, in the cell and in the table column name (as Excel keeps them).
  const fasi = await ed.sheetPart("Fasi");
  const col = s.fasiCol("Peso");
  await ed.edit(fasi, (x) => setCell(x, `${col}1`, inlineStringCell(`${col}1`, "Peso ", 2)));
  const t = await tablePart(ed, "Fasi", "tblFasi");
  await ed.edit(t, (x) => x.replace(/(<tableColumn [^>]*name=")Peso(")/, "$1Peso $2"));
}

async function lastRowValue(ed: PackageEditor): Promise<void> {
  const part = await ed.sheetPart("Indicatori");
  await ed.edit(part, (x) =>
    setCell(x, "B1048576", inlineStringCell("B1048576", "x")).replace(
      /<dimension ref="([A-Z]+\d+):[A-Z]+\d+"\/>/,
      '<dimension ref="$1:J1048576"/>',
    ),
  );
}

async function lastRowTable(ed: PackageEditor): Promise<void> {
  const t = await tablePart(ed, "Fasi", "tblFasi");
  await ed.edit(t, (x) =>
    x.replace(/ref="([A-Z]+1):([A-Z]+)\d+"/g, (_all, a: string, b: string) => `ref="${a}:${b}1048576"`),
  );
}

async function headerInXfd(ed: PackageEditor): Promise<void> {
  const part = await ed.sheetPart("Obiettivi");
  await ed.edit(part, (x) => setCell(x, "XFD1", inlineStringCell("XFD1", "Appunti", 2)));
}

// ---------------------------------------------------------------------------------------------

/** Every corpus file, known before the build (tests are declared from it). */
export interface CaseDef {
  name: string;
  writer: Writer;
  features: string[];
  kind: Expectation["kind"];
  ext?: ".xlsm";
  /** Built by LibreOffice (absent when soffice is not installed outside CI). */
  libreoffice?: boolean;
  /** Built by openpyxl (absent when /usr/bin/python3 has no openpyxl outside CI). */
  openpyxl?: boolean;
}

const def = (
  name: string,
  writer: Writer,
  features: string[],
  kind: Expectation["kind"] = "ok",
  extra: Partial<CaseDef> = {},
): CaseDef => ({ name, writer, features, kind, ...extra });

export const CATALOGUE: CaseDef[] = [
  def("scheda-peg-esempio", "scheda-peg", ["piano 2023 scritto da scheda-peg sample (stringhe in linea)"]),
  def("exceljs-esempio", "exceljs", ["piano 2023 (33 obiettivi)", "tabelle con stile"]),
  def("exceljs-modello", "exceljs", ["modello vuoto", "convalida dati"]),
  def("exceljs-rieseguito", "exceljs", [
    "uscita di generate rielaborata",
    "Riepilogo, Scheda e colonne calcolate già presenti",
  ]),
  def(
    "openpyxl-completo",
    "openpyxl",
    [
      "tabelle openpyxl",
      "grafico",
      "immagine",
      "commenti",
      "convalida dati",
      "nome di foglio che oscura un nome globale",
      "=SUM(Totale) senza valore in cache",
      "formula di input senza valore in cache",
    ],
    "ok",
    { openpyxl: true },
  ),
  def(
    "openpyxl-parametri-percento",
    "openpyxl",
    ["tabelle openpyxl", "Parametri in formato percentuale"],
    "ok",
    {
      openpyxl: true,
    },
  ),
  def("lo-esempio", "LibreOffice", ["tabelle senza tableStyleInfo", "stili di LibreOffice"], "ok", {
    libreoffice: true,
  }),
  def("lo-da-openpyxl", "LibreOffice", ["grafico", "note", "immagine", "nomi con ambito di foglio"], "ok", {
    libreoffice: true,
    openpyxl: true,
  }),
  def(
    "lo-intervalli",
    "LibreOffice",
    ["intervalli semplici senza tabelle", "nota su una cella", "Parametri in percentuale", "date"],
    "ok",
    { libreoffice: true },
  ),
  def("xml-collegamento-esterno", "XML a mano", [
    "externalLink",
    "formula [1]Foglio1!A1 con valore in cache",
    "nome esterno",
  ]),
  def("xml-estensioni-x14", "XML a mano", ["x14:dataValidations", "x14:sparklineGroups in extLst"]),
  def("xml-casella-testo", "XML a mano", ["drawing con casella di testo (sp + txBody)"]),
  def("xml-commenti", "XML a mano", ["commenti legacy + vmlDrawing", "commenti in thread", "persons"]),
  def("xml-date-iso", "XML a mano", ['celle t="d" in Fasi', 'Data di riferimento t="d"']),
  def("xml-grafico", "XML a mano", ["grafico (chart + drawing)"]),
  def("xml-pivot", "XML a mano", ["tabella pivot + pivot cache", "foglio Pivot"]),
  def("xml-macro", "XML a mano", ["vbaProject.bin", "tipo di contenuto macroEnabled", ".xlsm"], "ok", {
    ext: ".xlsm",
  }),
  def("xml-customxml", "XML a mano", ["customXml con itemProps"]),
  def("xml-1904", "XML a mano", ["date1904", "date spostate di 1462 giorni"]),
  def("xml-nomi-formula", "XML a mano", [
    "nomi che sono formule",
    "nome globale e di foglio omonimi",
    "Print_Area e Print_Titles di Obiettivi",
    "_FilterDatabase",
  ]),
  def(
    "occupato-nota-accanto",
    "layout reale",
    ["nota nella colonna dove vanno le colonne calcolate"],
    "occupied",
  ),
  def("occupato-tabella-accanto", "layout reale", ["seconda tabella accanto a tblObiettivi"], "occupied"),
  // Below the table is not a target cell (docs/reference/formulas.md: header to last data row): kept as it is.
  def("formula-sotto-i-dati", "layout reale", [
    "formula sotto la tabella nella colonna delle colonne calcolate",
  ]),
  def(
    "occupato-intestazione-unita",
    "layout reale",
    ["intestazione unita con la colonna successiva"],
    "occupied",
  ),
  def("spazi-finali", "layout reale", [
    "codice con spazio finale",
    "intestazione «Peso » con spazio finale (cella e tabella)",
  ]),
  def("riga-1048576-valore", "layout reale", ["valore nella riga 1.048.576 fuori tabella"], "bounded"),
  def("riga-1048576-tabella", "layout reale", ["tblFasi estesa fino alla riga 1.048.576"], "bounded"),
  def("colonna-xfd", "layout reale", ["intestazione nella colonna XFD"], "bounded"),
];

/** Seconds a bounded case may take per command (a loaded 2-core machine, child process start included). */
export const BOUNDED_SECONDS = 20;

type Edit = (ed: PackageEditor, s: Shape, cdrs: string[]) => Promise<string[] | void>;

/** Edits of the exceljs sample; occupied cases return the cells the message must name. */
const EDITS: Record<string, Edit> = {
  "xml-collegamento-esterno": (ed) => externalLink(ed),
  "xml-estensioni-x14": (ed, s) => x14Extensions(ed, s),
  "xml-casella-testo": (ed, s) => textBox(ed, s),
  "xml-commenti": (ed) => comments(ed),
  "xml-date-iso": (ed, s) => isoDates(ed, s),
  "xml-grafico": (ed, s) => chart(ed, s),
  "xml-pivot": (ed, s, cdrs) => pivot(ed, s, cdrs),
  "xml-macro": (ed) => macro(ed),
  "xml-customxml": (ed) => customXml(ed),
  "xml-1904": (ed, s) => date1904(ed, s),
  "xml-nomi-formula": (ed, s) => formulaNames(ed, s),
  "occupato-nota-accanto": async (ed, s) => [await noteBeside(ed, s)],
  "occupato-tabella-accanto": (ed, s) => tableBeside(ed, s),
  "formula-sotto-i-dati": async (ed, s) => {
    await formulaBelow(ed, s);
  },
  "occupato-intestazione-unita": async (ed, s) => {
    const ref = await mergedHeader(ed, s);
    return [ref, ...ref.split(":")];
  },
  "spazi-finali": (ed, s) => trailingSpaces(ed, s),
  "riga-1048576-valore": (ed) => lastRowValue(ed),
  "riga-1048576-tabella": (ed) => lastRowTable(ed),
  "colonna-xfd": (ed) => headerInXfd(ed),
};

export interface BuildReport {
  cases: RealCase[];
  ms: { exceljs: number; openpyxl: number; libreoffice: number; xml: number };
}

/**
 * Builds the corpus into `dir`. `only` limits it to some names (the sample is always built);
 * LibreOffice files are skipped when `libreoffice` is false.
 */
export async function buildRealWorldCorpus(
  dir: string,
  opts: { libreoffice: boolean; openpyxl?: boolean; only?: string[] },
): Promise<BuildReport> {
  const withOpenpyxl = opts.openpyxl ?? true;
  const wanted = (name: string) => {
    const d = CATALOGUE.find((c) => c.name === name);
    if (d?.openpyxl && !withOpenpyxl) return false;
    return !opts.only || opts.only.includes(name);
  };
  const cases: RealCase[] = [];
  const add = (name: string, file: string, cells?: string[]) => {
    const d = CATALOGUE.find((c) => c.name === name);
    if (!d) throw new Error(`caso non in catalogo: ${name}`);
    const expect: Expectation =
      d.kind === "occupied"
        ? { kind: "occupied", sheet: "Obiettivi", cells: cells ?? [] }
        : d.kind === "bounded"
          ? { kind: "bounded", seconds: BOUNDED_SECONDS }
          : OK;
    cases.push({ name, file, writer: d.writer, features: d.features, expect });
  };
  const template = buildSample(loadSampleJson());
  const shape = shapeOf(template);
  const staging = join(dir, "staging");
  await fs.mkdir(staging, { recursive: true });

  // --- the CLI's own sample, and exceljs files ----------------------------------------------------
  let t0 = Date.now();
  const sample = join(dir, "exceljs-esempio.xlsx");
  await cli(["sample", "-o", sample]);
  if (wanted("scheda-peg-esempio")) {
    // The CLI's own writer, as it is: a file we made ourselves must keep working too.
    const own = join(dir, "scheda-peg-esempio.xlsx");
    await fs.copyFile(sample, own);
    add("scheda-peg-esempio", own);
  }
  // exceljs's own sample and template: the files the exceljs-based writer made (test/xlsx/fixtures).
  await fs.copyFile(join(FIXTURES, "exceljs-sample.xlsx"), sample);
  if (wanted("exceljs-esempio")) add("exceljs-esempio", sample);
  if (wanted("exceljs-modello")) {
    const file = join(dir, "exceljs-modello.xlsx");
    await fs.copyFile(join(FIXTURES, "exceljs-template-2024.xlsx"), file);
    add("exceljs-modello", file);
  }
  if (wanted("exceljs-rieseguito")) {
    const file = join(dir, "exceljs-rieseguito.xlsx");
    await cli(["generate", sample, "-o", file]);
    add("exceljs-rieseguito", file);
  }
  const sampleBytes = await fs.readFile(sample);
  const msExceljs = Date.now() - t0;

  // --- openpyxl: one interpreter run -----------------------------------------------------------------
  t0 = Date.now();
  const needOpenpyxl = ["openpyxl-completo", "openpyxl-parametri-percento", "lo-da-openpyxl"].some(wanted);
  if (needOpenpyxl) {
    const spec = {
      outDir: staging,
      tables: template.tables.map((t) => ({
        sheet: t.sheet,
        table: t.table,
        columns: t.columns.map((c) => ({
          header: c.header,
          numberFormat: c.numberFormat ?? null,
          width: c.width,
        })),
        rows: t.rows.map((r) =>
          r.map((v) =>
            v instanceof Date ? { date: v.toISOString().slice(0, 10) } : typeof v === "object" ? null : v,
          ),
        ),
      })),
    };
    const specFile = join(staging, "openpyxl-spec.json");
    await fs.writeFile(specFile, JSON.stringify(spec));
    await run(PYTHON, [join(__dirname, "openpyxl_corpus.py"), specFile], { timeout: 120_000 });
    for (const name of ["openpyxl-completo", "openpyxl-parametri-percento"]) {
      if (!wanted(name)) continue;
      await fs.copyFile(join(staging, `${name}.xlsx`), join(dir, `${name}.xlsx`));
      add(name, join(dir, `${name}.xlsx`));
    }
  }
  const msOpenpyxl = Date.now() - t0;

  // --- LibreOffice: one soffice run ---------------------------------------------------------------------
  t0 = Date.now();
  const loWanted = CATALOGUE.filter((c) => c.libreoffice && wanted(c.name)).map((c) => c.name);
  if (opts.libreoffice && loWanted.length > 0) {
    const loIn = join(staging, "lo-in");
    await fs.mkdir(loIn, { recursive: true });
    const sources: Record<string, () => Promise<void>> = {
      "lo-esempio": () => fs.copyFile(sample, join(loIn, "lo-esempio.xlsx")),
      "lo-da-openpyxl": () =>
        fs.copyFile(join(staging, "openpyxl-completo.xlsx"), join(loIn, "lo-da-openpyxl.xlsx")),
      "lo-intervalli": () => fs.writeFile(join(loIn, "lo-intervalli.fods"), buildFods(template)),
    };
    const inputs: string[] = [];
    for (const name of loWanted) {
      await sources[name]();
      inputs.push(join(loIn, name === "lo-intervalli" ? `${name}.fods` : `${name}.xlsx`));
    }
    const batch = await convertBatch(inputs, "xlsx", dir, { recalc: false });
    for (const [input, out] of batch.outputs)
      if (!out) throw new Error(`LibreOffice non ha convertito ${input}`);
    for (const name of loWanted) add(name, join(dir, `${name}.xlsx`));
  }
  const msLo = Date.now() - t0;

  // --- hand-written XML and real layouts on the exceljs sample ---------------------------------------
  t0 = Date.now();
  const obiettivi = template.tables.find((t) => t.sheet === "Obiettivi");
  const cdrs = [...new Set((obiettivi?.rows ?? []).map((r) => String(r[3])))].sort();
  for (const d of CATALOGUE) {
    const edit = EDITS[d.name];
    if (!edit || !wanted(d.name)) continue;
    const ed = await PackageEditor.open(sampleBytes);
    const cells = await edit(ed, shape, cdrs);
    const file = join(dir, d.name + (d.ext ?? ".xlsx"));
    await fs.writeFile(file, await ed.toBuffer());
    add(d.name, file, cells ?? undefined);
  }
  const msXml = Date.now() - t0;
  await fs.rm(staging, { recursive: true, force: true });
  cases.sort(
    (x, y) => CATALOGUE.findIndex((c) => c.name === x.name) - CATALOGUE.findIndex((c) => c.name === y.name),
  );
  return { cases, ms: { exceljs: msExceljs, openpyxl: msOpenpyxl, libreoffice: msLo, xml: msXml } };
}
