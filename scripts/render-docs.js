#!/usr/bin/env node
// Regenerates the Scheda images in docs/ from the sample plan, through the built CLI and LibreOffice:
//   docs/scheda-apertura.png        the opening page (selected parameters, objectives with their pages)
//   docs/scheda-obiettivo.png       an objective page with a long STATO DI ATTUAZIONE continued from the
//                                   previous page and its phase table starting
//   docs/scheda-obiettivo-segue.png the next page: the phase table continued under the repeated headers
// Needs `npm run build:node` first, LibreOffice (soffice) and poppler-utils (pdftotext, pdftoppm).
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..");
const bin = path.join(root, "bin", "scheda-peg.js");
const docs = path.join(root, "docs");
if (!fs.existsSync(path.join(root, "dist", "node", "cli", "main.js"))) {
  console.error("Manca dist/node: esegui prima `npm run build:node`.");
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "scheda-docs-"));
try {
  const sample = path.join(work, "piano-2023.xlsx");
  execFileSync(process.execPath, [bin, "sample", "-o", sample], { stdio: "inherit" });
  execFileSync(process.execPath, [bin, "generate", sample, "--pdf"], { stdio: "inherit" });
  const pdf = path.join(work, "piano-2023-scheda.pdf");

  const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  }).split("\f");
  const codeOf = (text) => (/PEG-PIAO-SEZ\.[^\n]*?(\S+_S\d+_\d+)/.exec(text) || [])[1] || null;
  // An objective whose STATO DI ATTUAZIONE runs over a page and whose phase table continues.
  let statoPage = -1;
  let fasiPage = -1;
  for (let i = 0; i < pages.length && fasiPage < 0; i++) {
    if (!pages[i].includes("STATO DI ATTUAZIONE (segue)")) continue;
    const code = codeOf(pages[i]);
    for (let j = i + 1; j < pages.length && codeOf(pages[j]) === code; j++) {
      if (pages[j].includes("FASI - ATTIVITA' (segue)")) {
        statoPage = i;
        fasiPage = j;
        break;
      }
    }
  }
  if (fasiPage < 0)
    throw new Error("nessun obiettivo con STATO DI ATTUAZIONE e tabella delle fasi su più pagine");

  const render = (pageIndex, name) => {
    const prefix = path.join(work, name);
    const n = String(pageIndex + 1);
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", n, "-l", n, "-singlefile", pdf, prefix]);
    fs.copyFileSync(`${prefix}.png`, path.join(docs, `${name}.png`));
    console.log(`docs/${name}.png: pagina ${n} di ${pages.length - 1}`);
  };
  fs.mkdirSync(docs, { recursive: true });
  render(0, "scheda-apertura");
  render(statoPage, "scheda-obiettivo");
  render(fasiPage, "scheda-obiettivo-segue");
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
