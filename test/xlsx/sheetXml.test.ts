// renderSheetXml: the worksheet part of a generated sheet, checked three ways: its XML with an
// independent parser (jsdom), a package around it loaded by exceljs, and LibreOffice printing it.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { JSDOM } from "jsdom";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { columnLetter } from "../../src/domain/model/raw";
import type { CellStyle, SheetCell, SheetDescription } from "../../src/domain/model/sheet";
import { dateSerial, renderSheetXml, renderSheetXmlBytes } from "../../src/hosts/xlsx/sheetXml";
import { absoluteArea } from "../../src/hosts/xlsx/sheetParts";
import { joinChunks, xmlUtf8 } from "../../src/hosts/xlsx/xmlChunks";
import { utf8Length } from "../../src/hosts/utf8";
import { StylesPart } from "../../src/hosts/xlsx/styles";
import { decodeXstring } from "../../src/hosts/xlsx/xml";
import { findExecutable, itWithTool, sofficePath } from "../helpers/tools";
import { buildPackage, convertMany } from "./ooxmlPackage";
import { TODAY, sampleSheets } from "./sampleScheda";
import { syntheticTextsFromSample, syntheticWorkbook } from "../../bench/synthetic";
import { readPlan } from "../../src/domain/reading/reader";
import { computeRollups } from "../../src/domain/rollup/rollup";
import { layoutScheda } from "../../src/domain/scheda/layout";
import { loadSampleJson } from "../helpers/sample";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const { DOMParser } = new JSDOM("").window;

function dom(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`XML non ben formato: ${err.textContent}`);
  return doc;
}
const all = (d: Document | Element, name: string) => Array.from(d.getElementsByTagNameNS(NS, name));
const one = (d: Document | Element, name: string) => all(d, name)[0];

const FONT = { name: "Calibri", size: 11 };
const STYLES: Record<string, CellStyle> = {
  title: { font: { ...FONT, size: 14, bold: true, color: "1F3864" }, fill: "DDEBF7" },
  boxed: {
    font: FONT,
    border: { top: { weight: "thin", color: "000000" }, bottom: { weight: "medium", color: "FF0000" } },
    alignment: { horizontal: "center", vertical: "top", wrapText: true },
  },
  num: { font: FONT, numberFormat: "0.00" },
  date: { font: FONT, numberFormat: "dd/mm/yyyy" },
  plain: { font: { ...FONT, size: 9, italic: true } },
};

function fixture(name = "Scheda"): SheetDescription {
  return {
    name,
    columnWidths: [30, 12.5, 12.5, 0, 8],
    styles: STYLES,
    cells: [
      { row: 1, col: 1, content: { kind: "text", text: "SCHEDA OBIETTIVI" }, style: "title" },
      { row: 2, col: 1, content: { kind: "text", text: "=SUM(B1:B3)" } },
      { row: 3, col: 1, content: { kind: "text", text: "+39 02 1234" } },
      { row: 4, col: 1, content: { kind: "text", text: "-5" } },
      { row: 5, col: 1, content: { kind: "text", text: "@utente" } },
      { row: 2, col: 2, content: { kind: "number", value: 33.5 }, style: "num" },
      { row: 3, col: 2, content: { kind: "date", iso: "2023-12-31" }, style: "date" },
      { row: 3, col: 3, content: { kind: "date", iso: "2024-02-29" }, style: "plain" },
      { row: 4, col: 2, content: { kind: "boolean", value: true } },
      { row: 5, col: 2, content: { kind: "formula", formula: "=B2*2", result: 67 }, style: "num" },
      { row: 6, col: 2, content: { kind: "formula", formula: '=IF(B2>50,"Sì","No")', result: "No" } },
      { row: 7, col: 2, content: { kind: "formula", formula: "=NA()", result: null } },
      { row: 8, col: 2, content: { kind: "formula", formula: "=B2>1", result: true } },
      { row: 10, col: 1, content: { kind: "text", text: "Titolo unito" }, style: "boxed" },
      { row: 10, col: 3, content: { kind: "empty" }, style: "boxed" },
      { row: 11, col: 1, content: { kind: "empty" } },
    ],
    merges: [
      { top: 10, left: 1, bottom: 11, right: 3 },
      { top: 11, left: 3, bottom: 12, right: 3 }, // overlaps the first: dropped
      { top: 13, left: 1, bottom: 13, right: 1 }, // a single cell: dropped
    ],
    rowHeights: { 1: 24, 10: 45.75, 30: 600 },
    pageBreaks: [40, 20, 20],
    print: {
      paperSize: "A4",
      orientation: "landscape",
      scale: 85,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.25 },
      footer: "&CPagina &P di &N&R&8R&&D <srl>",
      header: "&LScheda PEG",
      printArea: "A1:C60",
      centerHorizontally: true,
    },
    conditionalFormats: [
      { type: "dataBar", range: "B2:B7", color: "638EC6", min: 0, max: 100 },
      {
        type: "expression",
        range: "A2:A7",
        formula: '=$A2="Raggiunto"',
        fill: "C6EFCE",
        fontColor: "006100",
      },
    ],
    freeze: { rows: 2, cols: 0 },
    showGridLines: false,
    definedNames: [{ name: "pegSogliaRaggiunto", refersTo: "=Parametri!$B$8" }],
  };
}

function render(desc: SheetDescription, styles = StylesPart.empty(), date1904 = false) {
  const r = renderSheetXml(desc, styles, { date1904 });
  return { ...r, xml: joinChunks(r.chunks), styles };
}

function cellEl(doc: Document, ref: string): Element | undefined {
  return all(doc, "c").find((c) => c.getAttribute("r") === ref);
}

/** The order CT_Worksheet requires (ECMA-376 Part 1 §18.3.1.99). */
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

describe("renderSheetXml: the worksheet XML", () => {
  it("elements in schema order; dimension; views; columns", () => {
    const { xml } = render(fixture());
    const doc = dom(xml);
    const names = Array.from(doc.documentElement.children).map((e) => e.localName);
    const positions = names.map((n) => WORKSHEET_ORDER.indexOf(n));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(names).toEqual([
      "dimension",
      "sheetViews",
      "sheetFormatPr",
      "cols",
      "sheetData",
      "mergeCells",
      "conditionalFormatting",
      "conditionalFormatting",
      "printOptions",
      "pageMargins",
      "pageSetup",
      "headerFooter",
      "rowBreaks",
      "extLst",
    ]);
    expect(one(doc, "dimension").getAttribute("ref")).toBe("A1:C11");
    const view = one(doc, "sheetView");
    expect(view.getAttribute("showGridLines")).toBe("0");
    const pane = one(doc, "pane");
    expect([
      pane.getAttribute("xSplit"),
      pane.getAttribute("ySplit"),
      pane.getAttribute("topLeftCell"),
      pane.getAttribute("state"),
      pane.getAttribute("activePane"),
    ]).toEqual([null, "2", "A3", "frozen", "bottomLeft"]);
    const cols = all(doc, "col").map((c) => [
      c.getAttribute("min"),
      c.getAttribute("max"),
      c.getAttribute("width"),
      c.getAttribute("customWidth"),
    ]);
    expect(cols).toEqual([
      ["1", "1", "30", "1"],
      ["2", "3", "12.5", "1"], // equal neighbours share an entry
      ["5", "5", "8", "1"], // width 0 = default, no entry
    ]);
  });

  it("texts are inline strings, never formulas, whatever they start with", () => {
    const doc = dom(render(fixture()).xml);
    for (const [ref, text] of [
      ["A2", "=SUM(B1:B3)"],
      ["A3", "+39 02 1234"],
      ["A4", "-5"],
      ["A5", "@utente"],
    ]) {
      const c = cellEl(doc, ref)!;
      expect(c.getAttribute("t")).toBe("inlineStr");
      expect(all(c, "f")).toHaveLength(0);
      expect(one(c, "t").textContent).toBe(text);
    }
  });

  it("numbers, dates as serials with a date format, booleans, formulas with cached results", () => {
    const { xml, styles } = render(fixture());
    const doc = dom(xml);
    const v = (ref: string) => one(cellEl(doc, ref)!, "v")?.textContent ?? null;
    expect(v("B2")).toBe("33.5");
    expect(v("B3")).toBe("45291"); // 31/12/2023 in Excel
    expect(v("C3")).toBe("45351"); // 29/02/2024
    expect(styles.numberFormatCode(Number(cellEl(doc, "B3")!.getAttribute("s")))).toBe("dd/mm/yyyy");
    // A date in a style without a number format gets dd/mm/yyyy and keeps the style's font.
    expect(styles.numberFormatCode(Number(cellEl(doc, "C3")!.getAttribute("s")))).toBe("dd/mm/yyyy");
    expect(cellEl(doc, "B4")!.getAttribute("t")).toBe("b");
    expect(v("B4")).toBe("1");
    const f = (ref: string) => one(cellEl(doc, ref)!, "f")?.textContent;
    expect([f("B5"), v("B5"), cellEl(doc, "B5")!.getAttribute("t")]).toEqual(["B2*2", "67", null]);
    expect([f("B6"), v("B6"), cellEl(doc, "B6")!.getAttribute("t")]).toEqual([
      'IF(B2>50,"Sì","No")',
      "No",
      "str",
    ]);
    expect([f("B7"), v("B7")]).toEqual(["NA()", null]);
    expect([f("B8"), v("B8"), cellEl(doc, "B8")!.getAttribute("t")]).toEqual(["B2>1", "1", "b"]);
    // Empty cells: written only with a style.
    expect(cellEl(doc, "C10")!.getAttribute("s")).not.toBeNull();
    expect(cellEl(doc, "C10")!.children).toHaveLength(0);
    expect(cellEl(doc, "A11")).toBeUndefined();
  });

  it("one cellXfs index per style, pointing at the style's font, fill and border", () => {
    const { xml, styles } = render(fixture());
    const doc = dom(xml);
    const s = (ref: string) => Number(cellEl(doc, ref)!.getAttribute("s"));
    expect(s("A10")).toBe(s("C10"));
    expect(s("B2")).toBe(s("B5"));
    expect(s("A1")).not.toBe(s("A10"));
    const st = dom(styles.toXml());
    const xf = all(st, "cellXfs")[0].children[s("A1")];
    const font = all(st, "fonts")[0].children[Number(xf.getAttribute("fontId"))];
    expect(one(font, "sz").getAttribute("val")).toBe("14");
    expect(all(font, "b")).toHaveLength(1);
    expect(one(font, "color").getAttribute("rgb")).toBe("FF1F3864");
    const fill = all(st, "fills")[0].children[Number(xf.getAttribute("fillId"))];
    expect(one(fill, "fgColor").getAttribute("rgb")).toBe("FFDDEBF7");
    // Unstyled cells have no s attribute.
    expect(cellEl(doc, "A2")!.hasAttribute("s")).toBe(false);
  });

  it("merges (overlapping and single-cell ones dropped), row heights, page breaks", () => {
    const doc = dom(render(fixture()).xml);
    const mc = one(doc, "mergeCells");
    expect(mc.getAttribute("count")).toBe("1");
    expect(all(mc, "mergeCell").map((m) => m.getAttribute("ref"))).toEqual(["A10:C11"]);
    const row = (r: number) => all(doc, "row").find((e) => e.getAttribute("r") === String(r))!;
    expect([row(1).getAttribute("ht"), row(1).getAttribute("customHeight")]).toEqual(["24", "1"]);
    expect(row(10).getAttribute("ht")).toBe("45.75");
    expect(row(30).getAttribute("ht")).toBe("409.5"); // Excel's maximum
    expect(row(30).children).toHaveLength(0); // a height-only row
    expect(row(2).hasAttribute("ht")).toBe(false);
    expect(all(doc, "row").map((r) => Number(r.getAttribute("r")))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 30,
    ]);
    const rb = one(doc, "rowBreaks");
    expect([rb.getAttribute("count"), rb.getAttribute("manualBreakCount")]).toEqual(["2", "2"]);
    expect(
      all(rb, "brk").map((b) => [b.getAttribute("id"), b.getAttribute("max"), b.getAttribute("man")]),
    ).toEqual([
      ["20", "16383", "1"],
      ["40", "16383", "1"],
    ]);
  });

  it("print setup: A4, orientation, fixed scale, margins, centred, header/footer codes", () => {
    const doc = dom(render(fixture()).xml);
    const ps = one(doc, "pageSetup");
    expect([ps.getAttribute("paperSize"), ps.getAttribute("orientation"), ps.getAttribute("scale")]).toEqual([
      "9",
      "landscape",
      "85",
    ]);
    expect(ps.hasAttribute("fitToWidth")).toBe(false);
    expect(all(doc, "sheetPr")).toHaveLength(0); // no fitToPage anywhere
    const pm = one(doc, "pageMargins");
    expect(["left", "right", "top", "bottom", "header", "footer"].map((a) => pm.getAttribute(a))).toEqual([
      "0.5",
      "0.4",
      "0.6",
      "0.7",
      "0.3",
      "0.25",
    ]);
    expect(one(doc, "printOptions").getAttribute("horizontalCentered")).toBe("1");
    expect(one(doc, "oddFooter").textContent).toBe("&CPagina &P di &N&R&8R&&D <srl>");
    expect(one(doc, "oddHeader").textContent).toBe("&LScheda PEG");
  });

  it("defined names: print area local and absolute, the sheet's names global without '='", () => {
    expect(render(fixture()).definedNames).toEqual([
      { name: "_xlnm.Print_Area", refersTo: "Scheda!$A$1:$C$60", localSheet: true },
      { name: "pegSogliaRaggiunto", refersTo: "Parametri!$B$8", localSheet: false },
    ]);
    expect(absoluteArea("L'anno 2023", "a1:h40")).toBe("'L''anno 2023'!$A$1:$H$40");
    expect(absoluteArea("S", "A1:B2&&D1:E2")).toBe("S!$A$1:$B$2,S!$D$1:$E$2");
    expect(absoluteArea("S", "$A$1:$B$9")).toBe("S!$A$1:$B$9");
    // A name Excel would read as a reference is quoted.
    expect(absoluteArea("Q1", "A1:B2")).toBe("'Q1'!$A$1:$B$2");
    expect(absoluteArea("R2C3", "A1")).toBe("'R2C3'!$A$1");
    expect(absoluteArea("C", "A1")).toBe("'C'!$A$1");
    expect(absoluteArea("Riepilogo", "A1:G20")).toBe("Riepilogo!$A$1:$G$20");
    const noPrint = { ...fixture(), print: undefined, definedNames: undefined };
    const r = render(noPrint);
    expect(r.definedNames).toEqual([]);
    expect(one(dom(r.xml), "pageMargins")).toBeDefined(); // Excel's defaults
  });

  it("conditional formats: a solid data bar 0–100 (with its x14 twin) and an expression rule with its dxf", () => {
    const { xml, styles } = render(fixture());
    const doc = dom(xml);
    const [bar, expr] = all(doc, "conditionalFormatting");
    expect(bar.getAttribute("sqref")).toBe("B2:B7");
    const rule = one(bar, "cfRule");
    expect(rule.getAttribute("type")).toBe("dataBar");
    expect(all(rule, "cfvo").map((c) => [c.getAttribute("type"), c.getAttribute("val")])).toEqual([
      ["num", "0"],
      ["num", "100"],
    ]);
    expect(one(rule, "color").getAttribute("rgb")).toBe("FF638EC6");
    const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
    const id = rule.getElementsByTagNameNS(X14, "id")[0].textContent;
    const twin = Array.from(doc.getElementsByTagNameNS(X14, "cfRule")).find(
      (r) => r.getAttribute("id") === id,
    )!;
    expect(twin.getElementsByTagNameNS(X14, "dataBar")[0].getAttribute("gradient")).toBe("0");
    expect(expr.getAttribute("sqref")).toBe("A2:A7");
    const er = one(expr, "cfRule");
    expect(er.getAttribute("type")).toBe("expression");
    expect(one(er, "formula").textContent).toBe('$A2="Raggiunto"');
    expect(Number(er.getAttribute("priority"))).toBe(2);
    const dxf = all(dom(styles.toXml()), "dxf")[Number(er.getAttribute("dxfId"))];
    expect(one(dxf, "bgColor").getAttribute("rgb")).toBe("FFC6EFCE");
    expect(one(one(dxf, "font"), "color").getAttribute("rgb")).toBe("FF006100");
  });

  it("cells in any order come out row-major; a later cell at the same address wins", () => {
    const desc = fixture();
    desc.cells = [
      { row: 3, col: 2, content: { kind: "number", value: 1 } },
      { row: 1, col: 3, content: { kind: "number", value: 2 } },
      { row: 1, col: 1, content: { kind: "number", value: 3 } },
      { row: 3, col: 2, content: { kind: "number", value: 4 } },
    ];
    const doc = dom(render(desc).xml);
    expect(all(doc, "c").map((c) => `${c.getAttribute("r")}=${one(c, "v").textContent}`)).toEqual([
      "A1=3",
      "C1=2",
      "B3=4",
    ]);
    expect(() => render({ ...desc, cells: [{ row: 0, col: 1, content: { kind: "empty" } }] })).toThrow(
      /fuori dal foglio/,
    );
  });

  it("dates in the 1900 system (with Excel's 29/02/1900) and the 1904 system", () => {
    // Excel: 1900-01-01 = 1, 1900-02-28 = 59, (29/02/1900 = 60), 1900-03-01 = 61; 1904-01-01 = 0 in 1904.
    expect(dateSerial("1900-01-01", false)).toBe(1);
    expect(dateSerial("1900-02-28", false)).toBe(59);
    expect(dateSerial("1900-03-01", false)).toBe(61);
    expect(dateSerial("2023-12-31", false)).toBe(45291);
    expect(dateSerial("1899-12-31", false)).toBeNull();
    expect(dateSerial("1904-01-01", true)).toBe(0);
    expect(dateSerial("2023-12-31", true)).toBe(45291 - 1462);
    expect(dateSerial("1903-12-31", true)).toBeNull();
    const desc = fixture();
    desc.cells = [
      { row: 1, col: 1, content: { kind: "date", iso: "2023-12-31" }, style: "date" },
      { row: 1, col: 2, content: { kind: "date", iso: "1850-06-01" }, style: "date" },
    ];
    const doc = dom(render(desc, StylesPart.empty(), true).xml);
    expect(one(cellEl(doc, "A1")!, "v").textContent).toBe("43829");
    // Before the workbook's epoch a date cannot be a serial: it is kept as its text.
    expect(cellEl(doc, "B1")!.getAttribute("t")).toBe("inlineStr");
    expect(one(cellEl(doc, "B1")!, "t").textContent).toBe("1850-06-01");
  });

  it("numbers: shortest exact form, E exponent, no -0; non-finite numbers are left empty", () => {
    const desc = fixture();
    const values = [0.1 + 0.2, -0, 1e21, 1.5e-7, -1234567.125, Number.NaN, Infinity];
    desc.cells = values.map((value, i) => ({
      row: 1,
      col: i + 1,
      content: { kind: "number", value },
      style: "num",
    }));
    const doc = dom(render(desc).xml);
    const texts = all(doc, "c").map((c) => one(c, "v")?.textContent ?? null);
    expect(texts).toEqual(["0.30000000000000004", "0", "1E+21", "1.5E-7", "-1234567.125", null, null]);
    expect(texts.slice(0, 5).map(Number)).toEqual(values.slice(0, 5).map((v) => (Object.is(v, -0) ? 0 : v)));
  });

  it("escaping: markup, control characters as _xHHHH_, literal _xHHHH_ protected, spaces preserved", () => {
    const samples = [
      "a < b & c > d \"q\" 'a'",
      "tab\there",
      "bell\u0007 and nul\u0000",
      "cr\r\nlf",
      "_x0041_ stays as typed",
      "  leading and trailing  ",
      "line one\nline two",
      "emoji 😀 and lone \uD800 surrogate",
      "\uFFFE\uFFFF",
    ];
    const desc = fixture();
    desc.cells = samples.map((text, i) => ({ row: i + 1, col: 1, content: { kind: "text", text } }));
    desc.cells.push({
      row: 20,
      col: 1,
      content: { kind: "formula", formula: '="a&b<c"&CHAR(10)', result: "x\u0001y" },
    });
    const { xml } = render(desc);
    expect(xml).toContain("_x0007_");
    expect(xml).toContain("_x005F_x0041_");
    expect(xml).toContain("cr_x000D_\nlf");
    const doc = dom(xml);
    const texts = all(doc, "t");
    samples.forEach((s, i) => {
      expect(decodeXstring(texts[i].textContent ?? "")).toBe(s);
    });
    expect(texts.map((t) => t.getAttribute("xml:space"))).toEqual([
      null,
      null,
      null,
      "preserve",
      null,
      "preserve",
      "preserve",
      null,
      null,
    ]);
    const f = cellEl(doc, "A20")!;
    expect(one(f, "f").textContent).toBe('"a&b<c"&CHAR(10)');
    expect(decodeXstring(one(f, "v").textContent ?? "")).toBe("x\u0001y");
  });

  it("property: any text survives a strict XML parser and Excel's _xHHHH_ decoding unchanged", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 8 }), (texts) => {
        const desc: SheetDescription = {
          name: "P",
          columnWidths: [],
          styles: {},
          cells: texts.map((text, i) => ({ row: i + 1, col: 1, content: { kind: "text", text } })),
          merges: [],
          rowHeights: {},
          pageBreaks: [],
        };
        const doc = dom(joinChunks(renderSheetXml(desc, StylesPart.empty(), { date1904: false }).chunks));
        const out = all(doc, "t").map((t) => decodeXstring(t.textContent ?? ""));
        // Lone surrogates too: they travel as _xD800_ and decode back to the same code unit.
        expect(out).toEqual(texts);
      }),
      { numRuns: 200 },
    );
  });

  it("property: utf8Length counts what TextEncoder writes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
      }),
      { numRuns: 500 },
    );
  });

  it("bytes and chunks hold the same UTF-8 text", () => {
    const desc = fixture();
    const chunks = renderSheetXml(desc, StylesPart.empty(), { date1904: false }).chunks;
    const bytes = renderSheetXmlBytes(desc, StylesPart.empty(), { date1904: false }).bytes;
    expect(Buffer.from(bytes).equals(Buffer.from(joinChunks(chunks), "utf8"))).toBe(true);
    expect(Buffer.from(xmlUtf8(chunks)).equals(Buffer.from(bytes))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Packages: exceljs loads them, LibreOffice prints them
// ---------------------------------------------------------------------------------------------

function argbOf(c: string | undefined): string | undefined {
  return c === undefined ? undefined : `FF${c.toUpperCase()}`;
}

/** Compares every anchor cell of the description with what exceljs read. */
function compareWithExceljs(desc: SheetDescription, ws: ExcelJS.Worksheet): string[] {
  const diffs: string[] = [];
  const byKey = new Map<string, SheetCell>();
  for (const c of desc.cells) byKey.set(`${c.row},${c.col}`, c);
  for (const c of byKey.values()) {
    const cell = ws.getCell(c.row, c.col);
    const where = `${columnLetter(c.col)}${c.row}`;
    if (cell.isMerged && cell.master.address !== cell.address) continue;
    const v = cell.value as unknown;
    const k = c.content;
    let ok = true;
    if (k.kind === "text") ok = v === k.text || (k.text === "" && v === null);
    else if (k.kind === "number") ok = v === k.value;
    else if (k.kind === "boolean") ok = v === k.value;
    else if (k.kind === "date") ok = v instanceof Date && v.toISOString().slice(0, 10) === k.iso;
    else if (k.kind === "empty") ok = v === null;
    else {
      const fv = v as { formula?: string; result?: unknown };
      const falsy = k.result === 0 || k.result === "" || k.result === false || k.result === null;
      ok =
        fv.formula === k.formula.replace(/^=/, "") &&
        (fv.result === k.result || (falsy && fv.result === undefined));
    }
    if (!ok) diffs.push(`${where}: ${JSON.stringify(k)} ≠ ${JSON.stringify(v)}`);
    const st = c.style !== undefined ? desc.styles[c.style] : undefined;
    if (!st) continue;
    const f = cell.font ?? {};
    const got = {
      font: [f.name, f.size, !!f.bold, !!f.italic, f.color?.argb],
      fill: (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb,
      numFmt: cell.numFmt || undefined,
      align: [
        cell.alignment?.horizontal,
        cell.alignment?.vertical,
        !!cell.alignment?.wrapText,
        cell.alignment?.indent || undefined,
      ],
      border: (["top", "bottom", "left", "right"] as const).map((s) => [
        cell.border?.[s]?.style,
        cell.border?.[s]?.color?.argb,
      ]),
    };
    const want = {
      font: [st.font.name, st.font.size, !!st.font.bold, !!st.font.italic, argbOf(st.font.color)],
      fill: argbOf(st.fill),
      numFmt: k.kind === "date" && !st.numberFormat ? "dd/mm/yyyy" : st.numberFormat,
      align: [
        st.alignment?.horizontal,
        st.alignment?.vertical === "middle" ? "middle" : st.alignment?.vertical,
        !!st.alignment?.wrapText,
        st.alignment?.indent || undefined,
      ],
      border: (["top", "bottom", "left", "right"] as const).map((s) => [
        st.border?.[s]?.weight,
        argbOf(st.border?.[s]?.color),
      ]),
    };
    if (JSON.stringify(got) !== JSON.stringify(want))
      diffs.push(`${where} style ${c.style}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  }
  const merges = new Set((ws.model as unknown as { merges: string[] }).merges);
  const wanted = new Set(
    desc.merges.map((m) => `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`),
  );
  if (merges.size !== wanted.size || [...wanted].some((m) => !merges.has(m))) diffs.push("merges differ");
  for (const [r, h] of Object.entries(desc.rowHeights)) {
    if (ws.getRow(Number(r)).height !== Math.min(409.5, h))
      diffs.push(`row ${r} height ${ws.getRow(Number(r)).height} ≠ ${h}`);
  }
  desc.columnWidths.forEach((w, i) => {
    if (w > 0 && ws.getColumn(i + 1).width !== w)
      diffs.push(`column ${i + 1} width ${ws.getColumn(i + 1).width} ≠ ${w}`);
  });
  return diffs;
}

async function packageOf(descs: SheetDescription[], date1904 = false): Promise<Buffer> {
  const styles = StylesPart.empty();
  const sheets = descs.map((d) => {
    const r = renderSheetXml(d, styles, { date1904 });
    return { name: d.name, xml: r.chunks, definedNames: r.definedNames };
  });
  return buildPackage({ sheets, styles: styles.toXml(), date1904 });
}

describe("renderSheetXml in a package", () => {
  const sample = sampleSheets();

  it("exceljs reads the fixture, the 2023 Scheda and the Riepilogo with the same values, styles and merges", async () => {
    const fx = fixture("Prova");
    fx.merges = [fx.merges[0]]; // the ones that are written
    const buf = await packageOf([fx, sample.scheda, sample.riepilogo]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    for (const desc of [fx, sample.scheda, sample.riepilogo]) {
      const ws = wb.getWorksheet(desc.name)!;
      expect({ sheet: desc.name, diffs: compareWithExceljs(desc, ws).slice(0, 10) }).toEqual({
        sheet: desc.name,
        diffs: [],
      });
      expect(ws.pageSetup.orientation).toBe(desc.print?.orientation);
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.scale).toBe(desc.print?.scale);
      expect(ws.pageSetup.margins).toEqual(desc.print?.margins);
      expect(ws.headerFooter.oddFooter).toBe(desc.print?.footer);
      expect(ws.pageSetup.printArea?.replace(/\$/g, "")).toBe(desc.print?.printArea);
    }
    expect(sample.scheda.cells.length).toBeGreaterThan(5000);
  });

  it("1904 workbooks: exceljs reads the same dates", async () => {
    const desc = fixture("D1904");
    desc.cells = [{ row: 1, col: 1, content: { kind: "date", iso: "2023-12-31" }, style: "date" }];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await packageOf([desc], true)) as unknown as ExcelJS.Buffer);
    expect((wb.getWorksheet("D1904")!.getCell("A1").value as Date).toISOString().slice(0, 10)).toBe(
      "2023-12-31",
    );
  });

  const pdfinfo = findExecutable(["pdfinfo"]);
  const pdftotext = findExecutable(["pdftotext"]);
  const itLo = itWithTool(
    "LibreOffice e poppler-utils (soffice, pdfinfo, pdftotext)",
    sofficePath && pdfinfo && pdftotext,
  );

  itLo(
    "LibreOffice prints the 2023 Scheda on exactly the planned pages, recalculates our formulas alike",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "scheda-sheetxml-"));
      const scheda = join(dir, "scheda.xlsx");
      const riepilogo = join(dir, "riepilogo.xlsx");
      const formulas = join(dir, "formule.xlsx");
      writeFileSync(scheda, await packageOf([sample.scheda]));
      writeFileSync(riepilogo, await packageOf([sample.riepilogoPlain]));
      const f: SheetDescription = {
        name: "F",
        columnWidths: [],
        styles: {},
        merges: [],
        rowHeights: {},
        pageBreaks: [],
        cells: [
          { row: 1, col: 1, content: { kind: "number", value: 2 } },
          { row: 1, col: 2, content: { kind: "number", value: 3.5 } },
          { row: 2, col: 1, content: { kind: "formula", formula: "=SUM(A1:B1)*2", result: 0 } },
          { row: 3, col: 1, content: { kind: "formula", formula: '="<a&b>"&"""q"""', result: null } },
          { row: 4, col: 1, content: { kind: "formula", formula: "=A1>B1", result: null } },
          { row: 5, col: 1, content: { kind: "formula", formula: '=LEN("x' + "\r" + 'y")', result: null } },
          { row: 6, col: 1, content: { kind: "text", text: "=A1+1" } },
          { row: 7, col: 1, content: { kind: "text", text: "_x0041_" } },
          { row: 8, col: 1, content: { kind: "date", iso: "2024-02-29" }, style: undefined },
        ],
      };
      writeFileSync(formulas, await packageOf([f]));

      const [schedaPdf, riepilogoPdf] = await convertMany([scheda, riepilogo], "pdf");
      const [csv] = await convertMany([formulas], "csv");

      const pages = (pdf: string) =>
        Number(/Pages:\s+(\d+)/.exec(execFileSync(pdfinfo as string, [pdf], { encoding: "utf8" }))?.[1]);
      expect(pages(schedaPdf)).toBe(sample.scheda.plannedPages);
      const info = execFileSync(pdfinfo as string, [schedaPdf], { encoding: "utf8" });
      expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
      const text = execFileSync(pdftotext as string, ["-layout", schedaPdf, "-"], {
        encoding: "utf8",
        maxBuffer: 64 << 20,
      });
      const n = sample.scheda.plannedPages as number;
      expect(text).toContain(`Pagina ${n} di ${n}`);
      expect(text).toContain("SCHEDA OBIETTIVI");
      const rtext = execFileSync(pdftotext as string, ["-layout", riepilogoPdf, "-"], { encoding: "utf8" });
      expect(rtext).toContain("SETTORE SOCIOEDUCATIVO");
      expect(pages(riepilogoPdf)).toBeGreaterThan(0);

      const lines = readFileSync(csv, "utf8").split(/\r?\n/);
      expect(lines.slice(0, 8)).toEqual([
        "2,3.5",
        "11,",
        '"<a&b>""q""",',
        "FALSE,",
        "3,",
        "=A1+1,",
        "_x0041_,",
        "02/29/2024,",
      ]);
    },
  );
});

describe("renderSheetXml speed", () => {
  it("serialises the Scheda of a 1,000-objective plan (prints the time)", () => {
    const raw = syntheticWorkbook(1000, { seed: 1, texts: syntheticTextsFromSample(loadSampleJson()) });
    const plan = readPlan(raw, { today: TODAY }).plan;
    const desc = layoutScheda(plan, computeRollups(plan), {
      filter: { cdr: [], obiettivi: [] },
      generatedOn: TODAY,
    });
    let best = Infinity;
    let chars = 0;
    let chunks: string[] = [];
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      chunks = renderSheetXml(desc, StylesPart.empty(), { date1904: false }).chunks;
      best = Math.min(best, performance.now() - t0);
    }
    for (const c of chunks) chars += c.length;
    const t1 = performance.now();
    const bytes = xmlUtf8(chunks);
    const encodeMs = performance.now() - t1;
    console.log(
      `Scheda 1.000 obiettivi: ${desc.cells.length} celle, ${desc.merges.length} unioni, ` +
        `${(chars / 1e6).toFixed(1)} M caratteri in ${chunks.length} pezzi; renderSheetXml ${best.toFixed(0)} ms ` +
        `(migliore di 3), UTF-8 ${encodeMs.toFixed(0)} ms, ${(bytes.length / 1e6).toFixed(1)} MB`,
    );
    expect(desc.cells.length).toBeGreaterThan(300000);
    // The whole part is there (ends with the worksheet) and every merge was written.
    expect(chunks[chunks.length - 1].endsWith("</worksheet>")).toBe(true);
    const text = joinChunks(chunks);
    expect(text.split("<mergeCell ").length - 1).toBe(desc.merges.length);
    // Generous bound for a loaded CI machine; the figure that matters is the one printed.
    expect(best).toBeLessThan(5000);
  });
});
