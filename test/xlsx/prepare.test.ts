// prepareSheets: creates what is missing, never touches an existing sheet's data.
import * as ExcelJS from "exceljs";
import { buildTemplate } from "../../src/domain/template/template";
import { FASI_COLUMNS, OBIETTIVI_COLUMNS, PARAMETRI } from "../../src/domain/model/schema";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { loadSampleJson } from "../helpers/sample";
import { editCells, exceljsBytes, exceljsOf, partsOf } from "../helpers/xlsxFiles";

type Snapshot = Map<string, string>;

function snapshotSheet(ws: ExcelJS.Worksheet): Snapshot {
  const out: Snapshot = new Map();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      out.set(cell.address, JSON.stringify([cell.value, cell.numFmt ?? null, cell.style]));
    });
  });
  return out;
}

async function reload(host: XlsxHost): Promise<{ wb: ExcelJS.Workbook; bytes: Buffer }> {
  const bytes = Buffer.from(await host.toBuffer());
  return { wb: await exceljsOf(bytes), bytes };
}

/** Every table part: name, ref, column names; and the header cells under it. */
async function tablesOf(bytes: Buffer, wb: ExcelJS.Workbook) {
  const all = await partsOf(bytes);
  const parts = [...all.keys()].filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n)).sort();
  return parts.map((p) => {
    const xml = all.get(p)?.toString("utf8") ?? "";
    const name = /<table [^>]*\bname="([^"]+)"/.exec(xml)?.[1] ?? "";
    const ref = /<table [^>]*\bref="([^"]+)"/.exec(xml)?.[1] ?? "";
    const id = /<table [^>]*\bid="(\d+)"/.exec(xml)?.[1] ?? "";
    const columns = [...xml.matchAll(/<tableColumn [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const sheet = wb.worksheets.find((ws) =>
      Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables).includes(name),
    );
    return { name, ref, id, columns, sheet };
  });
}

describe("prepareSheets", () => {
  it("creates the four sheets and tables in an empty workbook, Parametri with its defaults", async () => {
    const host = await XlsxHost.createEmpty();
    const result = await host.prepareSheets(buildTemplate(2025), { fillRows: false });
    expect(result).toEqual({
      createdSheets: ["Parametri", "Obiettivi", "Fasi", "Indicatori"],
      createdTables: ["tblParametri", "tblObiettivi", "tblFasi", "tblIndicatori"],
    });
    const { wb, bytes } = await reload(host);
    const par = wb.getWorksheet("Parametri") as ExcelJS.Worksheet;
    expect(PARAMETRI.map((_p, i) => par.getCell(`A${i + 2}`).value)).toEqual(PARAMETRI.map((p) => p.label));
    expect(par.getCell("B7").value).toBe(50);
    expect(par.getCell("B2").value).toBeNull();
    const fasi = wb.getWorksheet("Fasi") as ExcelJS.Worksheet;
    expect(fasi.getRow(1).values).toEqual([undefined, ...FASI_COLUMNS.map((c) => c.header)]);
    expect(fasi.getCell("A1").font).toMatchObject({ name: "Calibri", bold: true });
    expect(fasi.getCell("A1").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(fasi.getColumn(3).numFmt).toBe("dd/mm/yyyy");
    expect(fasi.getColumn(7).numFmt).toBe("0.00");
    expect(fasi.getColumn(2).width).toBeGreaterThan(30);
    expect(await (await XlsxHost.fromBuffer(bytes)).isEmptyWorkbook()).toBe(true);
    // The Nucleo's columns: Grado Validato % a number 0–100, Motivazione Validazione text
    const ob = wb.getWorksheet("Obiettivi") as ExcelJS.Worksheet;
    expect([ob.getCell("N1").value, ob.getCell("O1").value]).toEqual([
      "Grado Validato %",
      "Motivazione Validazione",
    ]);
    expect(ob.getColumn(14).numFmt).toBe("0.00");
    expect(ob.getCell("N2").dataValidation).toMatchObject({ type: "decimal", formulae: [0, 100] });

    const tables = await tablesOf(bytes, wb);
    expect(tables.map((t) => [t.name, t.ref])).toEqual([
      ["tblParametri", `A1:B${PARAMETRI.length + 1}`],
      ["tblObiettivi", "A1:O2"],
      ["tblFasi", "A1:K2"],
      ["tblIndicatori", "A1:J2"],
    ]);
    expect(new Set(tables.map((t) => t.id)).size).toBe(4);
    for (const t of tables) {
      const header = t.sheet?.getRow(1);
      expect(t.columns).toEqual(t.columns.map((_c, i) => header?.getCell(i + 1).value));
      // A table's own filter only: no sheet-level autoFilter overlapping it.
      expect(t.sheet?.autoFilter).toBeFalsy();
    }
  });

  it("never touches existing sheets; lays a table over matching headers; fills a blank sheet", async () => {
    const headers = OBIETTIVI_COLUMNS.map((c) => c.header).filter((h) => h !== "Peso");
    headers.push("Mia colonna");
    const input = await exceljsBytes((wb0) => {
      const ob = wb0.addWorksheet("Obiettivi");
      ob.getRow(1).values = headers;
      ob.getRow(1).font = { name: "Arial", size: 9, italic: true };
      ob.getRow(2).values = ["OB1", "=non formula", null, "CDR", "Rossi"];
      ob.getCell("E3").value = { formula: "E2", result: "Rossi" };
      ob.getCell("A3").value = "OB2";
      const fasi = wb0.addWorksheet("Fasi");
      fasi.getCell("A1").value = "Appunti sparsi";
      fasi.getCell("C5").value = 42;
      wb0.addWorksheet("Indicatori");
      wb0.addWorksheet("Note").getCell("B2").value = "lasciami stare";
    });
    const before = await exceljsOf(input);

    const loaded = await XlsxHost.fromBuffer(input);
    const result = await loaded.prepareSheets(buildTemplate(2025), { fillRows: false });
    expect(result).toEqual({
      createdSheets: ["Parametri"],
      createdTables: ["tblParametri", "tblObiettivi", "tblIndicatori"],
    });
    const { wb, bytes } = await reload(loaded);
    for (const name of ["Obiettivi", "Fasi", "Note"]) {
      expect(snapshotSheet(wb.getWorksheet(name) as ExcelJS.Worksheet)).toEqual(
        snapshotSheet(before.getWorksheet(name) as ExcelJS.Worksheet),
      );
    }
    const tables = await tablesOf(bytes, wb);
    const tbl = tables.find((t) => t.name === "tblObiettivi");
    expect(tbl?.ref).toBe(`A1:${String.fromCharCode(64 + headers.length)}3`);
    expect(tbl?.columns).toEqual(headers);
    expect(tables.find((t) => t.name === "tblFasi")).toBeUndefined();
    expect((wb.getWorksheet("Indicatori") as ExcelJS.Worksheet).getCell("A1").value).toBe("Obiettivo");
    // Parametri is appended after the existing sheets.
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Obiettivi",
      "Fasi",
      "Indicatori",
      "Note",
      "Parametri",
    ]);

    // A second run finds everything in place and changes nothing.
    const again = await XlsxHost.fromBuffer(bytes);
    expect(await again.prepareSheets(buildTemplate(2025), { fillRows: false })).toEqual({
      createdSheets: [],
      createdTables: [],
    });
    const { wb: wb2 } = await reload(again);
    for (const ws of wb.worksheets) {
      expect(snapshotSheet(wb2.getWorksheet(ws.name) as ExcelJS.Worksheet)).toEqual(snapshotSheet(ws));
    }
  });

  it("does not create a table whose name another sheet already uses", async () => {
    const host = await XlsxHost.fromBuffer(
      await exceljsBytes((wb) => {
        const other = wb.addWorksheet("Vecchio");
        other.getCell("A1").value = "X";
        other.addTable({ name: "tblFasi", ref: "A1", columns: [{ name: "X" }], rows: [["a"]] });
      }),
    );
    const result = await host.prepareSheets(buildTemplate(2025), { fillRows: false });
    expect(result.createdTables).not.toContain("tblFasi");
    expect(result.createdSheets).not.toContain("Fasi");
  });

  it("with fillRows writes text as text, dates as dates and numbers as numbers", async () => {
    const template = buildTemplate(2025);
    const fasiSpec = template.tables.find((t) => t.table === "tblFasi");
    if (!fasiSpec) throw new Error("tblFasi missing");
    fasiSpec.rows = [
      ["OB1", "=SOMMA(A1)", new Date(Date.UTC(2025, 0, 31)), null, null, null, 25, "+3", "@rossi", "-", null],
    ];
    const host = await XlsxHost.createEmpty();
    await host.prepareSheets(template, { fillRows: true });
    const { wb } = await reload(host);
    const row = (wb.getWorksheet("Fasi") as ExcelJS.Worksheet).getRow(2);
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(2).value).toBe("=SOMMA(A1)");
    expect((row.getCell(3).value as Date).toISOString()).toBe("2025-01-31T00:00:00.000Z");
    expect(row.getCell(7).value).toBe(25);
    expect(row.getCell(8).value).toBe("+3");
    expect(row.getCell(9).value).toBe("@rossi");
    expect(row.getCell(10).value).toBe("-");
  });
});

describe("prepareSheets list validations", () => {
  it("leaves out a list longer than Excel's 255-character limit instead of writing a file Excel repairs", async () => {
    const template = buildTemplate(2025);
    const ind = template.tables.find((t) => t.table === "tblIndicatori");
    const tipo = ind?.columns.find((c) => c.header === "Tipo");
    if (!tipo) throw new Error("Tipo missing");
    tipo.validation = { type: "list", values: Array.from({ length: 40 }, (_, i) => `TIPO NUMERO ${i}`) };
    const host = await XlsxHost.createEmpty();
    await host.prepareSheets(template, { fillRows: false });
    const { wb } = await reload(host);
    const model = (
      wb.getWorksheet("Indicatori") as unknown as {
        dataValidations: { model: Record<string, { type: string }> };
      }
    ).dataValidations.model;
    expect(model.C2).toBeUndefined();
    expect(model.D2).toMatchObject({ type: "list" });
  });
});

describe("Carica esempio after Prepara fogli", () => {
  it("fills the prepared empty tables with the sample; Parametri keeps what the user typed", async () => {
    const { SchedaService } = await import("../../src/app/service");
    const { readPlan } = await import("../../src/domain/reading/reader");
    const json = loadSampleJson();
    const prepared = await XlsxHost.createEmpty();
    await new SchedaService(prepared).prepare();
    // The user types the Ente before loading the example.
    const host = await XlsxHost.fromBuffer(
      await editCells(await prepared.toBuffer(), [
        { sheet: "Parametri", row: 2, col: 2, value: "Comune di Prova" },
      ]),
    );
    const service = new SchedaService(host, { loadSample: async () => json, today: () => "2024-03-31" });
    const loaded = await service.loadSample();
    expect(loaded.createdTables.sort()).toEqual(["tblFasi", "tblIndicatori", "tblObiettivi"]);
    const reopened = await XlsxHost.fromBuffer(await host.toBuffer());
    const read = readPlan(await reopened.readWorkbook(), { today: "2024-03-31" });
    expect(read.problems).toEqual([]);
    expect([read.plan.obiettivi.length, read.plan.fasi.length, read.plan.indicatori.length]).toEqual([
      33, 80, 48,
    ]);
    expect(read.plan.parametri).toMatchObject({
      ente: "Comune di Prova",
      anno: 2023,
      vista: json.header.vista,
    });
    expect(reopened.document.info.sheets.map((w) => w.name)).toEqual([
      "Parametri",
      "Obiettivi",
      "Fasi",
      "Indicatori",
    ]);
    // A second Carica esempio is refused: the workbook now has data.
    await expect(service.loadSample()).rejects.toThrow(/solo in una cartella senza dati/);
  });
});
