// Function file of the ribbon (commands.html): "Genera Scheda" generates the Scheda for the whole
// workbook without the task pane and reports the outcome in a notification dialog.
import { SchedaService } from "../app/service";
import { ExcelHost } from "../hosts/excel/excelHost";
import { MIN_EXCEL_API, excelConnection, testExcelUrl } from "../hosts/excel/office";
import { DialogNotifier, type DialogUi } from "./dialogNotifier";
import { GENERA_SCHEDA_ACTION, runGeneraScheda, type CommandEvent, type Notice } from "./generaScheda";

function log(message: string, detail?: unknown): void {
  console.error(message, detail);
}

export function generaScheda(event: CommandEvent): Promise<Notice> {
  const testUrl = testExcelUrl();
  const excel = excelConnection(testUrl);
  // Against the emulator there is no Office to open a dialog: the notice is only returned.
  const ui: DialogUi | undefined = testUrl || typeof Office === "undefined" ? undefined : Office.context?.ui;
  return runGeneraScheda(event, {
    isSupported: () => excel.supports(MIN_EXCEL_API),
    createService: () => new SchedaService(new ExcelHost(excel.run, excel.supports)),
    notifier: new DialogNotifier(ui, new URL("notifica.html", window.location.href).href, undefined, log),
    log,
  });
}

// Office is missing only when office.js could not load (offline, outside Excel): nothing to register.
if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    // Office.actions exists only when Excel loads the page as a function file.
    Office.actions?.associate(GENERA_SCHEDA_ACTION, generaScheda);
  });
}

if (testExcelUrl()) {
  // Lets browser tests press the ribbon button against the emulator.
  (window as unknown as { schedaPegCommands: unknown }).schedaPegCommands = { generaScheda };
}
