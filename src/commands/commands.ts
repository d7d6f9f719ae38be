// Function file of the ribbon (commands.html): "Genera Scheda" generates the Scheda for the whole
// workbook without the task pane and reports the outcome in a notification dialog.
import { SchedaService } from "../app/service";
import { ExcelHost } from "../hosts/excel/excelHost";
import { DialogNotifier, type DialogUi } from "./dialogNotifier";
import { GENERA_SCHEDA_ACTION, runGeneraScheda, type CommandEvent, type Notice } from "./generaScheda";

type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Test builds only: DefinePlugin replaces process.env.SCHEDA_TEST_EXCEL_URL with the emulator's URL.
 * Production builds leave it undefined (`process` does not exist in the browser: the lookup throws).
 */
function testExcelUrl(): string | undefined {
  try {
    const url = process.env.SCHEDA_TEST_EXCEL_URL;
    return typeof url === "string" && url !== "" ? url : undefined;
  } catch {
    return undefined;
  }
}

function excelRunner(testUrl: string | undefined): Runner {
  if (testUrl) return (batch) => Excel.run(new Excel.RequestContext(testUrl), batch);
  return (batch) => Excel.run(batch);
}

function log(message: string, detail?: unknown): void {
  console.error(message, detail);
}

export function generaScheda(event: CommandEvent): Promise<Notice> {
  const testUrl = testExcelUrl();
  // Against the emulator there is no Office to open a dialog: the notice is only returned.
  const ui: DialogUi | undefined = testUrl || typeof Office === "undefined" ? undefined : Office.context?.ui;
  return runGeneraScheda(event, {
    // Outside Office (tests against the emulator) there is no requirement information.
    isSupported: () => Boolean(testUrl) || Office.context.requirements.isSetSupported("ExcelApi", "1.9"),
    createService: () => new SchedaService(new ExcelHost(excelRunner(testUrl))),
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
