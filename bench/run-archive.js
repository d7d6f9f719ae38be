#!/usr/bin/env node
// Figures of Archivia monitoraggio on the synthetic bench plan (texts from the 2023 sample): rows and
// values payload per snapshot and for an archive of several dates, file-host times. Usage:
//   npm run build:bench && node bench/run-archive.js [--size 1000] [--dates 4]
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const compiled = path.join(ROOT, "dist/bench/bench/archive.js");
if (!fs.existsSync(compiled)) {
  console.error("dist/bench/bench/archive.js non trovato: esegui prima `npm run build:bench`.");
  process.exit(2);
}
const { benchArchive } = require(compiled);
const sample = JSON.parse(
  fs.readFileSync(path.join(ROOT, "assets/piano-2023-settore-socioeducativo.json"), "utf8"),
);
benchArchive(Number(opt("--size", "1000")), Number(opt("--dates", "4")), { sample }).then((f) => {
  process.stdout.write(JSON.stringify(f, null, 2) + "\n");
});
