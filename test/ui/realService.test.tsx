/** @jest-environment jsdom */
// The pane over the real SchedaService (reader, validation, rollups, Scheda layout) and an in-memory
// Host: what the pane shows comes from the engine, with expectations worked out by hand from docs/reference.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Host, ParametriWrite, PrepareResult, ReadWorkbookOptions } from "../../src/app/host";
import { appMessages } from "../../src/app/messages";
import { paneStrings } from "../../src/taskpane/strings";
import type { RawWorkbook } from "../../src/domain/model/raw";
import type { InputTableSpec, RollupWritePlan, SheetDescription } from "../../src/domain/model/sheet";
import { App } from "../../src/taskpane/App";
import "./fakes"; // ResizeObserver for jsdom

/** The workbook as a host would read it: Parametri (Anno 2023, Soglia raggiunto as 90%) and three input sheets. */
const RAW: RawWorkbook = {
  sheets: [
    {
      name: "Parametri",
      originRow: 1,
      originCol: 1,
      tables: [],
      values: [
        ["Parametro", "Valore"],
        ["Ente", "Comune di Prova"],
        ["Anno", 2023],
        ["Soglia raggiunto", 0.9],
        ["Soglia parzialmente raggiunto", 70],
      ],
      numberFormats: [
        ["General", "General"],
        ["General", "General"],
        ["General", "General"],
        ["General", "0%"],
        ["General", "General"],
      ],
    },
    {
      name: "Obiettivi",
      originRow: 1,
      originCol: 1,
      tables: [],
      values: [
        ["Codice", "Titolo", "Centro di Responsabilità", "Responsabile"],
        ["OB1", "Asili nido", "SETTORE A", "Rossi"],
        ["OB2", "Biblioteca", "SETTORE B", "Bianchi"],
      ],
    },
    {
      name: "Fasi",
      originRow: 1,
      originCol: 1,
      tables: [],
      values: [
        ["Obiettivo", "Fase", "Fine Prevista", "Peso", "Avanzamento"],
        ["OB1", "Bando", "30/06/2023", 50, 100],
        ["OB1", "Aggiudicazione", "30/06/2023", 50, 100],
        ["OB2", "Progetto", "31/02/2023", 60, 50],
        ["OB2", "Apertura", "30/09/2023", 30, 0],
      ],
    },
    {
      name: "Indicatori",
      originRow: 1,
      originCol: 1,
      tables: [],
      values: [
        ["Obiettivo", "Descrizione", "Valore Atteso", "Valore Raggiunto"],
        ["OB1", "Posti disponibili", 10, 10],
      ],
    },
  ],
};

class MemoryHost implements Host {
  readonly kind = "excel" as const;
  rollupPlans: RollupWritePlan[] = [];
  rendered: SheetDescription[] = [];
  selected: string[] = [];
  writes: ParametriWrite[] = [];
  raw: RawWorkbook = JSON.parse(JSON.stringify(RAW)) as RawWorkbook;
  async readWorkbook(options?: ReadWorkbookOptions) {
    // a workbook without a Monitoraggi sheet, handed over when asked (as the file host does)
    return options?.monitoraggi && this.archives ? { ...this.raw, monitoraggi: null } : this.raw;
  }
  /** Tables given to writeArchive; null: a host without it (Excel until it archives). */
  archives: InputTableSpec[] | null = [];
  /** Writes into the in-memory Parametri grid, as a host writes the Valore cells. */
  async writeParametri(write: ParametriWrite) {
    this.writes.push(write);
    const sheet = this.raw.sheets.find((s) => s.name === write.sheet)!;
    for (const w of write.cells) {
      sheet.values[w.row - 1][w.col - 1] = w.value;
      if (w.numberFormat) sheet.numberFormats![w.row - 1][w.col - 1] = w.numberFormat;
    }
  }
  async writeRollups(plan: RollupWritePlan) {
    this.rollupPlans.push(plan);
  }
  async renderSheet(desc: SheetDescription) {
    this.rendered.push(desc);
  }
  async prepareSheets(): Promise<PrepareResult> {
    return { createdSheets: [], createdTables: [] };
  }
  async isEmptyWorkbook() {
    return false;
  }
  async selectCell(address: string) {
    this.selected.push(address);
  }
  async activateSheet() {}
}

const step = (id: string) => screen.getByTestId(`step-${id}`);
const run = (id: string) => within(screen.getByTestId(`action-${id}`)).getByTestId("run");

async function openStep(id: string) {
  const toggle = within(step(id)).getByTestId(`toggle-${id}`);
  if (toggle.getAttribute("aria-expanded") !== "true") fireEvent.click(toggle);
  await waitFor(() => expect(toggle.getAttribute("aria-expanded")).toBe("true"));
}

/** After the quiet read: the flow suggests Verifica. */
async function started() {
  await waitFor(() => expect(screen.getByTestId("next-step").textContent).toContain(paneStrings.next.check));
}

function setup(archiving = true) {
  const host = new MemoryHost();
  if (archiving) {
    const archives: InputTableSpec[] = [];
    host.archives = archives;
    Object.assign(host, { writeArchive: async (t: InputTableSpec) => void archives.push(t) });
  } else host.archives = null;
  render(
    <App env={{ mode: "excel", host, loadSample: async () => ({}) as never }} today={() => "2024-02-15"} />,
  );
  return host;
}

describe("pane over the real service", () => {
  it("Verifica: the weight sum (60+30) and the impossible date are errors at their cells; a click selects", async () => {
    const host = setup();
    await started();
    fireEvent.click(run("check"));
    const fasi = await screen.findByTestId("sheet-Fasi");
    expect(within(fasi).getByTestId("errors").textContent).toBe("2 errori");
    const rules = within(fasi)
      .getAllByTestId("problem")
      .filter((li) => li.textContent?.startsWith(paneStrings.severityError))
      .map(
        (li) =>
          `${li.getAttribute("data-rule")} ${li.querySelector("[data-testid='problem-cell']")?.textContent}`,
      )
      .sort();
    expect(rules).toEqual(["DATE_INVALID Fasi!C4", "WEIGHT_SUM Fasi!D4"]);
    fireEvent.click(
      within(fasi)
        .getAllByRole("button")
        .find((b) => b.textContent?.includes("Fasi!D4"))!,
    );
    await waitFor(() => expect(host.selected).toEqual(["Fasi!D4"]));
  });

  it("Calcola: OB1 grade 100 → Raggiunto; OB2 phases only, (60·50+30·0)/90 ≈ 33 → Non raggiunto", async () => {
    const host = setup();
    await started();
    await openStep("calcola");
    fireEvent.click(run("rollup"));
    const result = await screen.findByTestId("rollup-result");
    expect(within(result).getByText(paneStrings.rollupDone(2))).toBeTruthy();
    const esiti = within(result).getByTestId("esiti");
    const count = (e: string) => esiti.querySelector(`[data-esito="${e}"] .fui-Badge`)?.textContent;
    expect([
      count("Raggiunto"),
      count("Parzialmente raggiunto"),
      count("Non raggiunto"),
      count("Non valutabile"),
    ]).toEqual(["1", "0", "1", "0"]);
    expect(host.rollupPlans).toHaveLength(1);
  });

  it("Genera Scheda with one objective chosen: only that one in the Scheda", async () => {
    const host = setup();
    await started();
    await openStep("genera");
    const user = userEvent.setup();
    await user.click(within(step("genera")).getByRole("combobox"));
    await user.click(await screen.findByRole("menuitemcheckbox", { name: /^OB2/ }));
    await user.keyboard("{Escape}");
    fireEvent.click(run("generate"));
    const done = await screen.findByTestId("generate-done", {}, { timeout: 10_000 });
    expect(done.textContent).toMatch(/^Scheda generata: 1 obiettivo, \d+ pagin[ae]\.$/);
    expect(host.rendered.map((d) => d.name)).toEqual(["Scheda"]);
    const texts = host.rendered[0].cells
      .map((c) => (c.content.kind === "text" ? c.content.text : ""))
      .join("\n");
    expect(texts).toContain("Biblioteca");
    expect(texts).not.toContain("Asili nido");
  });

  it("Impostazioni: the form shows the sheet (90% as 90), checks as one types, saves only what changed", async () => {
    const host = setup();
    await started();
    await openStep("impostazioni");
    const field = (key: string) =>
      within(screen.getByTestId(`field-${key}`)).getByRole("textbox") as HTMLInputElement;
    expect(field("ente").value).toBe("Comune di Prova");
    expect(field("sogliaRaggiunto").value).toBe("90");
    // Vista is empty in the sheet: empty here, with no default to show
    expect(field("vista").value).toBe("");
    const user = userEvent.setup();
    // 60 would put Soglia raggiunto under Soglia parzialmente raggiunto (70): the reader says no
    await user.clear(field("sogliaRaggiunto"));
    await user.type(field("sogliaRaggiunto"), "60");
    expect(screen.getByTestId("field-sogliaParzialmente").textContent).toContain(
      paneStrings.fieldErrors.thresholds("60"),
    );
    expect(run("parametri").getAttribute("aria-disabled")).toBe("true");
    await user.clear(field("sogliaRaggiunto"));
    await user.type(field("sogliaRaggiunto"), "abc");
    expect(screen.getByTestId("field-sogliaRaggiunto").textContent).toContain(
      paneStrings.fieldErrors.percent,
    );
    await user.clear(field("sogliaRaggiunto"));
    await user.type(field("sogliaRaggiunto"), "85,5");
    await user.clear(field("anno"));
    await user.type(field("anno"), "2024");
    expect(screen.getByTestId("settings-count").textContent).toBe(paneStrings.settingsChangedCount(2));
    fireEvent.click(run("parametri"));
    await waitFor(() => expect(host.writes).toHaveLength(1));
    // the percent-formatted cell keeps its format: 85,5 is written as 0.855
    expect(host.writes[0]).toEqual({
      sheet: "Parametri",
      cells: [
        { key: "anno", row: 3, col: 2, value: 2024 },
        { key: "sogliaRaggiunto", row: 4, col: 2, value: 0.855 },
      ],
    });
    await waitFor(() => expect(screen.getByTestId("announcer").textContent).toBe(paneStrings.settingsSaved));
    expect(field("sogliaRaggiunto").value).toBe("85,5");
    expect(screen.getByTestId("settings-count").textContent).toBe(paneStrings.settingsChangedCount(0));
  });
  it("Archivia monitoraggio: one row per objective, phase and indicator at 31/12/2023 (no Data di riferimento: the Anno's end)", async () => {
    const host = setup();
    await started();
    await openStep("archivia");
    expect(screen.getByTestId("archive-current").textContent).toBe(paneStrings.archiveAt("31/12/2023"));
    fireEvent.click(run("archive"));
    const done = await screen.findByTestId("archive-done");
    // RAW: 2 objectives, 4 phases, 1 indicator
    expect(done.textContent).toBe(paneStrings.archiveDone("31/12/2023", 2, 4, 1));
    expect(screen.getByTestId("archive-dates").textContent).toBe(paneStrings.archiveDates(["31/12/2023"]));
    // the two errors of Fasi (weight sum, impossible date) leave cells empty in the archive
    expect(
      within(screen.getByTestId("archive-result")).getByText(paneStrings.archiveErrorsEmpty(2)),
    ).toBeTruthy();
    expect(host.archives).toHaveLength(1);
    const table = host.archives![0];
    expect(table.sheet).toBe("Monitoraggi");
    const col = (h: string) => table.columns.findIndex((c) => c.header === h);
    const rows = table.rows.map((r) => [r[col("Tipo")], r[col("Obiettivo")], r[col("Elemento")]]);
    expect(rows).toEqual([
      ["Obiettivo", "OB1", null],
      ["Fase", "OB1", "Bando"],
      ["Fase", "OB1", "Aggiudicazione"],
      ["Indicatore", "OB1", "Posti disponibili"],
      ["Obiettivo", "OB2", null],
      ["Fase", "OB2", "Progetto"],
      ["Fase", "OB2", "Apertura"],
    ]);
    const progetto = table.rows.find((r) => r[col("Elemento")] === "Progetto")!;
    expect(progetto[col("Avanzamento")]).toBe(50);
    // archiving writes no computed column and no sheet
    expect(host.rollupPlans).toEqual([]);
    expect(host.rendered).toEqual([]);
  });

  it("Archivia monitoraggio on a host without writeArchive: the service's message, nothing written", async () => {
    const host = setup(false);
    await started();
    await openStep("archivia");
    fireEvent.click(run("archive"));
    const alert = await within(screen.getByTestId("action-archive")).findByRole("alert");
    expect(alert.textContent).toBe(appMessages.archiveUnavailable);
    expect(host.rollupPlans).toEqual([]);
  });
});
