// Generating the Scheda of a workbook with a Monitoraggi archive (SPEC §7): the service reads the archive
// and lays its earlier snapshot out; the workbook written by `generate`, each of `generate --per-cdr`
// and their PDFs (laid out again for LibreOffice) show it; a host that does not hand the archive over
// gives the Scheda without it.
import { execFileSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SchedaService } from "../../src/app/service";
import type { Host } from "../../src/app/host";
import type { SheetDescription } from "../../src/domain/model/sheet";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { findExecutable, itWithTool, sofficePath } from "../helpers/tools";
import { baseSpec, toTemplate } from "../validate/fixture";
import { archivedWorkbook } from "./cycleWorkbook";
import { cli, readScheda, tempDir, type Value } from "./helpers";
import { rowsWith } from "./sheetQuery";

const pdftotext = findExecutable(["pdftotext"]);
const itPdf = itWithTool("LibreOffice e pdftotext", sofficePath && pdftotext);

/**
 * O1 and O2 (two CdRs), closed at 31/12 with every phase done and indicators 12 of 10; monitored at
 * 30/06 with every phase at 40 and indicators at 5 of 10: then F = 40, r = 50, G = (40 + 50) / 2 = 45.
 */
async function cycleBytes(): Promise<Uint8Array> {
  const closed = baseSpec();
  closed.obiettivi[1].centroResponsabilita = "SETTORE TECNICO";
  const monitored = structuredClone(closed);
  monitored.parametri.dataRiferimento = "2023-06-30";
  for (const f of monitored.fasi) f.avanzamento = 40;
  for (const i of monitored.indicatori) i.valoreRaggiunto = 5;
  return archivedWorkbook(toTemplate(monitored), toTemplate(closed));
}

const numberAt = (sheet: SheetDescription, row: number, col: number) =>
  sheet.cells.find((c) => c.row === row && c.col === col)?.content;

describe("generate with the archive", () => {
  it("the service reads the archive and the Scheda shows the 30/06 snapshot beside the 31/12 values", async () => {
    const host = await XlsxHost.fromBuffer(await cycleBytes());
    const result = await new SchedaService(host).generate();
    expect(result.earlier?.date).toBe("2023-06-30");
    const sheet = result.scheda as SheetDescription;
    expect(sheet.columnWidths).toHaveLength(9);
    const phase = rowsWith(sheet, "Prima fase di O1")[0];
    expect(numberAt(sheet, phase, 5)).toEqual({ kind: "number", value: 100 });
    expect(numberAt(sheet, phase, 6)).toEqual({ kind: "number", value: 40 });
    const ind = rowsWith(sheet, "Indicatore di O2")[0];
    expect(numberAt(sheet, ind, 4)).toEqual({ kind: "number", value: 12 });
    expect(numberAt(sheet, ind, 5)).toEqual({ kind: "number", value: 5 });
    for (const r of rowsWith(sheet, "Grado al 30/06"))
      expect(numberAt(sheet, r, 2)).toEqual({ kind: "number", value: 45 });
    expect(rowsWith(sheet, "Grado al 30/06")).toHaveLength(2);
  });

  it("a host that does not hand the archive over gives the Scheda without it", async () => {
    const host = await XlsxHost.fromBuffer(await cycleBytes());
    const blind: Host = Object.create(host);
    blind.readWorkbook = async (options) => {
      const wb = await host.readWorkbook(options);
      delete wb.monitoraggi;
      return wb;
    };
    const result = await new SchedaService(blind).generate();
    expect(result.earlier ?? null).toBeNull();
    const sheet = result.scheda as SheetDescription;
    expect(sheet.columnWidths).toHaveLength(8);
    expect(rowsWith(sheet, "Grado al 30/06")).toEqual([]);
  });

  it("the workbooks of generate and generate --per-cdr hold the snapshot in their Scheda", async () => {
    const dir = tempDir();
    const input = join(dir, "piano.xlsx");
    writeFileSync(input, await cycleBytes());
    expect((await cli(["generate", input])).code).toBe(0);
    const r = await cli(["generate", input, "--per-cdr"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const outputs = readdirSync(dir).filter((f) => f.startsWith("piano-scheda"));
    expect(outputs.sort()).toEqual([
      "piano-scheda-SETTORE-SOCIOEDUCATIVO.xlsx",
      "piano-scheda-SETTORE-TECNICO.xlsx",
      "piano-scheda.xlsx",
    ]);
    for (const f of outputs) {
      const { rows } = await readScheda(join(dir, f));
      const cells = [...rows.values()].flatMap((m) => [...m.values()]);
      const labels = cells.filter((v): v is string => typeof v === "string" && / al 30\/06$/.test(v));
      expect(new Set(labels)).toEqual(new Set(["Avanz. al 30/06", "Valore al 30/06", "Grado al 30/06"]));
      // The Grado al 30/06 line holds 45 in each objective's SINTESI.
      const grado = [...rows.values()].filter((m) => m.get(1) === "Grado al 30/06").map((m) => m.get(2));
      expect(grado.length).toBe(f === "piano-scheda.xlsx" ? 2 : 1);
      expect(grado.every((v: Value | undefined) => v === 45)).toBe(true);
    }
  });

  itPdf(
    "the PDFs of generate --per-cdr --pdf (laid out for LibreOffice) show the snapshot too",
    async () => {
      const dir = tempDir();
      const input = join(dir, "piano.xlsx");
      writeFileSync(input, await cycleBytes());
      const r = await cli(["generate", input, "--per-cdr", "--pdf"]);
      expect(r.code).toBe(0);
      const pdfs = readdirSync(dir).filter((f) => f.endsWith(".pdf"));
      expect(pdfs).toHaveLength(2);
      for (const pdf of pdfs) {
        const text = execFileSync(pdftotext!, ["-layout", join(dir, pdf), "-"], { encoding: "utf8" });
        // Labels may wrap inside their header cell: look for their words.
        expect(text).toMatch(/Avanz\.\s+al/);
        expect(text).toMatch(/Valore\s+al/);
        expect(text).toMatch(/Grado al 30\/06\s+45,00/);
        expect(text.match(/\b40,00\b/g)?.length).toBe(2); // the two phases' Avanz. al 30/06
      }
    },
    180_000,
  );
});
