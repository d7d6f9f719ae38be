// Sync counts and payloads for big plans (docs/reference/excel-host.md): reading, rollups + Riepilogo, Scheda on synthetic
// plans of 33 (the sample), 1,000 and 5,000 objectives. No request may pass Excel on the web's 5 MB,
// and the writes take a constant number of syncs plus one per 4 MB block of payload.
import { SchedaService, type ProgressStep } from "../../src/app/service";
import { syntheticTemplate, syntheticTextsFromSample } from "../../bench/synthetic";
import { BUDGET } from "../../src/hosts/excel/batch";
import { newSheet, newWorkbook } from "../emulator/model";
import { startHarness, type Harness } from "../emulator/harness";
import { PAYLOAD_LIMIT } from "../emulator/server";
import { loadSampleJson, TODAY } from "./helpers";

jest.setTimeout(600_000);

let h: Harness;
const figures: string[] = [];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
  console.log(
    [
      "objectives | phase | syncs | request bytes (total) | largest request | response bytes (total) | time (emulator)",
      ...figures,
    ].join("\n"),
  );
});

interface Phase {
  ms: number;
  /** Request body sizes, in order. */
  requests: number[];
  syncs: number;
  bytes: number;
  max: number;
  responseBytes: number;
}

async function measure(label: string, n: number): Promise<Record<string, Phase>> {
  const wb = newWorkbook();
  wb.sheets.push(newSheet(wb, "Foglio1"));
  h.emu.reset(wb);
  const sample = loadSampleJson();
  if (n === 33) {
    await new SchedaService(h.host, { today: () => TODAY, loadSample: async () => sample }).loadSample();
  } else {
    const template = syntheticTemplate(n, { seed: 7, texts: syntheticTextsFromSample(sample), year: 2023 });
    await h.host.prepareSheets(template, { fillRows: true });
  }
  const marks: Partial<Record<ProgressStep, number>> = {};
  const times: Partial<Record<ProgressStep, number>> = {};
  const start = h.emu.requests.length;
  const t0 = Date.now();
  const result = await new SchedaService(h.host, {
    today: () => TODAY,
    onProgress: (step) => {
      marks[step] = h.emu.requests.length;
      times[step] = Date.now();
    },
  }).generate();
  expect(result.check.blocking).toEqual([]);
  expect(result.objectives).toBe(n);
  const phase = (from: number, to: number, ms: number): Phase => {
    const reqs = h.emu.requests.slice(from, to);
    return {
      ms,
      requests: reqs.map((r) => r.bytes),
      syncs: reqs.length,
      bytes: reqs.reduce((s, r) => s + r.bytes, 0),
      max: Math.max(0, ...reqs.map((r) => r.bytes)),
      responseBytes: reqs.reduce((s, r) => s + r.responseBytes, 0),
    };
  };
  const out = {
    read: phase(start, marks.verifica!, times.verifica! - t0),
    "rollups + Riepilogo": phase(
      marks.scrittura!,
      marks.impaginazione!,
      times.impaginazione! - times.scrittura!,
    ),
    Scheda: phase(marks.impaginazione!, marks.fine!, times.fine! - times.impaginazione!),
  };
  for (const [name, p] of Object.entries(out)) {
    figures.push(
      `${label} | ${name} | ${p.syncs} | ${p.bytes.toLocaleString("en")} | ${p.max.toLocaleString("en")} | ${p.responseBytes.toLocaleString("en")} | ${p.ms} ms`,
    );
  }
  // Every request the run made stays under Excel on the web's limit.
  expect(
    h.emu.requests.filter((r) => r.bytes > PAYLOAD_LIMIT || r.responseBytes > PAYLOAD_LIMIT || r.error),
  ).toEqual([]);
  return out;
}

/**
 * The writes of one action: a preflight (1–2 small requests), then write requests. A write request is
 * sent before the last one only because the next block would not fit into the 4 MB budget, so every
 * write request but the last is a full block (at least 3/4 of the budget, allowing for the estimate's
 * error); and none passes Excel's 5 MB.
 */
function expectBlocks(p: Phase, preflight: number): void {
  const full = 0.75 * BUDGET;
  const writes = p.requests.slice(preflight);
  expect(p.syncs).toBeLessThanOrEqual(preflight + 1 + Math.floor(p.bytes / full));
  for (const bytes of writes.slice(0, -1)) expect(bytes).toBeGreaterThan(full);
  for (const bytes of writes) expect(bytes).toBeLessThan(PAYLOAD_LIMIT);
}

test("campione, 33 obiettivi: lettura ≤ 2 sync, scrittura ≤ 6", async () => {
  const m = await measure("33 (sample)", 33);
  expect(m.read.syncs).toBeLessThanOrEqual(2);
  expect(m["rollups + Riepilogo"].syncs + m.Scheda.syncs).toBeLessThanOrEqual(6);
});

test("1.000 obiettivi: sync costanti più uno per blocco da 4 MB", async () => {
  const m = await measure("1,000", 1000);
  expectBlocks(m["rollups + Riepilogo"], 2);
  expectBlocks(m.Scheda, 1);
  // Reading: two syncs, plus one per block of rows whose answer could pass 4 MB.
  expect(m.read.syncs).toBeLessThanOrEqual(2 + Math.ceil(m.read.responseBytes / (BUDGET / 4)));
});

test("5.000 obiettivi: sync costanti più uno per blocco da 4 MB, nessuna richiesta oltre 5 MB", async () => {
  const m = await measure("5,000", 5000);
  expectBlocks(m["rollups + Riepilogo"], 2);
  expectBlocks(m.Scheda, 1);
  expect(m.read.syncs).toBeLessThanOrEqual(2 + Math.ceil(m.read.responseBytes / (BUDGET / 4)));
});
