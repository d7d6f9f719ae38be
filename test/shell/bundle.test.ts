// The production web build: what Excel loads first for the pane stays under 250 KB gzip and holds no
// file host (it lives in an async chunk for the standalone page); the test-only flag stays out.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const ROOT = resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measurePage, scriptSources, FILE_HOST_MARKERS } = require("../../scripts/bundle-size.js") as {
  measurePage: (
    dir: string,
    page: string,
  ) => { gzip: number; external: string[]; files: { file: string; fileHostMarkers: string[] }[] };
  scriptSources: (html: string) => string[];
  FILE_HOST_MARKERS: string[];
};

const out = mkdtempSync(join(tmpdir(), "scheda-bundle-"));

beforeAll(async () => {
  await promisify(execFile)(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
    {
      cwd: ROOT,
      env: { ...process.env, SCHEDA_WEB_OUT: out, SCHEDA_TEST_EXCEL_URL: "", SCHEDA_PEG_URL: "" },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

test("reads script addresses from minified and ordinary HTML", () => {
  expect(
    scriptSources('<script src=a.js></script><script defer="defer" src="b.js"></script><script>1</script>'),
  ).toEqual(["a.js", "b.js"]);
});

test("the pane's initial JavaScript is at most 250 KB gzip, without the file host", () => {
  const pane = measurePage(out, "taskpane.html");
  expect(pane.files.length).toBeGreaterThan(0);
  expect(pane.files.flatMap((f) => f.fileHostMarkers)).toEqual([]);
  expect(pane.gzip).toBeLessThanOrEqual(250 * 1024);
  // office.js comes from Microsoft's CDN in production builds.
  expect(pane.external).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  const ribbon = measurePage(out, "commands.html");
  expect(ribbon.files.flatMap((f) => f.fileHostMarkers)).toEqual([]);
});

test("the file host is in the async chunks of the build (so the markers above do find it)", () => {
  const initial = new Set(measurePage(out, "taskpane.html").files.map((f) => f.file));
  const asyncTexts = readdirSync(out)
    .filter((f) => f.endsWith(".js") && !initial.has(f))
    .map((f) => readFileSync(join(out, f), "utf8"));
  // Each marker is in some chunk loaded on demand (JSZip may sit in a vendor chunk of its own).
  for (const m of FILE_HOST_MARKERS) expect([m, asyncTexts.some((t) => t.includes(m))]).toEqual([m, true]);
});

test("a production build leaves the emulator flag undefined and loads office.js from the CDN only", () => {
  for (const f of readdirSync(out).filter((x) => x.endsWith(".js"))) {
    expect(readFileSync(join(out, f), "utf8")).not.toContain("SCHEDA_TEST_EXCEL_URL");
  }
  expect(readdirSync(out)).not.toContain("office-js");
  const html = readFileSync(join(out, "taskpane.html"), "utf8");
  expect(html).toMatch(/<meta http-equiv="?Content-Security-Policy"?/i);
  // The policy comes before any script, or it would not apply to them.
  expect(html.search(/Content-Security-Policy/i)).toBeLessThan(html.search(/<script/i));
  expect(html).not.toContain("unsafe-eval");
});
