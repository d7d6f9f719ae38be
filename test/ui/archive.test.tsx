/** @jest-environment jsdom */
// Archivia monitoraggio in the guided flow (Excel mode): when it is offered and why not, its progress
// and announcements, the result shown once in its step (date, counts, replaced, every archived date),
// blocking problems listed in Verifica, host refusals as their Italian message, and the next step.
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { appMessages } from "../../src/app/messages";
import { AppError, type ArchiveResult } from "../../src/app/service";
import { paneStrings } from "../../src/taskpane/strings";
import { FakeService, checkResult, deferred, isDisabled, problem } from "./fakes";
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

const S = paneStrings;
const MID_YEAR = { ...READY, parametri: { ...READY.parametri, dataRiferimento: "2023-06-30" } };

function archivedAt(
  date: string,
  more: Partial<NonNullable<ArchiveResult["archived"]>> = {},
  check = checkResult([], READY),
): ArchiveResult {
  return {
    check,
    archived: { date, objectives: 3, phases: 5, indicators: 2, replaced: 0, dates: [date], ...more },
  };
}

describe("Archivia monitoraggio: what is offered, and why not", () => {
  it("an empty workbook: disabled, focusable, with the reason read with the button", async () => {
    const service = new FakeService();
    service.checkAnswer = async () => checkResult([], EMPTY);
    setup(service);
    await started(service);
    await openStep("archivia");
    expect(isDisabled(button("archive"))).toBe(true);
    const reason = within(action("archive")).getByTestId("reason");
    expect(textOf(reason)).toBe(S.reasonNoData);
    expect(button("archive").getAttribute("aria-describedby")).toContain(reason.id);
    // no date to announce in a workbook without data
    expect(screen.queryByTestId("archive-current")).toBeNull();
  });

  it("a broken structure: disabled until fixed, with the reason", async () => {
    const service = new FakeService();
    const missing = problem({ rule: "SHEET_MISSING", sheet: "Fasi", cell: null, row: null, column: null });
    service.checkAnswer = async () => checkResult([missing], READY);
    setup(service);
    await started(service);
    await openStep("archivia");
    expect(isDisabled(button("archive"))).toBe(true);
    expect(textOf(within(action("archive")).getByTestId("reason"))).toBe(S.reasonBlockedUnchecked);
  });

  it("data present: enabled, and the step says which Data di riferimento would be archived", async () => {
    const service = ready();
    service.checkAnswer = async () => checkResult([], MID_YEAR);
    setup(service);
    await started(service);
    expect(step("archivia").getAttribute("data-status")).toBe("todo");
    await openStep("archivia");
    expect(isDisabled(button("archive"))).toBe(false);
    expect(within(action("archive")).queryByTestId("reason")).toBeNull();
    expect(textOf(screen.getByTestId("archive-current"))).toBe(S.archiveAt("30/06/2023"));
  });

  it("after Genera Scheda it is the next step", async () => {
    const { service } = setup();
    await started(service);
    await openStep("genera");
    fireEvent.click(button("generate"));
    await screen.findByTestId("generate-done");
    expect(next()).toContain(S.next.archiveExcel);
    expect(step("archivia").getAttribute("data-status")).toBe("current");
    expect(step("genera").getAttribute("data-status")).toBe("done");
    // the current step opens by itself
    expect(within(step("archivia")).getByTestId("toggle-archivia").getAttribute("aria-expanded")).toBe(
      "true",
    );
  });
});

describe("Archivia monitoraggio: running it", () => {
  it("working → success: announced, progress shown, then date, counts and dates once; Monitoraggi opens", async () => {
    const { service, host } = setup();
    await started(service);
    const d = deferred<ArchiveResult>();
    service.archiveAnswer = () => d.promise;
    await openStep("archivia");
    const user = userEvent.setup();
    button("archive").focus();
    await user.keyboard("{Enter}");
    expect(announced()).toBe(S.archiveWorking);
    act(() => service.progress("scrittura"));
    expect(textOf(await within(action("archive")).findByRole("status"))).toContain(S.steps.scrittura);
    // every other action waits
    expect(isDisabled(button("archive"))).toBe(true);
    await openStep("calcola");
    expect(isDisabled(button("rollup"))).toBe(true);
    await act(async () =>
      d.resolve(
        archivedAt("2023-06-30", { objectives: 3, phases: 5, indicators: 2 }, checkResult([], MID_YEAR)),
      ),
    );
    const done = await screen.findByTestId("archive-done");
    expect(textOf(done)).toBe(S.archiveDone("30/06/2023", 3, 5, 2));
    expect(textOf(done)).not.toContain(S.archiveReplaced);
    expect(textOf(screen.getByTestId("archive-dates"))).toBe(S.archiveDates(["30/06/2023"]));
    expect(screen.getAllByTestId("archive-result")).toHaveLength(1);
    expect(announced()).toBe(S.announceArchive("30/06/2023", false));
    expect(service.count("archive")).toBe(1);
    expect(step("archivia").getAttribute("data-status")).toBe("done");
    // not at year end: the next monitoring (Calcola has not run: it comes first)
    expect(next()).toContain(S.next.rollup);
    fireEvent.click(within(step("archivia")).getByRole("button", { name: S.goToMonitoraggi }));
    await waitFor(() => expect(host.activated).toEqual(["Monitoraggi"]));
  });

  it("at the end of the flow, mid-year: the next monitoring is suggested; at 31/12: the Nucleo's validation", async () => {
    const { service } = setup();
    await started(service);
    await openStep("genera");
    fireEvent.click(button("generate"));
    await screen.findByTestId("generate-done");
    service.archiveAnswer = async () => archivedAt("2023-06-30");
    fireEvent.click(button("archive"));
    await screen.findByTestId("archive-done");
    expect(next()).toContain(S.next.nextMonitoring);
    // the same workbook at 31/12, archived a second time: that date replaced, both dates listed
    service.archiveAnswer = async () =>
      archivedAt("2023-12-31", { replaced: 10, dates: ["2023-06-30", "2023-12-31"] });
    fireEvent.click(button("archive"));
    await waitFor(() => expect(announced()).toBe(S.announceArchive("31/12/2023", true)));
    const done = screen.getByTestId("archive-done");
    expect(textOf(done)).toBe(`${S.archiveDone("31/12/2023", 3, 5, 2)} ${S.archiveReplaced}`);
    expect(textOf(screen.getByTestId("archive-dates"))).toBe(S.archiveDates(["30/06/2023", "31/12/2023"]));
    expect(next()).toContain(S.next.validation);
    expect(next()).not.toContain(S.next.downloadArchive);
    // folded, the step keeps one line of what was archived
    fireEvent.click(within(step("archivia")).getByTestId("toggle-archivia"));
    expect(textOf(step("archivia"))).toContain(S.archiveSummary("31/12/2023"));
  });

  it("cells with errors: archived as empty, said once; the problems go to Verifica", async () => {
    const { service } = setup();
    await started(service);
    const errors = [
      problem({ rule: "NUMBER_INVALID", sheet: "Fasi", message: "Avanzamento non numerico" }),
      problem({ rule: "NUMBER_INVALID", sheet: "Indicatori", message: "Valore non numerico" }),
    ];
    service.archiveAnswer = async () => archivedAt("2023-12-31", {}, checkResult(errors, READY));
    await openStep("archivia");
    fireEvent.click(button("archive"));
    const result = await screen.findByTestId("archive-result");
    expect(within(result).getByText(S.archiveErrorsEmpty(2))).toBeTruthy();
    expect(screen.getAllByText("Avanzamento non numerico")).toHaveLength(1);
    expect(within(step("verifica")).getByText("Avanzamento non numerico")).toBeTruthy();
  });

  it("blocked: nothing reported as archived; the structural problems appear once, in Verifica", async () => {
    const { service } = setup();
    await started(service);
    const blocking = problem({
      rule: "COLUMN_MISSING",
      sheet: "Fasi",
      cell: null,
      row: null,
      message: "Manca la colonna Avanzamento",
    });
    service.archiveAnswer = async () => ({ check: checkResult([blocking], READY), archived: null });
    await openStep("archivia");
    fireEvent.click(button("archive"));
    expect(await within(action("archive")).findByText(S.blockedAction)).toBeTruthy();
    expect(announced()).toBe(S.blockedAction);
    expect(screen.queryByTestId("archive-result")).toBeNull();
    expect(screen.getAllByText("Manca la colonna Avanzamento")).toHaveLength(1);
    expect(within(step("verifica")).getByText("Manca la colonna Avanzamento")).toBeTruthy();
    expect(next()).toContain(S.next.fixBlocking);
    expect(step("archivia").getAttribute("data-status")).not.toBe("done");
    await openStep("archivia");
    expect(isDisabled(button("archive"))).toBe(true);
    expect(textOf(within(action("archive")).getByTestId("reason"))).toBe(S.reasonBlocked);
  });

  it.each([
    ["a host that cannot archive yet", appMessages.archiveUnavailable],
    [
      "a Monitoraggi sheet that is not the archive",
      "Il foglio «Monitoraggi» non è l'archivio dei monitoraggi",
    ],
  ])("refused by %s: the Italian message as an alert, announced; the button comes back", async (_, msg) => {
    const { service } = setup();
    await started(service);
    service.archiveAnswer = async () => {
      throw new AppError("HOST", msg);
    };
    await openStep("archivia");
    fireEvent.click(button("archive"));
    expect(textOf(await within(action("archive")).findByRole("alert"))).toBe(msg);
    expect(announced()).toBe(msg);
    expect(screen.queryByTestId("archive-result")).toBeNull();
    expect(isDisabled(button("archive"))).toBe(false);
    expect(step("archivia").getAttribute("data-status")).not.toBe("done");
  });

  it("an unexpected error is shown as such", async () => {
    const { service } = setup();
    await started(service);
    service.archiveAnswer = async () => {
      throw new Error("connessione persa");
    };
    await openStep("archivia");
    fireEvent.click(button("archive"));
    expect(textOf(await within(action("archive")).findByRole("alert"))).toBe(
      S.unexpectedError("connessione persa"),
    );
  });
});
