// The Scheda printed by a real renderer (LibreOffice): page count as planned and at most the reference
// report's 74 pages, every page opening with its objective's page header, no text clipped or lost,
// rows no taller than their text, Italian numbers under LANG=C from folders with spaces and "%".
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { todayIso } from "../../src/domain/model/dates";
import { readPlan } from "../../src/domain/reading/reader";
import { computeRollups } from "../../src/domain/rollup/rollup";
import { layoutSchedaPages, type PlannedPage } from "../../src/domain/scheda/layout";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { convertWithLibreOffice, cleanup } from "../helpers/libreoffice";
import { findExecutable, itWithTool, sofficePath } from "../helpers/tools";
import { cli, sampleJson, tempDir } from "./helpers";
import { bboxWords, checkGeometry } from "./pdfGeometry";

const pdfinfo = findExecutable(["pdfinfo"]);
const pdftotext = findExecutable(["pdftotext"]);
const itPrint = itWithTool(
  "LibreOffice e poppler-utils (soffice, pdfinfo, pdftotext)",
  sofficePath && pdfinfo && pdftotext,
);
/** Pages of the comune's own printed report of the same 33 objectives (reference/scheda-obiettivi-2023-…). */
const REFERENCE_PAGES = 74;

/** Words of a text as the PDF shows them (ligatures expanded, quotes unified). */
function words(s: string): string[] {
  return s
    .replace(/\uFB00/g, "ff")
    .replace(/\uFB01/g, "fi")
    .replace(/\uFB02/g, "fl")
    .replace(/\uFB03/g, "ffi")
    .replace(/\uFB04/g, "ffl")
    .replace(/[’‘]/g, "'")
    .split(/\s+/)
    .filter((w) => w !== "");
}

const pageCount = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync(pdfinfo as string, [pdf], { encoding: "utf8" }))?.[1]);
const pdfText = (pdf: string) =>
  execFileSync(pdftotext as string, ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
const pdfBbox = (pdf: string) =>
  execFileSync(pdftotext as string, ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 256 << 20 });

/** The plans the CLI made for a generated workbook: the sheet (Excel) and the PDF (LibreOffice). */
async function plansOf(xlsx: string) {
  const host = await XlsxHost.fromBuffer(readFileSync(xlsx));
  const plan = readPlan(await host.readWorkbook(), { today: todayIso() }).plan;
  const rollups = computeRollups(plan);
  const options = { filter: { cdr: [], obiettivi: [] }, generatedOn: todayIso() };
  return {
    excel: layoutSchedaPages(plan, rollups, options),
    libreoffice: layoutSchedaPages(plan, rollups, { ...options, renderer: "libreoffice" }),
  };
}

describe("Scheda printed with LibreOffice", () => {
  const dir = tempDir();
  const sample = join(dir, "piano.xlsx");
  const output = join(dir, "piano-scheda.xlsx");
  const pdf = join(dir, "piano-scheda.pdf");
  const data = sampleJson();

  beforeAll(async () => {
    expect((await cli(["sample", "-o", sample])).code).toBe(0);
  });

  itPrint(
    "the sample: planned = printed, at most 74 pages, headers, SINTESI, nothing clipped or lost",
    async () => {
      const res = await cli(["generate", sample, "--pdf"]);
      expect(res.stderr).toBe("");
      expect(res.code).toBe(0);

      const { excel, libreoffice } = await plansOf(output);
      const { sheet, pages } = libreoffice;
      expect(res.stdout).toContain(`Scheda con 33 obiettivi, ${excel.sheet.plannedPages} pagine A4`);
      expect(res.stdout).toContain(`LibreOffice, ${sheet.plannedPages} pagine A4`);

      const pdfPages = pageCount(pdf);
      console.log(
        `Scheda del campione: PDF ${pdfPages} pagine (foglio per Excel: ${excel.sheet.plannedPages})`,
      );
      expect(pdfPages).toBe(sheet.plannedPages);
      expect(pdfPages).toBeLessThanOrEqual(REFERENCE_PAGES);
      const info = execFileSync(pdfinfo as string, [pdf], { encoding: "utf8" });
      expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);

      const text = pdfText(pdf).split("\f").slice(0, pdfPages);
      expect(text).toHaveLength(pages.length);
      // The opening page names the comune and the selected parameters.
      expect(text[0]).toMatch(/SCHEDA OBIETTIVI/);
      expect(text[0]).toContain("Comune di Cinisello Balsamo");
      expect(text[0]).toContain("Parametri selezionati:");

      // Each page starts with the page header of the objective it belongs to.
      pages.forEach((pg: PlannedPage, i: number) => {
        const firstLine = text[i].split("\n").find((l) => l.trim() !== "") ?? "";
        if (pg.obiettivo === null) expect(firstLine).toMatch(/SCHEDA OBIETTIVI/);
        else {
          expect({
            page: i + 1,
            firstLine:
              firstLine.includes("PEG-PIAO-SEZ. 2.2 PERFORMANCE") && firstLine.includes(pg.obiettivo),
          }).toEqual({ page: i + 1, firstLine: true });
        }
        expect(text[i]).toContain(`Pagina ${i + 1} di ${pdfPages}`);
      });
      // Every objective's pages end with its SINTESI.
      for (const o of data.obiettivi) {
        const own = pages.map((pg, i) => (pg.obiettivo === o.codice ? text[i] : "")).join("\n");
        expect({
          codice: o.codice,
          sintesi: /SINTESI[\s\S]*Grado di Raggiungimento %[\s\S]*Esito/.test(own),
        }).toEqual({
          codice: o.codice,
          sintesi: true,
        });
      }

      // No text lost: every word of each objective's texts is on that objective's pages.
      const missing: string[] = [];
      for (const o of data.obiettivi) {
        const own = pages.map((pg, i) => (pg.obiettivo === o.codice ? text[i] : "")).join("\n");
        const tokens = new Set(words(own));
        const texts = [
          o.titolo,
          o.assessorato,
          o.centro_responsabilita,
          o.responsabile,
          o.valore_pubblico,
          o.modalita_attuazione,
          o.stato_attuazione,
          o.stato,
          ...[o.obiettivo_mandato, o.obiettivo_missione, o.obiettivo_programma].map((l) =>
            l ? `${l.codice} ${l.descrizione}` : null,
          ),
          ...o.fasi.flatMap((f) => [f.titolo, f.responsabile, f.centro_responsabilita, f.note]),
          ...o.indicatori.flatMap((x) => [x.descrizione, x.tipo, x.note]),
        ];
        for (const t of texts) {
          for (const w of words(t ?? "")) {
            if (tokens.has(w)) continue;
            // A word the renderer broke at the end of a line (e.g. after a hyphen) is found in two pieces.
            let split = false;
            for (let k = 1; k < w.length && !split; k++)
              split = tokens.has(w.slice(0, k)) && tokens.has(w.slice(k));
            if (!split) missing.push(`${o.codice}: ${w}`);
          }
        }
      }
      expect(missing).toEqual([]);

      // No line clipped at a cell's border, and rows exactly as tall as their text: at most 1 % of the
      // rows with text leave a whole free line under it.
      const geo = checkGeometry(sheet, pages, bboxWords(pdfBbox(pdf)));
      console.log(`Righe con testo: ${geo.textRows}; con una riga libera: ${geo.looseRows.length}`);
      expect(geo.words).toBeGreaterThan(15000);
      expect(geo.clipped).toEqual([]);
      expect(geo.looseRows.length).toBeLessThanOrEqual(Math.ceil(geo.textRows * 0.01));
    },
  );

  itPrint(
    "the sheet in the workbook (planned for Excel) prints on its planned pages, nothing clipped",
    async () => {
      if (!existsSync(output)) expect((await cli(["generate", sample])).code).toBe(0);
      const { excel } = await plansOf(output);
      const d = tempDir();
      const one = await XlsxHost.createEmpty();
      await one.renderSheet(excel.sheet);
      const file = join(d, "scheda-excel.xlsx");
      writeFileSync(file, await one.toBuffer());
      const { outDir, output: printed } = await convertWithLibreOffice(file, "pdf");
      try {
        expect(pageCount(printed)).toBe(excel.sheet.plannedPages);
        // Planned for Excel's taller lines: LibreOffice shows air, never a clipped line.
        expect(checkGeometry(excel.sheet, excel.pages, bboxWords(pdfBbox(printed))).clipped).toEqual([]);
      } finally {
        cleanup(dirname(outDir));
      }
    },
  );

  itPrint(
    "LANG=C, a temporary folder and -o with a space, '%' and an accent: Italian decimals only",
    async () => {
      const base = join(tempDir(), "Mario Rossi %20 attività");
      const tmp = join(base, "Temp 100%");
      mkdirSync(tmp, { recursive: true });
      const out = join(base, "Scheda finale 50%.xlsx");
      const res = await cli(["generate", sample, "--pdf", "-o", out], {
        LANG: "C",
        LC_ALL: "C",
        TMPDIR: tmp,
      });
      expect(res.stderr).toBe("");
      expect(res.code).toBe(0);
      const printed = join(base, "Scheda finale 50%-scheda.pdf");
      const text = pdfText(printed);
      // Peso and Avanzamento (33,00 100,00), indicator values, rollups: comma decimals, never a point.
      expect(text).toMatch(/\b33,00\b/);
      expect(text).toMatch(/\b100,00\b/);
      expect(text.match(/\b\d+\.\d\d\b/g) ?? []).toEqual([]);
    },
  );

  itPrint(
    "stress: very long texts in every place still print on the planned pages, nothing clipped",
    async () => {
      const d = tempDir();
      const file = join(d, "lungo.xlsx");
      expect((await cli(["sample", "-o", file])).code).toBe(0);
      const sentence =
        "Il servizio ha proseguito le attività con i soggetti della rete territoriale, verificando gli esiti. ";
      const para = (n: number) => sentence.repeat(n).trim();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const col = (ws: ExcelJS.Worksheet, h: string) =>
        (ws.getRow(1).values as unknown[]).findIndex((v) => v === h);
      const ob = wb.getWorksheet("Obiettivi")!;
      ob.getRow(2).getCell(col(ob, "Titolo")).value = para(6);
      ob.getRow(2).getCell(col(ob, "Stato di Attuazione")).value = para(90);
      ob.getRow(2).getCell(col(ob, "Modalità di Attuazione")).value = [para(8), para(30), para(3)].join("\n");
      const fasi = wb.getWorksheet("Fasi")!;
      fasi.getRow(2).getCell(col(fasi, "Note")).value = [para(12), para(12), para(12)].join("\n");
      fasi.getRow(3).getCell(col(fasi, "Fase")).value = para(9);
      const ind = wb.getWorksheet("Indicatori")!;
      ind.getRow(2).getCell(col(ind, "Note")).value = para(40);
      await wb.xlsx.writeFile(file);

      const res = await cli(["generate", file, "--pdf"]);
      expect(res.code).toBe(0);
      const printed = join(d, "lungo-scheda.pdf");
      const planned = Number(/LibreOffice, (\d+) pagine/.exec(res.stdout)?.[1]);
      expect(pageCount(printed)).toBe(planned);
      const text = pdfText(printed);
      // Every sentence is printed as often as it was written (nothing clipped at a row's bottom): once per
      // text, and the Titolo once per page of the objective (page header) plus once in the opening index.
      const count = (s: string, w: string) => s.split(/\s+/).filter((x) => x === w).length;
      const objectivePages = text.split("\f").filter((pg) => /PEG-PIAO-SEZ[^\n]*2023_S08_20/.test(pg)).length;
      expect(objectivePages).toBeGreaterThan(3);
      expect(count(text, "verificando")).toBe(90 + 41 + 36 + 9 + 40 + 6 * (objectivePages + 1));
      const { libreoffice } = await plansOf(join(d, "lungo-scheda.xlsx"));
      expect(libreoffice.sheet.plannedPages).toBe(planned);
      expect(
        checkGeometry(libreoffice.sheet, libreoffice.pages, bboxWords(pdfBbox(printed))).clipped,
      ).toEqual([]);
    },
  );
});
