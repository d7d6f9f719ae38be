#!/usr/bin/env node
// Measures what Excel downloads first for the task pane: the gzip size of the scripts taskpane.html
// loads at start (our bundles, not the async chunks nor office.js from Microsoft's CDN), and checks
// that the file host is not among them (it belongs to the standalone page's async chunk).
// Usage: node scripts/bundle-size.js [--build] [--dir dist/web] [--budget-kb 250] [--json]
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { execFileSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_BUDGET_KB = 250;
// Strings found only in the file host's code (the package parts it reads and writes, JSZip's name).
const FILE_HOST_MARKERS = ["[Content_Types].xml", "xl/worksheets", "calcChain", "JSZip"];

function parseArgs(argv) {
  const args = { build: false, dir: path.join(ROOT, "dist/web"), budgetKb: DEFAULT_BUDGET_KB, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--build") args.build = true;
    else if (a === "--json") args.json = true;
    else if (a === "--dir") args.dir = path.resolve(argv[++i]);
    else if (a === "--budget-kb") args.budgetKb = Number(argv[++i]);
    else throw new Error(`opzione sconosciuta: ${a}`);
  }
  return args;
}

/** Script URLs of a page, in order (quoted or unquoted src, as the minified HTML has them). */
function scriptSources(html) {
  const out = [];
  const re = /<script\b([^>]*)>/gi;
  let m;
  while ((m = re.exec(html))) {
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[1]);
    if (src) out.push(src[1] ?? src[2] ?? src[3]);
  }
  return out;
}

function isExternal(src) {
  return /^(https?:)?\/\//i.test(src);
}

/** Measures one page's initial scripts. */
function measurePage(dir, page) {
  const html = fs.readFileSync(path.join(dir, page), "utf8");
  const files = [];
  const external = [];
  for (const src of scriptSources(html)) {
    if (isExternal(src)) {
      external.push(src);
      continue;
    }
    const file = path.join(dir, decodeURIComponent(src.split(/[?#]/)[0]).replace(/^\//, ""));
    const bytes = fs.readFileSync(file);
    const text = bytes.toString("utf8");
    files.push({
      file: path.relative(dir, file),
      bytes: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      fileHostMarkers: FILE_HOST_MARKERS.filter((m) => text.includes(m)),
    });
  }
  const gzip = files.reduce((s, f) => s + f.gzip, 0);
  const bytes = files.reduce((s, f) => s + f.bytes, 0);
  return { page, files, external, bytes, gzip };
}

function kb(n) {
  return `${(n / 1024).toFixed(1)} KB`;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.build) {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
      cwd: ROOT,
      stdio: "inherit",
    });
  }
  if (!fs.existsSync(path.join(args.dir, "taskpane.html"))) {
    console.error(
      `Manca ${path.join(args.dir, "taskpane.html")}: eseguire prima "npm run build" (o usare --build).`,
    );
    process.exit(2);
  }
  const pages = ["taskpane.html", "commands.html"].filter((p) => fs.existsSync(path.join(args.dir, p)));
  const results = pages.map((p) => measurePage(args.dir, p));
  const pane = results[0];
  const fileHostIn = results.flatMap((r) => r.files.filter((f) => f.fileHostMarkers.length > 0));
  const overBudget = pane.gzip > args.budgetKb * 1024;

  if (args.json) {
    console.log(JSON.stringify({ budgetKb: args.budgetKb, pages: results, fileHostIn, overBudget }, null, 2));
  } else {
    for (const r of results) {
      console.log(`${r.page}: JavaScript iniziale ${kb(r.gzip)} gzip (${kb(r.bytes)} non compressi)`);
      for (const f of r.files) console.log(`  ${f.file}  ${kb(f.gzip)} gzip`);
      for (const e of r.external) console.log(`  (esterno, non conteggiato: ${e})`);
    }
    console.log(
      `Limite per il riquadro: ${args.budgetKb} KB gzip → ${overBudget ? "SUPERATO" : "rispettato"}`,
    );
    console.log(
      fileHostIn.length === 0
        ? "Gestione dei file .xlsx assente dal JavaScript iniziale."
        : `Gestione dei file .xlsx presente in: ${fileHostIn.map((f) => f.file).join(", ")}`,
    );
  }
  if (overBudget || fileHostIn.length > 0) process.exit(1);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}

module.exports = { scriptSources, measurePage, FILE_HOST_MARKERS };
