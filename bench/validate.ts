// Validation benchmark: read + validate synthetic plans of growing size (n objectives × 3 phases ×
// 2 indicators). No node: imports (performance.now is global in Node and browsers); the script
// bench/run-validate.js loads the sample texts and prints the figures.
import { readPlan } from "../src/domain/reading/reader";
import type { SamplePlanJson } from "../src/domain/template/template";
import { validatePlan } from "../src/domain/rules/validate";
import { syntheticTextsFromSample, syntheticWorkbook } from "./synthetic";

export interface ValidateTiming {
  objectives: number;
  phases: number;
  indicators: number;
  problems: number;
  /** Best of the runs, in milliseconds (the run least disturbed by GC and other processes). */
  readMs: number;
  validateMs: number;
  totalMs: number;
}

export function benchValidate(
  sizes: number[],
  options: { sample?: SamplePlanJson; runs?: number; seed?: number; broken?: number } = {},
): ValidateTiming[] {
  const texts = options.sample ? syntheticTextsFromSample(options.sample) : undefined;
  const runs = options.runs ?? 5;
  return sizes.map((n) => {
    const wb = syntheticWorkbook(n, { seed: options.seed ?? 1, broken: options.broken ?? 0.05, texts });
    const read: number[] = [];
    const validate: number[] = [];
    let last = { phases: 0, indicators: 0, problems: 0 };
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const result = readPlan(wb, { today: "2024-01-31" });
      const t1 = performance.now();
      const problems = validatePlan(result.plan, result.brokenCells);
      const t2 = performance.now();
      read.push(t1 - t0);
      validate.push(t2 - t1);
      last = {
        phases: result.plan.fasi.length,
        indicators: result.plan.indicatori.length,
        problems: result.problems.length + problems.length,
      };
    }
    const readMs = Math.min(...read);
    const validateMs = Math.min(...validate);
    return { objectives: n, ...last, readMs, validateMs, totalMs: readMs + validateMs };
  });
}
