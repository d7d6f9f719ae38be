// renderSheet: a SheetDescription written by XlsxHost, saved, and read back with a fresh exceljs load.
import * as ExcelJS from "exceljs";
import type { SheetDescription } from "../../src/domain/model/sheet";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { exceljsBytes, partText } from "../helpers/xlsxFiles";

const FONT = { name: "Calibri", size: 11 };

function fixture(name = "Scheda"): SheetDescription {
  return {
    name,
    columnWidths: [30, 12.5, 8],
    styles: {
      title: { font: { ...FONT, size: 14, bold: true, color: "1F3864" }, fill: "DDEBF7" },
      boxed: {
        font: FONT,
        border: { top: { weight: "thin", color: "000000" }, bottom: { weight: "medium", color: "FF0000" } },
        alignment: { horizontal: "center", vertical: "top", wrapText: true },
      },
      num: { font: FONT, numberFormat: "0.00" },
      date: { font: FONT, numberFormat: "dd/mm/yyyy" },
    },
    cells: [
      { row: 1, col: 1, content: { kind: "text", text: "SCHEDA OBIETTIVI" }, style: "title" },
      { row: 2, col: 1, content: { kind: "text", text: "=SUM(B1:B3)" } },
      { row: 3, col: 1, content: { kind: "text", text: "+39 02 1234" } },
      { row: 4, col: 1, content: { kind: "text", text: "-5" } },
      { row: 5, col: 1, content: { kind: "text", text: "@utente" } },
      { row: 2, col: 2, content: { kind: "number", value: 33.5 }, style: "num" },
      { row: 3, col: 2, content: { kind: "date", iso: "2023-12-31" }, style: "date" },
      { row: 4, col: 2, content: { kind: "boolean", value: true } },
      { row: 5, col: 2, content: { kind: "formula", formula: "=B2*2", result: 67 }, style: "num" },
      { row: 6, col: 2, content: { kind: "formula", formula: '=IF(B2>50,"Sì","No")', result: "No" } },
      { row: 7, col: 2, content: { kind: "formula", formula: "=NA()", result: null } },
      { row: 10, col: 1, content: { kind: "text", text: "Titolo unito" }, style: "boxed" },
      { row: 10, col: 3, content: { kind: "empty" }, style: "boxed" },
    ],
    merges: [{ top: 10, left: 1, bottom: 11, right: 3 }],
    rowHeights: { 1: 24, 10: 45.75 },
    pageBreaks: [20, 40],
    print: {
      paperSize: "A4",
      orientation: "landscape",
      scale: 85,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.25 },
      footer: "&CPagina &P di &N",
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
    freeze: { rows: 2, cols: 1 },
    showGridLines: false,
    definedNames: [{ name: "pegProva", refersTo: "=Scheda!$B$2" }],
  };
}

async function roundTrip(host: XlsxHost): Promise<{ wb: ExcelJS.Workbook; bytes: Uint8Array }> {
  const bytes = await host.toBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return { wb, bytes };
}

describe("renderSheet", () => {
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;

  beforeAll(async () => {
    const host = await XlsxHost.createEmpty();
    await host.renderSheet(fixture());
    ({ wb, bytes } = await roundTrip(host));
    ws = wb.getWorksheet("Scheda") as ExcelJS.Worksheet;
  });

  it("keeps text that looks like a formula as a string cell", () => {
    for (const [addr, text] of [
      ["A2", "=SUM(B1:B3)"],
      ["A3", "+39 02 1234"],
      ["A4", "-5"],
      ["A5", "@utente"],
    ]) {
      const cell = ws.getCell(addr);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
    }
  });

  it("writes numbers, dates, booleans and formulas with their cached results", () => {
    expect(ws.getCell("B2").value).toBe(33.5);
    const date = ws.getCell("B3").value as Date;
    expect(date).toBeInstanceOf(Date);
    expect(date.toISOString().slice(0, 10)).toBe("2023-12-31");
    expect(ws.getCell("B3").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("B4").value).toBe(true);
    expect(ws.getCell("B5").value).toEqual({ formula: "B2*2", result: 67 });
    expect(ws.getCell("B6").value).toEqual({ formula: 'IF(B2>50,"Sì","No")', result: "No" });
    expect((ws.getCell("B7").value as ExcelJS.CellFormulaValue).formula).toBe("NA()");
  });

  it("applies fonts (always with name and size), fills, borders, alignment and number formats", () => {
    const title = ws.getCell("A1");
    expect(title.font).toMatchObject({ name: "Calibri", size: 14, bold: true, color: { argb: "FF1F3864" } });
    expect(title.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    const boxed = ws.getCell("A10");
    expect(boxed.border.top).toMatchObject({ style: "thin" });
    expect(boxed.border.bottom).toMatchObject({ style: "medium", color: { argb: "FFFF0000" } });
    expect(boxed.alignment).toMatchObject({ horizontal: "center", vertical: "top", wrapText: true });
    expect(ws.getCell("B2").numFmt).toBe("0.00");
    expect(ws.getCell("B2").font).toMatchObject({ name: "Calibri", size: 11 });
    // The merged-away cell C10 keeps its own border (merging did not copy A10's style over it).
    expect(ws.getCell("C10").border.bottom).toMatchObject({ style: "medium" });
  });

  it("merges, widths and heights", () => {
    expect(ws.getCell("A10").isMerged).toBe(true);
    expect(ws.getCell("C11").isMerged).toBe(true);
    expect(ws.getCell("C11").master.address).toBe("A10");
    expect(ws.getCell("D10").isMerged).toBe(false);
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getColumn(2).width).toBe(12.5);
    expect(ws.getRow(1).height).toBe(24);
    expect(ws.getRow(10).height).toBe(45.75);
  });

  it("print setup: A4, orientation, fixed scale, margins, print area, header and footer", async () => {
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.scale).toBe(85);
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    expect(ws.pageSetup.margins).toEqual({
      left: 0.5,
      right: 0.4,
      top: 0.6,
      bottom: 0.7,
      header: 0.3,
      footer: 0.25,
    });
    expect(ws.pageSetup.printArea).toBe("A1:C60");
    const book = (await partText(bytes, "xl/workbook.xml")) ?? "";
    expect(book).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="0">Scheda!\$A\$1:\$C\$60</);
    expect(ws.pageSetup.horizontalCentered).toBe(true);
    expect(ws.headerFooter.oddFooter).toBe("&CPagina &P di &N");
    expect(ws.headerFooter.oddHeader).toBe("&LScheda PEG");
  });

  it("writes the manual page breaks (exceljs does not read them back: checked in the sheet XML)", async () => {
    const xml = (await partText(bytes, "xl/worksheets/sheet1.xml")) ?? "";
    const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    expect(breaks).toEqual([20, 40]);
    expect(xml).toMatch(/<rowBreaks count="2" manualBreakCount="2">/);
    expect(xml).not.toMatch(/max="16838"/);
  });

  it("freeze panes, gridlines, conditional formats and defined names", () => {
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2, showGridLines: false });
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] })
      .conditionalFormattings;
    expect(cfs.map((c) => [c.ref, c.rules[0].type])).toEqual([
      ["B2:B7", "dataBar"],
      ["A2:A7", "expression"],
    ]);
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    expect(names).toContainEqual({ name: "pegProva", ranges: ["Scheda!$B$2"] });
  });
});

describe("renderSheet replaces a sheet in place", () => {
  it("keeps the position of the sheet it replaces and drops its old content", async () => {
    const host = await XlsxHost.fromBuffer(
      await exceljsBytes((wb) => {
        wb.addWorksheet("Obiettivi").getCell("A1").value = "Codice";
        wb.addWorksheet("Scheda").getCell("Z99").value = "vecchio";
        wb.addWorksheet("Fasi");
      }),
    );
    await host.renderSheet(fixture());
    await host.renderSheet(fixture("Riepilogo"));
    const { wb } = await roundTrip(host);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Obiettivi", "Scheda", "Fasi", "Riepilogo"]);
    const scheda = wb.getWorksheet("Scheda") as ExcelJS.Worksheet;
    expect(scheda.getCell("Z99").value).toBeNull();
    expect(scheda.getCell("A1").value).toBe("SCHEDA OBIETTIVI");
    expect(wb.getWorksheet("Obiettivi")?.getCell("A1").value).toBe("Codice");
  });

  it("keeps the print area absolute when a loaded file is saved again", async () => {
    const a = await XlsxHost.createEmpty();
    await a.renderSheet(fixture());
    const again = await XlsxHost.fromBuffer(await a.toBuffer());
    const book = (await partText(await again.toBuffer(), "xl/workbook.xml")) ?? "";
    expect(book).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="0">Scheda!\$A\$1:\$C\$60</);
  });

  it("rendering twice gives identical sheet XML", async () => {
    const a = await XlsxHost.createEmpty();
    await a.renderSheet(fixture());
    const host = await XlsxHost.fromBuffer(await a.toBuffer());
    await host.renderSheet(fixture());
    const x1 = await partText(await a.toBuffer(), "xl/worksheets/sheet1.xml");
    // Replaced in place: the same part holds the new sheet.
    const sheetXml = await partText(await host.toBuffer(), "xl/worksheets/sheet1.xml");
    // exceljs gives each data bar a fresh random id: compare with ids masked.
    const mask = (s: string | undefined) => (s ?? "").replace(/\{[0-9A-F-]{36}\}/g, "{ID}");
    expect(x1).toContain("<c r=");
    expect(mask(sheetXml ?? undefined)).toBe(mask(x1 ?? undefined));
  });
});

describe("renderSheet merges", () => {
  it("registers thousands of merges quickly (exceljs's mergeCells is quadratic) and reads them back", async () => {
    const base = fixture("Grande");
    const merges = Array.from({ length: 6000 }, (_, i) => ({
      top: 100 + i,
      left: 1,
      bottom: 100 + i,
      right: 3,
    }));
    const cells = merges.map((m, i) => ({
      row: m.top,
      col: 1,
      content: { kind: "text" as const, text: `riga ${i}` },
    }));
    const host = await XlsxHost.createEmpty();
    const start = Date.now();
    await host.renderSheet({
      ...base,
      cells: [...base.cells, ...cells],
      merges: [...base.merges, ...merges],
    });
    expect(Date.now() - start).toBeLessThan(3000);
    const bytes = await host.toBuffer();
    const xml = (await partText(bytes, "xl/worksheets/sheet1.xml")) ?? "";
    expect([...xml.matchAll(/<mergeCell ref="([^"]+)"/g)]).toHaveLength(6001);
    expect(xml).toContain('<mergeCell ref="A6099:C6099"/>');
    // exceljs (the inspector here) reads the cells back.
    const wb = await new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Grande") as ExcelJS.Worksheet;
    expect(ws.getCell("A6099").value).toBe("riga 5999");
  });

  it("skips a merge that overlaps an earlier one instead of writing a file Excel would repair", async () => {
    const host = await XlsxHost.createEmpty();
    await host.renderSheet({
      ...fixture("Sovrapposte"),
      merges: [
        { top: 1, left: 1, bottom: 2, right: 2 },
        { top: 2, left: 2, bottom: 3, right: 3 },
        { top: 5, left: 1, bottom: 5, right: 2 },
      ],
    });
    const { wb } = await roundTrip(host);
    const ws = wb.getWorksheet("Sovrapposte") as ExcelJS.Worksheet;
    expect((ws as unknown as { model: { merges: string[] } }).model.merges.sort()).toEqual([
      "A1:B2",
      "A5:B5",
    ]);
  });
});
