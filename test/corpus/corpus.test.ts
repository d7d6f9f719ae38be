// Every workbook of the bad-input corpus (test/corpus/build.ts) through validate, rollup and generate,
// in-process via main(argv, io): no crash, no stack trace, a clear Italian message or problem list, the
// exit code docs/reference/cli.md allows, and the input file byte-for-byte unchanged.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { buildCorpus, type CorpusCase } from "./build";

jest.setTimeout(600_000);

let dir: string;
let cases: CorpusCase[] = [];
const HANG_MS = 120_000;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "scheda-corpus-"));
  cases = await buildCorpus(dir);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

interface Run {
  code: number;
  out: string;
  err: string;
  ms: number;
}

async function run(argv: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const t0 = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung: ${argv.join(" ")}`)), HANG_MS);
  });
  try {
    const code = await Promise.race([
      main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) }),
      hang,
    ]);
    return { code, out, err, ms: Date.now() - t0 };
  } finally {
    clearTimeout(timer);
  }
}

/** A stack trace or a raw JavaScript error leaking to the user. */
const LEAK =
  /^\s+at\s|\b(TypeError|ReferenceError|RangeError|SyntaxError|Error):|undefined|\[object Object\]|NaN/m;

function checkOutput(r: Run, command: string): void {
  expect(r.out + r.err).not.toMatch(LEAK);
  if (r.code === 2) {
    // One clear message on stderr.
    expect(r.err.trim().length).toBeGreaterThan(10);
  } else {
    expect(r.out.trim().length).toBeGreaterThan(0);
  }
  if (command === "validate" && r.code === 1) expect(r.out).toMatch(/errore|errori/i);
}

const names = [
  "tipi-sbagliati",
  "valori-errore",
  "testo-32767",
  "unicode",
  "testo-formula",
  "date-estreme",
  "numeri-estremi",
  "intestazioni-doppie",
  "intestazioni-mancanti",
  "fogli-vuoti",
  "solo-parametri",
  "nessun-foglio-noto",
  "righe-vuote-50000",
  "zip-corrotto",
  "xml-corrotto",
  "protetto-password",
  "file-vuoto",
  "non-xlsx",
  "xlsm",
];

test("il corpus contiene tutti i casi previsti", () => {
  expect(cases.map((c) => c.name).sort()).toEqual([...names].sort());
});

test.each(names)(
  "%s: validate, rollup e generate senza crash, codici docs/reference/cli.md, input intatto",
  async (name) => {
    const c = cases.find((x) => x.name === name);
    if (!c) throw new Error(`case ${name} not built`);
    const before = sha256(c.file);
    const outDir = mkdtempSync(join(dir, `${name}-out-`));

    const v = await run(["validate", c.file]);
    checkOutput(v, "validate");
    expect(c.expect.validate).toContain(v.code);

    const vj = await run(["validate", c.file, "--json"]);
    expect(vj.code).toBe(v.code);
    if (vj.code !== 2) {
      const parsed = JSON.parse(vj.out) as { errors: number; problems: { message: string; rule: string }[] };
      expect(parsed.errors > 0).toBe(vj.code === 1);
      for (const p of parsed.problems) expect(p.message.trim()).not.toBe("");
    }

    const rollupOut = join(outDir, "rollup.xlsx");
    const r = await run(["rollup", c.file, "-o", rollupOut]);
    checkOutput(r, "rollup");
    expect(c.expect.rollup).toContain(r.code);
    expect(existsSync(rollupOut)).toBe(r.code === 0);

    const generateOut = join(outDir, "scheda.xlsx");
    const g = await run(["generate", c.file, "-o", generateOut]);
    checkOutput(g, "generate");
    expect(c.expect.generate).toContain(g.code);
    expect(existsSync(generateOut)).toBe(g.code === 0);

    expect(sha256(c.file)).toBe(before);
  },
);
