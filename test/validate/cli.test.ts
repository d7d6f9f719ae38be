// `scheda-peg validate FILE [--json]` in-process through main(): JSON shape, human output grouped by sheet
// with errors first and the totals last, exit codes 0/1/2, unreadable files as one line on stderr.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { baseSpec, broken, toTemplate, type WorkbookSpec } from "./fixture";

const dir = mkdtempSync(join(tmpdir(), "scheda-validate-"));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

async function writeWorkbook(name: string, spec: WorkbookSpec): Promise<string> {
  const host = await XlsxHost.createEmpty();
  await host.prepareSheets(toTemplate(spec), { fillRows: true });
  const file = join(dir, name);
  writeFileSync(file, await host.toBuffer());
  return file;
}

const JSON_KEYS = ["severity", "rule", "sheet", "row", "column", "cell", "objective", "message"];

/** Defects on three sheets, errors and warnings mixed; expected problems in report order. */
const mixedSpec = (): WorkbookSpec => {
  const s = baseSpec();
  s.fasi[1].peso = 40;
  s.fasi[2].avanzamento = 80;
  s.indicatori[0].polarita = "Positiva";
  s.indicatori[1].valoreAtteso = null;
  s.indicatori[1].valoreRaggiunto = broken("n.d.");
  s.obiettivi.push({ codice: "O3" });
  s.fasi.push({ ...s.fasi[0], obiettivo: "O3", peso: 100, avanzamento: 100 });
  return s;
};
const MIXED_EXPECTED = [
  { sheet: "Obiettivi", severity: "warning", rule: "NO_INDICATORS", cell: "Obiettivi!A4" },
  { sheet: "Fasi", severity: "error", rule: "WEIGHT_SUM", cell: "Fasi!G2" },
  { sheet: "Fasi", severity: "warning", rule: "PROGRESS_INCOMPLETE", cell: "Fasi!H4" },
  { sheet: "Indicatori", severity: "error", rule: "POLARITY_INVALID", cell: "Indicatori!D2" },
  { sheet: "Indicatori", severity: "error", rule: "NUMBER_INVALID", cell: "Indicatori!F3" },
  { sheet: "Indicatori", severity: "warning", rule: "TARGET_MISSING", cell: "Indicatori!E3" },
];

describe("validate --json", () => {
  it("prints {errors, warnings, problems} with the documented keys in order, exit 1 on errors", async () => {
    const file = await writeWorkbook("misto.xlsx", mixedSpec());
    const { code, out, err } = await run(["validate", file, "--json"]);
    expect(err).toBe("");
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(["errors", "warnings", "problems"]);
    expect(report.errors).toBe(3);
    expect(report.warnings).toBe(3);
    for (const p of report.problems) expect(Object.keys(p)).toEqual(JSON_KEYS);
    expect(
      report.problems.map((p: Record<string, unknown>) => ({
        sheet: p.sheet,
        severity: p.severity,
        rule: p.rule,
        cell: p.cell,
      })),
    ).toEqual(MIXED_EXPECTED);
    const weightSum = report.problems[1];
    expect(weightSum).toMatchObject({ row: 2, column: "Peso", objective: "O1" });
    expect(weightSum.message).toContain("90");
  });

  it("exit 0 when there are only warnings", async () => {
    const s = baseSpec();
    s.indicatori[0].valoreRaggiunto = null;
    const file = await writeWorkbook("avvisi.xlsx", s);
    const { code, out } = await run(["validate", file, "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ errors: 0, warnings: 1 });
    expect(report.problems[0]).toMatchObject({
      rule: "ACTUAL_MISSING",
      cell: "Indicatori!F2",
      severity: "warning",
    });
  });

  it("exit 0 and an empty list on a clean workbook", async () => {
    const file = await writeWorkbook("pulito.xlsx", baseSpec());
    const { code, out } = await run(["validate", "--json", file]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ errors: 0, warnings: 0, problems: [] });
  });
});

describe("validate (human output)", () => {
  it("groups by sheet in workbook order, errors before warnings, and ends with the totals", async () => {
    const file = await writeWorkbook("misto-testo.xlsx", mixedSpec());
    const json = JSON.parse((await run(["validate", file, "--json"])).out);
    const { code, out } = await run(["validate", file]);
    expect(code).toBe(1);
    const lines = out.trimEnd().split("\n");
    expect(lines[lines.length - 1]).toBe("Totale: 3 errori, 3 avvisi");

    const heading = (sheet: string) => lines.findIndex((l) => l.startsWith(`Foglio ${sheet}`));
    expect(lines[heading("Obiettivi")]).toBe("Foglio Obiettivi: 0 errori, 1 avviso");
    expect(lines[heading("Fasi")]).toBe("Foglio Fasi: 1 errore, 1 avviso");
    expect(lines[heading("Indicatori")]).toBe("Foglio Indicatori: 2 errori, 1 avviso");
    expect(heading("Obiettivi")).toBeLessThan(heading("Fasi"));
    expect(heading("Fasi")).toBeLessThan(heading("Indicatori"));

    // Each problem is one line with its cell, rule and message, under its sheet, errors first.
    const lineOf = (p: { cell: string; rule: string; message: string }) =>
      lines.findIndex((l) => l.includes(p.cell) && l.includes(p.rule) && l.includes(p.message));
    const positions = json.problems.map(lineOf);
    expect(positions.every((i: number) => i >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const indicatori = heading("Indicatori");
    const errorsAt = lines.indexOf("  Errori", indicatori);
    const warningsAt = lines.indexOf("  Avvisi", indicatori);
    expect(errorsAt).toBeGreaterThan(indicatori);
    expect(warningsAt).toBeGreaterThan(errorsAt);
    expect(positions[3]).toBeGreaterThan(errorsAt);
    expect(positions[4]).toBeLessThan(warningsAt);
    expect(positions[5]).toBeGreaterThan(warningsAt);
  });

  it("says so when there is nothing to fix", async () => {
    const file = await writeWorkbook("pulito-testo.xlsx", baseSpec());
    const { code, out } = await run(["validate", file]);
    expect(code).toBe(0);
    expect(out).toBe("Nessun problema: la cartella è pronta.\nTotale: 0 errori, 0 avvisi\n");
  });
});

describe("validate on the sample workbook (scheda-peg sample)", () => {
  it("0 errors; the warnings: six objectives without indicators, DUP_06's label spelt two ways", async () => {
    const file = join(dir, "esempio.xlsx");
    expect((await run(["sample", "-o", file])).code).toBe(0);
    const { code, out } = await run(["validate", file, "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.errors).toBe(0);
    expect(
      report.problems.map((p: { rule: string; objective: string }) => `${p.rule} ${p.objective}`),
    ).toEqual([
      "NO_INDICATORS 2023_S08_13",
      "NO_INDICATORS 2023_S08_30",
      "NO_INDICATORS 2023_S08_33",
      "NO_INDICATORS 2023_S08_05",
      "NO_INDICATORS 2023_S08_35",
      "LABEL_NEAR_DUPLICATE 2023_S08_32",
      "LABEL_NEAR_DUPLICATE 2023_S08_25",
      "NO_INDICATORS 2023_S08_01",
    ]);
  });
});

describe("unreadable files and usage: exit 2, one Italian line on stderr", () => {
  const oneLine = (err: string) => {
    expect(err.endsWith("\n")).toBe(true);
    expect(err.trimEnd().split("\n")).toHaveLength(1);
    expect(err).not.toMatch(/\bat .*\(.*:\d+:\d+\)|Error:/); // no stack trace
  };

  it("missing file", async () => {
    const file = join(dir, "non-esiste.xlsx");
    const { code, out, err } = await run(["validate", file, "--json"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    oneLine(err);
    expect(err).toContain(file);
    expect(err).toContain("non esiste");
  });

  it("corrupt file", async () => {
    const file = join(dir, "rotto.xlsx");
    writeFileSync(file, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(400, 9)]));
    const { code, out, err } = await run(["validate", file]);
    expect(code).toBe(2);
    expect(out).toBe("");
    oneLine(err);
    expect(err).toContain(file);
  });

  it("password-protected file (an OLE compound container, as Excel writes encrypted .xlsx)", async () => {
    const file = join(dir, "protetto.xlsx");
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]),
    );
    const { code, err } = await run(["validate", file]);
    expect(code).toBe(2);
    oneLine(err);
    expect(err).toContain("password");
  });

  it("no file argument", async () => {
    const { code, err } = await run(["validate"]);
    expect(code).toBe(2);
    expect(err).not.toBe("");
  });
});
