// The Scheda printed by a real renderer (LibreOffice): page count as planned, every page opening with
// its objective's page header, and no text clipped.
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readPlan } from "../../src/domain/reading/reader";
import { computeRollups } from "../../src/domain/rollup/rollup";
import { layoutSchedaPages, type PlannedPage } from "../../src/domain/scheda/layout";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { findExecutable, itWithTool, sofficePath } from "../helpers/tools";
import { cli, sampleJson, tempDir } from "./helpers";

const pdfinfo = findExecutable(["pdfinfo"]);
const pdftotext = findExecutable(["pdftotext"]);
const itPrint = itWithTool(
  "LibreOffice e poppler-utils (soffice, pdfinfo, pdftotext)",
  sofficePath && pdfinfo && pdftotext,
);

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

describe("Scheda printed with LibreOffice", () => {
  const dir = tempDir();
  const sample = join(dir, "piano.xlsx");
  const output = join(dir, "piano-scheda.xlsx");
  const pdf = join(dir, "piano-scheda.pdf");
  const data = sampleJson();

  itPrint("page count, page headers and complete texts match the plan", async () => {
    expect((await cli(["sample", "-o", sample])).code).toBe(0);
    const res = await cli(["generate", sample, "--pdf"]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);

    // The engine's plan for the generated workbook.
    const host = await XlsxHost.fromBuffer(readFileSync(output));
    const plan = readPlan(await host.readWorkbook(), { today: "2024-01-15" }).plan;
    const { sheet, pages } = layoutSchedaPages(plan, computeRollups(plan), {
      filter: { cdr: [], obiettivi: [] },
      generatedOn: "2024-01-15",
    });
    expect(res.stdout).toContain(`${sheet.plannedPages} pagine`);

    const info = execFileSync(pdfinfo as string, [pdf], { encoding: "utf8" });
    const pdfPages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pdfPages).toBe(sheet.plannedPages);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);

    const text = execFileSync(pdftotext as string, ["-layout", pdf, "-"], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    const pdfText = text.split("\f").slice(0, pdfPages);
    expect(pdfText).toHaveLength(pages.length);

    // Each page starts with the page header of the objective it belongs to.
    pages.forEach((pg: PlannedPage, i: number) => {
      const firstLine = pdfText[i].split("\n").find((l) => l.trim() !== "") ?? "";
      if (pg.obiettivo === null) expect(firstLine).toMatch(/SCHEDA OBIETTIVI/);
      else {
        expect({
          page: i + 1,
          firstLine: firstLine.includes("PEG-PIAO-SEZ. 2.2 PERFORMANCE") && firstLine.includes(pg.obiettivo),
        }).toEqual({
          page: i + 1,
          firstLine: true,
        });
      }
      expect(pdfText[i]).toContain(`Pagina ${i + 1} di ${pdfPages}`);
    });

    // No text clipped: every word of each objective's texts is on that objective's pages.
    const missing: string[] = [];
    for (const o of data.obiettivi) {
      const own = pages.map((pg, i) => (pg.obiettivo === o.codice ? pdfText[i] : "")).join("\n");
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
  });

  itPrint("stress: very long texts in every place still print on the planned pages", async () => {
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
    const planned = Number(/(\d+) pagine/.exec(res.stdout)?.[1]);
    const info = execFileSync(pdfinfo as string, [join(d, "lungo-scheda.pdf")], { encoding: "utf8" });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(planned);
    const text = execFileSync(pdftotext as string, ["-layout", join(d, "lungo-scheda.pdf"), "-"], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    // Every sentence is printed as often as it was written (nothing clipped at a row's bottom): once per
    // text, and the Titolo once per page of the objective (page header) plus once in the opening index.
    const count = (s: string, w: string) => s.split(/\s+/).filter((x) => x === w).length;
    const objectivePages = text.split("\f").filter((pg) => /PEG-PIAO-SEZ[^\n]*2023_S08_20/.test(pg)).length;
    expect(objectivePages).toBeGreaterThan(3);
    expect(count(text, "verificando")).toBe(90 + 41 + 36 + 9 + 40 + 6 * (objectivePages + 1));
  });
});
