// The standalone page in real Chromium, against the production bundle served over HTTPS on localhost:
// (1) the sample, Verifica counts, Genera Scheda → a download whose Scheda holds all 33 objectives;
// (2) a broken workbook shows its problems with their cells; (3) no request leaves localhost except
// the Office.js script; (4) no console errors. Also takes the pane screenshots (docs/pane-*.png).
import ExcelJS from "exceljs";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SchedaService, type CheckResult } from "../../src/app/service";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { chromiumPath, itWithTool } from "../helpers/tools";
import {
  OFFICE_JS_CDN,
  ROOT,
  buildWeb,
  launchChromium,
  serveHttps,
  watch,
  type BrowserContext,
  type Page,
  type Watch,
  type WebServer,
} from "./web";
import { loadSampleJson } from "../helpers/sample";
import { exceljsEditable } from "../helpers/xlsxFiles";

const itChromium = itWithTool("Chromium", chromiumPath);
const SAMPLE = loadSampleJson();
const SHOTS = path.join(ROOT, "test-output/screenshots");
const TODAY = () => "2024-03-31";

let tmp: string;
let server: WebServer | null = null;
let context: BrowserContext | null = null;
let page: Page;
let watched: Watch;

/** What the engine itself reports on a workbook (Node, same service the page runs). */
async function engineCheck(bytes: Uint8Array): Promise<CheckResult> {
  return new SchedaService(await XlsxHost.fromBuffer(bytes)).check();
}

async function sampleBytes(): Promise<Uint8Array> {
  const host = await XlsxHost.createEmpty();
  await new SchedaService(host, { loadSample: async () => SAMPLE, today: TODAY }).loadSample();
  return host.toBuffer();
}

function perSheet(check: CheckResult): Record<string, { errors: number; warnings: number }> {
  const out: Record<string, { errors: number; warnings: number }> = {};
  for (const p of check.problems) {
    out[p.sheet] ??= { errors: 0, warnings: 0 };
    if (p.severity === "error") out[p.sheet].errors++;
    else out[p.sheet].warnings++;
  }
  return out;
}

/** The counts the page shows for each sheet group of the Verifica card. */
async function shownPerSheet(p: Page): Promise<Record<string, { errors: number; warnings: number }>> {
  return p.$$eval("[data-testid='card-verifica'] [data-testid^='sheet-']", (items) =>
    Object.fromEntries(
      items.map((el) => {
        const num = (sel: string) =>
          Number((el.querySelector(sel)?.textContent ?? "0").replace(/\D+/g, "") || 0);
        return [
          el.getAttribute("data-testid")!.slice("sheet-".length),
          { errors: num("[data-testid='errors']"), warnings: num("[data-testid='warnings']") },
        ];
      }),
    ),
  );
}

async function shot(name: string) {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `pane-${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS) copyFileSync(file, path.join(ROOT, "docs", `pane-${name}.png`));
}

beforeAll(async () => {
  if (!chromiumPath) return;
  tmp = mkdtempSync(path.join(os.tmpdir(), "scheda-web-"));
  // SCHEDA_WEB_PREBUILT: a folder already built with `npx webpack --mode production` (saves the build
  // while working on the tests; CI always builds).
  const out = process.env.SCHEDA_WEB_PREBUILT ?? path.join(tmp, "web");
  if (!process.env.SCHEDA_WEB_PREBUILT) await buildWeb(out);
  server = await serveHttps(out);
  context = await launchChromium(chromiumPath, path.join(tmp, "profile"));
  watched = await watch(context);
  page = context.pages()[0] ?? (await context.newPage());
}, 600_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function openPage() {
  await page.goto(`${server!.origin}/taskpane.html`);
  await page.getByRole("heading", { name: "Scheda PEG", level: 1 }).waitFor();
  await page.getByText("Nessuna cartella aperta.").waitFor();
}

describe("standalone page (production bundle, Chromium)", () => {
  itChromium("starts without Office in standalone mode, without exceljs in the first load", async () => {
    await openPage();
    expect(await page.evaluate(() => document.documentElement.dataset.mode)).toBe("standalone");
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe(
      "undefined",
    );
    // exceljs and the .xlsx host are separate chunks, fetched only when a workbook is opened
    const scripts = server!.requests.filter((r) => r.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((r) => !/^\/taskpane\.[0-9a-f]+\.js$/.test(r))).toEqual([]);
    await shot("idle");
  });

  itChromium(
    "(1) sample: Verifica counts, Genera Scheda downloads a workbook whose Scheda has all 33 objectives",
    async () => {
      const expected = await engineCheck(await sampleBytes());
      await openPage();
      await page.getByRole("button", { name: "Parti dall'esempio 2023" }).click();
      await page
        .getByText("Esempio caricato: 33 obiettivi con fasi e indicatori.")
        .waitFor({ timeout: 60_000 });
      expect(server!.requests.some((r) => /\/xlsx\.[0-9a-f]+\.js$/.test(r))).toBe(true);

      await page.getByRole("button", { name: "Verifica", exact: true }).click();
      const card = page.getByTestId("card-verifica");
      if (expected.problems.length === 0) {
        await card.getByText("Nessun problema: la cartella è pronta.").waitFor();
      } else {
        const summary = card.getByTestId("check-summary");
        await summary.waitFor();
        const text = await summary.textContent();
        expect(text).toContain(`${expected.errors} ${expected.errors === 1 ? "errore" : "errori"}`);
        expect(text).toContain(`${expected.warnings} ${expected.warnings === 1 ? "avviso" : "avvisi"}`);
        expect(await shownPerSheet(page)).toEqual(perSheet(expected));
      }

      await page.getByRole("button", { name: "Genera Scheda" }).click();
      const done = page.getByTestId("generate-done");
      await done.waitFor({ timeout: 120_000 });
      expect(await done.textContent()).toMatch(/Scheda generata: 33 obiettivi, \d+ pagine\./);
      await page.getByTestId("card-genera").evaluate((el) => el.scrollIntoView({ block: "start" }));
      await page.evaluate(() => window.scrollBy(0, -8));
      await shot("fatto");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Scarica", exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = path.join(tmp, "scaricato.xlsx");
      await download.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const scheda = wb.getWorksheet("Scheda");
      expect(scheda).toBeDefined();
      const texts: string[] = [];
      scheda!.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") texts.push(cell.value);
          else if (cell.value && typeof cell.value === "object" && "richText" in cell.value)
            texts.push(cell.value.richText.map((r) => r.text).join(""));
        }),
      );
      const all = texts.join("\n");
      const missing = SAMPLE.obiettivi.filter((o) => !all.includes(o.codice)).map((o) => o.codice);
      expect(missing).toEqual([]);
      for (const o of SAMPLE.obiettivi) expect(all).toContain(o.titolo.trim().split("\n")[0].slice(0, 40));
      // the computed columns and Riepilogo came along
      expect(wb.getWorksheet("Riepilogo")).toBeDefined();
    },
  );

  itChromium("(2) broken workbook: bad weight sum and bad date are listed with their cells", async () => {
    // Edited and saved by exceljs, as a user's other tool would.
    const wb = await exceljsEditable(await sampleBytes());
    const fasi = wb.getWorksheet("Fasi")!;
    const header = fasi.getRow(1).values as unknown[];
    const col = (name: string) => header.findIndex((v) => typeof v === "string" && v.trim() === name);
    const pesoCol = col("Peso");
    const inizioCol = col("Inizio Previsto");
    expect(pesoCol).toBeGreaterThan(0);
    expect(inizioCol).toBeGreaterThan(0);
    // first objective: phases 33/33/34 → 38/33/34 sums to 105
    expect(fasi.getCell(2, pesoCol).value).toBe(33);
    fasi.getCell(2, pesoCol).value = 38;
    fasi.getCell(3, inizioCol).value = "31/02/2023";
    const letter = (c: number) => fasi.getColumn(c).letter;
    const weightCell = `Fasi!${letter(pesoCol)}2`;
    const dateCell = `Fasi!${letter(inizioCol)}3`;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const file = path.join(tmp, "rotto.xlsx");
    writeFileSync(file, bytes);

    // the engine agrees that these are the problems (and they were not there before)
    const before = await engineCheck(await sampleBytes());
    const after = await engineCheck(bytes);
    const has = (c: CheckResult, rule: string, cell: string) =>
      c.problems.some((p) => p.rule === rule && p.cell === cell);
    expect(has(before, "WEIGHT_SUM", weightCell) || has(before, "DATE_INVALID", dateCell)).toBe(false);
    expect(has(after, "WEIGHT_SUM", weightCell)).toBe(true);
    expect(has(after, "DATE_INVALID", dateCell)).toBe(true);

    await openPage();
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByText("Cartella aperta: rotto.xlsx").waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Verifica", exact: true }).click();
    const fasiGroup = page.getByTestId("sheet-Fasi");
    await fasiGroup.waitFor();
    const items = await fasiGroup.locator("[data-testid='problem']").evaluateAll((els) =>
      els.map((el) => ({
        rule: el.getAttribute("data-rule"),
        cell: el.querySelector("[data-testid='problem-cell']")?.textContent,
        text: el.textContent,
      })),
    );
    const weight = items.find((i) => i.rule === "WEIGHT_SUM");
    const date = items.find((i) => i.rule === "DATE_INVALID");
    expect(weight?.cell).toBe(weightCell);
    expect(date?.cell).toBe(dateCell);
    expect(date?.text).toContain("31/02/2023");
    // errors come before warnings in the group
    const firstWarning = items.findIndex((i) => i.text?.startsWith("Avviso"));
    const lastError = items.map((i) => i.text?.startsWith("Errore")).lastIndexOf(true);
    if (firstWarning >= 0) expect(lastError).toBeLessThan(firstWarning);
    expect(await shownPerSheet(page)).toEqual(perSheet(after));
    await page.getByTestId("card-verifica").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.evaluate(() => window.scrollBy(0, -8));
    await shot("problemi");

    // Genera Scheda still works (broken cells are read as empty), and the pane says there are errors
    await page.getByRole("button", { name: "Genera Scheda" }).click();
    await page.getByTestId("generate-done").waitFor({ timeout: 120_000 });
    expect(await page.getByTestId("card-genera").textContent()).toContain("trattate come vuote");
  });

  itChromium("keyboard: Tab follows the order of use and Enter runs the focused action", async () => {
    await openPage();
    await page.getByRole("button", { name: "Parti dall'esempio 2023" }).click();
    await page.getByText(/Esempio caricato: 33 obiettivi/).waitFor({ timeout: 60_000 });
    // start from the top: a click on the (not focusable) title moves the focus starting point there
    await page.getByRole("heading", { name: "Scheda PEG", level: 1 }).click();
    const names: string[] = [];
    for (let i = 0; i < 11; i++) {
      await page.keyboard.press("Tab");
      names.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return (el?.getAttribute("aria-label") || el?.textContent || el?.tagName || "").trim();
        }),
      );
    }
    expect(names.slice(0, 8)).toEqual([
      "Apri file .xlsx…",
      "Parti dall'esempio 2023",
      "Cartella vuota",
      "Scarica la cartella",
      "Prepara fogli",
      "Carica esempio",
      "Verifica",
      "Calcola",
    ]);
    expect(names.slice(8)).toContain("Genera Scheda");
    // back to Verifica and run it from the keyboard
    for (let i = 0; i < 11 - 7; i++) await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Verifica");
    await page.keyboard.press("Enter");
    await page
      .getByTestId("card-verifica")
      .getByText(/Problemi trovati|Nessun problema/)
      .waitFor({ timeout: 60_000 });
  });

  itChromium(
    "Cartella vuota → Prepara fogli → Carica esempio fills the prepared tables (the order of use)",
    async () => {
      await openPage();
      await page.getByRole("button", { name: "Cartella vuota" }).click();
      await page.getByText("Cartella aperta: nuova cartella").waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: "Prepara fogli", exact: true }).click();
      await page
        .getByTestId("card-prepara")
        .getByText(/^Creati i fogli/)
        .waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: "Carica esempio", exact: true }).click();
      const outcome = page
        .getByTestId("card-esempio")
        .getByText(/Esempio caricato|l'esempio non è stato scritto/);
      await outcome.waitFor({ timeout: 60_000 });
      expect(await outcome.textContent()).toBe("Esempio caricato: 33 obiettivi con fasi e indicatori.");
    },
  );

  itChromium("(3) no request left localhost except the Office.js script; (4) no console errors", async () => {
    // runs last: covers every page load and action of the tests above
    expect([...new Set(watched.external)]).toEqual([OFFICE_JS_CDN]);
    expect(watched.consoleErrors).toEqual([]);
  });
});
