// readWorkbook: every kind of cell a file can hold, tables of exceljs files and of Excel-style files.
import * as ExcelJS from "exceljs";
import type { RawSheet } from "../../src/domain/model/raw";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { editParts, exceljsBytes, partText } from "../helpers/xlsxFiles";

function at(sheet: RawSheet, row: number, col: number) {
  return sheet.values[row - sheet.originRow]?.[col - sheet.originCol] ?? null;
}
function fmtAt(sheet: RawSheet, row: number, col: number) {
  return sheet.numberFormats?.[row - sheet.originRow]?.[col - sheet.originCol];
}

async function sourceWorkbook(): Promise<Buffer> {
  return exceljsBytes(fill);
}

function fill(wb: ExcelJS.Workbook): void {
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
  wb.addWorksheet("Parametri");
}

/** What Excel writes: no headerRowCount (default 1), no filterColumn for unfiltered columns. */
function excelStyle(xlsx: Buffer): Promise<Buffer> {
  return editParts(xlsx, (name, text) =>
    name.startsWith("xl/tables/")
      ? text
          .replace(/ headerRowCount="1"/, "")
          .replace(/ totalsRowShown="1"/, ' totalsRowShown="0"')
          .replace(/<filterColumn [^>]*\/>/g, "")
      : null,
  );
}

describe("readWorkbook", () => {
  for (const [label, transform] of [
    ["exceljs file", async (b: Buffer) => b],
    ["Excel-style table XML", excelStyle],
  ] as const) {
    it(`reads values, formats and the table (${label})`, async () => {
      const host = await XlsxHost.fromBuffer(await transform(await sourceWorkbook()));
      const raw = await host.readWorkbook();
      // Only the input sheets are read (the generated ones and the user's others are not input).
      expect(raw.sheets.map((s) => s.name)).toEqual(["Fasi", "Parametri"]);
      expect(raw.date1904).toBe(false);
      const fasi = raw.sheets[0];
      expect([fasi.originRow, fasi.originCol]).toEqual([3, 2]);
      expect(fasi.tables).toEqual([
        {
          name: "tblFasi",
          headerRow: 3,
          firstCol: 2,
          lastCol: 5,
          lastRow: 6,
          columns: ["Obiettivo", "Peso", "Fine Prevista", "Note"],
        },
      ]);
      expect(at(fasi, 3, 2)).toBe("Obiettivo");
      expect(at(fasi, 4, 3)).toBe(0.33);
      expect(fmtAt(fasi, 4, 3)).toBe("0%");
      // A date cell is its serial number with its date format, as Office.js hands it.
      expect(at(fasi, 4, 4)).toBe(45291);
      expect(fmtAt(fasi, 4, 4)).toBe("dd/mm/yyyy");
      expect(at(fasi, 4, 5)).toBe("ricco testo");
      expect(at(fasi, 5, 2)).toEqual({ error: "#N/A" });
      expect(at(fasi, 5, 3)).toBe(33);
      // A formula saved without its value: the reader must say so, not take it for empty.
      expect(at(fasi, 5, 4)).toEqual({ uncachedFormula: "TODAY()" });
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
      expect(raw.sheets[1]).toMatchObject({ name: "Parametri", values: [], tables: [] });
    });
  }

  it("saving an Excel-style file leaves its table part byte for byte", async () => {
    const input = await excelStyle(await sourceWorkbook());
    const host = await XlsxHost.fromBuffer(input);
    const out = Buffer.from(await host.toBuffer());
    const xml = (await partText(out, "xl/tables/table1.xml")) ?? "";
    expect(xml).toMatch(/name="tblFasi"/);
    expect(xml).toBe(await partText(input, "xl/tables/table1.xml"));
    const again = await (await XlsxHost.fromBuffer(out)).readWorkbook();
    expect(again.sheets[0].tables[0]).toMatchObject({ headerRow: 3, lastRow: 6 });
  });

  it("isEmptyWorkbook: true with headers only, false as soon as an input sheet has a data row", async () => {
    expect(await (await hostWith({})).isEmptyWorkbook()).toBe(true);
    expect(await (await hostWith({ A2: "   " })).isEmptyWorkbook()).toBe(true);
    expect(await (await hostWith({ B2: "OB1" })).isEmptyWorkbook()).toBe(false);
  });
});

async function hostWith(cells: Record<string, string>): Promise<XlsxHost> {
  return XlsxHost.fromBuffer(
    await exceljsBytes((wb) => {
      const ob = wb.addWorksheet("Obiettivi");
      ob.getCell("A1").value = "Codice";
      for (const [addr, v] of Object.entries(cells)) ob.getCell(addr).value = v;
      wb.addWorksheet("Altro").getCell("A5").value = "dati altrove";
    }),
  );
}
