/** @jest-environment jsdom */
// The guided flow in Excel mode, action by action: what is offered when (and why not), progress,
// outcomes shown once where they belong, the next step suggested, and the announcements.
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppError } from "../../src/app/service";
import { appMessages } from "../../src/app/messages";
import type { Plan } from "../../src/domain/model/model";
import { paneStrings } from "../../src/taskpane/strings";
import { FakeHost, FakeService, checkResult, deferred, isDisabled, problem, rollups } from "./fakes";
import {
  EMPTY,
  READY,
  action,
  announced,
  button,
  next,
  openStep,
  ready,
  setup,
  started,
  step,
  textOf,
} from "./excelPane";

describe("what is offered, and why not", () => {
  it("an empty prepared workbook: Carica esempio offered, Prepara fogli and the rest disabled with reasons", async () => {
    const service = new FakeService();
    service.checkAnswer = async () => checkResult([], EMPTY);
    setup(service);
    await waitFor(() => expect(next()).toContain(paneStrings.next.prepare));
    expect(step("prepara").getAttribute("data-status")).toBe("current");
    expect(isDisabled(button("sample"))).toBe(false);
    expect(isDisabled(button("prepare"))).toBe(true);
    expect(textOf(within(action("prepare")).getByTestId("reason"))).toBe(paneStrings.reasonSheetsReady);
    await openStep("verifica");
    expect(isDisabled(button("check"))).toBe(true);
    expect(textOf(within(action("check")).getByTestId("reason"))).toBe(paneStrings.reasonNoData);
    // the disabled buttons stay reachable with the keyboard and say why
    expect(button("check").getAttribute("aria-describedby")).toContain(
      within(action("check")).getByTestId("reason").id,
    );
  });

  it("a workbook with data: the example is no longer offered; Verifica is the next step", async () => {
    const { service } = setup();
    await started(service);
    await waitFor(() => expect(next()).toContain(paneStrings.next.check));
    expect(step("prepara").getAttribute("data-status")).toBe("done");
    await openStep("prepara");
    expect(isDisabled(button("sample"))).toBe(true);
    expect(textOf(within(action("sample")).getByTestId("reason"))).toBe(paneStrings.reasonHasData);
    expect(isDisabled(button("prepare"))).toBe(true);
    expect(step("verifica").getAttribute("data-status")).toBe("current");
    expect(isDisabled(button("check"))).toBe(false);
    // the quiet start-up read is not a Verifica: no problem list
    expect(screen.queryAllByTestId("problem")).toHaveLength(0);
  });

  it("a missing sheet: Prepara fogli offered; Calcola and Genera wait for the structure to be fixed", async () => {
    const service = new FakeService();
    const missing = problem({
      rule: "SHEET_MISSING",
      sheet: "Indicatori",
      cell: null,
      row: null,
      column: null,
    });
    service.checkAnswer = async () =>
      checkResult([missing], { ...READY, layout: { ...READY.layout, indicatori: null } });
    setup(service);
    await waitFor(() => expect(next()).toContain(paneStrings.next.check));
    await openStep("prepara");
    expect(isDisabled(button("prepare"))).toBe(false);
    await openStep("calcola");
    expect(isDisabled(button("rollup"))).toBe(true);
    expect(textOf(within(action("rollup")).getByTestId("reason"))).toBe(paneStrings.reasonBlockedUnchecked);
  });
});

describe("Prepara fogli", () => {
  it("working: progress, every action disabled; then the sheets are read again and Carica esempio is next", async () => {
    const service = new FakeService();
    service.checkAnswer = async () => checkResult([], PLAN_NO_SHEETS);
    const d = deferred<{ createdSheets: string[]; createdTables: string[] }>();
    service.prepareAnswer = () => d.promise;
    setup(service);
    await waitFor(() => expect(isDisabled(button("prepare"))).toBe(false));
    fireEvent.click(button("prepare"));
    const status = await within(action("prepare")).findByRole("status");
    expect(textOf(status)).toContain(paneStrings.working);
    expect(within(action("prepare")).getByRole("progressbar")).toBeTruthy();
    expect(isDisabled(button("sample"))).toBe(true);
    service.checkAnswer = async () => checkResult([], EMPTY);
    await act(async () =>
      d.resolve({ createdSheets: ["Fasi", "Indicatori"], createdTables: ["tblFasi", "tblIndicatori"] }),
    );
    expect(
      await within(action("prepare")).findByText(
        /Creati i fogli Fasi, Indicatori e le tabelle tblFasi, tblIndicatori/,
      ),
    ).toBeTruthy();
    expect(announced()).toContain("Creati i fogli Fasi, Indicatori");
    expect(service.count("check")).toBe(2);
    await waitFor(() => expect(isDisabled(button("prepare"))).toBe(true));
    expect(isDisabled(button("sample"))).toBe(false);
  });

  it("failure: a host error becomes an alert and the button comes back", async () => {
    const service = new FakeService();
    service.checkAnswer = async () => checkResult([], PLAN_NO_SHEETS);
    service.prepareAnswer = async () => {
      throw new AppError("HOST", "Il foglio Fasi è protetto: togliere la protezione e riprovare.");
    };
    setup(service);
    await waitFor(() => expect(isDisabled(button("prepare"))).toBe(false));
    fireEvent.click(button("prepare"));
    const alert = await within(action("prepare")).findByRole("alert");
    expect(textOf(alert)).toContain("Il foglio Fasi è protetto");
    expect(isDisabled(button("prepare"))).toBe(false);
  });
});

const PLAN_NO_SHEETS: Plan = {
  ...EMPTY,
  layout: { obiettivi: null, fasi: null, indicatori: null, parametri: null },
};

describe("Carica esempio", () => {
  function emptyStart() {
    const service = new FakeService();
    service.checkAnswer = async () => checkResult([], EMPTY);
    setup(service);
    return service;
  }

  it("success: the step folds to what the workbook now holds, Verifica is next, the focus follows", async () => {
    const service = emptyStart();
    await waitFor(() => expect(isDisabled(button("sample"))).toBe(false));
    service.checkAnswer = async () => checkResult([], READY);
    button("sample").focus();
    fireEvent.click(button("sample"));
    await waitFor(() => expect(announced()).toContain(paneStrings.sampleDone(3)));
    expect(service.count("loadSample")).toBe(1);
    expect(step("prepara").getAttribute("data-status")).toBe("done");
    expect(textOf(step("prepara"))).toContain(paneStrings.prepareSummary(3, 0, 0));
    expect(next()).toContain(paneStrings.next.check);
    await waitFor(() =>
      expect(document.activeElement).toBe(within(step("verifica")).getByTestId("toggle-verifica")),
    );
  });

  it("problems: a load that leaves Obiettivi empty is not reported as done", async () => {
    emptyStart();
    await waitFor(() => expect(isDisabled(button("sample"))).toBe(false));
    fireEvent.click(button("sample"));
    expect(await within(action("sample")).findByText(paneStrings.sampleNotWritten)).toBeTruthy();
    expect(screen.queryByText(/Esempio caricato/)).toBeNull();
  });

  it("problems: a workbook the host finds not empty is refused with the service's explanation", async () => {
    const service = emptyStart();
    service.sampleAnswer = async () => {
      throw new AppError("NOT_EMPTY", appMessages.sampleNeedsEmpty);
    };
    await waitFor(() => expect(isDisabled(button("sample"))).toBe(false));
    fireEvent.click(button("sample"));
    expect(await within(action("sample")).findByText(appMessages.sampleNeedsEmpty)).toBeTruthy();
    expect(within(action("sample")).getByText(paneStrings.sampleRefused)).toBeTruthy();
    expect(within(action("sample")).queryByRole("alert")).toBeNull();
  });

  it("failure: an unexpected error is shown as such", async () => {
    const service = emptyStart();
    service.sampleAnswer = async () => {
      throw new Error("rete assente");
    };
    await waitFor(() => expect(isDisabled(button("sample"))).toBe(false));
    fireEvent.click(button("sample"));
    expect(textOf(await within(action("sample")).findByRole("alert"))).toContain(
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

  it("working shows the service's progress step; a clean result says so and Calcola is next", async () => {
    const { service } = setup();
    await started(service);
    const d = deferred<ReturnType<typeof checkResult>>();
    service.checkAnswer = () => d.promise;
    fireEvent.click(button("check"));
    act(() => service.progress("verifica"));
    expect(textOf(await within(action("check")).findByRole("status"))).toContain(paneStrings.steps.verifica);
    await act(async () => d.resolve(checkResult([], READY)));
    await waitFor(() => expect(announced()).toBe(paneStrings.announceCheck(0, 0)));
    expect(next()).toContain(paneStrings.next.rollup);
    expect(textOf(step("verifica"))).toContain(paneStrings.checkClean);
  });

  it("problems: grouped by sheet, errors first, cell shown; a click selects the cell in Excel", async () => {
    const { service, host } = setup();
    await started(service);
    service.checkAnswer = async () => checkResult(problems, READY);
    fireEvent.click(button("check"));
    expect(textOf(await screen.findByTestId("check-summary"))).toContain("2 errori, 3 avvisi");
    expect(announced()).toBe(paneStrings.announceCheck(2, 3));
    expect(step("verifica").getAttribute("data-status")).toBe("attention");
    expect(next()).toContain(paneStrings.next.fixErrors);
    const fasi = screen.getByTestId("sheet-Fasi");
    expect(textOf(within(fasi).getByTestId("errors"))).toContain("2 errori");
    expect(textOf(within(fasi).getByTestId("warnings"))).toContain("1 avviso");
    const rules = within(fasi)
      .getAllByTestId("problem")
      .map((li) => li.getAttribute("data-rule"));
    expect(rules).toEqual(["WEIGHT_SUM", "DATE_INVALID", "PHASE_LATE"]);
    fireEvent.click(within(fasi).getByRole("button", { name: /Data non valida: 31\/02\/2023/ }));
    await waitFor(() => expect(host.selected).toEqual(["Fasi!D14"]));
    // workbook text is text, never markup
    const obiettivi = screen.getByTestId("sheet-Obiettivi");
    fireEvent.click(within(obiettivi).getByRole("button", { name: /Obiettivi/ }));
    expect(await within(obiettivi).findByText("<b>OB03</b> senza fasi")).toBeTruthy();
    expect(document.querySelector("b")).toBeNull();
  });

  it("a failed selection is reported, not swallowed", async () => {
    const host = new FakeHost("excel");
    host.selectCell = async () => {
      throw new Error("foglio nascosto");
    };
    const { service } = setup(ready(), host);
    await started(service);
    service.checkAnswer = async () => checkResult(problems, READY);
    fireEvent.click(button("check"));
    const fasi = await screen.findByTestId("sheet-Fasi");
    fireEvent.click(within(fasi).getByRole("button", { name: /La somma dei pesi è 90/ }));
    expect(textOf(await screen.findByTestId("notice"))).toContain(
      "Impossibile selezionare Fasi!G12: foglio nascosto",
    );
  });

  it("failure", async () => {
    const { service } = setup();
    await started(service);
    service.checkAnswer = async () => {
      throw new Error("connessione persa");
    };
    fireEvent.click(button("check"));
    expect(textOf(await within(action("check")).findByRole("alert"))).toContain("connessione persa");
  });
});

describe("Calcola", () => {
  it("success: the Esito counts once, a note for cells with errors, Genera Scheda next", async () => {
    const { service } = setup();
    await started(service);
    service.rollupAnswer = async () => ({
      check: checkResult([problem({ rule: "NUMBER_INVALID", sheet: "Fasi" })], READY),
      rollups: rollups(READY, ["Raggiunto", "Non raggiunto", "Raggiunto"]),
    });
    await openStep("calcola");
    fireEvent.click(button("rollup"));
    const result = await screen.findByTestId("rollup-result");
    expect(within(result).getByText(paneStrings.rollupDone(3))).toBeTruthy();
    const esiti = within(result).getByTestId("esiti");
    const count = (e: string) => esiti.querySelector(`[data-esito="${e}"]`)?.textContent;
    expect(count("Raggiunto")).toBe("2Raggiunto");
    expect(count("Non raggiunto")).toBe("1Non raggiunto");
    expect(count("Parzialmente raggiunto")).toBe("0Parzialmente raggiunto");
    expect(within(result).getByText(paneStrings.errorsTreatedEmpty(1))).toBeTruthy();
    expect(screen.getAllByTestId("esiti")).toHaveLength(1);
    expect(next()).toContain(paneStrings.next.generate);
    expect(announced()).toBe(paneStrings.announceRollup(3));
    // the problems Calcola found are listed in Verifica, once
    expect(screen.getAllByTestId("problem")).toHaveLength(1);
    fireEvent.click(within(result).getByRole("button", { name: paneStrings.goToRiepilogo }));
  });

  it("blocked: nothing reported as computed; the structural problems appear once, in Verifica", async () => {
    const { service } = setup();
    await started(service);
    const blocking = problem({
      rule: "SHEET_MISSING",
      sheet: "Indicatori",
      cell: null,
      row: null,
      column: null,
      message: "Manca il foglio Indicatori",
    });
    service.rollupAnswer = async () => ({
      check: checkResult(
        [blocking, problem({ rule: "NUMBER_INVALID", sheet: "Fasi", message: "non bloccante" })],
        {
          ...READY,
          layout: { ...READY.layout, indicatori: null },
        },
      ),
      rollups: null,
    });
    await openStep("calcola");
    fireEvent.click(button("rollup"));
    expect(await within(action("rollup")).findByText(paneStrings.blockedAction)).toBeTruthy();
    expect(screen.getAllByText("Manca il foglio Indicatori")).toHaveLength(1);
    expect(within(step("verifica")).getByText("Manca il foglio Indicatori")).toBeTruthy();
    expect(screen.queryByText("non bloccante")).toBeNull();
    expect(screen.queryByTestId("esiti")).toBeNull();
    expect(next()).toContain(paneStrings.next.fixBlocking);
    await openStep("calcola");
    expect(isDisabled(button("rollup"))).toBe(true);
    expect(textOf(within(action("rollup")).getByTestId("reason"))).toBe(paneStrings.reasonBlocked);
  });
});

describe("Genera Scheda", () => {
  it("working → success: progress, then counts and a button that opens the Scheda sheet", async () => {
    const { service, host } = setup();
    await started(service);
    const d = deferred<Awaited<ReturnType<FakeService["generateAnswer"]>>>();
    service.generateAnswer = () => d.promise;
    await openStep("genera");
    fireEvent.click(button("generate"));
    act(() => service.progress("impaginazione"));
    const status = await within(action("generate")).findByRole("status");
    expect(textOf(status)).toContain(paneStrings.steps.impaginazione);
    expect(within(action("generate")).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.85");
    await act(async () =>
      d.resolve({ check: checkResult([], READY), rollups: rollups(READY), objectives: 3, pages: 7 }),
    );
    expect(textOf(await screen.findByTestId("generate-done"))).toContain(paneStrings.generateDone(3, 7));
    expect(announced()).toBe(paneStrings.announceGenerate(3, 7));
    expect(service.calls.find((c) => c.method === "generate")?.arg).toEqual({ cdr: [], obiettivi: [] });
    fireEvent.click(within(step("genera")).getByRole("button", { name: paneStrings.goToScheda }));
    await waitFor(() => expect(host.activated).toEqual(["Scheda"]));
    expect(next()).toContain(paneStrings.next.archiveExcel);
    expect(step("archivia").getAttribute("data-status")).toBe("current");
  });

  it("the objectives field searches as one types, selects a whole CdR, and counts the choice", async () => {
    const { service } = setup();
    await started(service);
    await openStep("genera");
    const user = userEvent.setup();
    const field = within(step("genera")).getByRole("combobox");
    await user.click(field);
    await user.type(field, "bibl");
    const found = (await screen.findAllByRole("menuitemcheckbox")).map((o) => o.textContent);
    expect(found).toEqual([paneStrings.pickerWholeCdr(1), "OB03 — Biblioteca <b>aperta</b> la sera"]);
    await user.clear(field);
    await user.type(field, "socio");
    await user.click(screen.getByRole("menuitemcheckbox", { name: paneStrings.pickerWholeCdr(2) }));
    await user.keyboard("{Escape}");
    expect(textOf(screen.getByTestId("picker-count"))).toBe(paneStrings.pickerCount(2, 3));
    fireEvent.click(button("generate"));
    await screen.findByTestId("generate-done");
    // a whole CdR: the filter names the centre (the Scheda's opening page shows it)
    expect(service.calls.find((c) => c.method === "generate")?.arg).toEqual({
      cdr: ["SETTORE SOCIOEDUCATIVO"],
      obiettivi: [],
    });
  });

  it("failure: an unknown filter value is explained", async () => {
    const { service } = setup();
    await started(service);
    const msg = appMessages.unknownCdr(["X"], ["SETTORE CULTURA"]);
    service.generateAnswer = async () => {
      throw new AppError("FILTER_UNKNOWN", msg);
    };
    await openStep("genera");
    fireEvent.click(button("generate"));
    expect(textOf(await within(action("generate")).findByRole("alert"))).toContain(msg);
  });
});
