// The pane in Excel mode over a FakeService, as the flow tests drive it: a ready workbook (the small
// plan, all four sheets), setup, and the pane's parts as a user finds them.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Plan, SheetLayout } from "../../src/domain/model/model";
import { App } from "../../src/taskpane/App";
import { paneStrings } from "../../src/taskpane/strings";
import { FakeHost, FakeService, PLAN, checkResult, excelEnv, factoryFor, stepOf } from "./fakes";

const layout = (sheet: string) => ({ sheet, table: null }) as unknown as SheetLayout;
/** The small plan with all four sheets present (Prepara fogli has nothing to do). */
export const READY: Plan = {
  ...PLAN,
  layout: {
    obiettivi: layout("Obiettivi"),
    fasi: layout("Fasi"),
    indicatori: layout("Indicatori"),
    parametri: { sheet: "Parametri", table: "tblParametri", cells: {} },
  },
};
/** Prepared and empty. */
export const EMPTY: Plan = { ...READY, obiettivi: [], fasi: [], indicatori: [] };

/** A service whose reads find READY unless the test says otherwise. */
export function ready(): FakeService {
  const service = new FakeService();
  service.checkAnswer = async () => checkResult([], READY);
  return service;
}

export function setup(service = ready(), host = new FakeHost("excel")) {
  render(<App env={excelEnv(host)} createService={factoryFor(service)} today={() => "2024-01-15"} />);
  return { service, host };
}

export const textOf = (el: Element) => el.textContent ?? "";
export const step = (id: string) => stepOf(screen, id);
export const action = (id: string) => screen.getByTestId(`action-${id}`);
export const button = (id: string) => within(action(id)).getByTestId("run");
export const next = () => textOf(screen.getByTestId("next-step"));
export const announced = () => textOf(screen.getByTestId("announcer"));

export async function openStep(id: string) {
  const toggle = within(step(id)).getByTestId(`toggle-${id}`);
  if (toggle.getAttribute("aria-expanded") !== "true") fireEvent.click(toggle);
  await waitFor(() => expect(toggle.getAttribute("aria-expanded")).toBe("true"));
}

/** The quiet read the pane does on start (it decides what is offered). */
export async function started(service: FakeService) {
  await waitFor(() => expect(service.count("check")).toBe(1));
  await waitFor(() => expect(next()).not.toContain(paneStrings.next.reading));
}
