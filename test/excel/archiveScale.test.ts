// Archivia monitoraggio on the 1,000-objective bench plan (bench/pipeline.ts's syntheticXlsx plan:
// seed 1, texts from the 2023 sample; 3 phases and 2 indicators an objective, 6,000 rows a date)
// through the Excel host against the emulator, four times (31/03, 30/06, 30/09, 31/12), so the last
// run reads and rewrites an archive of four dates. Prints syncs, request bytes and the largest request
// of each run (docs/performance.md § Archivia monitoraggio): `npx jest test/excel/archiveScale.test.ts`.
import { SchedaService, type ProgressStep } from "../../src/app/service";
import { syntheticTemplate, syntheticTextsFromSample } from "../../bench/synthetic";
import { BENCH_TODAY } from "../../bench/pipeline";
import { BUDGET } from "../../src/hosts/excel/batch";
import { newSheet, newWorkbook } from "../emulator/model";
import { startHarness, type Harness } from "../emulator/harness";
import { PAYLOAD_LIMIT } from "../emulator/server";
import { loadSampleJson, setDataRiferimento } from "./helpers";

jest.setTimeout(900_000);

const N = 1000;
const ROWS_PER_DATE = N * (1 + 3 + 2);
let h: Harness;
const figures: string[] = [];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
  console.log(
    [
      `Archivia monitoraggio, ${N.toLocaleString("en")} objectives (${ROWS_PER_DATE.toLocaleString("en")} rows a date), Excel host on the emulator`,
      "dates after | rows written | read: syncs, response bytes | write: syncs (preflight + blocks), request bytes | largest request | time",
      ...figures,
    ].join("\n"),
  );
});

test("1.000 obiettivi, quattro date: lettura e scrittura a blocchi da 4 MB, mai una sync per riga", async () => {
  const wb = newWorkbook();
  wb.sheets.push(newSheet(wb, "Foglio1"));
  h.emu.reset(wb);
  const texts = syntheticTextsFromSample(loadSampleJson());
  await h.host.prepareSheets(syntheticTemplate(N, { seed: 1, texts }), { fillRows: true });

  const dates = ["2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31"];
  for (const [i, date] of dates.entries()) {
    setDataRiferimento(h.emu.workbook, date);
    const marks: Partial<Record<ProgressStep, number>> = {};
    const start = h.emu.requests.length;
    const t0 = Date.now();
    const result = await new SchedaService(h.host, {
      today: () => BENCH_TODAY,
      onProgress: (step) => (marks[step] = h.emu.requests.length),
    }).archive();
    const ms = Date.now() - t0;
    expect(result.archived).toMatchObject({ date, dates: dates.slice(0, i + 1), replaced: 0 });
    const read = h.emu.requests.slice(start, marks.verifica);
    const write = h.emu.requests.slice(marks.scrittura, marks.fine);
    // Nothing between reading and writing but computing.
    expect(marks.scrittura).toBe(marks.verifica);
    const sum = (rs: typeof read, k: "bytes" | "responseBytes") => rs.reduce((n, r) => n + r[k], 0);
    const largest = Math.max(...h.emu.requests.slice(start).map((r) => r.bytes));
    const rows = (i + 1) * ROWS_PER_DATE;
    figures.push(
      [
        i + 1,
        rows.toLocaleString("en"),
        `${read.length}, ${sum(read, "responseBytes").toLocaleString("en")}`,
        `${write.length}, ${sum(write, "bytes").toLocaleString("en")}`,
        largest.toLocaleString("en"),
        `${ms} ms`,
      ].join(" | "),
    );

    // Every request and answer under Excel on the web's 5 MB, none refused.
    expect(
      h.emu.requests
        .slice(start)
        .filter((r) => r.bytes > PAYLOAD_LIMIT || r.responseBytes > PAYLOAD_LIMIT || r.error),
    ).toEqual([]);
    // Reading in blocks of rows (sized on a generous guess of the answer, so smaller than the 4 MB
    // budget): the input sheets' 6,000 rows and the archive's, well over a thousand rows a sync.
    expect((ROWS_PER_DATE + i * ROWS_PER_DATE) / read.length).toBeGreaterThan(1000);
    // Writing: the preflight, then requests sent only because the next block would not fit the 4 MB
    // budget: each but the last is a full block (over 3/4 of it), so their number follows the bytes,
    // not the rows.
    const blocks = write.slice(1);
    expect(blocks.length).toBeLessThanOrEqual(1 + Math.floor(sum(blocks, "bytes") / (0.75 * BUDGET)));
    for (const r of blocks.slice(0, -1)) expect(r.bytes).toBeGreaterThan(0.75 * BUDGET);
    expect(rows / blocks.length).toBeGreaterThan(5000);
  }
});
