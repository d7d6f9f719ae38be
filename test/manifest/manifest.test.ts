// The add-in manifest: valid against Microsoft's XSDs (kept in ../shared, optional), every resid
// resolves, every URL is https, least privilege, ribbon wiring, and the production URL substitution.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import webpack from "webpack";
import { validateXML } from "xmllint-wasm";
import { GENERA_SCHEDA_ACTION } from "../../src/commands/generaScheda";

const ROOT = resolve(__dirname, "../..");
const MANIFEST = join(ROOT, "manifest.xml");
const SCHEMA_DIR = resolve(ROOT, "../shared/office-manifest-schemas");
const DEV_URL = "https://localhost:3000";
const PROD_URL = "https://intranet.comune.example.it/scheda-peg";

const manifest = readFileSync(MANIFEST, "utf8");
// Comments may mention addresses in prose; the checks are about the markup.
const markup = manifest.replace(/<!--[\s\S]*?-->/g, "");

async function validateAgainstSchemas(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const names = [
    "OfficeAppManifestV1_1.xsd",
    "OfficeAppBasicTypesV1_0.xsd",
    "TaskPaneAppVersionOverridesV1_0.xsd",
    "MailAppVersionOverridesV1_0.xsd",
    "MailAppVersionOverridesV1_1.xsd",
    "ContentAppVersionOverridesV1_0.xsd",
  ].filter((n) => existsSync(join(SCHEMA_DIR, n)));
  const files = names.map((fileName) => ({
    fileName,
    contents: readFileSync(join(SCHEMA_DIR, fileName), "utf8"),
  }));
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: files[0],
    preload: files.slice(1),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

const schemasPresent = existsSync(join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd"));
if (!schemasPresent) {
  console.warn(
    `Validazione XSD del manifest saltata: ${SCHEMA_DIR} non esiste (gli schemi stanno nella cartella condivisa del progetto, non nel repository).`,
  );
}
const itWithSchemas = schemasPresent ? it : it.skip;

function attributeValues(xml: string, element: RegExp, attribute: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<(?:${element.source})\\b[^>]*\\b${attribute}="([^"]*)"`, "g");
  for (const m of xml.matchAll(re)) out.push(m[1]);
  return out;
}

function urlsIn(xml: string): string[] {
  return [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)([a-z][a-z0-9+.-]*:\/\/[^"<]*)/gi)].map((m) => m[1]);
}

function pngSize(file: string): [number, number] {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

describe("manifest.xml", () => {
  itWithSchemas("validates against the Office add-in manifest XSDs (v1.1)", async () => {
    const { valid, errors } = await validateAgainstSchemas(manifest);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  itWithSchemas("the schema check is real: a misplaced Requirements block is rejected", async () => {
    const requirements = /\s*<Requirements>[\s\S]*?<\/Requirements>/.exec(markup)?.[0] ?? "";
    expect(requirements).not.toBe("");
    const broken = markup
      .replace(requirements, "")
      .replace("<Permissions>", `${requirements}\n<Permissions>`);
    const { valid } = await validateAgainstSchemas(broken);
    expect(valid).toBe(false);
  });

  it("every resid points at a defined resource of the right kind", () => {
    const images = attributeValues(markup, /bt:Image/, "id");
    const urls = attributeValues(markup, /bt:Url/, "id");
    const strings = attributeValues(markup, /bt:String/, "id");
    const defined = new Set([...images, ...urls, ...strings]);
    expect(defined.size).toBe(images.length + urls.length + strings.length); // no duplicate ids
    const used = [...markup.matchAll(/resid="([^"]*)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
    // Kinds: images for <bt:Image>, URLs for FunctionFile/SourceLocation/LearnMoreUrl, strings for labels.
    for (const id of attributeValues(markup, /bt:Image/, "resid")) expect(images).toContain(id);
    for (const id of attributeValues(markup, /FunctionFile|SourceLocation|LearnMoreUrl/, "resid")) {
      expect(urls).toContain(id);
    }
    for (const id of attributeValues(markup, /Label|Title|Description/, "resid"))
      expect(strings).toContain(id);
  });

  it("every URL is https on the development address", () => {
    const urls = urlsIn(markup);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) {
      expect(url.startsWith("https://")).toBe(true);
      expect(url.startsWith(DEV_URL)).toBe(true);
    }
    // Namespace names are identifiers, not addresses that are fetched.
    expect(markup.replace(/\bxmlns(:\w+)?="[^"]*"/g, "")).not.toMatch(/http:\/\//);
  });

  it("asks for ReadWriteDocument and nothing more, for Excel workbooks with ExcelApi 1.9", () => {
    expect([...markup.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1].trim())).toEqual([
      "ReadWriteDocument",
    ]);
    expect(markup).toMatch(/<Hosts>\s*<Host Name="Workbook"\s*\/>\s*<\/Hosts>/);
    expect(markup).toMatch(/<Set Name="ExcelApi" MinVersion="1\.9"\s*\/>/);
    // After <Hosts>, before VersionOverrides: inside VersionOverrides it would hide the ribbon on older clients.
    const requirementsAt = markup.indexOf("<Requirements>");
    expect(requirementsAt).toBeGreaterThan(markup.indexOf("</Hosts>"));
    expect(requirementsAt).toBeLessThan(markup.indexOf("<VersionOverrides"));
    expect(markup.indexOf("<Requirements>", requirementsAt + 1)).toBe(-1);
    expect(markup).toMatch(/<DefaultLocale>it-IT<\/DefaultLocale>/);
  });

  it("puts Genera Scheda (function command) and Scheda PEG (task pane) in a group on the Home tab", () => {
    const tab = /<OfficeTab id="TabHome">([\s\S]*?)<\/OfficeTab>/.exec(markup)?.[1] ?? "";
    expect(tab).toContain("<Group");
    const controls = [...tab.matchAll(/<Control\b[\s\S]*?<\/Control>/g)].map((m) => m[0]);
    expect(controls).toHaveLength(2);
    const label = (control: string) => {
      const resid = /<Label resid="([^"]*)"/.exec(control)?.[1];
      return new RegExp(`<bt:String id="${resid}" DefaultValue="([^"]*)"`).exec(markup)?.[1];
    };
    const [genera, riquadro] = controls;
    expect(label(genera)).toBe("Genera Scheda");
    expect(genera).toContain('xsi:type="ExecuteFunction"');
    expect(/<FunctionName>([^<]*)<\/FunctionName>/.exec(genera)?.[1]).toBe(GENERA_SCHEDA_ACTION);
    expect(label(riquadro)).toBe("Scheda PEG");
    expect(riquadro).toContain('xsi:type="ShowTaskpane"');
    const functionFile = /<FunctionFile resid="([^"]*)"/.exec(markup)?.[1];
    expect(new RegExp(`<bt:Url id="${functionFile}" DefaultValue="([^"]*)"`).exec(markup)?.[1]).toBe(
      `${DEV_URL}/commands.html`,
    );
  });

  it("references icons that exist in assets/ with the size the manifest says", () => {
    for (const m of markup.matchAll(/<bt:Image id="Icon\.(\d+)x\d+" DefaultValue="([^"]*)"/g)) {
      const size = Number(m[1]);
      const file = join(ROOT, m[2].replace(`${DEV_URL}/`, ""));
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual([size, size]);
    }
    for (const size of [16, 32, 64, 80])
      expect(pngSize(join(ROOT, `assets/icon-${size}.png`))).toEqual([size, size]);
  });
});

describe("built manifest (webpack, SCHEDA_PEG_URL)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require("../../webpack.config.js") as (
    env: unknown,
    argv: { mode: string },
  ) => webpack.Configuration;
  const saved = { url: process.env.SCHEDA_PEG_URL, out: process.env.SCHEDA_WEB_OUT };
  let out = "";

  afterAll(() => {
    process.env.SCHEDA_PEG_URL = saved.url;
    process.env.SCHEDA_WEB_OUT = saved.out;
    if (saved.url === undefined) delete process.env.SCHEDA_PEG_URL;
    if (saved.out === undefined) delete process.env.SCHEDA_WEB_OUT;
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("replaces the development address with SCHEDA_PEG_URL and stays valid", async () => {
    out = mkdtempSync(join(tmpdir(), "scheda-manifest-"));
    process.env.SCHEDA_PEG_URL = `${PROD_URL}/`; // trailing slash is tolerated
    process.env.SCHEDA_WEB_OUT = out;
    const entry = join(out, "entry.js");
    writeFileSync(entry, "export {};\n");
    const config = makeConfig({}, { mode: "production" });
    // Only the copy step matters here: a one-line entry keeps the build to a second.
    const copy = (config.plugins ?? []).filter((p) => p?.constructor?.name === "CopyPlugin");
    expect(copy).toHaveLength(1);
    const stats = await new Promise<webpack.Stats | undefined>((done, fail) =>
      webpack(
        { ...config, context: ROOT, entry: { probe: entry }, plugins: copy, devtool: false },
        (err, s) => (err ? fail(err) : done(s)),
      ),
    );
    expect(stats?.hasErrors()).toBe(false);
    const built = readFileSync(join(out, "manifest.xml"), "utf8").replace(/<!--[\s\S]*?-->/g, "");
    expect(built).not.toContain("localhost");
    const urls = urlsIn(built);
    expect(urls.length).toBe(urlsIn(markup).length);
    for (const url of urls) expect(url.startsWith(new URL(PROD_URL).origin)).toBe(true);
    // AppDomain is an origin; the pages and icons are under the sub-folder.
    expect(built).toContain("<AppDomain>https://intranet.comune.example.it</AppDomain>");
    for (const url of urls.filter((u) => !built.includes(`<AppDomain>${u}<`))) {
      expect(url.startsWith(`${PROD_URL}/`)).toBe(true);
    }
    expect(built).toContain(`<SourceLocation DefaultValue="${PROD_URL}/taskpane.html"/>`);
    expect(built).toContain(`<bt:Url id="Commands.Url" DefaultValue="${PROD_URL}/commands.html"/>`);
    expect(existsSync(join(out, "assets/icon-80.png"))).toBe(true);
    if (schemasPresent) expect((await validateAgainstSchemas(built)).valid).toBe(true);
  });

  it("refuses a SCHEDA_PEG_URL that is not https", () => {
    process.env.SCHEDA_PEG_URL = "http://intranet.comune.example.it/scheda-peg";
    expect(() => makeConfig({}, { mode: "production" })).toThrow(/https/);
  });
});
