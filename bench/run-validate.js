#!/usr/bin/env node
// Times read + validate on synthetic plans of 1,000 and 10,000 objectives (3 phases and 2 indicators
// each, texts from the 2023 sample) and prints the ratio, which should be about 10 (linear time).
// Times are the best of --runs runs. Usage:
//   npm run build:bench && node bench/run-validate.js [--sizes 1000,10000] [--runs 5] [--json]
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const sizes = opt("--sizes", "1000,10000").split(",").map(Number);
const runs = Number(opt("--runs", "5"));

const compiled = path.join(ROOT, "dist/bench/bench/validate.js");
if (!fs.existsSync(compiled)) {
  console.error("dist/bench/bench/validate.js non trovato: esegui prima `npm run build:bench`.");
  process.exit(2);
}
const { benchValidate } = require(compiled);
const sample = JSON.parse(
  fs.readFileSync(path.join(ROOT, "assets/piano-2023-settore-socioeducativo.json"), "utf8"),
);

benchValidate(sizes, { sample, runs: 1 }); // warm-up (JIT, heap growth) on every size
const timings = benchValidate(sizes, { sample, runs });
if (args.includes("--json")) {
  console.log(JSON.stringify(timings, null, 2));
} else {
  for (const t of timings) {
    console.log(
      `${String(t.objectives).padStart(6)} obiettivi (${t.phases} fasi, ${t.indicators} indicatori, ${t.problems} problemi): ` +
        `lettura ${t.readMs.toFixed(0)} ms + verifica ${t.validateMs.toFixed(0)} ms = ${t.totalMs.toFixed(0)} ms`,
    );
  }
  const first = timings[0];
  const last = timings[timings.length - 1];
  const ratio = last.totalMs / first.totalMs;
  console.log(
    `rapporto ${last.objectives}/${first.objectives} obiettivi: tempo ×${ratio.toFixed(1)} per dimensione ×${(last.objectives / first.objectives).toFixed(0)}` +
      ` (verifica sola ×${(last.validateMs / first.validateMs).toFixed(1)})`,
  );
}
