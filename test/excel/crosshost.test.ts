// One sheet description, two renderers: the sample's rollups, Riepilogo and Scheda written through
// the Office.js adapter into the emulator and through the .xlsx host into a file give the same cell
// values, formulas, merges and number formats. Also the read side and the sync counts of docs/reference/excel-host.md.
import { SchedaService } from "../../src/app/service";
import { readPlan } from "../../src/domain/reading/reader";
import { SHEETS } from "../../src/domain/model/schema";
import { buildSample } from "../../src/domain/template/template";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { newSheet } from "../emulator/model";
import { startHarness, type Harness } from "../emulator/harness";
import { dumpEmulatorSheet, dumpXlsxSheet, loadSampleJson, TODAY } from "./helpers";
import { exceljsOf } from "../helpers/xlsxFiles";

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
  for (const name of names) {
    const emuSheet = h.emu.workbook.sheets.find((s) => s.name === name);
    const fileSheet = fileBook.getWorksheet(name);
    expect(emuSheet).toBeDefined();
    expect(fileSheet).toBeDefined();
    const a = dumpEmulatorSheet(emuSheet!);
    const b = dumpXlsxSheet(fileSheet!);
    // Sheet by sheet, so a difference names its sheet.
    expect({ sheet: name, ...a }).toEqual({ sheet: name, ...b });
  }
  // The comparison covered real content: text, dates, formulas and merges on every generated sheet.
  const dump = (name: string) => dumpEmulatorSheet(h.emu.workbook.sheets.find((s) => s.name === name)!);
  const scheda = dump(SHEETS.scheda);
  expect(Object.keys(scheda.cells).length).toBeGreaterThan(1000);
  expect(scheda.merges.length).toBeGreaterThan(1000);
  expect(Object.values(scheda.cells).some((c) => c.numberFormat === "dd/mm/yyyy")).toBe(true);
  for (const name of [SHEETS.obiettivi, SHEETS.fasi, SHEETS.indicatori, SHEETS.riepilogo]) {
    expect(Object.values(dump(name).cells).filter((c) => c.formula !== null).length).toBeGreaterThan(20);
  }
  console.log(`Sample (33 objectives), emulator requests:\n${JSON.stringify(counts, null, 1)}`);
});
