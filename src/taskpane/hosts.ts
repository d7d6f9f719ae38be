// Chooses where the pane works: the workbook open in Excel (Office.js), or, on the standalone page, an
// .xlsx file handled in the browser by the file host. That host is imported only here and only on
// demand, so it lands in its own chunk and the Excel pane never downloads it.
import type { Host } from "../app/host";
import { paneStrings } from "./strings";
import type { SamplePlanJson } from "../domain/template/template";
import { ExcelHost } from "../hosts/excel/excelHost";
import { MIN_EXCEL_API, excelConnection, testExcelUrl } from "../hosts/excel/office";

export { testExcelUrl };

export type PaneMode = "excel" | "standalone";

/** Opening, creating and saving .xlsx workbooks (standalone page only). */
export interface WorkbookFiles {
  open(data: ArrayBuffer): Promise<Host>;
  createEmpty(): Promise<Host>;
  save(host: Host): Promise<Uint8Array>;
}

/** What the pane needs from its surroundings; component tests pass an in-memory one. */
export interface PaneEnvironment {
  mode: PaneMode;
  /** Excel: the open workbook. Standalone: null until the user opens or creates one. */
  host: Host | null;
  loadSample(): Promise<SamplePlanJson>;
  files?: WorkbookFiles;
  /** Shown above the actions, e.g. a missing ExcelApi 1.9. */
  warning?: string;
}

export async function loadSampleJson(): Promise<SamplePlanJson> {
  const mod = await import(
    /* webpackChunkName: "esempio" */ "../../assets/piano-2023-settore-socioeducativo.json"
  );
  return ((mod as { default?: unknown }).default ?? mod) as SamplePlanJson;
}

type XlsxHostModule = typeof import("../hosts/xlsx/xlsxHost");

let xlsxModule: Promise<XlsxHostModule> | null = null;
function xlsx(): Promise<XlsxHostModule> {
  xlsxModule ??= import(/* webpackChunkName: "xlsx" */ "../hosts/xlsx/xlsxHost");
  return xlsxModule;
}

export const xlsxFiles: WorkbookFiles = {
  async open(data) {
    return (await xlsx()).XlsxHost.fromBuffer(data);
  },
  async createEmpty() {
    return (await xlsx()).XlsxHost.createEmpty();
  },
  async save(host) {
    const { XlsxHost } = await xlsx();
    if (!(host instanceof XlsxHost)) throw new Error("la cartella non è un file .xlsx");
    return host.toBuffer();
  },
};

/** office.js loads the host library beside itself; a test build has no host, so it is loaded by hand. */
async function ensureExcelLibrary(): Promise<void> {
  if (typeof Excel !== "undefined") return;
  const office = Array.from(document.scripts).find((s) => /\/office(\.debug)?\.js(\?|$)/.test(s.src));
  if (!office) throw new Error("office.js non trovato");
  const src = new URL("excel-web-16.00.js", office.src).href;
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`impossibile caricare ${src}`));
    document.head.appendChild(script);
  });
}

function onReadyWithTimeout(ms: number): Promise<{ host: Office.HostType | null } | null> {
  return Promise.race([
    Office.onReady().then((info) => ({ host: info.host ?? null })),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), ms)),
  ]);
}

/**
 * Excel mode when Office.js reports Excel (or a test build points at the emulator); otherwise the
 * standalone page. office.js from the CDN may be missing altogether (offline): that is standalone too.
 */
export async function detectEnvironment(): Promise<PaneEnvironment> {
  const testUrl = testExcelUrl();
  const officeLoaded = typeof Office !== "undefined";
  const info = officeLoaded ? await onReadyWithTimeout(10000) : null;
  if (officeLoaded && (info?.host === Office.HostType.Excel || testUrl)) {
    if (testUrl) await ensureExcelLibrary();
    const excel = excelConnection(testUrl);
    return {
      mode: "excel",
      host: new ExcelHost(excel.run, excel.supports),
      loadSample: loadSampleJson,
      warning: excel.supports(MIN_EXCEL_API) ? undefined : paneStrings.excelApiMissing,
    };
  }
  return { mode: "standalone", host: null, loadSample: loadSampleJson, files: xlsxFiles };
}
