// One description, two renderers: Carica esempio (Prepara fogli with the rows), the rollups, Riepilogo
// and Scheda written through the Office.js adapter into the emulator and through the .xlsx host into a
// file look the same: per cell value or formula, number format, font, fill, borders and alignment; per
// sheet merges, data validations (type, bounds, ranges, Italian messages), tables, frozen header,
// column widths and row heights; the same for the Monitoraggi archive. Also the read side and the sync
// counts of docs/reference/excel-host.md.
import { SchedaService } from "../../src/app/service";
import { isoToSerial } from "../../src/domain/model/dates";
import { readPlan } from "../../src/domain/reading/reader";
import { SHEETS } from "../../src/domain/model/schema";
import { buildSample } from "../../src/domain/template/template";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { newSheet, newWorkbook } from "../emulator/model";
import { startHarness, type Harness } from "../emulator/harness";
import { loadSampleJson, setColumnCell, setDataRiferimento, TODAY } from "./helpers";
import { dropPlain, emulatorSheetLook, xlsxSheetLook, type CellLook, type SheetLook } from "./looks";
import { editCells, exceljsOf, type CellEdit } from "../helpers/xlsxFiles";

let h: Harness;
const sample = loadSampleJson();
const counts: Record<string, { syncs: number; bytes: number }> = {};

beforeAll(async () => {
  h = await startHarness();
  h.emu.workbook.sheets.push(newSheet(h.emu.workbook, "Foglio1"));
});
afterAll(async () => {
  await h.stop();
});

function measure(label: string, from: number) {
  const reqs = h.emu.requests.slice(from);
  counts[label] = { syncs: reqs.length, bytes: reqs.reduce((n, r) => n + r.bytes, 0) };
  return counts[label];
}

async function xlsxGenerated(): Promise<XlsxHost> {
  const host = await XlsxHost.createEmpty();
  await new SchedaService(host, { today: () => TODAY, loadSample: async () => sample }).loadSample();
  await new SchedaService(host, { today: () => TODAY }).generate();
  // Into a file and back: what a user would open.
  return XlsxHost.fromBuffer(await host.toBuffer());
}

test("Carica esempio, lettura, rollup e Scheda: stesse celle, formule, unioni e formati dei due host", async () => {
  const service = new SchedaService(h.host, { today: () => TODAY, loadSample: async () => sample });
  const prepared = await service.loadSample();
  expect(prepared.createdTables.sort()).toEqual(["tblFasi", "tblIndicatori", "tblObiettivi", "tblParametri"]);

  // Reading: at most 2 syncs, and the same plan as the .xlsx host reads from the same sample.
  let from = h.emu.requests.length;
  const raw = await h.host.readWorkbook();
  expect(measure("read", from).syncs).toBeLessThanOrEqual(2);
  const xlsx = await XlsxHost.createEmpty();
  await xlsx.prepareSheets(buildSample(sample), { fillRows: true });
  const viaExcel = readPlan(raw, { today: TODAY });
  const viaXlsx = readPlan(await xlsx.readWorkbook(), { today: TODAY });
  expect(viaExcel.plan.obiettivi).toHaveLength(33);
  expect(viaExcel.plan).toEqual(viaXlsx.plan);
  expect(viaExcel.problems).toEqual(viaXlsx.problems);

  // Generating: rollups + Riepilogo + Scheda in at most 6 syncs (after the reading).
  let writeFrom = -1;
  const gen = new SchedaService(h.host, {
    today: () => TODAY,
    onProgress: (step) => {
      if (step === "scrittura") writeFrom = h.emu.requests.length;
    },
  });
  from = h.emu.requests.length;
  const result = await gen.generate();
  expect(result.objectives).toBe(33);
  measure("generate (read + write)", from);
  const write = measure("write rollups + Riepilogo + Scheda", writeFrom);
  expect(write.syncs).toBeLessThanOrEqual(6);
  expect(Math.max(...h.emu.requests.map((r) => r.bytes))).toBeLessThan(5 * 1024 * 1024);
  // Calculation and redraw were suspended in the writing requests.
  const writes = h.emu.requests.slice(writeFrom);
  expect(writes.some((r) => r.actionNames.includes("Application.SuspendApiCalculationUntilNextSync()"))).toBe(
    true,
  );
  expect(writes.some((r) => r.actionNames.includes("Application.SuspendScreenUpdatingUntilNextSync()"))).toBe(
    true,
  );

  const file = await xlsxGenerated();
  const names = [
    SHEETS.parametri,
    SHEETS.obiettivi,
    SHEETS.fasi,
    SHEETS.indicatori,
    SHEETS.riepilogo,
    SHEETS.scheda,
  ];
  const fileBook = await exceljsOf(await file.toBuffer());
  const looks = new Map<string, { excel: SheetLook; file: SheetLook }>();
  for (const name of names) {
    const emuSheet = h.emu.workbook.sheets.find((s) => s.name === name);
    const fileSheet = fileBook.getWorksheet(name);
    expect(emuSheet).toBeDefined();
    expect(fileSheet).toBeDefined();
    const excel = emulatorSheetLook(emuSheet!);
    // Cells the emulator holds and the file does not are looked up too (a column's style covers them).
    const file = xlsxSheetLook(fileSheet!, Object.keys(excel.cells));
    looks.set(name, { excel: dropPlain(excel), file: dropPlain(file) });
  }
  for (const [name, { excel, file }] of looks) {
    // Sheet by sheet and cell by cell, so a difference names its sheet and its cell.
    expect({ sheet: name, cells: cellDifferences(excel, file) }).toEqual({ sheet: name, cells: [] });
    const { cells: _a, ...excelRest } = excel;
    const { cells: _b, ...fileRest } = file;
    expect({ sheet: name, ...excelRest }).toEqual({ sheet: name, ...fileRest });
  }

  // The comparison covered real content and real formats on every sheet.
  const look = (name: string) => looks.get(name)!.excel;
  const scheda = look(SHEETS.scheda);
  expect(Object.keys(scheda.cells).length).toBeGreaterThan(1000);
  expect(scheda.merges.length).toBeGreaterThan(1000);
  expect(Object.values(scheda.cells).some((c) => c.numberFormat === "dd/mm/yyyy")).toBe(true);
  for (const name of [SHEETS.obiettivi, SHEETS.fasi, SHEETS.indicatori, SHEETS.riepilogo]) {
    expect(Object.values(look(name).cells).filter((c) => c.formula !== null).length).toBeGreaterThan(20);
  }
  // Input sheets: the header look of INPUT_TABLE_LOOK, validations with their Italian messages down to
  // row 1000, the table style and the frozen header.
  const fasi = look(SHEETS.fasi);
  expect(fasi.cells.A1).toMatchObject({
    fill: "DDEBF7",
    border: "bottom:thin:8EA9DB",
    font: "Calibri 11 bold 1F3864",
  });
  expect(fasi.cells.C500.numberFormat).toBe("dd/mm/yyyy");
  expect(fasi.validations.map((v) => `${v.range} ${v.type} ${v.errorStyle}`)).toEqual([
    "C2:C1000 date stop",
    "D2:D1000 date stop",
    "E2:E1000 date stop",
    "F2:F1000 date stop",
    "G2:G1000 decimal stop",
    "H2:H1000 decimal stop",
  ]);
  expect(fasi.validations[4]).toMatchObject({ values: ["0", "100"], errorTitle: "Numero non valido" });
  expect(
    look(SHEETS.indicatori).validations.some(
      (v) => v.type === "list" && v.error.startsWith("Valori previsti"),
    ),
  ).toBe(true);
  expect(fasi.tables).toEqual([
    { name: "tblFasi", ref: expect.stringMatching(/^A1:[A-Z]+\d+$/), style: "TableStyleLight9" },
  ]);
  expect(fasi.freeze).toEqual([1, 0]);
  // Helper columns grey 9 pt, Esito colours in the Scheda.
  expect(Object.values(look(SHEETS.obiettivi).cells).some((c) => c.font === "Calibri 9 808080")).toBe(true);
  expect(Object.values(scheda.cells).some((c) => c.fill === "C6EFCE" && c.font.includes("006100"))).toBe(
    true,
  );
  console.log(`Sample (33 objectives), emulator requests:\n${JSON.stringify(counts, null, 1)}`);
});

test("Archivia monitoraggio, due date: lo stesso foglio Monitoraggi dai due host (valori, formati, tabella)", async () => {
  const wb = newWorkbook();
  wb.sheets.push(newSheet(wb, "Foglio1"));
  h.emu.reset(wb);
  await new SchedaService(h.host, { loadSample: async () => sample }).loadSample();
  const file = await XlsxHost.createEmpty();
  await file.prepareSheets(buildSample(sample), { fillRows: true });
  const layout = (await new SchedaService(file).check()).plan.layout;
  const dataCell = { sheet: SHEETS.parametri, ...layout.parametri!.cells.dataRiferimento! };
  const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
  let bytes = await file.toBuffer();
  // Two dates, so that rows written back as read are compared as well as new ones.
  const steps = [
    { date: "2023-06-30", today: "2023-07-05", avanzamento: null },
    { date: "2023-12-31", today: "2024-01-15", avanzamento: 40 },
  ];
  for (const { date, today, avanzamento } of steps) {
    setDataRiferimento(h.emu.workbook, date);
    const edits: CellEdit[] = [{ ...dataCell, value: utc(date) }];
    if (avanzamento !== null) {
      setColumnCell(h.emu.workbook, SHEETS.fasi, "Avanzamento", 2, avanzamento);
      edits.push({ sheet: SHEETS.fasi, row: 2, col: layout.fasi!.columns.avanzamento!, value: avanzamento });
    }
    expect((await new SchedaService(h.host, { today: () => today }).archive()).archived).not.toBeNull();
    const host = await XlsxHost.fromBuffer(await editCells(bytes, edits));
    expect((await new SchedaService(host, { today: () => today }).archive()).archived).not.toBeNull();
    bytes = await host.toBuffer();
  }
  const excel = emulatorSheetLook(h.emu.workbook.sheets.find((x) => x.name === SHEETS.monitoraggi)!);
  const fileSheet = (await exceljsOf(bytes)).getWorksheet(SHEETS.monitoraggi)!;
  const a = dropPlain(excel);
  const b = dropPlain(xlsxSheetLook(fileSheet, Object.keys(excel.cells)));
  expect(cellDifferences(a, b)).toEqual([]);
  const { cells: _a, ...excelRest } = a;
  const { cells: _b, ...fileRest } = b;
  expect(excelRest).toEqual(fileRest);
  // The comparison covered both dates' rows (the sample: 161 rows a date), with their formats.
  const last = 1 + 2 * 161;
  expect(a.tables).toEqual([{ name: "tblMonitoraggi", ref: `A1:I${last}`, style: "TableStyleLight9" }]);
  expect(a.cells[`I${last}`]).toMatchObject({ numberFormat: "dd/mm/yyyy" });
  expect([a.cells.A2.value, a.cells[`A${last}`].value]).toEqual([
    isoToSerial("2023-06-30"),
    isoToSerial("2023-12-31"),
  ]);
  expect(
    Object.keys(a.cells).filter((k) => /^[A-I]\d+$/.test(k) && a.cells[k].value !== null).length,
  ).toBeGreaterThan(5 * 2 * 161);
});

/** Cells whose look differs between the hosts (the first 20), each with both looks. */
function cellDifferences(a: SheetLook, b: SheetLook): { cell: string; excel?: CellLook; file?: CellLook }[] {
  const out: { cell: string; excel?: CellLook; file?: CellLook }[] = [];
  for (const cell of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) {
    if (JSON.stringify(a.cells[cell]) === JSON.stringify(b.cells[cell])) continue;
    out.push({ cell, excel: a.cells[cell], file: b.cells[cell] });
    if (out.length >= 20) break;
  }
  return out;
}
