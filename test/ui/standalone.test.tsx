/** @jest-environment jsdom */
// The standalone page: no workbook until the user opens or creates one; problems are plain text (no
// cell to select outside Excel); the result is offered as a download.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Host } from "../../src/app/host";
import { paneStrings } from "../../src/taskpane/strings";
import { App } from "../../src/taskpane/App";
import type { PaneEnvironment, WorkbookFiles } from "../../src/taskpane/hosts";
import { FakeHost, FakeService, checkResult, factoryFor, problem } from "./fakes";

class FakeFiles implements WorkbookFiles {
  opened: number[][] = [];
  saved: Host[] = [];
  created = 0;
  openError: Error | null = null;
  async open(data: ArrayBuffer) {
    if (this.openError) throw this.openError;
    this.opened.push([...new Uint8Array(data)]);
    return new FakeHost("xlsx");
  }
  async createEmpty() {
    this.created++;
    return new FakeHost("xlsx");
  }
  async save(host: Host) {
    this.saved.push(host);
    return new Uint8Array([80, 75, 3, 4]);
  }
}

function setup() {
  const files = new FakeFiles();
  const service = new FakeService();
  const env: PaneEnvironment = {
    mode: "standalone",
    host: null,
    loadSample: async () => ({}) as never,
    files,
  };
  render(<App env={env} createService={factoryFor(service)} />);
  return { files, service };
}

const card = (id: string) => screen.getByTestId(`card-${id}`);
const isDisabled = (el: Element) => (el as HTMLButtonElement).disabled;

function xlsxFile(name: string, bytes: number[]) {
  return new File([new Uint8Array(bytes)], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

async function openFile(name = "piano.xlsx", bytes = [1, 2, 3]) {
  fireEvent.change(screen.getByTestId("file-input"), { target: { files: [xlsxFile(name, bytes)] } });
  await screen.findByText(paneStrings.currentWorkbook(name));
}

describe("standalone page", () => {
  it("idle: no workbook yet, actions and download disabled", () => {
    setup();
    expect(screen.getByTestId("workbook-name").textContent).toBe(paneStrings.noWorkbook);
    expect(isDisabled(within(card("verifica")).getByRole("button", { name: paneStrings.checkButton }))).toBe(
      true,
    );
    expect(isDisabled(screen.getByRole("button", { name: paneStrings.download }))).toBe(true);
    expect(screen.getByLabelText(paneStrings.openFileLabel)).toBeTruthy();
  });

  it("opens the chosen .xlsx (its bytes reach the file host) and enables the actions", async () => {
    const { files, service } = setup();
    await openFile("piano.xlsx", [9, 8, 7]);
    expect(files.opened).toEqual([[9, 8, 7]]);
    await waitFor(() => expect(service.count("check")).toBe(1));
    expect(isDisabled(within(card("verifica")).getByRole("button", { name: paneStrings.checkButton }))).toBe(
      false,
    );
  });

  it("refuses a file that is not .xlsx, and reports a file that cannot be read", async () => {
    const { files } = setup();
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [xlsxFile("piano.xls", [1])] } });
    expect((await screen.findByTestId("notice")).textContent).toBe(paneStrings.notXlsx);
    expect(files.opened).toEqual([]);
    files.openError = new Error("Il file è protetto da password.");
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [xlsxFile("rotto.xlsx", [1])] } });
    await waitFor(() =>
      expect(screen.getByTestId("notice").textContent).toBe(
        paneStrings.openFailed("Il file è protetto da password."),
      ),
    );
    expect(screen.getByTestId("workbook-name").textContent).toBe(paneStrings.noWorkbook);
  });

  it("Parti dall'esempio: a new workbook, then the sample loaded into it", async () => {
    const { files, service } = setup();
    fireEvent.click(screen.getByRole("button", { name: paneStrings.startFromSample }));
    expect(await within(card("esempio")).findByText(paneStrings.sampleDone(3))).toBeTruthy();
    expect(files.created).toBe(1);
    expect(service.count("loadSample")).toBe(1);
    expect(screen.getByTestId("workbook-name").textContent).toBe(
      paneStrings.currentWorkbook(paneStrings.sampleWorkbookName),
    );
  });

  it("problems are listed with their cells as plain text (nothing to select outside Excel)", async () => {
    const { service } = setup();
    await openFile();
    service.checkAnswer = async () =>
      checkResult([
        problem({ rule: "DATE_INVALID", sheet: "Fasi", cell: "Fasi!C3", message: "Data non valida" }),
      ]);
    fireEvent.click(within(card("verifica")).getByRole("button", { name: paneStrings.checkButton }));
    const fasi = await screen.findByTestId("sheet-Fasi");
    expect(within(fasi).getByText("Fasi!C3")).toBeTruthy();
    expect(within(fasi).queryByRole("button", { name: /Data non valida/ })).toBeNull();
    // no link to the Parametri sheet either
    expect(within(card("parametri")).queryByRole("button", { name: paneStrings.parametriOpen })).toBeNull();
  });

  it("Genera Scheda offers Scarica: the workbook is saved and downloaded as <name>-scheda.xlsx", async () => {
    const { files } = setup();
    const created: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = (b: Blob) => {
      created.push(b);
      return "blob:scheda";
    };
    URL.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    await openFile("piano.xlsx");
    fireEvent.click(within(card("genera")).getByRole("button", { name: paneStrings.generateButton }));
    await screen.findByTestId("generate-done");
    expect(within(card("genera")).queryByRole("button", { name: paneStrings.goToScheda })).toBeNull();
    fireEvent.click(within(card("genera")).getByRole("button", { name: paneStrings.downloadResult }));
    await waitFor(() => expect(names).toEqual(["piano-scheda.xlsx"]));
    expect(files.saved).toHaveLength(1);
    expect(created[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(created[0].size).toBe(4);
    click.mockRestore();
  });
});
