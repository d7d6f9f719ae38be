// The pane in Excel mode, end to end: the pane's bundle built with the test flag (SCHEDA_TEST_EXCEL_URL,
// which production builds do not carry) runs in Chromium on the real Office.js Excel library against
// the Excel emulator, at Windows' pane width (320 px): Prepara fogli, Carica esempio, Verifica (a click
// selects the cell), Calcola, Genera Scheda, Aprire la Scheda, Archivia monitoraggio, Impostazioni;
// axe-clean, nothing scrolling sideways. Then the emulator's workbook is inspected.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { appMessages } from "../../src/app/messages";
import { SchedaService } from "../../src/app/service";
import { ExcelHost } from "../../src/hosts/excel/excelHost";
import { paneStrings } from "../../src/taskpane/strings";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { sheet } from "../emulator/harness";
import { cellKey, colLetters, splitKey, type WorkbookState } from "../emulator/model";
import { startEmulator, type Emulator } from "../emulator/server";
import { chromiumPath, itWithTool } from "../helpers/tools";
import {
  buildWeb,
  launchChromium,
  serveHttps,
  watch,
  type BrowserContext,
  type Page,
  type WebServer,
} from "./web";
import { loadSampleJson } from "../helpers/sample";
import { axeViolations, sideways } from "./pane";

const itChromium = itWithTool("Chromium", chromiumPath);
const SAMPLE = loadSampleJson();

let tmp: string;
let emu: Emulator | null = null;
let server: WebServer | null = null;
let context: BrowserContext | null = null;
let page: Page;

beforeAll(async () => {
  if (!chromiumPath) return;
  tmp = mkdtempSync(path.join(os.tmpdir(), "scheda-excel-"));
  emu = await startEmulator(0);
  const out = path.join(tmp, "web");
  // The emulator's URL is baked into this test build only.
  await buildWeb(out, { SCHEDA_TEST_EXCEL_URL: emu.url });
  server = await serveHttps(out);
  context = await launchChromium(chromiumPath, path.join(tmp, "profile"), { bypassCSP: true });
  await watch(context);
  page = context.pages()[0] ?? (await context.newPage());
}, 600_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  await emu?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Text of every cell of a sheet (values and formula results as the emulator holds them). */
function sheetTexts(wb: WorkbookState, name: string): string {
  return [...sheet(wb, name).cells.values()].map((c) => String(c.value ?? "")).join("\n");
}

function headerCol(wb: WorkbookState, name: string, header: string): number {
  for (const [k, c] of sheet(wb, name).cells) {
    const [r, col] = splitKey(k);
    if (r === 1 && c.value === header) return col;
  }
  return -1;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const step = (id: string) => page.getByTestId(`step-${id}`);
const run = (id: string) => page.getByTestId(`action-${id}`).getByTestId("run");
const announced = (text: string | RegExp) =>
  page.getByTestId("announcer").getByText(text).waitFor({ timeout: 180_000 });

async function openStep(id: string) {
  const toggle = page.getByTestId(`toggle-${id}`);
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
}

/** Nothing scrolls sideways and axe finds no serious or critical violation. */
async function clean(state: string) {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  const s = await sideways(page);
  expect({ state, scrollWidth: s.scrollWidth }).toEqual({ state, scrollWidth: s.clientWidth });
  expect({ state, axe: await axeViolations(page) }).toEqual({ state, axe: [] });
}

async function openPane() {
  await page.goto(`${server!.origin}/taskpane.html`);
  await page.getByRole("heading", { name: "Scheda PEG", level: 1 }).waitFor();
  await page.waitForFunction(() => document.documentElement.dataset.mode !== undefined);
  expect(await page.evaluate(() => document.documentElement.dataset.mode)).toBe("excel");
  // no workbook step in Excel
  expect(await page.getByTestId("step-cartella").count()).toBe(0);
}

describe("task pane in Excel mode (real Office.js library, Excel emulator, Chromium)", () => {
  const wb = () => emu!.workbook;
  const codes = SAMPLE.obiettivi.map((o) => o.codice);

  itChromium("Prepara fogli on an empty workbook creates the four sheets with their tables", async () => {
    emu!.reset();
    await openPane();
    await page.setViewportSize({ width: 320, height: 800 });
    await run("prepare").click();
    await announced(/^Creati i fogli/);
    await clean("fogli preparati");
    for (const [s, t] of [
      ["Parametri", "tblParametri"],
      ["Obiettivi", "tblObiettivi"],
      ["Fasi", "tblFasi"],
      ["Indicatori", "tblIndicatori"],
    ]) {
      expect(sheet(wb(), s).tables.map((x) => x.name)).toEqual([t]);
    }
    expect(headerCol(wb(), "Obiettivi", "Centro di Responsabilità")).toBeGreaterThan(0);
  });

  itChromium("Carica esempio then fills the tables Prepara fogli created (the order of use)", async () => {
    // continues on the workbook of the previous test
    await run("sample").click();
    // success or the pane's own "nothing was written", whichever comes; then say which
    const outcome = page.getByText(
      new RegExp(`${escape(paneStrings.sampleDone(33))}|${escape(paneStrings.sampleNotWritten)}`),
    );
    await outcome.first().waitFor({ timeout: 90_000 });
    expect(await outcome.first().textContent()).toBe(paneStrings.sampleDone(33));
    const obiettiviText = sheetTexts(wb(), "Obiettivi");
    expect(codes.filter((c) => !obiettiviText.includes(c))).toEqual([]);
  });

  itChromium(
    "on the sample: Verifica (a click selects the cell), Calcola, Genera Scheda, Aprire la Scheda, Archivia",
    async () => {
      emu!.reset();
      await openPane();
      // Carica esempio
      await page.setViewportSize({ width: 320, height: 800 });
      await run("sample").click();
      await announced(paneStrings.sampleDone(33));
      const obiettiviText = sheetTexts(wb(), "Obiettivi");
      expect(codes.filter((c) => !obiettiviText.includes(c))).toEqual([]);

      // Verifica: the same counts the engine finds on the same sample as an .xlsx file
      const reference = await XlsxHost.createEmpty();
      await new SchedaService(reference, { loadSample: async () => SAMPLE }).loadSample();
      const expected = await new SchedaService(reference).check();
      await run("check").click();
      await announced(paneStrings.announceCheck(expected.errors, expected.warnings));
      await clean("verificato");
      if (expected.problems.length > 0) {
        const summary = page.getByTestId("check-summary");
        await summary.waitFor({ timeout: 60_000 });
        expect(await summary.textContent()).toContain(
          paneStrings.checkSummary(expected.errors, expected.warnings),
        );
        // clicking a problem selects its cell in the workbook
        const target = expected.problems.find((p) => p.cell && !p.cell.includes("'"))!;
        const group = page.getByTestId(`sheet-${target.sheet}`);
        if ((await group.locator("[data-testid='problem']").first().isVisible()) === false) {
          await group.getByRole("button", { name: new RegExp(`^${target.sheet}`) }).click();
        }
        await group
          .getByRole("button", {
            name: new RegExp(escape(target.message.slice(0, 30))),
          })
          .first()
          .click();
        const [sheetName, local] = target.cell!.split("!");
        const deadline = Date.now() + 10_000;
        while (!wb().selection && Date.now() < deadline) await page.waitForTimeout(100);
        const sel = wb().selection!;
        expect(wb().sheets.find((s) => s.id === sel.sheetId)?.name).toBe(sheetName);
        expect(`${colLetters(sel.rect.c1)}${sel.rect.r1}`).toBe(local.replace(/\$/g, ""));
      } else {
        await step("verifica").getByText(paneStrings.checkClean).waitFor({ timeout: 60_000 });
      }

      // Calcola
      await run("rollup").click();
      await announced(paneStrings.announceRollup(33));
      await clean("calcolato");
      for (const [s, headers] of [
        [
          "Obiettivi",
          ["Avanzamento Fasi %", "Raggiungimento Indicatori %", "Grado di Raggiungimento %", "Esito"],
        ],
        ["Fasi", ["Tempistica", "Scostamento (giorni)"]],
        ["Indicatori", ["Raggiungimento %"]],
      ] as const) {
        for (const h of headers) {
          const col = headerCol(wb(), s, h);
          expect({ sheet: s, header: h, found: col > 0 }).toEqual({ sheet: s, header: h, found: true });
          // live formulas below the header
          const formula = sheet(wb(), s).cells.get(cellKey(2, col))?.formula;
          expect(formula).toMatch(/^=/);
        }
      }
      expect(() => sheet(wb(), "Riepilogo")).not.toThrow();

      // Genera Scheda
      await run("generate").click();
      const done = page.getByTestId("generate-done");
      await done.waitFor({ timeout: 180_000 });
      await clean("Scheda generata");
      expect(await done.textContent()).toMatch(/Scheda generata: 33 obiettivi, \d+ pagine\./);
      const schedaText = sheetTexts(wb(), "Scheda");
      expect(codes.filter((c) => !schedaText.includes(c))).toEqual([]);
      expect(sheetTexts(wb(), "Riepilogo")).toContain("Gruppo");

      await step("genera").getByRole("button", { name: paneStrings.goToScheda }).click();
      const deadline = Date.now() + 10_000;
      while (wb().activeSheetId !== sheet(wb(), "Scheda").id && Date.now() < deadline)
        await page.waitForTimeout(100);
      expect(wb().activeSheetId).toBe(sheet(wb(), "Scheda").id);

      // Archivia monitoraggio, the next step: archived when the Excel host can write the archive, else
      // the service's own message (nothing written either way but the archive)
      await page.getByTestId("next-step").getByText(paneStrings.next.archiveExcel).waitFor();
      await run("archive").click();
      if ("writeArchive" in ExcelHost.prototype) {
        await announced(/^Monitoraggio al \d\d\/\d\d\/\d{4} archiviato\.$/);
        const rows = [...sheet(wb(), "Monitoraggi").cells.keys()].map((k) => splitKey(k)[0]);
        const { obiettivi, fasi, indicatori } = expected.plan;
        expect(Math.max(...rows) - 1).toBe(obiettivi.length + fasi.length + indicatori.length);
      } else {
        const alert = page.getByTestId("action-archive").getByRole("alert");
        await alert.waitFor({ timeout: 60_000 });
        expect(await alert.textContent()).toBe(appMessages.archiveUnavailable);
        expect(wb().sheets.some((s) => s.name === "Monitoraggi")).toBe(false);
      }
      await clean("Archivia monitoraggio");
    },
  );

  itChromium("Impostazioni: the edited values land in the Parametri sheet's Valore cells", async () => {
    // continues on the workbook of the previous test (the sample, computed)
    await openPane();
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByTestId("next-step").getByText(paneStrings.next.check).waitFor({ timeout: 60_000 });
    await openStep("impostazioni");
    const input = (key: string) => page.getByTestId(`field-${key}`).locator("input, select").first();
    await input("ente").fill("Comune di Prova");
    await input("sogliaRaggiunto").fill("85");
    await page.getByTestId("settings-count").getByText(paneStrings.settingsChangedCount(2)).waitFor();
    await clean("impostazioni modificate");
    await run("parametri").click();
    await announced(paneStrings.settingsSaved);
    const cells = sheet(wb(), "Parametri").cells;
    const valueOf = (label: string) => {
      for (const [k, c] of cells) {
        const [r, col] = splitKey(k);
        if (col === 1 && c.value === label) return cells.get(cellKey(r, 2))?.value;
      }
      return undefined;
    };
    expect(valueOf("Ente")).toBe("Comune di Prova");
    expect(valueOf("Soglia raggiunto")).toBe(85);
    expect(valueOf("Soglia parzialmente raggiunto")).toBe(70);
    // the link to the sheet
    await page.getByRole("button", { name: paneStrings.openParametri }).click();
    const deadline = Date.now() + 10_000;
    while (wb().activeSheetId !== sheet(wb(), "Parametri").id && Date.now() < deadline)
      await page.waitForTimeout(100);
    expect(wb().activeSheetId).toBe(sheet(wb(), "Parametri").id);
  });
});
