// The standalone page in real Chromium, against the production bundle served over HTTPS on localhost,
// at Excel's pane widths (270, 320, 350 px): the whole guided flow from a new workbook (Prepara fogli,
// Carica esempio, Verifica, Calcola, Genera Scheda, download, Archivia monitoraggio twice, download)
// with, in every state, nothing scrolling sideways, the objectives list inside the viewport wherever
// the field is, and no serious or critical axe violation; the same flow with the keyboard only; a
// broken workbook's problems with their cells and values; Impostazioni written into the downloaded
// file; the desktop layout. No request leaves localhost but the Office.js script; no console errors.
// Also takes the pane screenshots (docs/pane-*.png).
import ExcelJS from "exceljs";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SchedaService, type CheckResult } from "../../src/app/service";
import { formatIt } from "../../src/domain/model/dates";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { paneStrings } from "../../src/taskpane/strings";
import { chromiumPath, itWithTool } from "../helpers/tools";
import { loadSampleJson } from "../helpers/sample";
import { exceljsEditable } from "../helpers/xlsxFiles";
import {
  PANE_WIDTHS,
  axeViolations,
  focusVisible,
  focusedName,
  outside,
  popupBoxes,
  sideways,
  tabTo,
} from "./pane";
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

const itChromium = itWithTool("Chromium", chromiumPath);
const SAMPLE = loadSampleJson();
const SHOTS = path.join(ROOT, "test-output/screenshots");
const TODAY = () => "2024-03-31";
const S = paneStrings;

let tmp: string;
let server: WebServer | null = null;
let context: BrowserContext | null = null;
let page: Page;
let watched: Watch;
/** Every state checked: width, label, page height, sideways overflow, axe violations. */
const report: { width: number; state: string; height: number; overflow: number; axe: string[] }[] = [];

async function engineCheck(bytes: Uint8Array): Promise<CheckResult> {
  return new SchedaService(await XlsxHost.fromBuffer(bytes), { today: TODAY }).check();
}

async function sampleBytes(): Promise<Uint8Array> {
  const host = await XlsxHost.createEmpty();
  await new SchedaService(host, { loadSample: async () => SAMPLE, today: TODAY }).loadSample();
  return host.toBuffer();
}

/** A screenshot of the page (scrolled to a step's top when one is given). */
async function shot(name: string, at?: string) {
  if (at) {
    await step(at).evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.evaluate(() => window.scrollBy(0, -8));
  }
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
  context = await launchChromium(chromiumPath, path.join(tmp, "profile"), { bypassCSP: true });
  watched = await watch(context);
  page = context.pages()[0] ?? (await context.newPage());
}, 600_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  if (report.length > 0) {
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(path.join(SHOTS, "pane-states.json"), JSON.stringify(report, null, 2));
  }
});

async function openPage(width = 320, height = 800) {
  await page.setViewportSize({ width, height });
  await page.goto(`${server!.origin}/taskpane.html`);
  await page.getByRole("heading", { name: "Scheda PEG", level: 1 }).waitFor();
  await page.getByText(S.noWorkbook).waitFor();
}

const step = (id: string) => page.getByTestId(`step-${id}`);
const run = (id: string) => page.getByTestId(`action-${id}`).getByTestId("run");
const announced = (text: string | RegExp) =>
  page.getByTestId("announcer").getByText(text).waitFor({ timeout: 120_000 });

async function openStep(id: string) {
  const toggle = page.getByTestId(`toggle-${id}`);
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
}

/** Clicks the download button of a step and opens the file it gives. */
async function downloadFrom(stepId: string, name: string): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    step(stepId).getByRole("button", { name: S.downloadResult }).click(),
  ]);
  const file = path.join(tmp, name);
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The checks every state must pass; recorded in the report. */
async function checkState(width: number, state: string) {
  // No hover, and the colour transitions of buttons that just changed look are over.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  const s = await sideways(page);
  const axe = await axeViolations(page);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  report.push({ width, state, height, overflow: s.scrollWidth - s.clientWidth, axe: axe.map((v) => v.id) });
  expect({ state, width, scrollWidth: s.scrollWidth }).toEqual({ state, width, scrollWidth: s.clientWidth });
  expect({ state, width, axe }).toEqual({ state, width, axe: [] });
}

/** Opens the objectives list with the field near the top and near the bottom of the viewport. */
async function checkPicker(width: number) {
  await openStep("genera");
  const field = step("genera").getByRole("combobox");
  for (const where of ["top", "bottom"] as const) {
    await field.evaluate((el, w) => {
      const r = el.getBoundingClientRect();
      window.scrollBy(0, w === "top" ? r.top - 80 : r.bottom - window.innerHeight + 60);
    }, where);
    await field.click();
    await page.getByTestId("picker-list").waitFor();
    await page.waitForTimeout(300); // positioning settles after the first frame
    const boxes = await popupBoxes(page);
    expect(boxes.boxes.length).toBeGreaterThan(0);
    expect({ width, where, outside: outside(boxes) }).toEqual({ width, where, outside: [] });
    expect((await sideways(page)).scrollWidth).toBe(width);
    const axe = await axeViolations(page);
    expect({ width, state: "elenco obiettivi aperto", axe }).toEqual({
      width,
      state: "elenco obiettivi aperto",
      axe: [],
    });
    await page.keyboard.press("Escape");
  }
  // type to search: one objective's code narrows the list to its group
  await field.click();
  await field.fill(SAMPLE.obiettivi[5].codice);
  const options = page.getByTestId("picker-list").getByRole("menuitemcheckbox");
  await page.waitForTimeout(200);
  expect(await options.count()).toBe(2); // the whole-CdR option and the objective
  await page.keyboard.press("Escape");
}

describe("standalone page (production bundle, Chromium)", () => {
  itChromium(
    "starts without Office in standalone mode, without the file host in the first load",
    async () => {
      await openPage();
      expect(await page.evaluate(() => document.documentElement.dataset.mode)).toBe("standalone");
      const scripts = server!.requests.filter((r) => r.endsWith(".js"));
      expect(scripts.filter((r) => !/^\/taskpane\.[0-9a-f]+\.js$/.test(r))).toEqual([]);
      expect(await page.getByTestId("next-step").textContent()).toContain(S.next.openWorkbook);
      await checkState(320, "avvio");
      await shot("idle");
      // the guide is served with the page and linked from it
      const href = await page.getByRole("link", { name: S.guideLabel }).getAttribute("href");
      const guide = await page.request.get(new URL(href!, page.url()).href);
      expect(guide.status()).toBe(200);
      expect(await guide.text()).toContain("guida per l'utente");
    },
  );

  for (const width of PANE_WIDTHS) {
    itChromium(
      `${width} px: new workbook → Prepara fogli → Carica esempio → Verifica → Calcola → Genera Scheda → Archivia monitoraggio → download`,
      async () => {
        await openPage(width);
        await checkState(width, "avvio");
        await page.getByRole("button", { name: S.newWorkbook }).click();
        await page.getByText(S.currentWorkbook(S.newWorkbookName)).first().waitFor({ timeout: 60_000 });
        await page.getByTestId("next-step").getByText(S.next.prepare).waitFor();
        await checkState(width, "cartella nuova");

        await run("prepare").click();
        await announced(/^Creati i fogli/);
        expect(await run("prepare").getAttribute("aria-disabled")).toBe("true");
        await checkState(width, "fogli preparati");

        await run("sample").click();
        await announced(S.sampleDone(33));
        expect(await step("prepara").getAttribute("data-status")).toBe("done");
        await checkState(width, "esempio caricato");

        const expected = await engineCheck(await sampleBytes());
        await run("check").click();
        await announced(S.announceCheck(expected.errors, expected.warnings));
        await checkState(width, "verificato");

        await run("rollup").click();
        await announced(S.announceRollup(33));
        await checkState(width, "calcolato");

        await checkPicker(width);
        await run("generate").click();
        await announced(/^Scheda generata: 33 obiettivi, \d+ pagine\.$/);
        await checkState(width, "Scheda generata");
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        // the pane used to be 3,200–3,600 px long: done steps fold now
        expect(height).toBeLessThan(2000);
        if (width === 320) await shot("fatto", "genera");

        const scheda = await downloadFrom("genera", `scheda-${width}.xlsx`);
        const texts: string[] = [];
        scheda.getWorksheet("Scheda")!.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === "string") texts.push(cell.value);
          }),
        );
        const all = texts.join("\n");
        expect(SAMPLE.obiettivi.filter((o) => !all.includes(o.codice)).map((o) => o.codice)).toEqual([]);
        expect(scheda.getWorksheet("Riepilogo")).toBeDefined();

        // Archivia monitoraggio at the sample's Data di riferimento, then again (that date replaced)
        const { obiettivi, fasi, indicatori, parametri } = expected.plan;
        const date = formatIt(parametri.dataRiferimento);
        await run("archive").click();
        await announced(S.announceArchive(date, false));
        expect(await page.getByTestId("archive-done").textContent()).toBe(
          S.archiveDone(date, obiettivi.length, fasi.length, indicatori.length),
        );
        await checkState(width, "monitoraggio archiviato");
        if (width === 320) await shot("archiviato", "archivia");
        await run("archive").click();
        await announced(S.announceArchive(date, true));
        expect(await page.getByTestId("archive-dates").textContent()).toBe(S.archiveDates([date]));
        await checkState(width, "monitoraggio sostituito");
        const archived = (await downloadFrom("archivia", `archivio-${width}.xlsx`)).getWorksheet(
          "Monitoraggi",
        )!;
        // one row per objective, phase and indicator, once (the second run replaced the first)
        expect(archived.actualRowCount - 1).toBe(obiettivi.length + fasi.length + indicatori.length);
      },
    );
  }

  itChromium("from the example: Carica esempio in a new workbook is the whole preparation", async () => {
    await openPage(320);
    await page.getByRole("button", { name: S.newWorkbook }).click();
    await run("sample").click();
    await announced(S.sampleDone(33));
    await page.getByTestId("next-step").getByText(S.next.check).waitFor();
    await openStep("prepara");
    // both preparation buttons are now off, and say why
    expect(await run("prepare").getAttribute("aria-disabled")).toBe("true");
    expect(await run("sample").getAttribute("aria-disabled")).toBe("true");
    await page.getByTestId("action-sample").getByText(S.reasonHasData).waitFor();
    await checkState(320, "esempio: passo Preparare aperto");
  });

  itChromium("keyboard only: the whole flow with Tab and Enter, the focus always visible", async () => {
    await openPage(320);
    const press = async (name: RegExp, wait: string | RegExp) => {
      await tabTo(page, name);
      expect({ name: String(name), visible: await focusVisible(page) }).toEqual({
        name: String(name),
        visible: true,
      });
      await page.keyboard.press("Enter");
      await announcedOrText(wait);
    };
    const announcedOrText = async (wait: string | RegExp) =>
      typeof wait === "string" && wait.startsWith("#")
        ? page.getByText(wait.slice(1)).first().waitFor({ timeout: 60_000 })
        : announced(wait);
    await page.getByRole("heading", { name: "Scheda PEG", level: 1 }).click();
    await press(new RegExp(`^${S.newWorkbook}$`), `#${S.currentWorkbook(S.newWorkbookName)}`);
    await press(/^Carica esempio$/, S.sampleDone(33));
    await press(/^Verifica$/, /^Verifica completata/);
    await press(/^Calcola$/, S.announceRollup(33));
    // the objectives field: open with the keyboard, pick the first whole CdR, close
    await tabTo(page, new RegExp(S.pickerLabel));
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press("ArrowDown");
    await page.getByTestId("picker-list").waitFor();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    const chosen = await page.getByTestId("picker-count").textContent();
    expect(chosen).toMatch(/^Scelti? \d+ obiettiv[oi] su 33\.$/);
    await press(/^Genera Scheda$/, /^Scheda generata: \d+ obiettiv[oi], \d+ pagin[ae]\.$/);
    await press(/^Archivia monitoraggio$/, /^Monitoraggio al \d\d\/\d\d\/\d{4} archiviato\.$/);
    // a disabled action stays reachable and says why
    await page.getByRole("heading", { name: "Scheda PEG", level: 1 }).click();
    await page.getByTestId("toggle-prepara").focus();
    await page.keyboard.press("Enter");
    await tabTo(page, /^Prepara fogli$/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-disabled"))).toBe("true");
    expect(await focusedName(page)).toBe("Prepara fogli");
  });

  itChromium("a broken workbook: problems with their cells, and a click shows the cell's value", async () => {
    const wb = await exceljsEditable(await sampleBytes());
    const fasi = wb.getWorksheet("Fasi")!;
    const header = fasi.getRow(1).values as unknown[];
    const col = (name: string) => header.findIndex((v) => typeof v === "string" && v.trim() === name);
    const pesoCol = col("Peso");
    const inizioCol = col("Inizio Previsto");
    expect(fasi.getCell(2, pesoCol).value).toBe(33);
    fasi.getCell(2, pesoCol).value = 38;
    fasi.getCell(3, inizioCol).value = "31/02/2023";
    const letter = (c: number) => fasi.getColumn(c).letter;
    const weightCell = `Fasi!${letter(pesoCol)}2`;
    const dateCell = `Fasi!${letter(inizioCol)}3`;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const file = path.join(tmp, "rotto.xlsx");
    writeFileSync(file, bytes);
    const after = await engineCheck(bytes);
    expect(after.problems.some((p) => p.rule === "WEIGHT_SUM" && p.cell === weightCell)).toBe(true);
    expect(after.problems.some((p) => p.rule === "DATE_INVALID" && p.cell === dateCell)).toBe(true);

    await openPage(320);
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByText(S.currentWorkbook("rotto.xlsx")).first().waitFor({ timeout: 60_000 });
    await run("check").click();
    await announced(S.announceCheck(after.errors, after.warnings));
    const group = page.getByTestId("sheet-Fasi");
    const items = await group.locator("[data-testid='problem']").evaluateAll((els) =>
      els.map((el) => ({
        rule: el.getAttribute("data-rule"),
        cell: el.querySelector("[data-testid='problem-cell']")?.textContent,
        text: el.textContent,
      })),
    );
    expect(items.find((i) => i.rule === "WEIGHT_SUM")?.cell).toBe(weightCell);
    expect(items.find((i) => i.rule === "DATE_INVALID")?.cell).toBe(dateCell);
    // errors before warnings
    const firstWarning = items.findIndex((i) => i.text?.startsWith("Avviso"));
    const lastError = items.map((i) => i.text?.startsWith("Errore")).lastIndexOf(true);
    if (firstWarning >= 0) expect(lastError).toBeLessThan(firstWarning);
    // no Excel to select the cell: the click shows sheet, cell and current value
    await group.locator("[data-testid='problem'][data-rule='DATE_INVALID'] button").click();
    const details = group.getByTestId("problem-details");
    await details.waitFor();
    const text = await details.textContent();
    expect(text).toContain(dateCell.split("!")[1]);
    expect(text).toContain("Inizio Previsto");
    expect(text).toContain("31/02/2023");
    await checkState(320, "problemi con dettaglio");
    await shot("problemi", "verifica");
    // errors are not blocking: Calcola and Genera are offered, with a note
    expect(await page.getByTestId("next-step").textContent()).toContain(S.next.fixErrors);
  });

  itChromium(
    "Impostazioni: edited in the page, checked as typed, written into the downloaded file",
    async () => {
      await openPage(320);
      await page.getByRole("button", { name: S.newWorkbook }).click();
      await run("sample").click();
      await announced(S.sampleDone(33));
      await openStep("impostazioni");
      const input = (key: string) => page.getByTestId(`field-${key}`).locator("input, select").first();
      await input("ente").fill("Comune di Prova");
      await input("sogliaParzialmente").fill("95");
      await page.getByTestId("field-sogliaParzialmente").getByText(S.fieldErrors.thresholds("90")).waitFor();
      expect(await run("parametri").getAttribute("aria-disabled")).toBe("true");
      await checkState(320, "impostazioni con errore");
      await input("sogliaParzialmente").fill("65");
      await input("dataRiferimento").fill("2023-06-30");
      await page.getByTestId("settings-count").getByText(S.settingsChangedCount(3)).waitFor();
      await step("impostazioni").evaluate((el) => el.scrollIntoView({ block: "start" }));
      await shot("impostazioni");
      await run("parametri").click();
      await announced(S.settingsSavedFile);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        (async () => {
          await openStep("cartella");
          await page.getByRole("button", { name: S.download }).click();
        })(),
      ]);
      const file = path.join(tmp, "impostazioni.xlsx");
      await download.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.getWorksheet("Parametri")!;
      const valueOf = (label: string) => {
        let v: unknown;
        ws.eachRow((row) => {
          if (row.getCell(1).value === label) v = row.getCell(2).value;
        });
        return v;
      };
      expect(valueOf("Ente")).toBe("Comune di Prova");
      expect(valueOf("Soglia parzialmente raggiunto")).toBe(65);
      expect(valueOf("Data di riferimento")).toEqual(new Date(Date.UTC(2023, 5, 30)));
      expect(valueOf("Soglia raggiunto")).toBe(90);
    },
  );

  itChromium("desktop width: problems beside the steps, no empty column of a narrow pane", async () => {
    await openPage(1280, 900);
    await page.getByRole("button", { name: S.newWorkbook }).click();
    await run("sample").click();
    await announced(S.sampleDone(33));
    await run("check").click();
    await announced(/^Verifica completata/);
    const aside = page.getByTestId("problems-aside");
    await aside.waitFor();
    const steps = await step("verifica").boundingBox();
    const problems = await aside.boundingBox();
    expect(problems!.x).toBeGreaterThanOrEqual(steps!.x + steps!.width);
    expect(problems!.y).toBeLessThan(steps!.y + steps!.height);
    const main = await page.locator("main").boundingBox();
    expect(main!.width).toBeGreaterThan(1000);
    await checkState(1280, "desktop");
    await shot("desktop");
  });

  itChromium("no request left localhost except the Office.js script; no console errors", async () => {
    // runs last: covers every page load and action of the tests above
    expect([...new Set(watched.external)]).toEqual([OFFICE_JS_CDN]);
    expect(watched.consoleErrors).toEqual([]);
  });
});
