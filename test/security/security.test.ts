// Security basics (issue 8), each a check that fails when someone loosens it:
// - the pages' Content-Security-Policy allows scripts and connections only to our origin and the
//   Office.js CDN (the built page carrying it before any script: test/shell/bundle.test.ts);
// - the lint config rejects innerHTML / outerHTML / dangerouslySetInnerHTML;
// - no outbound request or telemetry in the source;
// - the manifest asks ReadWriteDocument only: test/manifest/manifest.test.ts ("asks for
//   ReadWriteDocument and nothing more"), not repeated here;
// - `npm audit --omit=dev` with no high/critical advisory: scripts/audit.js (needs the registry).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { lintSource } from "../helpers/eslint";

const ROOT = join(__dirname, "../..");
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

interface WebpackConfig {
  plugins: { csp?: string }[];
  devServer?: { headers?: Record<string, string> };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(join(ROOT, "webpack.config.js")) as (
  env: unknown,
  argv: unknown,
) => WebpackConfig;

function policies(mode: "production" | "development"): string[] {
  const saved = process.env.SCHEDA_TEST_EXCEL_URL;
  delete process.env.SCHEDA_TEST_EXCEL_URL;
  try {
    const config = webpackConfig({}, { mode });
    const fromPages = config.plugins.map((p) => p.csp).filter((c): c is string => typeof c === "string");
    const fromServer = config.devServer?.headers?.["Content-Security-Policy"];
    return [...fromPages, ...(fromServer ? [fromServer] : [])];
  } finally {
    if (saved !== undefined) process.env.SCHEDA_TEST_EXCEL_URL = saved;
  }
}

function directive(policy: string, name: string): string[] | null {
  for (const part of policy.split(";")) {
    const [key, ...sources] = part.trim().split(/\s+/);
    if (key === name) return sources;
  }
  return null;
}

describe("Content-Security-Policy", () => {
  test.each(["production", "development"] as const)("%s: solo 'self' e il CDN di Office.js", (mode) => {
    const list = policies(mode);
    expect(list.length).toBeGreaterThanOrEqual(1);
    for (const policy of list) {
      expect(directive(policy, "default-src")).toEqual(["'self'"]);
      expect(directive(policy, "object-src")).toEqual(["'none'"]);
      expect(new Set(directive(policy, "script-src"))).toEqual(new Set(["'self'", OFFICE_CDN]));
      const connect = directive(policy, "connect-src") ?? [];
      // Development adds only the dev server's own live-reload socket on localhost.
      const allowed = (s: string) =>
        s === "'self'" || s === OFFICE_CDN || (mode === "development" && /^wss:\/\/localhost:\d+$/.test(s));
      expect(connect.filter((s) => !allowed(s))).toEqual([]);
      expect(policy).not.toMatch(/unsafe-eval|\*|\bhttp:/);
    }
  });
});

describe("regola lint: niente HTML dal contenuto della cartella", () => {
  const lint = (code: string, file: string) =>
    lintSource(file, code)
      .filter((m) => m.severity === 2)
      .map((m) => m.ruleId);

  test("innerHTML e outerHTML sono errori", () => {
    const code = [
      "export function show(el: HTMLElement, titolo: string): void {",
      "  el.innerHTML = titolo;",
      "  el.outerHTML = titolo;",
      "}",
      "",
    ].join("\n");
    expect(lint(code, "src/taskpane/Probe.ts")).toEqual([
      "no-restricted-properties",
      "no-restricted-properties",
    ]);
  });

  test("dangerouslySetInnerHTML è un errore", () => {
    const code = [
      "export function Titolo({ testo }: { testo: string }) {",
      "  return <div dangerouslySetInnerHTML={{ __html: testo }} />;",
      "}",
      "",
    ].join("\n");
    expect(lint(code, "src/taskpane/Probe.tsx")).toEqual(["react/no-danger"]);
  });

  test("il testo reso come testo passa", () => {
    const code = [
      "export function Titolo({ testo }: { testo: string }) {",
      "  return <div>{testo}</div>;",
      "}",
      "",
    ].join("\n");
    expect(lint(code, "src/taskpane/Probe.tsx")).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|html)$/.test(name) ? [p] : [];
  });
}

/** The code with comments blanked (URLs in comments point at documentation, they are not requests). */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1")
    .replace(/<!--[\s\S]*?-->/g, "");
}

describe("nessuna richiesta in uscita, nessuna telemetria", () => {
  const files = sourceFiles(join(ROOT, "src")).map((f) => ({
    file: relative(ROOT, f),
    code: withoutComments(readFileSync(f, "utf8")),
  }));

  test("il sorgente c'è (il controllo non passa a vuoto)", () => {
    expect(files.some((f) => f.file.startsWith("src/taskpane/"))).toBe(true);
    expect(files.length).toBeGreaterThan(20);
  });

  test("nessuna API di rete nel codice dell'add-in", () => {
    const network =
      /\bfetch\s*\(|XMLHttpRequest|sendBeacon|new\s+WebSocket|EventSource|navigator\.connection|\bimportScripts\s*\(/;
    const hits = files.filter((f) => network.test(f.code)).map((f) => f.file);
    expect(hits).toEqual([]);
  });

  test("nessun indirizzo esterno salvo il CDN di Office.js (testi dei messaggi a parte)", () => {
    const hits: string[] = [];
    for (const f of files) {
      for (const m of f.code.matchAll(/\b(?:https?|wss?):\/\/[^\s"'`)<>]+/g)) {
        const url = m[0];
        if (url.startsWith(`${OFFICE_CDN}/`)) continue;
        if (/^(https?|wss?):\/\/localhost[:/]/.test(url)) continue;
        // XML namespaces of the file format are names, never fetched (OOXML transitional and strict,
        // Dublin Core and XML Schema instance in the document properties; the LibreOffice profile's
        // registry and XML Schema namespaces in the settings written for `--pdf`).
        if (/^http:\/\/schemas\.(openxmlformats\.org|microsoft\.com)\//.test(url)) continue;
        if (
          /^http:\/\/(purl\.oclc\.org\/ooxml|purl\.org\/dc|www\.w3\.org\/2001\/XMLSchema|openoffice\.org\/2001\/registry$)/.test(
            url,
          )
        )
          continue;
        // A web address shown to the user in an Italian message (e.g. where to get LibreOffice).
        if (/\/(messages|strings)\.ts$/.test(f.file)) continue;
        hits.push(`${f.file}: ${url}`);
      }
    }
    expect(hits).toEqual([]);
  });

  test("nessuna libreria di telemetria tra le dipendenze o nel sorgente", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const telemetry = /insights|analytics|telemetry|sentry|segment|mixpanel|datadog|posthog|bugsnag/i;
    expect(Object.keys(pkg.dependencies).filter((d) => telemetry.test(d))).toEqual([]);
    expect(
      files
        .filter((f) => /applicationinsights|gtag\(|google-analytics|sentry/i.test(f.code))
        .map((f) => f.file),
    ).toEqual([]);
  });
});
