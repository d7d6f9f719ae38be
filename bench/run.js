#!/usr/bin/env node
// `npm run bench`: figures of the whole pipeline on synthetic plans (3 phases and 2 indicators per
// objective, texts from the 2023 sample), one child process per size so each size's peak memory is its
// own. Prints a table (Italian headings), or JSON with --json.
//   node bench/run.js [--sizes 33,1000,10000] [--runs 3] [--json] [--no-build] [--no-excel]
// The Excel-host figures (syncs, largest request) come from test/bench/excelHost.test.ts, run through
// jest because the Excel emulator and the real Office.js library live with the tests.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};

if (args[0] === "--child") {
  // One size in this process: `--child N RUNS`.
  const n = Number(args[1]);
  const runs = Number(args[2]);
  const { benchPipeline } = require(path.join(ROOT, "dist/bench/bench/pipeline.js"));
  const sample = JSON.parse(
    fs.readFileSync(path.join(ROOT, "assets/piano-2023-settore-socioeducativo.json"), "utf8"),
  );
  benchPipeline(n, { sample, runs })
    .then((t) => {
      // maxRSS is in kilobytes (the process's peak resident set, whatever GC did in between).
      t.peakRssMb = process.resourceUsage().maxRSS / 1024;
      process.stdout.write(JSON.stringify(t) + "\n");
    })
    .catch((err) => {
      process.stderr.write(String(err && err.stack ? err.stack : err) + "\n");
      process.exit(1);
    });
  return;
}

if (args[0] === "--make-input") {
  // `--make-input N FILE`: the synthetic plan of N objectives as an .xlsx file.
  const { syntheticXlsx } = require(path.join(ROOT, "dist/bench/bench/pipeline.js"));
  const sample = JSON.parse(
    fs.readFileSync(path.join(ROOT, "assets/piano-2023-settore-socioeducativo.json"), "utf8"),
  );
  syntheticXlsx(Number(args[1]), { sample }).then((bytes) => fs.writeFileSync(args[2], bytes));
  return;
}

if (args[0] === "--cli") {
  // `--cli FILE OUT`: `scheda-peg generate FILE -o OUT` in this process, timed, with its peak memory.
  const { main } = require(path.join(ROOT, "dist/node/cli/main.js"));
  const t0 = performance.now();
  const quiet = { stdout: () => undefined, stderr: () => undefined };
  main(["generate", args[1], "-o", args[2]], quiet).then((code) => {
    const ms = performance.now() - t0;
    process.stdout.write(
      JSON.stringify({ code, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + "\n",
    );
  });
  return;
}

// `--from FILE`: print the table of a saved --json run; `--excel-from FILE`: Excel figures saved by
// test/bench/excelHost.test.ts (BENCH_OUT), measured separately.
const fromFile = opt("--from", null);
const saved = fromFile ? JSON.parse(fs.readFileSync(fromFile, "utf8")) : null;
const sizes = saved
  ? saved.pipeline.map((t) => t.objectives)
  : opt("--sizes", "33,1000,10000").split(",").map(Number);
const runs = saved ? saved.runs : Number(opt("--runs", "3"));
const json = args.includes("--json");
const log = (s) => process.stderr.write(s + "\n");

if (!saved && !args.includes("--no-build")) {
  log("Compilazione (npm run build:bench)…");
  // The product's CLI (dist/node) is what "scheda-peg generate" times; the bench code is dist/bench.
  spawnSync("npx", ["tsc", "-p", "tsconfig.node.json"], { cwd: ROOT, stdio: "inherit" });
  const b = spawnSync("npx", ["tsc", "-p", "bench/tsconfig.json"], { cwd: ROOT, stdio: "inherit" });
  if (b.status !== 0 && !fs.existsSync(path.join(ROOT, "dist/bench/bench/pipeline.js"))) process.exit(2);
}

const pipeline = saved ? saved.pipeline : [];
for (const n of saved ? [] : sizes) {
  log(`Misura: ${n} obiettivi (${runs} ripetizioni)…`);
  const r = spawnSync(
    process.execPath,
    ["--max-old-space-size=16384", __filename, "--child", String(n), String(runs)],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) {
    log(`Misura non riuscita per ${n} obiettivi:\n${r.stderr}`);
    process.exit(1);
  }
  const t = JSON.parse(r.stdout.trim().split("\n").pop());
  // The user's figure: the CLI command end to end (open, check, rollups, Scheda, file), in a fresh process.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "scheda-bench-"));
  const input = path.join(tmp, `piano-${n}.xlsx`);
  const node = [process.execPath, "--max-old-space-size=16384", __filename];
  spawnSync(node[0], [...node.slice(1), "--make-input", String(n), input], { cwd: ROOT });
  let cli = null;
  for (let i = 0; i < runs; i++) {
    const c = spawnSync(node[0], [...node.slice(1), "--cli", input, path.join(tmp, "out.xlsx")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const one = c.status === 0 ? JSON.parse(c.stdout.trim().split("\n").pop()) : null;
    if (!one || one.code !== 0) {
      log(`generate non riuscito per ${n} obiettivi:\n${c.stderr}`);
      process.exit(1);
    }
    if (!cli || one.ms < cli.ms)
      cli = { ms: one.ms, peakRssMb: Math.max(one.peakRssMb, cli ? cli.peakRssMb : 0) };
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  t.cliGenerateMs = cli.ms;
  t.cliPeakRssMb = cli.peakRssMb;
  pipeline.push(t);
}

let excel = saved ? saved.excel : [];
if (opt("--excel-from", null)) {
  excel = JSON.parse(fs.readFileSync(opt("--excel-from", null), "utf8"));
} else if (!saved && !args.includes("--no-excel")) {
  log(`Host Excel (emulatore, libreria Office.js reale): ${sizes.join(", ")} obiettivi…`);
  const out = path.join(os.tmpdir(), `scheda-bench-excel-${process.pid}.json`);
  const r = spawnSync("npx", ["jest", "test/bench", "--silent"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, BENCH_EXCEL_SIZES: sizes.join(","), BENCH_OUT: out },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0 || !fs.existsSync(out)) {
    log(`Misura dell'host Excel non riuscita:\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
  excel = JSON.parse(fs.readFileSync(out, "utf8"));
  fs.rmSync(out, { force: true });
}

const machine = saved
  ? saved.machine
  : {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0] ? os.cpus()[0].model : "?",
      memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    };

const byN = (list, n) => list.find((x) => x.objectives === n);
const scaling = {};
if (sizes.includes(1000) && sizes.includes(10000)) {
  const a = byN(pipeline, 1000);
  const b = byN(pipeline, 10000);
  for (const k of Object.keys(a)) if (k.endsWith("Ms") || k.endsWith("Mb")) scaling[k] = b[k] / a[k];
  const ea = byN(excel, 1000);
  const eb = byN(excel, 10000);
  if (ea && eb) scaling.excelGenerateMs = eb.generateMs / ea.generateMs;
}

if (json) {
  process.stdout.write(JSON.stringify({ machine, runs, pipeline, excel, scaling }, null, 2) + "\n");
  return;
}

const rows = [
  ["apertura .xlsx", (t) => ms(t.openMs), "openMs"],
  ["lettura", (t) => ms(t.readMs), "readMs"],
  ["verifica", (t) => ms(t.validateMs), "validateMs"],
  ["calcolo rollup", (t) => ms(t.rollupMs), "rollupMs"],
  ["impaginazione Scheda", (t) => ms(t.layoutMs), "layoutMs"],
  ["totale in memoria", (t) => ms(t.inMemoryMs), "inMemoryMs"],
  ["scrittura generate (rollup+Riepilogo+Scheda+file)", (t) => ms(t.writeMs), "writeMs"],
  ["Scheda .xlsx: nostro host", (t) => ms(t.schedaOursMs), "schedaOursMs"],
  ["Scheda .xlsx: exceljs semplice", (t) => ms(t.schedaRawMs), "schedaRawMs"],
  ["rapporto nostro/exceljs", (t) => t.ratio.toFixed(2), null],
  [
    "exceljs: lettura + scrittura dello stesso file",
    (t) => (t.exceljsRoundTripMs === undefined ? "—" : ms(t.exceljsRoundTripMs)),
    "exceljsRoundTripMs",
  ],
  [
    "generate in memoria / exceljs lettura+scrittura",
    (t) => (t.generateVsRoundTrip === undefined ? "—" : t.generateVsRoundTrip.toFixed(2)),
    null,
  ],
  ["memoria di picco del benchmark (MB)", (t) => t.peakRssMb.toFixed(0), "peakRssMb"],
  ["scheda-peg generate, da capo a fine", (t) => ms(t.cliGenerateMs), "cliGenerateMs"],
  ["memoria di picco di generate (MB)", (t) => t.cliPeakRssMb.toFixed(0), "cliPeakRssMb"],
  ["celle / unioni Scheda", (t) => `${t.schedaCells} / ${t.schedaMerges}`, null],
  ["pagine previste", (t) => String(t.plannedPages), null],
];
const excelRows = [
  ["Excel: sync lettura+generazione", (e) => String(e.syncs), null],
  ["Excel: richiesta più grande (KB)", (e) => (e.maxRequestBytes / 1024).toFixed(0), null],
  ["Excel: tempo generazione (emulatore)", (e) => ms(e.generateMs), "excelGenerateMs"],
];
function ms(x) {
  return x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`;
}
const header = ["fase", ...sizes.map((n) => `${n} ob.`), ...(scaling.inMemoryMs ? ["10.000/1.000"] : [])];
const table = [header];
for (const [label, f, key] of rows) {
  table.push([
    label,
    ...sizes.map((n) => f(byN(pipeline, n))),
    ...(scaling.inMemoryMs ? [key ? `×${scaling[key].toFixed(1)}` : ""] : []),
  ]);
}
for (const [label, f, key] of excelRows) {
  if (excel.length === 0) break;
  table.push([
    label,
    ...sizes.map((n) => (byN(excel, n) ? f(byN(excel, n)) : "")),
    ...(scaling.inMemoryMs ? [key && scaling[key] ? `×${scaling[key].toFixed(1)}` : ""] : []),
  ]);
}
const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
const line = (r) =>
  "| " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ") + " |";
console.log(
  `Macchina: ${machine.cpus} CPU ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ` +
    `carico ${machine.loadAverage.join(" ")}; ${machine.date}; migliore di ${runs} ripetizioni`,
);
console.log(line(header));
console.log(
  "|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|",
);
for (const r of table.slice(1)) console.log(line(r));
