// The Riepilogo to print and to read (docs/reference/scheda.md § Riepilogo sheet): title block, groups
// sorted by label, a Totale row per table (checked against LibreOffice's own recalculation), the header
// row on every printed page, no table split leaving fewer than three rows, the sample on at most two A4
// pages, and its two charts in files (DrawingML) and in Excel (Office.js, on the emulator).
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SchedaService } from "../../src/app/service";
import { SHEETS } from "../../src/domain/model/schema";
import { readPlan } from "../../src/domain/reading/reader";
import { buildRollupWritePlan } from "../../src/domain/rollup/formulas";
import { computeRollups, GROUPINGS } from "../../src/domain/rollup/rollup";
import type { SheetDescription } from "../../src/domain/model/sheet";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { chartsOf } from "../emulator/charts";
import { startHarness } from "../emulator/harness";
import { newSheet, newWorkbook } from "../emulator/model";
import { planBreaks } from "../../src/domain/riepilogo/pages";
import { cleanup, convertWithLibreOffice } from "../helpers/libreoffice";
import { recalcWithLibreOffice } from "../rollup/oracle";
import { columnLetter } from "../../src/domain/model/raw";
import { findExecutable, itWithTool, sofficePath } from "../helpers/tools";
import { cli, sampleJson, tempDir } from "./helpers";

const pdftotext = findExecutable(["pdftotext"]);
const itLo = itWithTool("LibreOffice e poppler-utils (soffice, pdftotext)", sofficePath && pdftotext);
const TODAY = "2024-01-15";

const dir = tempDir();
const sample = join(dir, "piano.xlsx");
const rolled = join(dir, "piano-rollup.xlsx");

async function riepilogoOf(file: string): Promise<SheetDescription> {
  const host = await XlsxHost.fromBuffer(readFileSync(file));
  const plan = readPlan(await host.readWorkbook(), { today: TODAY }).plan;
  return buildRollupWritePlan(plan, computeRollups(plan), TODAY).riepilogo;
}

/** Text of the cells of column A by row, and the rows of each table (title, groups, Totale). */
function tables(d: SheetDescription) {
  const textAt = new Map<number, string>();
  for (const c of d.cells) if (c.col === 1 && c.content.kind === "text") textAt.set(c.row, c.content.text);
  const titles = [...d.cells].filter((c) => c.col === 1 && c.style === "groupTitle").map((c) => c.row);
  return titles.map((title, i) => {
    const end = i + 1 < titles.length ? titles[i + 1] - 1 : Math.max(...d.cells.map((c) => c.row));
    const rows = [...textAt.keys()].filter((r) => r > title && r <= end).sort((a, b) => a - b);
    const totale = rows.find((r) => textAt.get(r) === "Totale") as number;
    return { title, groups: rows.filter((r) => r < totale), totale, labels: textAt };
  });
}

/** A copy of the workbook where every sheet but the Riepilogo is hidden (LibreOffice prints only it). */
async function riepilogoOnly(file: string, out: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  let wb = (await zip.file("xl/workbook.xml")!.async("string")) as string;
  let i = 0;
  let keep = 0;
  wb = wb.replace(/<sheet\b[^>]*?\/>/g, (tag) => {
    const n = i++;
    if (/name="Riepilogo"/.test(tag)) {
      keep = n;
      return tag;
    }
    return tag.replace("<sheet ", '<sheet state="hidden" ');
  });
  // LibreOffice prints a hidden sheet that has a print area: drop the other sheets' print areas.
  wb = wb.replace(
    /<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)">[^<]*<\/definedName>/g,
    (el, id) => (Number(id) === keep ? el : ""),
  );
  wb = /activeTab="\d+"/.test(wb)
    ? wb.replace(/activeTab="\d+"/, `activeTab="${keep}"`)
    : wb.replace("<workbookView ", `<workbookView activeTab="${keep}" `);
  zip.file("xl/workbook.xml", wb);
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer" }));
}

beforeAll(async () => {
  expect((await cli(["sample", "-o", sample])).code).toBe(0);
  expect((await cli(["rollup", sample, "-o", rolled])).code).toBe(0);
});

describe("Riepilogo of the sample", () => {
  it("title block: title, Ente, Anno, Data di riferimento, generation date", async () => {
    const d = await riepilogoOf(rolled);
    const texts = d.cells.filter((c) => c.row < 8).map((c) => c.content);
    expect(texts).toEqual(
      expect.arrayContaining([
        { kind: "text", text: "RIEPILOGO DEGLI OBIETTIVI" },
        { kind: "text", text: "Comune di Cinisello Balsamo" },
        { kind: "text", text: "Anno" },
        { kind: "number", value: 2023 },
        { kind: "text", text: "Data di riferimento" },
        { kind: "date", iso: "2023-12-31" },
        { kind: "text", text: "Generato il" },
        { kind: "date", iso: TODAY },
      ]),
    );
  });

  it("each table sorted by label (Italian order, numbers by value), '(non indicato)' last", async () => {
    const d = await riepilogoOf(rolled);
    const collator = new Intl.Collator("it", { sensitivity: "base", numeric: true });
    const ts = tables(d);
    expect(ts).toHaveLength(GROUPINGS.length);
    for (const t of ts) {
      const labels = t.groups.map((r) => t.labels.get(r) as string);
      const expected = [...labels].sort((a, b) =>
        a === "(non indicato)" ? 1 : b === "(non indicato)" ? -1 : collator.compare(a, b),
      );
      expect(labels).toEqual(expected);
    }
    // The sample's four Assessorati, alphabetically.
    expect(ts[1].groups.map((r) => ts[1].labels.get(r)?.slice(0, 12))).toEqual([
      "Bilancio - T",
      "Centralità d",
      "Istruzione -",
      "SINDACO GHIL",
    ]);
  });

  it("no page break leaves fewer than three rows of a table on a page; the header row repeats", async () => {
    const d = await riepilogoOf(rolled);
    const header = d.cells.find(
      (c) => c.col === 1 && c.content.kind === "text" && c.content.text === "Gruppo",
    )!;
    expect(d.print?.printTitleRows).toBe(`$${header.row}:$${header.row}`);
    expect(d.freeze).toEqual({ rows: header.row, cols: 0 });
    for (const br of d.pageBreaks) {
      for (const t of tables(d)) {
        const rows = [t.title, ...t.groups, t.totale];
        const before = rows.filter((r) => r <= br).length;
        const after = rows.length - before;
        if (before > 0 && after > 0) {
          expect({ br, before: before >= 3, after: after >= 3 }).toEqual({ br, before: true, after: true });
        }
      }
    }
  });

  itLo(
    "LibreOffice: Totale rows equal the sums and the mean of the Obiettivi; 2 pages, header on each, charts",
    async () => {
      const only = join(dir, "solo-riepilogo.xlsx");
      await riepilogoOnly(rolled, only);
      // 1. Recalculated by LibreOffice: the Totale rows against the group rows and the Obiettivi sheet.
      const book = await recalcWithLibreOffice(readFileSync(rolled));
      const pdf = await convertWithLibreOffice(only, "pdf");
      try {
        const at = (r: number, c: number) =>
          book.get(SHEETS.riepilogo)?.get(`${columnLetter(c)}${r}`)?.value ?? null;
        // The Obiettivi's Grado column, as LibreOffice computed it.
        const ob = book.get(SHEETS.obiettivi)!;
        const gradoCol = [...ob.entries()]
          .find(([ref, c]) => /^[A-Z]+1$/.test(ref) && c.value === "Grado di Raggiungimento %")![0]
          .replace(/1$/, "");
        const gradi = [...ob.entries()]
          .filter(
            ([ref]) =>
              ref.startsWith(gradoCol) && /^[A-Z]+\d+$/.test(ref) && ref.slice(gradoCol.length) !== "1",
          )
          .map(([, c]) => c.value)
          .filter((v): v is number => typeof v === "number");
        expect(gradi).toHaveLength(sampleJson().obiettivi.length);
        const mean = gradi.reduce((a, b) => a + b, 0) / gradi.length;
        const d = await riepilogoOf(rolled);
        for (const t of tables(d)) {
          expect(at(t.totale, 2)).toBe(33);
          expect(at(t.totale, 3) as number).toBeCloseTo(mean, 9);
          for (const col of [2, 4, 5, 6, 7]) {
            const sum = t.groups.reduce((s, r) => s + (at(r, col) as number), 0);
            expect({ table: t.title, col, total: at(t.totale, col) }).toEqual({
              table: t.title,
              col,
              total: sum,
            });
          }
        }
        // 2. Printed: at most two A4 pages, each starting with the title block or the header row.
        const text = execFileSync(pdftotext as string, ["-layout", pdf.output, "-"], { encoding: "utf8" });
        const pages = text.split("\f").filter((p) => p.trim() !== "");
        console.log(`Riepilogo del campione: ${pages.length} pagine (pianificate: ${d.plannedPages})`);
        expect(pages.length).toBe(d.plannedPages);
        expect(pages.length).toBeLessThanOrEqual(2);
        pages.forEach((p, i) => {
          expect(p).toMatch(/Gruppo\s+Obiettivi\s+medio %\s+Raggiunti/);
          expect(p).toContain(`Pagina ${i + 1} di ${pages.length}`);
        });
        expect(pages[0]).toContain("Comune di Cinisello Balsamo");
        // Italian decimals, the charts' titles printed with them.
        expect(text).toMatch(/99,98/);
        expect(text).toContain("Grado medio % per Centro di Responsabilità");
        expect(text).toContain("Esiti degli obiettivi");
      } finally {
        cleanup(join(pdf.outDir, ".."));
      }
    },
  );
});

describe("Riepilogo charts", () => {
  it("in files: a drawing and two chart parts over the Riepilogo's cells, replaced when regenerated", async () => {
    const again = join(dir, "piano-rollup-2.xlsx");
    expect((await cli(["rollup", rolled, "-o", again])).code).toBe(0);
    for (const file of [rolled, again]) {
      const zip = await JSZip.loadAsync(readFileSync(file));
      const names = Object.keys(zip.files);
      expect(names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(1);
      const charts = names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
      expect(charts).toHaveLength(2);
      const types = (await zip.file("[Content_Types].xml")!.async("string")) as string;
      for (const c of charts) expect(types).toContain(`PartName="/${c}"`);
      const xml = await Promise.all(charts.map((c) => zip.file(c)!.async("string")));
      const d = await riepilogoOf(file);
      const cdr = tables(d)[0];
      expect(xml.join("")).toContain(
        `<c:f>'Riepilogo'!$C$${cdr.groups[0]}:$C$${cdr.groups[cdr.groups.length - 1]}</c:f>`,
      );
      expect(xml.join("")).toContain(`<c:f>'Riepilogo'!$D$${cdr.totale}:$G$${cdr.totale}</c:f>`);
      expect(xml.join("")).toContain("Esiti degli obiettivi");
    }
  });

  it("in Excel: two Office.js charts over the same cells, and the print titles", async () => {
    const h = await startHarness();
    try {
      const wb = newWorkbook();
      wb.sheets.push(newSheet(wb, "Foglio1"));
      h.emu.reset(wb);
      const service = new SchedaService(h.host, { today: () => TODAY, loadSample: async () => sampleJson() });
      await service.loadSample();
      await service.rollup();
      const sheet = h.emu.workbook.sheets.find((s) => s.name === SHEETS.riepilogo)!;
      const d = buildRollupWritePlan(
        readPlan(await h.host.readWorkbook(), { today: TODAY }).plan,
        computeRollups(readPlan(await h.host.readWorkbook(), { today: TODAY }).plan),
        TODAY,
      ).riepilogo;
      const charts = chartsOf(sheet);
      expect(charts.map((c) => [c.type, c.title, c.series.xValues, c.source])).toEqual(
        d.charts!.map((c) => [
          c.kind === "bar" ? "BarClustered" : "ColumnClustered",
          c.title,
          c.categories.replace(/^(\w+):\1$/, "$1"),
          c.values.replace(/^(\w+):\1$/, "$1"),
        ]),
      );
      expect(charts[1].series.pointFills).toEqual({ 0: "63BE7B", 1: "FFC000", 2: "F8696B", 3: "A6A6A6" });
      expect(charts[0].valueAxis).toEqual({ minimum: 0, maximum: 100 });
      expect(sheet.pageLayout.printTitleRows).toBe(d.print?.printTitleRows);
    } finally {
      await h.stop();
    }
  });
});

describe("Riepilogo page breaks", () => {
  const rows = (from: number, n: number, h = 10) =>
    Array.from({ length: n }, (_, i) => ({ row: from + i, height: h }));

  it("splits a table only with at least three rows on each page, else moves it whole", () => {
    // 50 pt used, 100 per page: five rows of ten fit.
    expect(planBreaks([{ kind: "table", rows: rows(1, 10) }], 100, 50, 0)).toEqual([5]);
    // Two would fit: the table moves to the next page (a break after what came before it).
    expect(
      planBreaks(
        [
          { kind: "table", rows: rows(1, 8) },
          { kind: "table", rows: rows(9, 4) },
        ],
        100,
        0,
        0,
      ),
    ).toEqual([8]);
    // Five of seven would fit, leaving two: four stay, three go.
    expect(planBreaks([{ kind: "table", rows: rows(1, 7) }], 100, 50, 0)).toEqual([4]);
    // A block never splits.
    expect(
      planBreaks(
        [
          { kind: "table", rows: rows(1, 6) },
          { kind: "block", rows: rows(7, 5) },
        ],
        100,
        0,
        0,
      ),
    ).toEqual([6]);
  });

  it("a table longer than pages goes on in pieces that fit, the repeated header counted", () => {
    const breaks = planBreaks([{ kind: "table", rows: rows(1, 40) }], 100, 30, 20);
    // First page: 7 rows after 30 pt; then 8 per page under the 20 pt header; the last nine rows
    // would leave one alone, so six and three.
    expect(breaks).toEqual([7, 15, 23, 31, 37]);
  });
});
