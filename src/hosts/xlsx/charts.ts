// Charts of a generated sheet (Riepilogo) as DrawingML parts: one drawing part anchoring one chart part
// per ChartDescription, their relationships and content types, and the sheet's <drawing> element
// pointing at the drawing. The parts belong to the generated sheet: regenerating it
// removes the previous ones first (drawing and chart parts no other part refers to).
import type { ChartDescription, SheetCell, SheetDescription } from "../../domain/model/sheet";
import { decodeRange, quoteSheetName } from "../../domain/model/raw";
import type { XlsxDocument } from "./document";
import { relsPathOf, resolveTarget } from "./package";
import { escapeAttr, escapeXstring } from "./xml";

const NS = {
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};
const REL = { drawing: `${NS.rel}/drawing`, chart: `${NS.rel}/chart` };
const CT = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};
/** Kinds of parts a chart brings along (removed with it). */
const CHART_KINDS = /\/(drawing|chart|chartUserShapes|chartStyle|chartColorStyle)$/;
/** Id of the sheet → drawing relationship (the generated sheet has no other relationship). */
const DRAWING_REL = "rIdPegCharts";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Drawing and chart parts reachable from the sheet `name` that no other part refers to. */
export async function chartPartsOf(doc: XlsxDocument, name: string): Promise<string[]> {
  const sheet = doc.sheet(name)?.path;
  if (!sheet) return [];
  const found = new Set<string>();
  const todo = [sheet];
  while (todo.length > 0) {
    const part = todo.pop() as string;
    for (const r of await doc.pkg.relationships(part)) {
      if (r.external || !CHART_KINDS.test(r.type) || found.has(r.path)) continue;
      found.add(r.path);
      todo.push(r.path);
    }
  }
  // Keep any part another part (outside this sheet and its charts) still refers to.
  const inside = new Set([sheet, ...found].map((p) => relsPathOf(p)));
  for (const rels of doc.pkg.paths().filter((p) => p.endsWith(".rels") && !inside.has(p))) {
    const source = rels.replace(/(^|\/)_rels\/([^/]+)\.rels$/, "$1$2");
    for (const r of await doc.pkg.relationships(source)) if (!r.external) found.delete(r.path);
  }
  return [...found];
}

export async function removeParts(doc: XlsxDocument, parts: string[]): Promise<void> {
  for (const p of parts) {
    doc.pkg.remove(p);
    if (doc.pkg.has(relsPathOf(p))) doc.pkg.remove(relsPathOf(p));
    await doc.pkg.removeContentType(p);
  }
}

/** Writes the sheet's charts (a drawing and one chart part each) and links the drawing to the sheet. */
export async function putCharts(doc: XlsxDocument, desc: SheetDescription): Promise<void> {
  const charts = desc.charts ?? [];
  const sheet = doc.sheet(desc.name)?.path;
  if (!sheet || charts.length === 0) return;
  const drawing = doc.pkg.freePath("xl/drawings", "drawing", "xml");
  const values = new Map(desc.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const anchors: string[] = [];
  const drawingRels: string[] = [];
  for (const [i, chart] of charts.entries()) {
    const path = doc.pkg.freePath("xl/charts", "chart", "xml");
    doc.pkg.setText(path, chartXml(chart, desc.name, values));
    await doc.pkg.setContentType(path, CT.chart);
    drawingRels.push(rel(`rId${i + 1}`, REL.chart, relative(drawing, path)));
    anchors.push(anchorXml(chart, i));
  }
  doc.pkg.setText(
    drawing,
    `${HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join("")}</xdr:wsDr>`,
  );
  doc.pkg.setText(relsPathOf(drawing), relsXml(drawingRels));
  await doc.pkg.setContentType(drawing, CT.drawing);
  doc.pkg.setText(relsPathOf(sheet), relsXml([rel(DRAWING_REL, REL.drawing, relative(sheet, drawing))]));
  // <drawing> goes after the page setup and breaks, before <extLst> (the data bars' extension).
  const xml = (await doc.pkg.text(sheet)) as string;
  // (A data bar's own <extLst> sits inside its <cfRule>, earlier in the sheet.)
  const tail = /<extLst>(?:(?!<extLst>)[\s\S])*<\/extLst>\s*<\/worksheet>\s*$/.exec(xml);
  const at = tail ? tail.index : xml.lastIndexOf("</worksheet>");
  doc.pkg.setText(sheet, `${xml.slice(0, at)}<drawing r:id="${DRAWING_REL}"/>${xml.slice(at)}`);
}

function rel(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`;
}

function relsXml(rels: string[]): string {
  return `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
}

/** `xl/drawings/drawing1.xml` seen from `xl/worksheets/sheet3.xml`: `../drawings/drawing1.xml`. */
function relative(from: string, to: string): string {
  const target = `../${to.split("/").slice(1).join("/")}`;
  if (resolveTarget(from, target) !== to) throw new Error(`percorso relativo errato: ${from} → ${to}`);
  return target;
}

function anchorXml(chart: ChartDescription, i: number): string {
  const corner = (tag: string, row: number, col: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    corner("from", chart.from.row - 1, chart.from.col - 1) +
    // The bottom-right corner is the top-left of the cell after the last one covered.
    corner("to", chart.to.row, chart.to.col) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.rel}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
  );
}

/** "A12:A14" → the cells in order. */
function cellsOf(range: string): { row: number; col: number }[] {
  const box = decodeRange(range);
  const out: { row: number; col: number }[] = [];
  if (!box) return out;
  for (let row = box.top; row <= box.bottom; row++)
    for (let col = box.left; col <= box.right; col++) out.push({ row, col });
  return out;
}

/** A1 range as a chart reference: `Riepilogo!$A$12:$A$14`. */
function ref(sheet: string, range: string): string {
  return `${quoteSheetName(sheet)}!${range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
}

/** The cached value of a cell as the chart shows it before any recalculation. */
function cached(cell: SheetCell | undefined): string | number | null {
  const c = cell?.content;
  if (!c) return null;
  if (c.kind === "text") return c.text;
  if (c.kind === "number") return c.value;
  if (c.kind === "formula")
    return typeof c.result === "number" || typeof c.result === "string" ? c.result : null;
  return null;
}

const fill = (rgb: string) => `<c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></c:spPr>`;
const font = (size: number, bold = false) =>
  `<a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"><a:latin typeface="Calibri"/></a:defRPr>`;

function chartXml(chart: ChartDescription, sheet: string, values: Map<string, SheetCell>): string {
  const cats = cellsOf(chart.categories).map((p) => cached(values.get(`${p.row}:${p.col}`)));
  const vals = cellsOf(chart.values).map((p) => cached(values.get(`${p.row}:${p.col}`)));
  const pts = (xs: (string | number | null)[]) =>
    xs
      .map((v, i) =>
        v === null || v === "" ? "" : `<c:pt idx="${i}"><c:v>${escapeXstring(String(v))}</c:v></c:pt>`,
      )
      .join("");
  const bar = chart.kind === "bar";
  const nf = chart.axis?.numberFormat ?? "General";
  const points =
    chart.colors.length > 1
      ? chart.colors
          .map(
            (c, i) =>
              `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${fill(c)}</c:dPt>`,
          )
          .join("")
      : "";
  const scaling =
    `<c:scaling><c:orientation val="minMax"/>` +
    (chart.axis?.max !== undefined ? `<c:max val="${chart.axis.max}"/>` : "") +
    (chart.axis?.min !== undefined ? `<c:min val="${chart.axis.min}"/>` : "") +
    "</c:scaling>";
  return (
    `${HEAD}<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${font(11, true)}</a:pPr><a:r><a:rPr lang="it-IT" sz="1100" b="1"/><a:t>${escapeAttr(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>' +
    `<c:barChart><c:barDir val="${bar ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeAttr(chart.seriesName)}</c:v></c:tx>${fill(chart.colors[0] ?? "5B9BD5")}<c:invertIfNegative val="0"/>${points}` +
    `<c:dLbls><c:numFmt formatCode="${escapeAttr(nf)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${font(9)}</a:pPr><a:endParaRPr lang="it-IT"/></a:p></c:txPr>` +
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
    `<c:cat><c:strRef><c:f>${escapeAttr(ref(sheet, chart.categories))}</c:f><c:strCache><c:ptCount val="${cats.length}"/>${pts(cats)}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeAttr(ref(sheet, chart.values))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${vals.length}"/>${pts(vals.map((v) => (typeof v === "number" ? v : null)))}</c:numCache></c:numRef></c:val>` +
    '</c:ser><c:gapWidth val="60"/><c:axId val="5001"/><c:axId val="5002"/></c:barChart>' +
    // Bars: the first group at the top, as in the table.
    `<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="${bar ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? "l" : "b"}"/>` +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${font(9)}</a:pPr><a:endParaRPr lang="it-IT"/></a:p></c:txPr>` +
    '<c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="5002"/>${scaling}<c:delete val="0"/><c:axPos val="${bar ? "b" : "l"}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeAttr(nf)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${font(9)}</a:pPr><a:endParaRPr lang="it-IT"/></a:p></c:txPr>` +
    `<c:crossAx val="5001"/><c:crosses val="${bar ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${font(9)}</a:pPr><a:endParaRPr lang="it-IT"/></a:p></c:txPr>` +
    "</c:chartSpace>"
  );
}
