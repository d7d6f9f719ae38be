// The ribbon's function file in a real browser: commands.html from a test build (office.js and the
// Excel library served locally, the emulator's address baked in) runs Genera Scheda in Chromium under
// the page's Content-Security-Policy, against the Excel emulator.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { SchedaService } from "../../src/app/service";
import type { Notice } from "../../src/commands/generaScheda";
import { startHarness, type Harness } from "../emulator/harness";
import { loadSampleJson } from "../excel/helpers";
import { chromiumPath, itWithTool } from "../helpers/tools";
import {
  launchChromium,
  serveHttps,
  watch,
  type BrowserContext,
  type Watch,
  type WebServer,
} from "../browser/web";

const ROOT = path.resolve(__dirname, "../..");
const itChromium = itWithTool("Chromium", chromiumPath);

/**
 * What office.js itself reports when it starts outside Office (no host to talk to): it looks for a
 * host mapping table and then gives up on its own channel. Excel.run on the emulator's context is
 * unaffected. Our own log line says the notification has no dialog to open here.
 */
const OFFICE_OUTSIDE_OFFICE = [
  /404 .*office-js\/o15apptofilemappingtable\.js/,
  /Sys\.ArgumentNullException: Value cannot be null\.\s+Parameter name: conversationId/,
  /Scheda PEG: finestra di notifica non disponibile/,
];

let tmp = "";
let h: Harness | null = null;
let server: WebServer | null = null;
let context: BrowserContext | null = null;
let watched: Watch;

beforeAll(async () => {
  if (!chromiumPath) return;
  tmp = mkdtempSync(path.join(os.tmpdir(), "scheda-ribbon-"));
  h = await startHarness();
  const out = path.join(tmp, "web");
  // A development build is enough here (and quicker): the test flag works the same way.
  await promisify(execFile)(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "development"],
    {
      cwd: ROOT,
      env: { ...process.env, SCHEDA_WEB_OUT: out, SCHEDA_TEST_EXCEL_URL: h.emu.url, SCHEDA_PEG_URL: "" },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  server = await serveHttps(out);
  context = await launchChromium(chromiumPath, path.join(tmp, "profile"));
  watched = await watch(context);
}, 600_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  await h?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Opens commands.html as Excel would and presses the button; returns the notice and completed(). */
async function pressGeneraScheda(): Promise<{ notice: Notice; completed: number; violations: string[] }> {
  const page = context!.pages()[0] ?? (await context!.newPage());
  await page.goto(`${server!.origin}/commands.html`);
  await page.waitForFunction(() => "schedaPegCommands" in window);
  return page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    let completed = 0;
    const commands = (
      window as unknown as { schedaPegCommands: { generaScheda: (e: unknown) => Promise<Notice> } }
    ).schedaPegCommands;
    const notice = await commands.generaScheda({ completed: () => (completed += 1) });
    return { notice, completed, violations };
  });
}

describe("commands.html in Chromium against the Excel emulator", () => {
  itChromium("loads office.js and the Excel library locally, under the page's CSP", async () => {
    const html = readFileSync(path.join(tmp, "web", "commands.html"), "utf8");
    expect(html).toContain('<script src="office-js/office.js"></script>');
    expect(html).toContain('<script src="office-js/excel-web-16.00.js"></script>');
    expect(html).toContain(`connect-src 'self' https://appsforoffice.microsoft.com`);
    expect(html).toContain(new URL(h!.emu.url).origin);
  });

  itChromium("Genera Scheda writes the Scheda into the workbook and calls completed() once", async () => {
    h!.emu.reset();
    await new SchedaService(h!.host, { loadSample: async () => loadSampleJson() }).loadSample();
    const { notice, completed, violations } = await pressGeneraScheda();
    expect(completed).toBe(1);
    expect(["success", "warning"]).toContain(notice.kind);
    expect(notice.message).toContain("33 obiettivi");
    expect(h!.emu.workbook.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["Scheda", "Riepilogo"]),
    );
    expect(violations).toEqual([]);
    expect(watched.consoleErrors.filter((e) => !OFFICE_OUTSIDE_OFFICE.some((re) => re.test(e)))).toEqual([]);
    expect(watched.external.filter((u) => !u.startsWith("https://appsforoffice.microsoft.com"))).toEqual([]);
  });

  itChromium("on an empty workbook it reports the missing sheets and still calls completed()", async () => {
    h!.emu.reset();
    const { notice, completed } = await pressGeneraScheda();
    expect(completed).toBe(1);
    expect(notice.kind).toBe("blocked");
    expect(notice.details.join("\n")).toContain("Obiettivi");
  });
});
