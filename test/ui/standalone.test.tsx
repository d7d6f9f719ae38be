/** @jest-environment jsdom */
// The standalone page: no workbook until the user opens or creates one; problems are plain text (no
// cell to select outside Excel); the result is offered as a download.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Host } from "../../src/app/host";
import { paneStrings } from "../../src/taskpane/strings";
import { App } from "../../src/taskpane/App";
import type { PaneEnvironment, WorkbookFiles } from "../../src/taskpane/hosts";
import { FakeHost, FakeService, checkResult, factoryFor, isDisabled, problem } from "./fakes";

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

const step = (id: string) => screen.getByTestId(`step-${id}`);
const run = (id: string) => within(screen.getByTestId(`action-${id}`)).getByTestId("run");

async function openStep(id: string) {
  const toggle = within(step(id)).getByTestId(`toggle-${id}`);
  if (toggle.getAttribute("aria-expanded") !== "true") fireEvent.click(toggle);
  await waitFor(() => expect(toggle.getAttribute("aria-expanded")).toBe("true"));
}

function xlsxFile(name: string, bytes: number[]) {
  return new File([new Uint8Array(bytes)], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

async function openFile(name = "piano.xlsx", bytes = [1, 2, 3]) {
  fireEvent.change(screen.getByTestId("file-input"), { target: { files: [xlsxFile(name, bytes)] } });
  await waitFor(() =>
    expect(screen.getByTestId("announcer").textContent).toBe(paneStrings.currentWorkbook(name)),
  );
}

describe("standalone page", () => {
  it("idle: no workbook yet, actions and download disabled", () => {
    setup();
    expect(screen.getByTestId("workbook-name").textContent).toBe(paneStrings.noWorkbook);
    expect(screen.getByTestId("next-step").textContent).toContain(paneStrings.next.openWorkbook);
    expect(screen.queryByRole("button", { name: paneStrings.download })).toBeNull();
    expect(screen.getByLabelText(paneStrings.openFileLabel)).toBeTruthy();
    fireEvent.click(within(step("verifica")).getByTestId("toggle-verifica"));
    expect(isDisabled(run("check"))).toBe(true);
    expect(within(step("verifica")).getByTestId("reason").textContent).toBe(paneStrings.reasonNoWorkbook);
  });

  it("opens the chosen .xlsx (its bytes reach the file host) and enables the actions", async () => {
    const { files, service } = setup();
    await openFile("piano.xlsx", [9, 8, 7]);
    expect(files.opened).toEqual([[9, 8, 7]]);
    await waitFor(() => expect(service.count("check")).toBe(1));
    await openStep("verifica");
    await waitFor(() => expect(isDisabled(run("check"))).toBe(false));
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

  it("Creare una cartella nuova: an empty workbook from the file host, then the flow starts", async () => {
    const { files } = setup();
    fireEvent.click(screen.getByRole("button", { name: paneStrings.newWorkbook }));
    await waitFor(() =>
      expect(screen.getByTestId("announcer").textContent).toBe(
        paneStrings.currentWorkbook(paneStrings.newWorkbookName),
      ),
    );
    expect(files.created).toBe(1);
    expect(step("cartella").getAttribute("data-status")).toBe("done");
  });

  it("a problem shows its sheet, cell and current value (there is no Excel to select it)", async () => {
    const { service } = setup();
    await openFile();
    const raw = {
      sheets: [
        {
          name: "Fasi",
          originRow: 1,
          originCol: 1,
          values: [
            ["Obiettivo", "Fase", "Inizio Previsto"],
            ["OB01", "Bando", "31/02/2023"],
          ],
          tables: [],
        },
      ],
    };
    service.checkAnswer = async () => ({
      ...checkResult([
        problem({
          rule: "DATE_INVALID",
          sheet: "Fasi",
          cell: "Fasi!C2",
          row: 2,
          column: "Inizio Previsto",
          message: "Data non valida",
        }),
      ]),
      raw,
    });
    await openStep("verifica");
    fireEvent.click(run("check"));
    const fasi = await screen.findByTestId("sheet-Fasi");
    const item = within(fasi).getByRole("button", { name: /Data non valida/ });
    expect(item.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(item);
    const details = within(fasi).getByTestId("problem-details");
    expect(details.textContent).toContain("Fasi");
    expect(details.textContent).toContain("C2");
    expect(details.textContent).toContain("Inizio Previsto");
    expect(details.textContent).toContain("31/02/2023");
    expect(details.textContent).toContain(paneStrings.details.hint);
    expect(item.getAttribute("aria-expanded")).toBe("true");
    // no link to the Parametri sheet outside Excel
    expect(screen.queryByRole("button", { name: paneStrings.openParametri })).toBeNull();
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
    await openStep("genera");
    await waitFor(() => expect(isDisabled(run("generate"))).toBe(false));
    fireEvent.click(run("generate"));
    await screen.findByTestId("generate-done");
    expect(within(step("genera")).queryByRole("button", { name: paneStrings.goToScheda })).toBeNull();
    fireEvent.click(within(step("genera")).getByRole("button", { name: paneStrings.downloadResult }));
    await waitFor(() => expect(names).toEqual(["piano-scheda.xlsx"]));
    expect(files.saved).toHaveLength(1);
    expect(created[0].type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(created[0].size).toBe(4);
    click.mockRestore();
  });
  it("Archivia monitoraggio: the archived workbook is offered as a download; the next step says to download it", async () => {
    const { files } = setup();
    const names: string[] = [];
    URL.createObjectURL = () => "blob:archivio";
    URL.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    await openFile("piano.xlsx");
    await openStep("genera");
    await waitFor(() => expect(isDisabled(run("generate"))).toBe(false));
    fireEvent.click(run("generate"));
    await screen.findByTestId("generate-done");
    expect(screen.getByTestId("next-step").textContent).toContain(paneStrings.next.archiveStandalone);
    fireEvent.click(run("archive"));
    await screen.findByTestId("archive-done");
    // the fake archives at 30/06: mid-year
    expect(screen.getByTestId("next-step").textContent).toContain(
      `${paneStrings.next.downloadArchive} ${paneStrings.next.nextMonitoring}`,
    );
    // no Excel sheet to open outside Excel
    expect(within(step("archivia")).queryByRole("button", { name: paneStrings.goToMonitoraggi })).toBeNull();
    fireEvent.click(within(step("archivia")).getByRole("button", { name: paneStrings.downloadResult }));
    await waitFor(() => expect(names).toEqual(["piano-scheda.xlsx"]));
    expect(files.saved).toHaveLength(1);
    click.mockRestore();
  });
});
