// End-to-end benchmark of one plan size on the .xlsx host: open → read → validate → rollup → layout
// (in memory), the full write (rollups + Riepilogo + Scheda + file bytes), and the Scheda alone written
// by our host beside the same cells written by plain exceljs (the ratio ours/raw is the host's overhead).
// Used by bench/run.js, which runs each size in its own process to read its peak memory.
import { buildRollupWritePlan } from "../src/domain/rollup/formulas";
import { readPlan } from "../src/domain/reading/reader";
import { computeRollups } from "../src/domain/rollup/rollup";
import { layoutScheda } from "../src/domain/scheda/layout";
import type { SheetDescription } from "../src/domain/model/sheet";
import type { SamplePlanJson } from "../src/domain/template/template";
import { validatePlan } from "../src/domain/rules/validate";
import * as ExcelJS from "exceljs";
import { XlsxHost } from "../src/hosts/xlsx/xlsxHost";
import { syntheticTemplate, syntheticTextsFromSample } from "./synthetic";
import { writeRawExceljs } from "./rawExceljs";

export const BENCH_TODAY = "2024-01-31";

export interface PipelineTiming {
  objectives: number;
  phases: number;
  indicators: number;
  problems: number;
  schedaCells: number;
  schedaMerges: number;
  plannedPages: number;
  inputBytes: number;
  outputBytes: number;
  /** Best of the runs, in milliseconds. */
  openMs: number;
  readMs: number;
  validateMs: number;
  rollupMs: number;
  layoutMs: number;
  /** open + read + validate + rollup + layout. */
  inMemoryMs: number;
  /** writeRollups + renderSheet(Scheda) + file bytes, on the opened workbook (what `generate` writes). */
  writeMs: number;
  /** The Scheda alone into a new workbook and its bytes: our host … */
  schedaOursMs: number;
  /** … and plain exceljs writing the same cells, styles, merges and row heights. */
  schedaRawMs: number;
  /** schedaOursMs / schedaRawMs. */
  ratio: number;
  /** exceljs loading the same input file and writing it back (the library's own round trip). */
  exceljsRoundTripMs: number;
  /** (inMemoryMs + writeMs) / exceljsRoundTripMs: generate against a plain read + write of the file. */
  generateVsRoundTrip: number;
  /** Peak resident memory of the process, MB (filled by the caller, which owns the process). */
  peakRssMb?: number;
}

export interface PipelineOptions {
  sample?: SamplePlanJson;
  runs?: number;
  seed?: number;
}

/** The synthetic plan as an .xlsx file (header row 1, one Excel table per sheet), as a user would have it. */
export async function syntheticXlsx(n: number, options: PipelineOptions = {}): Promise<Uint8Array> {
  const texts = options.sample ? syntheticTextsFromSample(options.sample) : undefined;
  const host = await XlsxHost.createEmpty();
  await host.prepareSheets(syntheticTemplate(n, { seed: options.seed ?? 1, texts }), { fillRows: true });
  return host.toBuffer();
}

const time = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
};

export async function benchPipeline(n: number, options: PipelineOptions = {}): Promise<PipelineTiming> {
  const input = await syntheticXlsx(n, options);
  const runs = options.runs ?? 3;
  const best: Record<string, number> = {};
  const keep = (k: string, ms: number) => {
    best[k] = Math.min(best[k] ?? Infinity, ms);
  };
  let out: Omit<
    PipelineTiming,
    | "openMs"
    | "readMs"
    | "validateMs"
    | "rollupMs"
    | "layoutMs"
    | "inMemoryMs"
    | "writeMs"
    | "schedaOursMs"
    | "schedaRawMs"
    | "ratio"
    | "exceljsRoundTripMs"
    | "generateVsRoundTrip"
  > | null = null;
  for (let r = 0; r < runs; r++) {
    const [host, openMs] = await time(() => XlsxHost.fromBuffer(input));
    const [read, readMs] = await time(async () =>
      readPlan(await host.readWorkbook(), { today: BENCH_TODAY }),
    );
    const [problems, validateMs] = await time(() => validatePlan(read.plan, read.brokenCells));
    const [rollupPlan, rollupMs] = await time(() => {
      const rollups = computeRollups(read.plan);
      return { rollups, write: buildRollupWritePlan(read.plan, rollups) };
    });
    const [scheda, layoutMs] = await time(() =>
      layoutScheda(read.plan, rollupPlan.rollups, {
        filter: { cdr: [], obiettivi: [] },
        generatedOn: BENCH_TODAY,
      }),
    );
    const [bytes, writeMs] = await time(async () => {
      await host.writeRollups(rollupPlan.write);
      await host.renderSheet(scheda);
      return host.toBuffer();
    });
    // Alternate which of the two goes first, so neither always pays for the other's garbage.
    let oursMs = 0;
    let rawMs = 0;
    for (const which of r % 2 === 0 ? ["ours", "raw"] : ["raw", "ours"]) {
      if (which === "ours") oursMs = (await time(() => writeSchedaOurs(scheda)))[1];
      else rawMs = (await time(() => writeRawExceljs(scheda)))[1];
    }
    const [, roundTripMs] = await time(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(input) as unknown as ExcelJS.Buffer);
      return wb.xlsx.writeBuffer();
    });
    keep("exceljsRoundTripMs", roundTripMs);
    keep("openMs", openMs);
    keep("readMs", readMs);
    keep("validateMs", validateMs);
    keep("rollupMs", rollupMs);
    keep("layoutMs", layoutMs);
    keep("inMemoryMs", openMs + readMs + validateMs + rollupMs + layoutMs);
    keep("writeMs", writeMs);
    keep("schedaOursMs", oursMs);
    keep("schedaRawMs", rawMs);
    out = {
      objectives: read.plan.obiettivi.length,
      phases: read.plan.fasi.length,
      indicators: read.plan.indicatori.length,
      problems: read.problems.length + problems.length,
      schedaCells: scheda.cells.length,
      schedaMerges: scheda.merges.length,
      plannedPages: scheda.plannedPages ?? 0,
      inputBytes: input.length,
      outputBytes: bytes.length,
    };
  }
  if (!out) throw new Error("runs must be at least 1");
  return {
    ...out,
    openMs: best.openMs,
    readMs: best.readMs,
    validateMs: best.validateMs,
    rollupMs: best.rollupMs,
    layoutMs: best.layoutMs,
    inMemoryMs: best.inMemoryMs,
    writeMs: best.writeMs,
    schedaOursMs: best.schedaOursMs,
    schedaRawMs: best.schedaRawMs,
    ratio: best.schedaOursMs / best.schedaRawMs,
    exceljsRoundTripMs: best.exceljsRoundTripMs,
    generateVsRoundTrip: (best.inMemoryMs + best.writeMs) / best.exceljsRoundTripMs,
  };
}

async function writeSchedaOurs(scheda: SheetDescription): Promise<Uint8Array> {
  const host = await XlsxHost.createEmpty();
  await host.renderSheet(scheda);
  return host.toBuffer();
}
