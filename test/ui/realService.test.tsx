/** @jest-environment jsdom */
// The pane over the real SchedaService (reader, validation, rollups, Scheda layout) and an in-memory
// Host: what the pane shows comes from the engine, with expectations worked out by hand from docs/reference.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Host, PrepareResult } from "../../src/app/host";
import { paneStrings } from "../../src/taskpane/strings";
import type { RawWorkbook } from "../../src/domain/model/raw";
import type { RollupWritePlan, SheetDescription } from "../../src/domain/model/sheet";
import { App } from "../../src/taskpane/App";
import "./fakes"; // ResizeObserver for jsdom

/** The workbook as a host would read it: three input sheets, no Parametri (defaults apply). */
const RAW: RawWorkbook = {
  sheets: [
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
  async readWorkbook() {
    return RAW;
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

const card = (id: string) => screen.getByTestId(`card-${id}`);

function setup() {
  const host = new MemoryHost();
  render(
    <App env={{ mode: "excel", host, loadSample: async () => ({}) as never }} today={() => "2024-02-15"} />,
  );
  return host;
}

describe("pane over the real service", () => {
  it("Verifica: the weight sum (60+30) and the impossible date are errors at their cells; a click selects", async () => {
    const host = setup();
    fireEvent.click(within(card("verifica")).getByRole("button", { name: paneStrings.checkButton }));
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
    fireEvent.click(within(card("calcola")).getByRole("button", { name: paneStrings.rollupButton }));
    await within(card("calcola")).findByText(paneStrings.rollupDone(2));
    const esiti = within(card("calcola")).getByTestId("esiti");
    const count = (e: string) => esiti.querySelector(`[data-esito="${e}"] .fui-Badge`)?.textContent;
    expect([
      count("Raggiunto"),
      count("Parzialmente raggiunto"),
      count("Non raggiunto"),
      count("Non valutabile"),
    ]).toEqual(["1", "0", "1", "0"]);
    expect(host.rollupPlans).toHaveLength(1);
  });

  it("Genera Scheda with the CdR filter: one objective in the Scheda", async () => {
    const host = setup();
    await waitFor(() => expect(within(card("parametri")).getByText("2023")).toBeTruthy());
    const user = userEvent.setup();
    await user.click(within(card("genera")).getAllByRole("combobox")[0]);
    await user.click(await screen.findByRole("menuitemcheckbox", { name: "SETTORE B" }));
    await user.keyboard("{Escape}");
    fireEvent.click(within(card("genera")).getByRole("button", { name: paneStrings.generateButton }));
    const done = await screen.findByTestId("generate-done", {}, { timeout: 10_000 });
    expect(done.textContent).toMatch(/^Scheda generata: 1 obiettivo, \d+ pagin[ae]\.$/);
    expect(host.rendered.map((d) => d.name)).toEqual(["Scheda"]);
    const texts = host.rendered[0].cells
      .map((c) => (c.content.kind === "text" ? c.content.text : ""))
      .join("\n");
    expect(texts).toContain("Biblioteca");
    expect(texts).not.toContain("Asili nido");
  });
});
