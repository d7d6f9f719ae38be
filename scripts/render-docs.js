#!/usr/bin/env node
// Regenerates the Scheda and Riepilogo images in docs/ from the sample plan, through the built CLI and
// LibreOffice:
//   docs/scheda-apertura.png        the opening page (Ente, selected parameters, objectives with their pages)
//   docs/scheda-obiettivo.png       the first page of an objective whose phase table goes on to the next page
//   docs/scheda-obiettivo-segue.png the next page: the phase table continued under the repeated headers
//   docs/riepilogo.png              the Riepilogo's first page (title block, header row, sorted groups, Totale)
//   docs/riepilogo-grafici.png      its last page (header repeated, the two charts)
// and prints the page counts. Needs `npm run build:node` first, LibreOffice (soffice) and poppler-utils
// (pdftotext, pdftoppm, pdfinfo).
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..");
const bin = path.join(root, "bin", "scheda-peg.js");
const docs = path.join(root, "docs");
if (!fs.existsSync(path.join(root, "dist", "node", "cli", "main.js"))) {
  console.error("Manca dist/node: eseguire prima `npm run build:node`.");
  process.exit(2);
}
const { findSoffice, printXlsxToPdf } = require(path.join(root, "dist", "node", "cli", "pdf.js"));
const JSZip = require("jszip");

/** A copy of the workbook where every sheet but `keep` is hidden, so LibreOffice prints only that one. */
async function onlySheet(bytes, keep) {
  const zip = await JSZip.loadAsync(bytes);
  let wb = await zip.file("xl/workbook.xml").async("string");
  let i = 0;
  let index = 0;
  wb = wb.replace(/<sheet\b[^>]*?\/>/g, (tag) => {
    const n = i++;
    if (tag.includes(`name="${keep}"`)) {
      index = n;
      return tag;
    }
    return tag.replace("<sheet ", '<sheet state="hidden" ');
  });
  // LibreOffice prints a hidden sheet that has a print area: drop the other sheets' print areas.
  wb = wb.replace(
    /<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)">[^<]*<\/definedName>/g,
    (el, id) => (Number(id) === index ? el : ""),
  );
  wb = /activeTab="\d+"/.test(wb)
    ? wb.replace(/activeTab="\d+"/, `activeTab="${index}"`)
    : wb.replace("<workbookView ", `<workbookView activeTab="${index}" `);
  zip.file("xl/workbook.xml", wb);
  return zip.generateAsync({ type: "uint8array" });
}

const pagesOf = (pdf) =>
  execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 })
    .split("\f")
    .slice(0, -1);

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "scheda-docs-"));
  try {
    const sample = path.join(work, "piano-2023.xlsx");
    execFileSync(process.execPath, [bin, "sample", "-o", sample], { stdio: "inherit" });
    execFileSync(process.execPath, [bin, "generate", sample, "--pdf"], { stdio: "inherit" });
    const pdf = path.join(work, "piano-2023-scheda.pdf");
    const pages = pagesOf(pdf);
    const codeOf = (text) => (/PEG-PIAO-SEZ\.[^\n]*?(\S+_S\d+_\d+)/.exec(text) || [])[1] || null;
    // An objective whose phase table continues on its next page.
    const fasiPage = pages.findIndex((p) => p.includes("FASI - ATTIVITA' (segue)"));
    if (fasiPage < 0) throw new Error("nessun obiettivo con la tabella delle fasi su più pagine");
    const code = codeOf(pages[fasiPage]);
    const firstPage = pages.findIndex((p) => codeOf(p) === code);

    const soffice = findSoffice();
    if (!soffice) throw new Error("LibreOffice (soffice) non trovato");
    const riepilogo = path.join(work, "riepilogo.pdf");
    const generated = fs.readFileSync(path.join(work, "piano-2023-scheda.xlsx"));
    await printXlsxToPdf(await onlySheet(generated, "Riepilogo"), riepilogo, soffice);
    const riepilogoPages = pagesOf(riepilogo).length;

    const render = (file, pageIndex, name) => {
      const prefix = path.join(work, name);
      const n = String(pageIndex + 1);
      execFileSync("pdftoppm", ["-png", "-r", "80", "-f", n, "-l", n, "-singlefile", file, prefix]);
      fs.copyFileSync(`${prefix}.png`, path.join(docs, `${name}.png`));
      console.log(`docs/${name}.png: pagina ${n}`);
    };
    fs.mkdirSync(docs, { recursive: true });
    render(pdf, 0, "scheda-apertura");
    render(pdf, firstPage, "scheda-obiettivo");
    render(pdf, fasiPage, "scheda-obiettivo-segue");
    render(riepilogo, 0, "riepilogo");
    render(riepilogo, riepilogoPages - 1, "riepilogo-grafici");
    console.log(`Scheda del campione: ${pages.length} pagine; Riepilogo: ${riepilogoPages} pagine.`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
