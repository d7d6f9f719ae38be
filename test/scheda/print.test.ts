// The Scheda printed by a real renderer (LibreOffice): page count as planned and at most the reference
// report's 74 pages, every page opening with its objective's page header, no text clipped or lost,
// rows no taller than their text, Italian numbers under LANG=C from folders with spaces and "%"; the
// same for the sample monitored at 30/06 and closed at 31/12, with its earlier snapshot.
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { todayIso } from "../../src/domain/model/dates";
import { readPlan } from "../../src/domain/reading/reader";
import { computeRollups } from "../../src/domain/rollup/rollup";
import { earlierFromWorkbook } from "../../src/domain/cycle/earlier";
import type { SheetDescription } from "../../src/domain/model/sheet";
import { layoutSchedaPages, type PlannedPage } from "../../src/domain/scheda/layout";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { convertWithLibreOffice, cleanup } from "../helpers/libreoffice";
import { findExecutable, itWithTool, sofficePath } from "../helpers/tools";
import { readXlsxCells } from "../rollup/oracle";
import { cycleSample, half, VALIDATIONS } from "./cycleWorkbook";
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
  const raw = await host.readWorkbook({ monitoraggi: true });
  const plan = readPlan(raw, { today: todayIso() }).plan;
  const rollups = computeRollups(plan);
  const earlier = earlierFromWorkbook(plan, raw);
  const options = { filter: { cdr: [], obiettivi: [] }, generatedOn: todayIso(), earlier };
  return {
    excel: layoutSchedaPages(plan, rollups, options),
    libreoffice: layoutSchedaPages(plan, rollups, { ...options, renderer: "libreoffice" }),
  };
}

/** A number as the Scheda's `[$-410]0.00` / `[$-410]#,##0.00` formats print it. */
function italian(v: number, thousands: boolean): string {
  const [int, dec] = v.toFixed(2).split(".");
  return `${thousands ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : int},${dec}`;
}

interface Printed {
  pdf: string;
  pages: PlannedPage[];
  sheet: SheetDescription;
  /** The text of each printed page. */
  text: string[];
  /** The words printed in each planned cell (`row:col`). */
  printed: Map<string, string>;
}

/**
 * Generates FILE's Scheda with `--pdf` and checks the rules every Scheda keeps: planned pages = printed
 * pages (at most the reference's 74), each page opening with its objective's page header, every
 * objective ending with its SINTESI, every word of its texts on its own pages, no line clipped, rows no
 * taller than their text. `extraTexts` adds texts of an objective that must be printed whole.
 */
async function printAndCheck(
  input: string,
  name: string,
  extraTexts: (o: ReturnType<typeof sampleJson>["obiettivi"][number]) => (string | null)[] = () => [],
): Promise<Printed> {
  const data = sampleJson();
  const res = await cli(["generate", input, "--pdf"]);
  expect(res.stderr).toBe("");
  expect(res.code).toBe(0);
  const dir = dirname(input);
  const pdf = join(dir, `${name}-scheda.pdf`);

  const { excel, libreoffice } = await plansOf(join(dir, `${name}-scheda.xlsx`));
  const { sheet, pages } = libreoffice;
  expect(res.stdout).toContain(`Scheda con 33 obiettivi, ${excel.sheet.plannedPages} pagine A4`);
  expect(res.stdout).toContain(`LibreOffice, ${sheet.plannedPages} pagine A4`);

  const pdfPages = pageCount(pdf);
  console.log(`${name}: PDF ${pdfPages} pagine (foglio per Excel: ${excel.sheet.plannedPages})`);
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
        firstLine: firstLine.includes("PEG-PIAO-SEZ. 2.2 PERFORMANCE") && firstLine.includes(pg.obiettivo),
      }).toEqual({ page: i + 1, firstLine: true });
    }
    expect(text[i]).toContain(`Pagina ${i + 1} di ${pdfPages}`);
  });
  const own = (codice: string) => pages.map((pg, i) => (pg.obiettivo === codice ? text[i] : "")).join("\n");
  // Every objective's pages end with its SINTESI.
  for (const o of data.obiettivi) {
    expect({
      codice: o.codice,
      sintesi: /SINTESI[\s\S]*Grado di Raggiungimento %[\s\S]*Esito/.test(own(o.codice)),
    }).toEqual({ codice: o.codice, sintesi: true });
  }

  // No text lost: every word of each objective's texts is on that objective's pages.
  const missing: string[] = [];
  for (const o of data.obiettivi) {
    const tokens = new Set(words(own(o.codice)));
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
      ...extraTexts(o),
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
  console.log(`${name}: righe con testo ${geo.textRows}; con una riga libera ${geo.looseRows.length}`);
  expect(geo.words).toBeGreaterThan(15000);
  expect(geo.clipped).toEqual([]);
  expect(geo.looseRows.length).toBeLessThanOrEqual(Math.ceil(geo.textRows * 0.01));
  return { pdf, pages, sheet, text, printed: geo.printed };
}

/** The sheet planned for Excel, alone in a workbook, printed: its planned pages and nothing clipped. */
async function printExcelPlan(xlsx: string): Promise<void> {
  const { excel } = await plansOf(xlsx);
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
}

describe("Scheda printed with LibreOffice", () => {
  const dir = tempDir();
  const sample = join(dir, "piano.xlsx");
  const output = join(dir, "piano-scheda.xlsx");

  beforeAll(async () => {
    expect((await cli(["sample", "-o", sample])).code).toBe(0);
  });

  itPrint(
    "the sample: planned = printed, at most 74 pages, headers, SINTESI, nothing clipped or lost",
    async () => {
      const { text } = await printAndCheck(sample, "piano");
      // Without an archive: no earlier date anywhere.
      expect(text.join("\n")).not.toMatch(/(Avanz\.|Valore|Grado) al \d\d\/\d\d/);
    },
  );

  itPrint(
    "the sample monitored at 30/06 and closed at 31/12: the snapshot beside the values, every rule kept",
    async () => {
      const d = tempDir();
      const input = join(d, "ciclo.xlsx");
      writeFileSync(input, await cycleSample());
      const reasons = new Map(
        sampleJson()
          .obiettivi.slice(0, VALIDATIONS.length)
          .map((o, i) => [o.codice, VALIDATIONS[i][1]]),
      );
      const { sheet, pages, text, printed } = await printAndCheck(input, "ciclo", (o) => [
        reasons.get(o.codice) ?? null,
      ]);
      const data = sampleJson();
      const pageOfRow = (r: number) => pages.find((pg) => r >= pg.firstRow && r <= pg.lastRow) as PlannedPage;
      const at = (r: number, c: number) => sheet.cells.find((x) => x.row === r && x.col === c);
      const textAt = (r: number, c: number) => {
        const content = at(r, c)?.content;
        return content?.kind === "text" ? content.text : null;
      };

      // Every phase and indicator shows half its value under the 30/06 column, printed in its cell.
      const earlierCells = { phases: 0, indicators: 0 };
      for (const c of sheet.cells) {
        if ((c.style !== "tdNumEarlier" && c.style !== "tdValueEarlier") || c.content.kind !== "number")
          continue;
        const o = data.obiettivi.find((x) => x.codice === pageOfRow(c.row).obiettivo);
        const name = textAt(c.row, 1);
        const expected =
          c.style === "tdNumEarlier"
            ? o?.fasi.filter((f) => f.titolo === name).map((f) => half(f.avanzamento as number))
            : o?.indicatori
                .filter((x) => x.descrizione === name)
                .map((x) => half(x.valore_raggiunto as number));
        expect({ name, value: expected?.includes(c.content.value) }).toEqual({ name, value: true });
        expect(printed.get(`${c.row}:${c.col}`)).toBe(italian(c.content.value, c.style === "tdValueEarlier"));
        earlierCells[c.style === "tdNumEarlier" ? "phases" : "indicators"]++;
      }
      const fasi = data.obiettivi.flatMap((o) => o.fasi).filter((f) => f.avanzamento !== null);
      const inds = data.obiettivi.flatMap((o) => o.indicatori).filter((x) => x.valore_raggiunto !== null);
      expect(earlierCells).toEqual({ phases: fasi.length, indicators: inds.length });

      // Each objective's SINTESI: the grade archived at 30/06, as the Monitoraggi sheet holds it.
      const archive = (await readXlsxCells(readFileSync(join(d, "ciclo-scheda.xlsx")))).get("Monitoraggi")!;
      const archivedGrade = new Map<string, unknown>();
      for (const [address, cell] of archive)
        if (/^B\d+$/.test(address) && cell.value === "Obiettivo")
          archivedGrade.set(
            String(archive.get(`C${address.slice(1)}`)?.value),
            archive.get(`G${address.slice(1)}`)?.value,
          );
      const gradeRows = sheet.cells.filter((c) => c.col === 1 && textAt(c.row, 1) === "Grado al 30/06");
      expect(gradeRows).toHaveLength(33);
      for (const c of gradeRows) {
        const codice = pageOfRow(c.row).obiettivo as string;
        const value = at(c.row, 2)?.content;
        expect({ codice, value }).toEqual({
          codice,
          value: { kind: "number", value: archivedGrade.get(codice) },
        });
        expect(printed.get(`${c.row}:2`)).toBe(italian(archivedGrade.get(codice) as number, false));
      }

      // The column headers on every page with a phase or indicator table; the Nucleo's lines.
      text.forEach((pg, i) => {
        if (/FASI - ATTIVITA'/.test(pg))
          expect({ page: i + 1, ok: /Avanz\.\s+al/.test(pg) }).toEqual({ page: i + 1, ok: true });
        if (/\bINDICATORI\b/.test(pg) && /Descrizione/.test(pg))
          expect({ page: i + 1, ok: /Valore\s+al/.test(pg) }).toEqual({ page: i + 1, ok: true });
      });
      const all = text.join("\n");
      expect(all.match(/Grado validato dal Nucleo/g)).toHaveLength(VALIDATIONS.length);
      expect(all.match(/Motivazione/g)).toHaveLength(VALIDATIONS.length);

      await printExcelPlan(join(d, "ciclo-scheda.xlsx"));
    },
  );

  itPrint(
    "the sheet in the workbook (planned for Excel) prints on its planned pages, nothing clipped",
    async () => {
      if (!existsSync(output)) expect((await cli(["generate", sample])).code).toBe(0);
      await printExcelPlan(output);
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
