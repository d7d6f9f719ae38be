// Excel-host figures for `npm run bench` (bench/run.js sets BENCH_EXCEL_SIZES and BENCH_OUT): a
// synthetic plan is put into the Excel emulator through the real Office.js library, then the whole
// generation (read, rollups, Riepilogo, Scheda) runs on it; the emulator counts the syncs and the bytes
// of each request. In the normal test run it measures the 33-objective size and checks docs/reference/excel-host.md bounds.
import { writeFileSync } from "node:fs";
import { SchedaService } from "../../src/app/service";
import { syntheticTemplate, syntheticTextsFromSample } from "../../bench/synthetic";
import { BUDGET } from "../../src/hosts/excel/batch";
import { newSheet } from "../emulator/model";
import { startHarness, type Harness } from "../emulator/harness";
import { loadSampleJson, TODAY } from "../excel/helpers";

const sizes = (process.env.BENCH_EXCEL_SIZES ?? "33").split(",").map(Number);
const texts = syntheticTextsFromSample(loadSampleJson());
const PAYLOAD_LIMIT = 5 * 1024 * 1024;
// 10,000 objectives through the emulator take minutes on a loaded 2-core machine.
jest.setTimeout(60 * 60 * 1000);

interface ExcelFigure {
  objectives: number;
  syncs: number;
  readSyncs: number;
  writeSyncs: number;
  maxRequestBytes: number;
  totalRequestBytes: number;
  maxResponseBytes: number;
  generateMs: number;
}
const figures: ExcelFigure[] = [];

afterAll(() => {
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(figures));
});

test.each(sizes)(
  "Genera Scheda su %i obiettivi nell'emulatore: sync costanti, richieste sotto 5 MB",
  async (n) => {
    const h: Harness = await startHarness();
    try {
      h.emu.workbook.sheets.push(newSheet(h.emu.workbook, "Foglio1"));
      await h.host.prepareSheets(syntheticTemplate(n, { seed: 1, texts }), { fillRows: true });
      let writeFrom = -1;
      let readTo = -1;
      const from = h.emu.requests.length;
      const service = new SchedaService(h.host, {
        today: () => TODAY,
        onProgress: (step) => {
          if (step === "calcolo") writeFrom = h.emu.requests.length;
          if (step === "verifica") readTo = h.emu.requests.length;
        },
      });
      const t0 = performance.now();
      const result = await service.generate();
      const generateMs = performance.now() - t0;
      expect(result.objectives).toBe(n);
      const reqs = h.emu.requests.slice(from);
      const fig: ExcelFigure = {
        objectives: n,
        syncs: reqs.length,
        readSyncs: readTo - from,
        writeSyncs: h.emu.requests.length - writeFrom,
        maxRequestBytes: Math.max(...reqs.map((r) => r.bytes)),
        totalRequestBytes: reqs.reduce((s, r) => s + r.bytes, 0),
        maxResponseBytes: Math.max(...reqs.map((r) => r.responseBytes)),
        generateMs,
      };
      figures.push(fig);
      // docs/reference/excel-host.md: reading in two syncs plus one per block whose answer could pass the budget, writing in
      // a constant number of syncs plus one per 4 MB block; nothing over Excel on the web's 5 MB limit.
      const readResponse = h.emu.requests.slice(from, readTo).reduce((s, r) => s + r.responseBytes, 0);
      expect(fig.readSyncs).toBeLessThanOrEqual(2 + Math.ceil(readResponse / (BUDGET / 4)));
      expect(fig.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
      expect(fig.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
      const written = h.emu.requests.slice(writeFrom).reduce((s, r) => s + r.bytes, 0);
      // Blocks are packed up to the budget; each write section's last block is partly filled, so allow
      // blocks filled to 90% of the budget on average (at 10,000 objectives the writes took one sync more
      // than perfectly packed blocks would).
      expect(fig.writeSyncs).toBeLessThanOrEqual(5 + Math.ceil(written / (0.9 * BUDGET)));
    } finally {
      await h.stop();
    }
  },
);
