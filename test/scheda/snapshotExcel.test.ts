// The earlier snapshot through the Excel host (Office.js against the emulator): the host hands the
// Monitoraggi archive over when generate asks, so Genera Scheda in Excel shows the 30/06 snapshot
// beside the 31/12 values, as the file host's Scheda does.
import { SchedaService } from "../../src/app/service";
import { SHEETS } from "../../src/domain/model/schema";
import { cellKey, newSheet, newWorkbook, splitKey } from "../emulator/model";
import { startHarness, type Harness } from "../emulator/harness";
import { loadSampleJson, setColumnCell, setDataRiferimento } from "../excel/helpers";

jest.setTimeout(300_000);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

test("Genera Scheda in Excel shows the archived monitoring beside the current values", async () => {
  const wb = newWorkbook();
  wb.sheets.push(newSheet(wb, "Foglio1"));
  h.emu.reset(wb);
  const json = loadSampleJson();
  await new SchedaService(h.host, { loadSample: async () => json }).loadSample();
  // 30/06: the first phase (Fasi row 2) at 20; archived. 31/12: back to the sample's value.
  setDataRiferimento(h.emu.workbook, "2023-06-30");
  setColumnCell(h.emu.workbook, SHEETS.fasi, "Avanzamento", 2, 20);
  expect((await new SchedaService(h.host, { today: () => "2023-07-05" }).archive()).archived?.date).toBe(
    "2023-06-30",
  );
  setDataRiferimento(h.emu.workbook, "2023-12-31");
  setColumnCell(h.emu.workbook, SHEETS.fasi, "Avanzamento", 2, json.obiettivi[0].fasi[0].avanzamento);

  const result = await new SchedaService(h.host).generate();
  expect(result.earlier?.date).toBe("2023-06-30");
  expect(result.scheda?.columnWidths).toHaveLength(9);
  // The sheet Excel holds: the new column's header, and the first phase's two values side by side.
  const scheda = h.emu.workbook.sheets.find((s) => s.name === SHEETS.scheda)!;
  const values = [...scheda.cells.values()].map((c) => c.value);
  for (const label of ["Avanz. al 30/06", "Valore al 30/06", "Grado al 30/06"])
    expect(values).toContain(label);
  const title = [...scheda.cells.entries()].find(([, c]) => c.value === json.obiettivi[0].fasi[0].titolo)!;
  const row = splitKey(title[0])[0];
  const at = (col: number) => scheda.cells.get(cellKey(row, col))?.value;
  expect([at(5), at(6)]).toEqual([json.obiettivi[0].fasi[0].avanzamento, 20]);
});
