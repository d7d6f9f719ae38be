// writeRollups: computed columns join the tables, input cells stay exactly as they were, twice = once.
import * as ExcelJS from "exceljs";
import type { RollupWritePlan, SheetDescription } from "../../src/domain/model/sheet";
import { buildSample } from "../../src/domain/template/template";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { loadSampleJson } from "../helpers/sample";
import { editParts, exceljsBytes, partText } from "../helpers/xlsxFiles";

const json = loadSampleJson();
const nObiettivi = json.obiettivi.length;
const nFasi = json.obiettivi.reduce((n, o) => n + o.fasi.length, 0);
const nIndicatori = json.obiettivi.reduce((n, o) => n + o.indicatori.length, 0);

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

const riepilogo: SheetDescription = {
  name: "Riepilogo",
  columnWidths: [30, 10],
  styles: { h: { font: { name: "Calibri", size: 11, bold: true } } },
  cells: [
    { row: 1, col: 1, content: { kind: "text", text: "Gruppo" }, style: "h" },
    { row: 1, col: 2, content: { kind: "text", text: "Obiettivi" }, style: "h" },
    { row: 2, col: 1, content: { kind: "text", text: "SETTORE SOCIOEDUCATIVO" } },
    {
      row: 2,
      col: 2,
      content: { kind: "formula", formula: "=COUNTA(tblObiettivi[Codice])", result: nObiettivi },
    },
  ],
  merges: [],
  rowHeights: {},
  pageBreaks: [],
  conditionalFormats: [{ type: "dataBar", range: "B2:B2", color: "638EC6" }],
};

function plan(): RollupWritePlan {
  return {
    computed: [
      {
        sheet: "Obiettivi",
        table: "tblObiettivi",
        headerRow: 1,
        firstRow: 2,
        lastRow: 1 + nObiettivi,
        columns: [
          {
            header: "Avanzamento Fasi %",
            col: 16,
            formulas: range(nObiettivi).map((i) => `=ROW(A${i + 2})*1.5`),
            results: range(nObiettivi).map((i) => (i + 2) * 1.5),
            numberFormat: "0.00",
          },
          {
            header: "Esito",
            col: 17,
            formulas: range(nObiettivi).map(() => '=IF(P2>50,"Raggiunto","Non raggiunto")'),
            results: range(nObiettivi).map((i) => ((i + 2) * 1.5 > 50 ? "Raggiunto" : "Non raggiunto")),
          },
          {
            header: "aiuto",
            col: 18,
            formulas: range(nObiettivi).map(() => "=1"),
            results: range(nObiettivi).map(() => null),
            helper: true,
          },
        ],
      },
      {
        sheet: "Fasi",
        table: "tblFasi",
        headerRow: 1,
        firstRow: 2,
        lastRow: 1 + nFasi,
        columns: [
          {
            header: "Tempistica",
            col: 12,
            formulas: range(nFasi).map((i) => `=IF(F${i + 2}>D${i + 2},"In ritardo","Nei tempi")`),
            results: range(nFasi).map(() => "Nei tempi"),
          },
          {
            header: "Scostamento (giorni)",
            col: 13,
            formulas: range(nFasi).map((i) => `=F${i + 2}-D${i + 2}`),
            results: range(nFasi).map(() => 0),
            numberFormat: "0",
          },
        ],
      },
      {
        sheet: "Indicatori",
        table: "tblIndicatori",
        headerRow: 1,
        firstRow: 2,
        lastRow: 1 + nIndicatori,
        columns: [
          {
            header: "Raggiungimento %",
            col: 11,
            formulas: range(nIndicatori).map((i) => `=IF(E${i + 2}>0,MIN(100,F${i + 2}/E${i + 2}*100),"")`),
            results: range(nIndicatori).map(() => 100),
            numberFormat: "0.00",
          },
        ],
      },
    ],
    definedNames: [{ name: "pegSogliaRaggiunto", refersTo: "=Parametri!$B$8" }],
    riepilogo,
  };
}

type Snapshot = Map<string, string>;

/** Every cell of every sheet (value, formula, result, number format, style), keyed by Sheet!A1. */
function snapshot(
  wb: ExcelJS.Workbook,
  skip: (sheet: string, col: number) => boolean = () => false,
): Snapshot {
  const out: Snapshot = new Map();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        if (skip(ws.name, col)) return;
        const result = cell.type === ExcelJS.ValueType.Formula ? cell.result : null;
        out.set(
          `${ws.name}!${cell.address}`,
          JSON.stringify([cell.value, result, cell.numFmt ?? null, cell.style]),
        );
      });
    });
  }
  return out;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  // exceljs is only the inspector here (it reads every cell's value, formula, result and style).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

async function sampleBytes(): Promise<Uint8Array> {
  const host = await XlsxHost.createEmpty();
  await host.prepareSheets(buildSample(json), { fillRows: true });
  return host.toBuffer();
}

const computedCols: Record<string, number[]> = { Obiettivi: [16, 17, 18], Fasi: [12, 13], Indicatori: [11] };
const isComputed = (sheet: string, col: number) => (computedCols[sheet] ?? []).includes(col);

describe("writeRollups", () => {
  let input: Uint8Array;
  let once: Uint8Array;

  beforeAll(async () => {
    input = await sampleBytes();
    const host = await XlsxHost.fromBuffer(input);
    await host.writeRollups(plan());
    once = await host.toBuffer();
  });

  it("leaves every input cell identical (value, formula, number format, style)", async () => {
    const before = snapshot(await load(input));
    const after = snapshot(await load(once), isComputed);
    expect(before.size).toBeGreaterThan(1000);
    for (const [addr, cell] of before) expect([addr, after.get(addr)]).toEqual([addr, cell]);
  });

  it("writes headers and formulas with cached results and number formats", async () => {
    const wb = await load(once);
    const ob = wb.getWorksheet("Obiettivi") as ExcelJS.Worksheet;
    expect(ob.getCell("P1").value).toBe("Avanzamento Fasi %");
    expect(ob.getCell("P1").font).toMatchObject({ bold: true, name: "Calibri" });
    expect(ob.getCell("P2").value).toEqual({ formula: "ROW(A2)*1.5", result: 3 });
    expect(ob.getCell("P2").numFmt).toBe("0.00");
    expect(ob.getCell(`Q${nObiettivi + 1}`).value).toEqual({
      formula: 'IF(P2>50,"Raggiunto","Non raggiunto")',
      result: (nObiettivi + 1) * 1.5 > 50 ? "Raggiunto" : "Non raggiunto",
    });
    expect(ob.getCell("R2").font).toMatchObject({ color: { argb: "FF808080" } });
    const fasi = wb.getWorksheet("Fasi") as ExcelJS.Worksheet;
    // exceljs's cell.value leaves out a falsy result; cell.result has the cached 0.
    const last = fasi.getCell(`M${nFasi + 1}`);
    expect([last.formula, last.result]).toEqual([`F${nFasi + 1}-D${nFasi + 1}`, 0]);
    expect(fasi.getCell(`M${nFasi + 2}`).value).toBeNull();
  });

  it("extends each Excel table over its computed columns, names matching the header cells", async () => {
    const tables = await Promise.all(
      range(4).map(async (i) => (await partText(once, `xl/tables/table${i + 1}.xml`)) ?? ""),
    );
    const byName = (n: string) => tables.find((t) => t.includes(`name="${n}"`)) as string;
    expect(byName("tblObiettivi")).toMatch(new RegExp(`ref="A1:R${nObiettivi + 1}"`));
    expect(byName("tblFasi")).toMatch(new RegExp(`ref="A1:M${nFasi + 1}"`));
    expect(byName("tblIndicatori")).toMatch(new RegExp(`ref="A1:K${nIndicatori + 1}"`));
    expect(byName("tblParametri")).toMatch(/ref="A1:B11"/);
    // The computed columns are calculated columns of the table (Excel fills them on new rows).
    expect(byName("tblObiettivi")).toMatch(
      /<tableColumn id="\d+" name="Esito"><calculatedColumnFormula>IF\(P2&gt;50/,
    );
    const host = await XlsxHost.fromBuffer(once);
    const raw = await host.readWorkbook();
    const wb = await load(once);
    for (const sheet of raw.sheets) {
      for (const t of sheet.tables) {
        const names = [...byName(t.name).matchAll(/<tableColumn [^>]*name="([^"]+)"/g)].map((m) => m[1]);
        const headers = range(t.lastCol - t.firstCol + 1).map(
          (i) =>
            wb
              .getWorksheet(sheet.name)
              ?.getRow(t.headerRow)
              .getCell(t.firstCol + i).value,
        );
        expect(names).toEqual(headers);
        expect(t.columns).toEqual(headers);
      }
    }
  });

  it("writes the defined names and the Riepilogo sheet", async () => {
    const wb = await load(once);
    const workbookXml = (await partText(once, "xl/workbook.xml")) ?? "";
    expect(workbookXml).toContain('<definedName name="pegSogliaRaggiunto">Parametri!$B$8</definedName>');
    const r = wb.getWorksheet("Riepilogo") as ExcelJS.Worksheet;
    expect(r.getCell("B2").value).toEqual({ formula: "COUNTA(tblObiettivi[Codice])", result: nObiettivi });
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Parametri",
      "Obiettivi",
      "Fasi",
      "Indicatori",
      "Riepilogo",
    ]);
  });

  it("running it twice gives identical cells, tables and names", async () => {
    const host = await XlsxHost.fromBuffer(once);
    await host.writeRollups(plan());
    const twice = await host.toBuffer();
    expect(snapshot(await load(twice))).toEqual(snapshot(await load(once)));
    for (let i = 1; i <= 4; i++) {
      const path = `xl/tables/table${i}.xml`;
      expect(await partText(twice, path)).toBe(await partText(once, path));
    }
    expect(await partText(twice, "xl/workbook.xml")).toBe(await partText(once, "xl/workbook.xml"));
    for (const sheet of ["sheet1", "sheet2", "sheet3", "sheet4", "sheet5"]) {
      const path = `xl/worksheets/${sheet}.xml`;
      expect(await partText(twice, path)).toBe(await partText(once, path));
    }
  });

  it("also extends a table written Excel's way (no headerRowCount, no filterColumn)", async () => {
    const excel = await editParts(input, (name, text) =>
      name.startsWith("xl/tables/")
        ? text.replace(/ headerRowCount="1"/, "").replace(/<filterColumn [^>]*\/>/g, "")
        : null,
    );
    const host = await XlsxHost.fromBuffer(excel);
    await host.writeRollups(plan());
    const raw = await (await XlsxHost.fromBuffer(await host.toBuffer())).readWorkbook();
    const fasi = raw.sheets.find((s) => s.name === "Fasi");
    expect(fasi?.tables).toMatchObject([
      { name: "tblFasi", headerRow: 1, firstCol: 1, lastCol: 13, lastRow: nFasi + 1 },
    ]);
  });
});

describe("writeRollups on a plain range", () => {
  const column = (n: number) => ({
    header: "Raggiungimento %",
    col: 5,
    formulas: range(n).map((i) => `=D${i + 2}/C${i + 2}*100`),
    results: range(n).map((i) => ((i + 2) / 10) * 100),
  });
  const table = (n: number) => ({
    sheet: "Indicatori",
    table: null,
    headerRow: 1,
    firstRow: 2,
    lastRow: 1 + n,
    columns: [column(n)],
  });
  const input = (rows: number, extra?: (ws: ExcelJS.Worksheet) => void) =>
    exceljsBytes((wb) => {
      const ws = wb.addWorksheet("Indicatori");
      ws.getRow(1).values = ["Obiettivo", "Descrizione", "Valore Atteso", "Valore Raggiunto"];
      for (let r = 2; r <= rows + 1; r++) ws.getRow(r).values = ["OB1", `ind ${r}`, 10, r];
      extra?.(ws);
    });

  it("writes the column without making a table; a second run over its own column is allowed", async () => {
    const host = await XlsxHost.fromBuffer(
      await input(4, (ws) => (ws.getCell("F20").value = "nota dell'utente")),
    );
    await host.writeRollups({ computed: [table(4)], definedNames: [], riepilogo });
    const again = await XlsxHost.fromBuffer(await host.toBuffer());
    await again.writeRollups({ computed: [table(4)], definedNames: [], riepilogo });
    const wb = await load(await again.toBuffer());
    const out = wb.getWorksheet("Indicatori") as ExcelJS.Worksheet;
    expect(out.getCell("E1").value).toBe("Raggiungimento %");
    expect(out.getCell("E3").value).toEqual({ formula: "D3/C3*100", result: 30 });
    expect(out.getCell("F20").value).toBe("nota dell'utente");
    expect(
      (await (await XlsxHost.fromBuffer(await again.toBuffer())).readWorkbook()).sheets[0].tables,
    ).toEqual([]);
  });

  it("stops, naming the cells, when the new column would cover the user's data, and writes nothing", async () => {
    const bytes = await input(4, (ws) => {
      ws.getCell("E3").value = "appunto";
      ws.getCell("E5").value = { formula: "C5*2", result: 20 } as ExcelJS.CellFormulaValue;
    });
    const host = await XlsxHost.fromBuffer(bytes);
    await expect(host.writeRollups({ computed: [table(4)], definedNames: [], riepilogo })).rejects.toThrow(
      /Sul foglio «Indicatori» le celle E3, E5 contengono dati.*non è stato scritto nulla/,
    );
    expect(Buffer.from(await host.toBuffer())).toEqual(
      Buffer.from(await (await XlsxHost.fromBuffer(bytes)).toBuffer()),
    );
  });
});
