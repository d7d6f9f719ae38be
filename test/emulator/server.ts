// The Excel emulator as a local HTTP server: answers `POST <base>/ProcessQuery` as Excel does, so the
// real Office.js library (in jsdom or in Chromium) runs against it. Usable standalone:
//   const emu = await startEmulator(0); … new Excel.RequestContext(emu.url) … await emu.stop();
import { chartsOf } from "./charts";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { areaAddress, newWorkbook, splitKey, type WorkbookState } from "./model";
import { processQuery, type RequestBody, type RequestRecord } from "./protocol";

/**
 * Excel on the web refuses requests and responses over 5 MB:
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
 * ("Excel on the web has a payload size limit for requests and responses of 5MB").
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface Emulator {
  /** Base URL to give to `new Excel.RequestContext(url)`. */
  url: string;
  port: number;
  /** The live workbook (tests may inspect it, or set it up before a run). */
  workbook: WorkbookState;
  requests: RequestRecord[];
  /** Makes request number n (1-based, counted from now on) fail as a lost connection would. */
  failRequest(n: number): void;
  resetRecords(): void;
  reset(wb?: WorkbookState): void;
  stop(): Promise<void>;
}

export async function startEmulator(port = 0, host = "127.0.0.1"): Promise<Emulator> {
  let failAt: number | null = null;
  let seen = 0;
  const emu: Emulator = {
    url: "",
    port: 0,
    workbook: newWorkbook(),
    requests: [],
    failRequest(n) {
      failAt = seen + n;
    },
    resetRecords() {
      emu.requests = [];
    },
    reset(wb) {
      emu.workbook = wb ?? newWorkbook();
      emu.requests = [];
      failAt = null;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };

  const server = http.createServer((req, res) => {
    // The page that loads Office.js may be served from another localhost origin.
    res.setHeader("Access-Control-Allow-Origin", req.headers.origin ?? "*");
    res.setHeader("Access-Control-Allow-Headers", "*");
    res.setHeader("Access-Control-Allow-Methods", "POST, GET, OPTIONS");
    res.setHeader("Access-Control-Allow-Private-Network", "true");
    if (req.method === "OPTIONS") {
      res.statusCode = 204;
      res.end();
      return;
    }
    if (req.method === "GET" && /\/state$/.test(req.url ?? "")) {
      // The workbook as JSON, for a test that runs the emulator in another process.
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.end(JSON.stringify(workbookJson(emu.workbook)));
      return;
    }
    if (req.method !== "POST" || !/\/ProcessQuery(\?|$)/.test(req.url ?? "")) {
      res.statusCode = 404;
      res.end("not found");
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        handle();
      } catch (e) {
        // Never leave a request without an answer: report the emulator's own failure.
        res.statusCode = 500;
        res.end(String((e as Error).stack ?? e));
      }
    });
    const handle = () => {
      const raw = Buffer.concat(chunks);
      seen++;
      const record: RequestRecord = {
        index: seen,
        bytes: raw.length,
        responseBytes: 0,
        actions: 0,
        actionNames: [],
      };
      emu.requests.push(record);
      const send = (body: unknown) => {
        const text = JSON.stringify(body);
        record.responseBytes = Buffer.byteLength(text);
        res.setHeader("Content-Type", "application/json; charset=utf-8");
        res.end(text);
      };
      if (failAt !== null && seen === failAt) {
        failAt = null;
        record.error = "Injected";
        // A dropped connection: the library reports a network failure, nothing was applied.
        req.socket.destroy();
        return;
      }
      if (raw.length > PAYLOAD_LIMIT) {
        record.error = "RequestPayloadSizeLimitExceeded";
        send({
          Error: {
            Code: "RequestPayloadSizeLimitExceeded",
            Message: `The request payload size has exceeded the limit (${raw.length} bytes > ${PAYLOAD_LIMIT}).`,
            HttpStatusCode: 400,
            ActionIndex: -1,
            Location: "",
          },
        });
        return;
      }
      let body: RequestBody;
      try {
        body = JSON.parse(raw.toString("utf8")) as RequestBody;
      } catch {
        res.statusCode = 400;
        res.end("bad json");
        return;
      }
      record.actions = (body.Actions ?? []).length;
      let out: ReturnType<typeof processQuery>;
      try {
        out = processQuery(emu.workbook, body);
      } catch (e) {
        // A bug in the emulator itself: say so instead of dropping the connection.
        record.error = "EmulatorInternalError";
        send({
          Error: {
            Code: "EmulatorInternalError",
            Message: String((e as Error).stack ?? e),
            HttpStatusCode: 500,
            ActionIndex: -1,
            Location: "",
          },
        });
        return;
      }
      record.actionNames = out.actionNames;
      if (out.error) record.error = out.error;
      const text = JSON.stringify(out.response);
      if (Buffer.byteLength(text) > PAYLOAD_LIMIT) {
        record.error = "ResponsePayloadSizeLimitExceeded";
        send({
          Error: {
            Code: "ResponsePayloadSizeLimitExceeded",
            Message: "The response payload size has exceeded the limit.",
            HttpStatusCode: 400,
            ActionIndex: -1,
            Location: "",
          },
        });
        return;
      }
      send(out.response);
    };
  });
  // The client may compute for a while between two syncs: an idle keep-alive socket closed by the
  // server meanwhile would make the next request fail with ECONNRESET.
  server.keepAliveTimeout = 10 * 60_000;
  server.headersTimeout = 10 * 60_000 + 1000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  emu.port = (server.address() as AddressInfo).port;
  emu.url = `http://${host}:${emu.port}/api`;
  return emu;
}

/** Plain-JSON view of the workbook (sheets with their cells by A1-style row/col, merges, tables, names). */
export function workbookJson(wb: WorkbookState) {
  return {
    activeSheetId: wb.activeSheetId,
    selection: wb.selection,
    names: [...wb.names.values()],
    sheets: wb.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      cells: [...s.cells.entries()].map(([k, c]) => {
        const [row, col] = splitKey(k);
        return { row, col, ...c };
      }),
      merges: s.merges.map(areaAddress),
      tables: s.tables.map((t) => ({ name: t.name, range: areaAddress(t.rect) })),
      horizontalPageBreaks: s.horizontalPageBreaks,
      pageLayout: s.pageLayout,
      charts: chartsOf(s),
      protected: s.protected,
    })),
  };
}
