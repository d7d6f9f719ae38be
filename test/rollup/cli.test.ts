// `scheda-peg rollup` in-process: --json shape (docs/reference/cli.md), input cells untouched, same file twice,
// blocking problems stop it with exit 2.
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { buildSample } from "../../src/domain/template/template";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { readXlsxCells } from "./oracle";
import { loadSampleJson } from "../helpers/sample";

const dir = mkdtempSync(join(tmpdir(), "scheda-rollup-cli-"));
const sampleJson = loadSampleJson();

async function writeSample(path: string): Promise<void> {
  const host = await XlsxHost.createEmpty();
  await host.prepareSheets(buildSample(sampleJson), { fillRows: true });
  writeFileSync(path, await host.toBuffer());
}

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const COMPUTED = new Set([
  "Avanzamento Fasi %",
  "Raggiungimento Indicatori %",
  "Grado di Raggiungimento %",
  "Grado Finale %",
  "Esito",
  "Tempistica",
  "Scostamento (giorni)",
  "Raggiungimento %",
  "Peso x Grado (calcolo)",
  "Peso x Avanzamento (calcolo)",
  "Peso x Raggiungimento (calcolo)",
  // match keys of codes and group labels (helper columns the formulas compare)
  "Chiave Codice (calcolo)",
  "Chiave CdR (calcolo)",
  "Chiave Assessorato (calcolo)",
  "Chiave Mandato (calcolo)",
  "Chiave Missione (calcolo)",
  "Chiave Programma (calcolo)",
  "Chiave Valore Pubblico (calcolo)",
  "Chiave Obiettivo (calcolo)",
]);

describe("scheda-peg rollup", () => {
  const input = join(dir, "piano.xlsx");
  const out = join(dir, "piano-calcolato.xlsx");
  beforeAll(async () => {
    await writeSample(input);
  });

  it("--json prints the docs/reference/cli.md object for the sample and writes the file", async () => {
    const r = await run(["rollup", input, "-o", out, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["obiettivi", "fasi", "indicatori", "riepilogo"]);
    expect(json.obiettivi).toHaveLength(33);
    expect(json.fasi).toHaveLength(80);
    expect(json.indicatori).toHaveLength(48);
    expect(Object.keys(json.obiettivi[0])).toEqual([
      "codice",
      "riga",
      "avanzamentoFasi",
      "raggiungimentoIndicatori",
      "grado",
      "gradoValidato",
      "gradoFinale",
      "esito",
    ]);
    expect(json.obiettivi[0]).toMatchObject({ codice: "2023_S08_20", riga: 2 });
    expect(Object.keys(json.fasi[0])).toEqual(["obiettivo", "riga", "tempistica", "scostamentoGiorni"]);
    expect(Object.keys(json.indicatori[0])).toEqual(["obiettivo", "riga", "raggiungimento"]);
    expect(Object.keys(json.riepilogo)).toEqual([
      "centroResponsabilita",
      "assessorato",
      "obiettivoMandato",
      "obiettivoMissione",
      "obiettivoProgramma",
      "valorePubblico",
    ]);
    // every objective of the sample belongs to the one CdR of the report
    expect(json.riepilogo.centroResponsabilita).toHaveLength(1);
    expect(json.riepilogo.centroResponsabilita[0]).toMatchObject({
      gruppo: "SETTORE SOCIOEDUCATIVO",
      obiettivi: 33,
    });
    // Values worked out from the reference data: every weighted phase is at 100 (the 3 phases with empty
    // Avanzamento are sub-items without Peso, ignored by F) and every indicator is met
    // except 2023_S08_12's second one (atteso 87, raggiunto 84,42, Crescente) → r = 84.42/87·100.
    const r12 = (84.42 / 87) * 100;
    const R12 = (100 + r12) / 2;
    const G12 = (50 * 100 + 50 * R12) / 100;
    for (const o of json.obiettivi) {
      expect(o.avanzamentoFasi).toBe(100);
      expect(o.esito).toBe("Raggiunto");
      if (o.codice === "2023_S08_12") {
        expect(o.raggiungimentoIndicatori).toBeCloseTo(R12, 12);
        expect(o.grado).toBeCloseTo(G12, 12);
      } else {
        expect(o.grado).toBe(100);
      }
      // nothing validated by the Nucleo in the sample: Grado Finale is G
      expect(o.gradoValidato).toBeNull();
      expect(o.gradoFinale).toBe(o.grado);
    }
    // objectives without indicators have R null (not evaluable), G = F
    expect(
      json.obiettivi.filter(
        (o: { raggiungimentoIndicatori: unknown }) => o.raggiungimentoIndicatori === null,
      ),
    ).toHaveLength(6);
    expect(json.riepilogo.centroResponsabilita[0].gradoMedio).toBeCloseTo((32 * 100 + G12) / 33, 12);
    // assessorati of the reference data: 16 + 11 + 5 + 1
    expect(json.riepilogo.assessorato.map((g: { obiettivi: number }) => g.obiettivi)).toEqual([11, 16, 5, 1]);
  });

  it("leaves every input cell as it was (value, formula, number format)", async () => {
    const before = await readXlsxCells(readFileSync(input));
    const after = await readXlsxCells(readFileSync(out));
    const fmt = async (path: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      return wb;
    };
    const wbBefore = await fmt(input);
    const wbAfter = await fmt(out);
    let checked = 0;
    for (const sheet of ["Parametri", "Obiettivi", "Fasi", "Indicatori"]) {
      const a = before.get(sheet)!;
      const b = after.get(sheet)!;
      for (const [ref, cell] of a) {
        expect({ ref, value: b.get(ref)?.value, formula: b.get(ref)?.formula }).toEqual({
          ref,
          value: cell.value,
          formula: cell.formula,
        });
        expect(wbAfter.getWorksheet(sheet)!.getCell(ref).numFmt).toBe(
          wbBefore.getWorksheet(sheet)!.getCell(ref).numFmt,
        );
        checked++;
      }
      // new cells are only in the computed columns
      const header = new Map<string, string>();
      for (const [ref, cell] of b)
        if (/^[A-Z]+1$/.test(ref)) header.set(ref.replace(/\d+$/, ""), String(cell.value));
      for (const ref of b.keys()) {
        if (a.has(ref)) continue;
        const col = ref.replace(/\d+$/, "");
        expect(COMPUTED.has(header.get(col) ?? "")).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("running rollup again on its own output gives the same cells", async () => {
    const again = join(dir, "piano-di-nuovo.xlsx");
    const r = await run(["rollup", out, "-o", again]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("33 obiettivi");
    const a = await readXlsxCells(readFileSync(out));
    const b = await readXlsxCells(readFileSync(again));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [sheet, cells] of a) {
      const other = b.get(sheet)!;
      expect(other.size).toBe(cells.size);
      for (const [ref, cell] of cells)
        expect({ sheet, ref, ...other.get(ref) }).toEqual({ sheet, ref, ...cell });
    }
  });

  it("stops with exit 2 and the blocking problems when a sheet is missing", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Obiettivi");
    ws.addRow(["Codice", "Titolo", "Centro di Responsabilità", "Responsabile"]);
    ws.addRow(["A", "t", "c", "r"]);
    const broken = join(dir, "rotto.xlsx");
    await wb.xlsx.writeFile(broken);
    const r = await run(["rollup", broken, "-o", join(dir, "mai.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("SHEET_MISSING");
    expect(r.stdout).toBe("");
  });
});
