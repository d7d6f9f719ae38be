/** @jest-environment jsdom */
// Each action of the pane through its states: idle, working, success, problems, failure.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppError } from "../../src/app/service";
import { appMessages } from "../../src/app/messages";
import { paneStrings } from "../../src/taskpane/strings";
import { App } from "../../src/taskpane/App";
import {
  FakeHost,
  FakeService,
  PLAN,
  checkResult,
  deferred,
  excelEnv,
  factoryFor,
  problem,
  rollups,
} from "./fakes";

function setup(service = new FakeService(), host = new FakeHost("excel")) {
  const view = render(
    <App env={excelEnv(host)} createService={factoryFor(service)} today={() => "2024-01-15"} />,
  );
  return { service, host, view };
}

const textOf = (el: Element) => el.textContent ?? "";
const isDisabled = (el: Element) => (el as HTMLButtonElement).disabled;
const card = (id: string) => screen.getByTestId(`card-${id}`);
const button = (id: string, name: string) => within(card(id)).getByRole("button", { name });

/** Waits for the quiet read the pane does on start (it fills Parametri and the filters). */
async function started(service: FakeService) {
  await waitFor(() => expect(service.count("check")).toBe(1));
  await screen.findByText("Comune di Prova");
}

describe("idle", () => {
  it("shows the five actions in their order of use, enabled, with no outcome yet", async () => {
    const { service } = setup();
    await started(service);
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings.slice(0, 5)).toEqual([
      paneStrings.prepareTitle,
      paneStrings.sampleTitle,
      paneStrings.checkTitle,
      paneStrings.rollupTitle,
      paneStrings.generateTitle,
    ]);
    for (const [id, name] of [
      ["prepara", paneStrings.prepareButton],
      ["esempio", paneStrings.sampleButton],
      ["verifica", paneStrings.checkButton],
      ["calcola", paneStrings.rollupButton],
      ["genera", paneStrings.generateButton],
    ]) {
      expect(isDisabled(button(id, name))).toBe(false);
    }
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    // the quiet start-up read is not a Verifica: no problem list
    expect(screen.queryAllByTestId("problem")).toHaveLength(0);
  });

  it("keyboard: Tab reaches the action buttons in order of use", async () => {
    const { service } = setup();
    await started(service);
    const order = [
      button("prepara", paneStrings.prepareButton),
      button("esempio", paneStrings.sampleButton),
      button("verifica", paneStrings.checkButton),
      button("calcola", paneStrings.rollupButton),
    ];
    const all = Array.from(
      document.querySelectorAll<HTMLElement>("button:not([disabled]), a[href], input, [tabindex='0']"),
    );
    const positions = order.map((b) => all.indexOf(b));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe("Prepara fogli", () => {
  it("working: progress shown, every action disabled until it ends; then success lists what was created", async () => {
    const service = new FakeService();
    const d = deferred<{ createdSheets: string[]; createdTables: string[] }>();
    service.prepareAnswer = () => d.promise;
    setup(service);
    await started(service);
    fireEvent.click(button("prepara", paneStrings.prepareButton));
    const status = await within(card("prepara")).findByRole("status");
    expect(textOf(status)).toContain(paneStrings.working);
    expect(within(card("prepara")).getByRole("progressbar")).toBeTruthy();
    expect(isDisabled(button("verifica", paneStrings.checkButton))).toBe(true);
    expect(isDisabled(button("genera", paneStrings.generateButton))).toBe(true);
    await act(async () =>
      d.resolve({ createdSheets: ["Fasi", "Indicatori"], createdTables: ["tblFasi", "tblIndicatori"] }),
    );
    expect(
      await within(card("prepara")).findByText(
        /Creati i fogli Fasi, Indicatori e le tabelle tblFasi, tblIndicatori/,
      ),
    ).toBeTruthy();
    expect(within(card("prepara")).queryByRole("status")).toBeNull();
    expect(isDisabled(button("verifica", paneStrings.checkButton))).toBe(false);
    // the sheets changed: the pane read them again
    expect(service.count("check")).toBe(2);
  });

  it("success with nothing to create says so", async () => {
    const { service } = setup();
    await started(service);
    fireEvent.click(button("prepara", paneStrings.prepareButton));
    expect(await within(card("prepara")).findByText(paneStrings.prepareNothing)).toBeTruthy();
  });

  it("failure: a host error becomes an alert and the buttons come back", async () => {
    const service = new FakeService();
    service.prepareAnswer = async () => {
      throw new AppError("HOST", "Il foglio Fasi è protetto: togli la protezione e riprova.");
    };
    setup(service);
    await started(service);
    fireEvent.click(button("prepara", paneStrings.prepareButton));
    const alert = await within(card("prepara")).findByRole("alert");
    expect(textOf(alert)).toContain("Il foglio Fasi è protetto: togli la protezione e riprova.");
    expect(isDisabled(button("prepara", paneStrings.prepareButton))).toBe(false);
  });
});

describe("Carica esempio", () => {
  it("success", async () => {
    const { service } = setup();
    await started(service);
    fireEvent.click(button("esempio", paneStrings.sampleButton));
    // the count is what the sheets hold once read back (the fake plan has 3 objectives)
    expect(await within(card("esempio")).findByText(paneStrings.sampleDone(3))).toBeTruthy();
    expect(service.count("loadSample")).toBe(1);
  });

  it("problems: a load that leaves Obiettivi empty is not reported as done", async () => {
    const service = new FakeService();
    setup(service);
    await started(service);
    service.checkAnswer = async () => checkResult([], { ...PLAN, obiettivi: [] });
    fireEvent.click(button("esempio", paneStrings.sampleButton));
    expect(await within(card("esempio")).findByText(paneStrings.sampleNotWritten)).toBeTruthy();
    expect(within(card("esempio")).queryByText(/Esempio caricato/)).toBeNull();
  });

  it("problems: a workbook with data is refused with the service's explanation, not as a crash", async () => {
    const service = new FakeService();
    service.sampleAnswer = async () => {
      throw new AppError("NOT_EMPTY", appMessages.sampleNeedsEmpty);
    };
    setup(service);
    await started(service);
    fireEvent.click(button("esempio", paneStrings.sampleButton));
    expect(await within(card("esempio")).findByText(appMessages.sampleNeedsEmpty)).toBeTruthy();
    expect(within(card("esempio")).getByText(paneStrings.sampleRefused)).toBeTruthy();
    expect(within(card("esempio")).queryByRole("alert")).toBeNull();
  });

  it("failure: an unexpected error is shown as such", async () => {
    const service = new FakeService();
    service.sampleAnswer = async () => {
      throw new Error("rete assente");
    };
    setup(service);
    await started(service);
    fireEvent.click(button("esempio", paneStrings.sampleButton));
    expect(textOf(await within(card("esempio")).findByRole("alert"))).toContain(
      paneStrings.unexpectedError("rete assente"),
    );
  });
});

describe("Verifica", () => {
  const problems = [
    problem({
      rule: "WEIGHT_SUM",
      sheet: "Fasi",
      cell: "Fasi!G12",
      row: 12,
      message: "La somma dei pesi è 90",
    }),
    problem({
      rule: "DATE_INVALID",
      sheet: "Fasi",
      cell: "Fasi!D14",
      row: 14,
      message: "Data non valida: 31/02/2023",
    }),
    problem({
      rule: "NO_PHASES",
      sheet: "Obiettivi",
      cell: "Obiettivi!A4",
      severity: "warning",
      message: "<b>OB03</b> senza fasi",
    }),
    problem({
      rule: "PHASE_LATE",
      sheet: "Fasi",
      cell: "Fasi!F3",
      row: 3,
      severity: "warning",
      message: "Fase in ritardo",
    }),
    problem({
      rule: "TARGET_MISSING",
      sheet: "Indicatori",
      cell: "Indicatori!E5",
      severity: "warning",
      message: "Manca il valore atteso",
    }),
  ];

  it("working shows the service's progress step", async () => {
    const service = new FakeService();
    const d = deferred<ReturnType<typeof checkResult>>();
    setup(service);
    await started(service);
    service.checkAnswer = () => d.promise;
    fireEvent.click(button("verifica", paneStrings.checkButton));
    act(() => service.progress("verifica"));
    expect(textOf(await within(card("verifica")).findByRole("status"))).toContain(paneStrings.steps.verifica);
    await act(async () => d.resolve(checkResult([])));
    expect(await within(card("verifica")).findByText(paneStrings.checkClean)).toBeTruthy();
  });

  it("problems: grouped by sheet with counts, errors first, cell shown; clicking selects the cell in Excel", async () => {
    const service = new FakeService();
    const { host } = setup(service);
    await started(service);
    service.checkAnswer = async () => checkResult(problems);
    fireEvent.click(button("verifica", paneStrings.checkButton));
    expect(textOf(await screen.findByTestId("check-summary"))).toContain("2 errori, 3 avvisi");

    const fasi = screen.getByTestId("sheet-Fasi");
    expect(textOf(within(fasi).getByTestId("errors"))).toContain("2 errori");
    expect(textOf(within(fasi).getByTestId("warnings"))).toContain("1 avviso");
    const rules = within(fasi)
      .getAllByTestId("problem")
      .map((li) => li.getAttribute("data-rule"));
    expect(rules).toEqual(["WEIGHT_SUM", "DATE_INVALID", "PHASE_LATE"]);
    expect(within(fasi).getByText("Fasi!D14")).toBeTruthy();

    // the sheet with errors is open; clicking its problem selects the cell
    fireEvent.click(within(fasi).getByRole("button", { name: /Data non valida: 31\/02\/2023/ }));
    await waitFor(() => expect(host.selected).toEqual(["Fasi!D14"]));

    // workbook text is text, never markup
    const obiettivi = screen.getByTestId("sheet-Obiettivi");
    expect(textOf(within(obiettivi).getByTestId("warnings"))).toContain("1 avviso");
    fireEvent.click(within(obiettivi).getByRole("button", { name: /Obiettivi/ }));
    expect(await within(obiettivi).findByText("<b>OB03</b> senza fasi")).toBeTruthy();
    expect(document.querySelector("b")).toBeNull();
  });

  it("a failed selection is reported, not swallowed", async () => {
    const service = new FakeService();
    const host = new FakeHost("excel");
    host.selectCell = async () => {
      throw new Error("foglio nascosto");
    };
    setup(service, host);
    await started(service);
    service.checkAnswer = async () => checkResult(problems);
    fireEvent.click(button("verifica", paneStrings.checkButton));
    const fasi = await screen.findByTestId("sheet-Fasi");
    fireEvent.click(within(fasi).getByRole("button", { name: /La somma dei pesi è 90/ }));
    expect(textOf(await screen.findByTestId("notice"))).toContain(
      "Impossibile selezionare Fasi!G12: foglio nascosto",
    );
  });

  it("failure", async () => {
    const service = new FakeService();
    setup(service);
    await started(service);
    service.checkAnswer = async () => {
      throw new Error("connessione persa");
    };
    fireEvent.click(button("verifica", paneStrings.checkButton));
    expect(textOf(await within(card("verifica")).findByRole("alert"))).toContain("connessione persa");
  });
});

describe("Calcola", () => {
  it("success shows the Esito counts and a warning when some cells had errors", async () => {
    const service = new FakeService();
    service.rollupAnswer = async () => ({
      check: checkResult([problem({ rule: "NUMBER_INVALID", sheet: "Fasi" })]),
      rollups: rollups(PLAN, ["Raggiunto", "Non raggiunto", "Raggiunto"]),
    });
    setup(service);
    await started(service);
    fireEvent.click(button("calcola", paneStrings.rollupButton));
    expect(await within(card("calcola")).findByText(paneStrings.rollupDone(3))).toBeTruthy();
    const esiti = within(card("calcola")).getByTestId("esiti");
    const count = (e: string) => esiti.querySelector(`[data-esito="${e}"]`)?.textContent;
    expect(count("Raggiunto")).toBe("2Raggiunto");
    expect(count("Non raggiunto")).toBe("1Non raggiunto");
    expect(count("Parzialmente raggiunto")).toBe("0Parzialmente raggiunto");
    expect(count("Non valutabile")).toBe("0Non valutabile");
    expect(within(card("calcola")).getByText(/1 errore, 0 avvisi/)).toBeTruthy();
  });

  it("problems: blocking problems are listed and nothing is reported as computed", async () => {
    const service = new FakeService();
    service.rollupAnswer = async () => ({
      check: checkResult([
        problem({
          rule: "SHEET_MISSING",
          sheet: "Indicatori",
          cell: null,
          row: null,
          column: null,
          message: "Manca il foglio Indicatori",
        }),
        problem({ rule: "NUMBER_INVALID", sheet: "Fasi", message: "non bloccante" }),
      ]),
      rollups: null,
    });
    setup(service);
    await started(service);
    fireEvent.click(button("calcola", paneStrings.rollupButton));
    expect(textOf(await within(card("calcola")).findByTestId("blocked"))).toContain(paneStrings.blockedTitle);
    expect(within(card("calcola")).getByText("Manca il foglio Indicatori")).toBeTruthy();
    expect(within(card("calcola")).queryByText("non bloccante")).toBeNull();
    expect(within(card("calcola")).queryByTestId("esiti")).toBeNull();
  });

  it("failure", async () => {
    const service = new FakeService();
    service.rollupAnswer = async () => {
      throw new AppError("HOST", "Il foglio Obiettivi è protetto.");
    };
    setup(service);
    await started(service);
    fireEvent.click(button("calcola", paneStrings.rollupButton));
    expect(textOf(await within(card("calcola")).findByRole("alert"))).toContain(
      "Il foglio Obiettivi è protetto.",
    );
  });
});

describe("Genera Scheda", () => {
  it("working → success: progress while it works, then counts and a button that activates the Scheda sheet", async () => {
    const service = new FakeService();
    const d = deferred<Awaited<ReturnType<FakeService["generateAnswer"]>>>();
    service.generateAnswer = () => d.promise;
    const { host } = setup(service);
    await started(service);
    fireEvent.click(button("genera", paneStrings.generateButton));
    act(() => service.progress("impaginazione"));
    const status = await within(card("genera")).findByRole("status");
    expect(textOf(status)).toContain(paneStrings.steps.impaginazione);
    expect(within(card("genera")).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.85");
    await act(async () =>
      d.resolve({ check: checkResult([]), rollups: rollups(PLAN), objectives: 3, pages: 7 }),
    );
    expect(textOf(await screen.findByTestId("generate-done"))).toContain(paneStrings.generateDone(3, 7));
    expect(service.calls.find((c) => c.method === "generate")?.arg).toEqual({ cdr: [], obiettivi: [] });
    fireEvent.click(within(card("genera")).getByRole("button", { name: paneStrings.goToScheda }));
    await waitFor(() => expect(host.activated).toEqual(["Scheda"]));
  });

  it("filters by Centro di Responsabilità and objectives, from the workbook's own lists", async () => {
    const service = new FakeService();
    service.generateAnswer = async () => ({
      check: checkResult([]),
      rollups: rollups(PLAN),
      objectives: 1,
      pages: 3,
    });
    setup(service);
    await started(service);
    const user = userEvent.setup();
    const filters = within(card("genera")).getAllByRole("combobox");
    await user.click(filters[0]);
    // multi-select options are menuitemcheckbox in Fluent v9
    const cdrOptions = (await screen.findAllByRole("menuitemcheckbox")).map((o) => o.textContent);
    expect(cdrOptions).toEqual(["SETTORE SOCIOEDUCATIVO", "SETTORE CULTURA"]);
    await user.click(screen.getByRole("menuitemcheckbox", { name: "SETTORE CULTURA" }));
    await user.keyboard("{Escape}");
    // only the objectives of that centre are offered
    await user.click(filters[1]);
    const objOptions = (await screen.findAllByRole("menuitemcheckbox")).map((o) => o.textContent);
    expect(objOptions).toEqual(["OB03 — Biblioteca <b>aperta</b> la sera"]);
    await user.click(screen.getAllByRole("menuitemcheckbox")[0]);
    await user.keyboard("{Escape}");
    fireEvent.click(button("genera", paneStrings.generateButton));
    await screen.findByTestId("generate-done");
    expect(service.calls.find((c) => c.method === "generate")?.arg).toEqual({
      cdr: ["SETTORE CULTURA"],
      obiettivi: ["OB03"],
    });
  });

  it("problems: the blocking problems are shown and no Scheda button", async () => {
    const service = new FakeService();
    service.generateAnswer = async () => ({
      check: checkResult([
        problem({
          rule: "COLUMN_MISSING",
          sheet: "Fasi",
          cell: "Fasi!A1",
          row: 1,
          message: "Manca la colonna Peso",
        }),
      ]),
      rollups: null,
      objectives: 0,
      pages: 0,
    });
    const { host } = setup(service);
    await started(service);
    fireEvent.click(button("genera", paneStrings.generateButton));
    expect(await within(card("genera")).findByTestId("blocked")).toBeTruthy();
    const item = within(card("genera")).getByRole("button", { name: /Manca la colonna Peso/ });
    fireEvent.click(item);
    await waitFor(() => expect(host.selected).toEqual(["Fasi!A1"]));
    expect(within(card("genera")).queryByRole("button", { name: paneStrings.goToScheda })).toBeNull();
  });

  it("failure: an unknown filter value is explained", async () => {
    const service = new FakeService();
    const msg = appMessages.unknownCdr(["X"], ["SETTORE CULTURA"]);
    service.generateAnswer = async () => {
      throw new AppError("FILTER_UNKNOWN", msg);
    };
    setup(service);
    await started(service);
    fireEvent.click(button("genera", paneStrings.generateButton));
    expect(textOf(await within(card("genera")).findByRole("alert"))).toContain(msg);
  });
});

describe("Parametri", () => {
  it("shows the values read from the sheet and links to it", async () => {
    const { service, host } = setup();
    await started(service);
    const parametri = card("parametri");
    expect(within(parametri).getByText("31/12/2023")).toBeTruthy();
    expect(within(parametri).getByText("EFFICACIA, EFFICIENZA")).toBeTruthy();
    fireEvent.click(within(parametri).getByRole("button", { name: paneStrings.parametriOpen }));
    await waitFor(() => expect(host.activated).toEqual(["Parametri"]));
  });
});
