#!/usr/bin/env node
// Differential fuzzer of the live formulas (docs/reference/formulas.md, "one truth"), larger run than the CI slice:
// N seeded dirty workbooks through the real pipeline, recalculated by LibreOffice (one soffice run per
// 40 workbooks), every computed cell compared with the TypeScript value. Prints the counts (workbooks,
// computed cells compared, differences) and exits non-zero on any unexplained difference.
// Usage: node scripts/fuzz-formulas.js [--n 300] [--seed 1]   (or: npm run fuzz -- --n 300 --seed 1)
"use strict";
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const n = Number(opt("--n", "300"));
const seed = Number(opt("--seed", "1"));
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) {
  console.error("Uso: node scripts/fuzz-formulas.js [--n 300] [--seed 1]");
  process.exit(2);
}
const jest = path.join(ROOT, "node_modules", "jest", "bin", "jest.js");
const result = spawnSync(
  process.execPath,
  [jest, "test/fuzz/formulas.fuzz.test.ts", "--runInBand", "--verbose=false"],
  { cwd: ROOT, stdio: "inherit", env: { ...process.env, FUZZ_N: String(n), FUZZ_SEED: String(seed) } },
);
process.exit(result.status ?? 1);
