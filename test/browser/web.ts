// Shared by the browser tests: build the web bundle, serve it over HTTPS on localhost, drive Chromium.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, BrowserContext, ConsoleMessage, Page } from "playwright-core";
import { chromium } from "playwright-core";
import selfsigned from "selfsigned";

export const ROOT = path.resolve(__dirname, "../..");
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** `npx webpack --mode production` into its own folder (other tests may build dist/web meanwhile). */
export async function buildWeb(outDir: string, env: Record<string, string> = {}): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
    {
      cwd: ROOT,
      env: { ...process.env, SCHEDA_WEB_OUT: outDir, ...env },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (!existsSync(path.join(outDir, "taskpane.html")))
    throw new Error(`build senza taskpane.html in ${outDir}`);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
  ".css": "text/css",
};

export interface WebServer {
  origin: string;
  port: number;
  /** Every path requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Static HTTPS server for `root` (self-signed certificate for localhost). Requests under `proxyPrefix`
 * are forwarded to `proxyTarget()` (the Excel emulator), so the page talks to one origin only.
 */
export async function serveHttps(
  root: string,
  options: { proxyPrefix?: string; proxyTarget?: () => string } = {},
): Promise<WebServer> {
  const pems = selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    days: 2,
    keySize: 2048,
    algorithm: "sha256",
    extensions: [{ name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }] }],
  });
  const requests: string[] = [];
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const url = new URL(req.url ?? "/", "https://localhost");
    requests.push(url.pathname);
    if (options.proxyPrefix && options.proxyTarget && url.pathname.startsWith(options.proxyPrefix)) {
      const target = new URL(options.proxyTarget());
      const rest = url.pathname.slice(options.proxyPrefix.length) + url.search;
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: target.pathname.replace(/\/$/, "") + rest,
          headers: { ...req.headers, host: target.host },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on("error", () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
      return;
    }
    const rel = decodeURIComponent(url.pathname === "/" ? "/taskpane.html" : url.pathname);
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `https://localhost:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Launch flags that keep Chromium quiet offline (tooling.md). */
export async function launchChromium(
  executablePath: string,
  userDataDir: string,
  options: { bypassCSP?: boolean } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    // axe-core is injected as a script: the pane's policy allows only its own scripts.
    bypassCSP: options.bypassCSP ?? false,
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    ignoreHTTPSErrors: true,
    acceptDownloads: true,
    viewport: { width: 320, height: 800 },
    deviceScaleFactor: 1,
    locale: "it-IT",
  });
}

export interface Watch {
  /** Requests to hosts other than localhost / 127.0.0.1 (all are refused). */
  external: string[];
  consoleErrors: string[];
}

/**
 * Refuses every request that leaves localhost (recording it) and records console errors and uncaught
 * exceptions. The one expected failure, the Office.js CDN script refused here, is recorded in
 * `external` and its "Failed to load resource" line is not counted as a console error.
 */
export async function watch(context: BrowserContext): Promise<Watch> {
  const w: Watch = { external: [], consoleErrors: [] };
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "blob:" || url.protocol === "data:") return route.continue();
    if (url.hostname === "localhost" || url.hostname === "127.0.0.1") return route.continue();
    w.external.push(route.request().url());
    return route.abort("internetdisconnected");
  });
  const onPage = (page: Page) => {
    page.on("console", (msg: ConsoleMessage) => {
      if (msg.type() !== "error") return;
      if (msg.location().url === OFFICE_JS_CDN && /Failed to load resource/.test(msg.text())) return;
      w.consoleErrors.push(`${msg.text()} @ ${msg.location().url}`);
    });
    page.on("pageerror", (e) => w.consoleErrors.push(`pageerror: ${e.message}`));
  };
  context.pages().forEach(onPage);
  context.on("page", onPage);
  return w;
}

export type { Browser, BrowserContext, Page };
