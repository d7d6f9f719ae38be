#!/usr/bin/env node
// Regenerates the Scheda and Riepilogo images in docs/ from the sample plan, through the built CLI and
// LibreOffice:
//   docs/scheda-apertura.png        the opening page (Ente, selected parameters, objectives with their pages)
//   docs/scheda-obiettivo.png       the first page of an objective whose phase table goes on to the next page
//   docs/scheda-obiettivo-segue.png the next page: the phase table continued under the repeated headers
//   docs/riepilogo.png              the Riepilogo's first page (title block, header row, sorted groups, Totale)
//   docs/riepilogo-grafici.png      its last page (header repeated, the two charts)
//   docs/scheda-ciclo-fasi.png      the sample monitored at 30/06 and closed at 31/12 (scripts/cycle-sample.js):
//                                   an objective's first page, Avanz. al 30/06 beside Avanzamento
//   docs/scheda-ciclo-sintesi.png   the page with the SINTESI of an objective validated by the Nucleo:
//                                   Valore al 30/06, Grado al 30/06, Grado validato dal Nucleo, Motivazione
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
const dist = (...p) => require(path.join(root, "dist", "node", ...p));
const { findSoffice, printXlsxToPdf } = dist("cli", "pdf.js");
const JSZip = require("jszip");
const { cycleSample, VALIDATIONS } = require("./cycle-sample.js");

/** The modules the cycle recipe needs, as built in dist/node. */
const cycleLib = {
  XlsxHost: dist("hosts", "xlsx", "xlsxHost.js").XlsxHost,
  SchedaService: dist("app", "service.js").SchedaService,
  readArchive: dist("domain", "cycle", "archive.js").readArchive,
  monitoraggiTable: dist("domain", "cycle", "monitoraggi.js").monitoraggiTable,
  buildSample: dist("domain", "template", "template.js").buildSample,
};

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

/** The Codice in an objective page's header band. */
const codeOf = (text) => (/PEG-PIAO-SEZ\.[^\n]*?(\S+_S\d+_\d+)/.exec(text) || [])[1] || null;

/** The first objective whose phase table continues on its next page: that page and the objective's first. */
function continuedPhases(pages) {
  const fasiPage = pages.findIndex((p) => p.includes("FASI - ATTIVITA' (segue)"));
  if (fasiPage < 0) throw new Error("nessun obiettivo con la tabella delle fasi su più pagine");
  const code = codeOf(pages[fasiPage]);
  return { fasiPage, firstPage: pages.findIndex((p) => codeOf(p) === code) };
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "scheda-docs-"));
  try {
    const sample = path.join(work, "piano-2023.xlsx");
    execFileSync(process.execPath, [bin, "sample", "-o", sample], { stdio: "inherit" });
    execFileSync(process.execPath, [bin, "generate", sample, "--pdf"], { stdio: "inherit" });
    const pdf = path.join(work, "piano-2023-scheda.pdf");
    const pages = pagesOf(pdf);
    const { fasiPage, firstPage } = continuedPhases(pages);

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

    // The year's cycle: the sample monitored at 30/06 and closed at 31/12.
    const data = JSON.parse(
      fs.readFileSync(path.join(root, "assets", "piano-2023-settore-socioeducativo.json"), "utf8"),
    );
    const cycle = path.join(work, "ciclo-2023.xlsx");
    fs.writeFileSync(cycle, await cycleSample(data, cycleLib));
    execFileSync(process.execPath, [bin, "generate", cycle, "--pdf"], { stdio: "inherit" });
    const cyclePdf = path.join(work, "ciclo-2023-scheda.pdf");
    const cyclePages = pagesOf(cyclePdf);
    // The objective validated with the long Motivazione: the page of its SINTESI.
    const validated = data.obiettivi[VALIDATIONS.findIndex(([, text]) => text.length > 200)].codice;
    const sintesiPage = cyclePages.findIndex(
      (p) => codeOf(p) === validated && p.includes("Grado validato dal Nucleo"),
    );
    if (sintesiPage < 0) throw new Error(`nessuna pagina con la SINTESI di ${validated}`);
    render(cyclePdf, continuedPhases(cyclePages).firstPage, "scheda-ciclo-fasi");
    render(cyclePdf, sintesiPage, "scheda-ciclo-sintesi");
    console.log(
      `Scheda del campione: ${pages.length} pagine; con il monitoraggio al 30/06: ${cyclePages.length} pagine; ` +
        `Riepilogo: ${riepilogoPages} pagine.`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
