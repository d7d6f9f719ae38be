// Impostazioni in Excel (real Office.js library, Excel emulator): the edits land in the Parametri
// Valore cells only — every other cell of every sheet (value, formula, formats) is compared — in a
// constant number of requests; a formula in a target or a protected sheet stops it with nothing written.
import { SchedaService } from "../../src/app/service";
import type { ParametriEdits } from "../../src/app/parametri";
import { hostMessages } from "../../src/hosts/messages";
import { cellKey, cloneWorkbook, newSheet, newWorkbook, type WorkbookState } from "../emulator/model";
import { cell, sheet, startHarness, type Harness } from "../emulator/harness";
import { loadSampleJson, TODAY } from "../excel/helpers";

let h: Harness;
let loaded: WorkbookState;
const service = () =>
  new SchedaService(h.host, { today: () => TODAY, loadSample: async () => loadSampleJson() });

beforeAll(async () => {
  h = await startHarness();
  const wb = newWorkbook();
  wb.sheets.push(newSheet(wb, "Foglio1"));
  h.emu.reset(wb);
  await service().loadSample();
  loaded = cloneWorkbook(h.emu.workbook);
});
afterAll(() => h.stop());
beforeEach(() => h.emu.reset(cloneWorkbook(loaded)));

/** Every sheet's cells as JSON, by "sheet!row,col", without the given Parametri cells. */
function cellsExcept(wb: WorkbookState, skip: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of wb.sheets) {
    for (const [key, c] of s.cells) {
      const id = `${s.name}!${key}`;
      if (!skip.includes(id)) out[id] = JSON.stringify(c);
    }
  }
  return out;
}

const EDITS: ParametriEdits = {
  ente: { kind: "text", text: "Comune di Prova" },
  anno: { kind: "number", value: 2024 },
  vista: { kind: "text", text: "+39 testo" },
  dataRiferimento: { kind: "date", iso: "2024-06-30" },
  sogliaRaggiunto: { kind: "number", value: 85 },
  formulaDecrescente: { kind: "text", text: "2T-A" },
};

test("writes the Valore cells and nothing else, in few requests; the reader reads back what was typed", async () => {
  const before = cloneWorkbook(h.emu.workbook);
  const key = (row: number) => `Parametri!${cellKey(row, 2)}`;
  h.emu.resetRecords();
  const check = await service().writeParametri(EDITS);
  const writeRequests = h.emu.requests.length;
  expect(check.plan.parametri).toMatchObject({
    ente: "Comune di Prova",
    anno: 2024,
    vista: "+39 testo",
    dataRiferimento: "2024-06-30",
    sogliaRaggiunto: 85,
    formulaDecrescente: "2T-A",
  });
  // reads (check before and after) are one request each at most twice; the write itself two
  expect(writeRequests).toBeLessThanOrEqual(6);
  const after = h.emu.workbook;
  const p = sheet(after, "Parametri");
  // rows: Ente 2, Anno 3, Vista 4, Data di riferimento 6, Soglia raggiunto 8, Formula decrescente 10
  expect(cell(p, 4, 2)?.value).toBe("+39 testo");
  expect(cell(p, 4, 2)?.formula).toBeUndefined();
  expect(cell(p, 6, 2)?.numberFormat).toBe("dd/mm/yyyy");
  const skip = [2, 3, 4, 6, 8, 10].map((r) => key(r));
  expect(cellsExcept(after, skip)).toEqual(cellsExcept(before, skip));
  expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
});

test("a formula in a Valore cell, or a protected sheet, stops the write; nothing changes", async () => {
  const p = sheet(h.emu.workbook, "Parametri");
  const anno = cell(p, 3, 2)!;
  anno.formula = "=2020+3";
  const before = JSON.stringify(cloneWorkbook(h.emu.workbook));
  await expect(
    service().writeParametri({ ente: { kind: "text", text: "X" }, anno: { kind: "number", value: 2025 } }),
  ).rejects.toThrow(hostMessages.parametroFormula("Parametri!B3"));
  expect(JSON.stringify(h.emu.workbook)).toBe(before);

  h.emu.reset(cloneWorkbook(loaded));
  sheet(h.emu.workbook, "Parametri").protected = true;
  await expect(service().writeParametri({ ente: { kind: "text", text: "X" } })).rejects.toThrow(
    hostMessages.protectedSheet("Parametri"),
  );
});
