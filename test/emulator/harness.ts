// Test harness: the real Office.js Excel library (loaded into the jsdom window of a test file with
// `@jest-environment jsdom`) talking over real HTTP to the emulator. The adapter under test is the
// production ExcelHost; only its runner points at the emulator's URL.
import { readFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { ExcelHost } from "../../src/hosts/excel/excelHost";
import { cellKey, type Cell, type SheetState, type WorkbookState } from "./model";
import { startEmulator, type Emulator } from "./server";

const LIBRARY = join(__dirname, "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.js");

let excelInJsdom: typeof Excel | null = null;

interface OfficeExtensionInternals {
  HttpUtility: {
    setCustomSendRequestFunc(
      f: (r: SendRequest) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>,
    ): void;
  };
}

interface SendRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

function nodeSend(
  r: SendRequest,
): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> {
  const body = typeof r.body === "string" ? r.body : r.body ? JSON.stringify(r.body) : "";
  return new Promise((resolve, reject) => {
    const req = http.request(r.url, { method: r.method, headers: r.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          statusCode: res.statusCode ?? 0,
          headers: res.headers as Record<string, string>,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    // What a browser's fetch reports when the connection drops.
    req.on("error", () => reject(new TypeError("Network request failed")));
    req.end(body);
  });
}

/**
 * The real Excel library. In a test file with `@jest-environment jsdom` it is evaluated in that
 * window; in a Node test it is evaluated in a private jsdom window (whose XMLHttpRequest does real
 * HTTP), so tests that also need Node-only libraries (exceljs) can use it too.
 */
export function loadExcelLibrary(): typeof Excel {
  const g = globalThis as unknown as { Excel?: typeof Excel; window?: unknown; XMLHttpRequest?: unknown };
  if (g.Excel) return g.Excel;
  const code = readFileSync(LIBRARY, "utf8");
  if (g.window && g.XMLHttpRequest) {
    // Indirect eval: the library's top-level `var Excel`, `var OfficeExtension` become globals.
    (0, eval)(code);
    return g.Excel as unknown as typeof Excel;
  }
  if (!excelInJsdom) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { JSDOM } = require("jsdom") as typeof import("jsdom");
    const dom = new JSDOM("<!doctype html><html><body></body></html>", {
      url: "http://localhost/",
      runScripts: "outside-only",
    });
    dom.window.eval(code);
    const win = dom.window as unknown as { Excel: typeof Excel; OfficeExtension: OfficeExtensionInternals };
    // jsdom's XMLHttpRequest converts every multi-megabyte body character by character; the library's
    // own hook for a custom sender lets Node's http carry the same request, still over real HTTP.
    win.OfficeExtension.HttpUtility.setCustomSendRequestFunc(nodeSend);
    excelInJsdom = win.Excel;
  }
  return excelInJsdom;
}

export interface Harness {
  emu: Emulator;
  host: ExcelHost;
  /** Runs a batch against the emulator with the real library (for test setup through Office.js). */
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const lib = loadExcelLibrary();
  const emu = await startEmulator(0);
  const run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) =>
    lib.run(new lib.RequestContext(emu.url), batch);
  // The emulator answers every call the host makes: every requirement set counts as present.
  return { emu, host: new ExcelHost(run, () => true), run, stop: () => emu.stop() };
}

// ---------------------------------------------------------------------------------------------
// Reading the emulated workbook back in tests
// ---------------------------------------------------------------------------------------------

export function sheet(wb: WorkbookState, name: string): SheetState {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; sheets: ${wb.sheets.map((x) => x.name).join(", ")}`);
  return s;
}

export function cell(s: SheetState, row: number, col: number): Cell | undefined {
  return s.cells.get(cellKey(row, col));
}

/** Puts a sheet with values (row 1 = first array row) into the workbook directly (test setup). */
export function putValues(
  s: SheetState,
  rows: (string | number | boolean | null)[][],
  top = 1,
  left = 1,
): void {
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === null) return;
      s.cells.set(cellKey(top + i, left + j), { value: v });
    }),
  );
}

export function requestSummary(emu: Emulator) {
  return {
    syncs: emu.requests.length,
    bytes: emu.requests.reduce((n, r) => n + r.bytes, 0),
    maxBytes: Math.max(0, ...emu.requests.map((r) => r.bytes)),
  };
}
