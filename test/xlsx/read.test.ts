// readWorkbook: every kind of cell exceljs can hand us, tables of exceljs files and of Excel-style files.
import * as ExcelJS from "exceljs";
import { readZipEntry } from "../../src/cli/zip";
import type { RawSheet } from "../../src/domain/raw";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { rezip } from "./zipWriter";

function at(sheet: RawSheet, row: number, col: number) {
  return sheet.values[row - sheet.originRow]?.[col - sheet.originCol] ?? null;
}
function fmtAt(sheet: RawSheet, row: number, col: number) {
  return sheet.numberFormats?.[row - sheet.originRow]?.[col - sheet.originCol];
}

async function sourceWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Fasi");
  ws.getCell("B3").value = "Obiettivo";
  ws.getCell("C3").value = "Peso";
  ws.getCell("D3").value = "Fine Prevista";
  ws.getCell("E3").value = "Note";
  ws.getCell("B4").value = "OB1";
  ws.getCell("C4").value = 0.33;
  ws.getCell("C4").numFmt = "0%";
  ws.getCell("D4").value = new Date(Date.UTC(2023, 11, 31));
  ws.getCell("D4").numFmt = "dd/mm/yyyy";
  ws.getCell("E4").value = { richText: [{ text: "ricco " }, { font: { bold: true }, text: "testo" }] };
  ws.getCell("B5").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("C5").value = { formula: "C4*100", result: 33 } as ExcelJS.CellFormulaValue;
  ws.getCell("D5").value = { formula: "TODAY()" } as ExcelJS.CellFormulaValue;
  ws.getCell("F4").value = { formula: "0*1", result: 0 } as ExcelJS.CellFormulaValue;
  ws.getCell("F5").value = { formula: '""&""', result: "" } as ExcelJS.CellFormulaValue;
  ws.getCell("F6").value = { formula: "1=2", result: false } as ExcelJS.CellFormulaValue;
  ws.getCell("E5").value = { text: "sito", hyperlink: "https://example.org" };
  ws.getCell("B6").value = true;
  ws.getCell("C6").value = "=non una formula";
  ws.addTable({
    name: "tblFasi",
    ref: "B3",
    headerRow: true,
    columns: [{ name: "Obiettivo" }, { name: "Peso" }, { name: "Fine Prevista" }, { name: "Note" }],
    rows: [],
  });
  // addTable rewrote B3:E3 only; extend to the three data rows as a loaded file would have it.
  const t = (
    ws as unknown as { tables: Record<string, { table: { tableRef: string; autoFilterRef: string } }> }
  ).tables.tblFasi.table;
  t.tableRef = "B3:E6";
  t.autoFilterRef = "B3:E6";
  ws.getCell("H10").value = "fuori";
  ws.mergeCells("G12:H13");
  ws.getCell("G12").value = "unito";
  wb.addWorksheet("Scheda").getCell("A1").value = "generato";
  wb.addWorksheet("Riepilogo").getCell("A1").value = "generato";
  wb.addWorksheet("Vuoto");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What Excel writes: no headerRowCount (default 1), no filterColumn for unfiltered columns. */
function excelStyle(xlsx: Buffer): Buffer {
  return rezip(xlsx, (name, data) => {
    if (!name.startsWith("xl/tables/")) return null;
    return Buffer.from(
      data
        .toString("utf8")
        .replace(/ headerRowCount="1"/, "")
        .replace(/ totalsRowShown="1"/, ' totalsRowShown="0"')
        .replace(/<filterColumn [^>]*\/>/g, ""),
    );
  });
}

describe("readWorkbook", () => {
  for (const [label, transform] of [
    ["exceljs file", (b: Buffer) => b],
    ["Excel-style table XML", excelStyle],
  ] as const) {
    it(`reads values, formats and the table (${label})`, async () => {
      const host = await XlsxHost.fromBuffer(transform(await sourceWorkbook()));
      const raw = await host.readWorkbook();
      expect(raw.sheets.map((s) => s.name)).toEqual(["Fasi", "Vuoto"]);
      const fasi = raw.sheets[0];
      expect([fasi.originRow, fasi.originCol]).toEqual([3, 2]);
      expect(fasi.tables).toEqual([{ name: "tblFasi", headerRow: 3, firstCol: 2, lastCol: 5, lastRow: 6 }]);
      expect(at(fasi, 3, 2)).toBe("Obiettivo");
      expect(at(fasi, 4, 3)).toBe(0.33);
      expect(fmtAt(fasi, 4, 3)).toBe("0%");
      const date = at(fasi, 4, 4);
      expect(date).toBeInstanceOf(Date);
      expect((date as Date).toISOString().slice(0, 10)).toBe("2023-12-31");
      expect(fmtAt(fasi, 4, 4)).toBe("dd/mm/yyyy");
      expect(at(fasi, 4, 5)).toBe("ricco testo");
      expect(at(fasi, 5, 2)).toEqual({ error: "#N/A" });
      expect(at(fasi, 5, 3)).toBe(33);
      expect(at(fasi, 5, 4)).toBeNull();
      expect(at(fasi, 5, 5)).toBe("sito");
      expect(at(fasi, 6, 2)).toBe(true);
      // Falsy cached results are values too (exceljs's cell.value would drop them).
      expect(at(fasi, 4, 6)).toBe(0);
      expect(at(fasi, 6, 6)).toBe(false);
      expect(at(fasi, 6, 3)).toBe("=non una formula");
      expect(fmtAt(fasi, 6, 3)).toBe("General");
      expect(at(fasi, 10, 8)).toBe("fuori");
      // A merged range reads its value once, at its top-left cell.
      expect(at(fasi, 12, 7)).toBe("unito");
      expect(at(fasi, 13, 8)).toBeNull();
      expect(fasi.values).toHaveLength(12 - 3 + 1); // rows 3..12: the merged-away row 13 holds no value
      expect(fasi.values.every((r) => r.length === 8 - 2 + 1)).toBe(true);
      expect(at(fasi, 5, 6)).toBeNull();
      expect(raw.sheets[1]).toMatchObject({ name: "Vuoto", values: [], tables: [] });
    });
  }

  it("saving an Excel-style file keeps the table's header row and filter buttons", async () => {
    const host = await XlsxHost.fromBuffer(excelStyle(await sourceWorkbook()));
    const out = Buffer.from(await host.toBuffer());
    const xml = readZipEntry(out, "xl/tables/table1.xml")?.toString("utf8") ?? "";
    expect(xml).toMatch(/name="tblFasi"/);
    expect(xml).not.toMatch(/headerRowCount="0"/);
    expect(xml).not.toMatch(/hiddenButton="1"/);
    const again = await (await XlsxHost.fromBuffer(out)).readWorkbook();
    expect(again.sheets[0].tables[0]).toMatchObject({ headerRow: 3, lastRow: 6 });
  });

  it("isEmptyWorkbook: true with headers only, false as soon as an input sheet has a data row", async () => {
    const host = XlsxHost.createEmpty();
    const ob = host.workbook.addWorksheet("Obiettivi");
    ob.getCell("A1").value = "Codice";
    host.workbook.addWorksheet("Altro").getCell("A5").value = "dati altrove";
    expect(await host.isEmptyWorkbook()).toBe(true);
    ob.getCell("A2").value = "   ";
    expect(await host.isEmptyWorkbook()).toBe(true);
    ob.getCell("B2").value = "OB1";
    expect(await host.isEmptyWorkbook()).toBe(false);
  });
});
