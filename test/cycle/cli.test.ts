// The year's cycle on the command line (docs/reference/cli.md): `archivia`, `generate --per-cdr`, and
// `rollup --json` with a validated grade. In-process, on small workbooks written by the file host.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cdrSlug, cdrSlugs } from "../../src/cli/perCdr";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { findExecutable, itWithTool, sofficePath } from "../helpers/tools";
import { editCells } from "../helpers/xlsxFiles";
import { readXlsxCells } from "../rollup/oracle";
import { cli, tempDir } from "../scheda/helpers";
import { baseSpec, toTemplate, type WorkbookSpec } from "../validate/fixture";

const pdftotext = findExecutable(["pdftotext"]);
const itPdf = itWithTool("LibreOffice e pdftotext", sofficePath && pdftotext);

/** Three CdRs, one objective each (O1, O2 in the base plan; O3 copies O2's phases and indicator). */
function threeCdr(): WorkbookSpec {
  const s = baseSpec();
  s.obiettivi[1].centroResponsabilita = "Servizi alla Città / Cultura";
  s.obiettivi.push({ codice: "O3", centroResponsabilita: "SETTORE TECNICO" });
  const forO3 = (t: string | undefined) => t?.replace("O2", "O3");
  s.fasi.push(
    ...s.fasi
      .filter((f) => f.obiettivo === "O2")
      .map((f) => ({ ...f, obiettivo: "O3", titolo: forO3(f.titolo) })),
  );
  s.indicatori.push({ ...s.indicatori[1], obiettivo: "O3", descrizione: forO3(s.indicatori[1].descrizione) });
  return s;
}

async function write(dir: string, name: string, spec: WorkbookSpec): Promise<string> {
  const host = await XlsxHost.createEmpty();
  await host.prepareSheets(toTemplate(spec), { fillRows: true });
  const path = join(dir, name);
  writeFileSync(path, await host.toBuffer());
  return path;
}

/** Codici shown as a whole cell of the Scheda sheet. */
async function schedaCodes(file: string, codes: string[]): Promise<string[]> {
  const scheda = (await readXlsxCells(readFileSync(file))).get("Scheda")!;
  const seen = new Set([...scheda.values()].map((c) => c.value));
  return codes.filter((c) => seen.has(c));
}

describe("scheda-peg archivia", () => {
  const dir = tempDir();

  it("archives beside the input (<name>-scheda.xlsx), then again in place with -o, replacing the date", async () => {
    const input = await write(dir, "piano.xlsx", baseSpec());
    const first = await cli(["archivia", input]);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    const out = join(dir, "piano-scheda.xlsx");
    expect(first.stdout).toBe(
      `Scritto ${out}: monitoraggio al 31/12/2023 archiviato nel foglio Monitoraggi (2 obiettivi, 4 fasi, 2 indicatori).\n` +
        "Date archiviate: 31/12/2023.\n",
    );
    const again = await cli(["archivia", out, "-o", out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("al posto di quello già archiviato alla stessa data");
    const sheet = (await readXlsxCells(readFileSync(out))).get("Monitoraggi")!;
    expect(sheet.get("B2")?.value).toBe("Obiettivo");
    expect(sheet.has("A9")).toBe(true); // header + 2 objectives + 4 phases + 2 indicators
    expect(sheet.has("A10")).toBe(false);
  });

  it("blocking problems: exit 2, nothing written, the problems on stderr", async () => {
    const input = await write(dir, "bloccato.xlsx", baseSpec());
    // the Codice header renamed: COLUMN_MISSING
    writeFileSync(
      input,
      await editCells(readFileSync(input), [{ sheet: "Obiettivi", row: 1, col: 1, value: "Cod." }]),
    );
    const r = await cli(["archivia", input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Monitoraggio non archiviato: .*\n.*COLUMN_MISSING/);
    expect(existsSync(join(dir, "bloccato-scheda.xlsx"))).toBe(false);
  });
});

describe("scheda-peg generate --per-cdr", () => {
  it("file names: the CdR reduced to letters, digits and -, distinct even where case does not count", () => {
    expect(cdrSlug("SETTORE SOCIOEDUCATIVO")).toBe("SETTORE-SOCIOEDUCATIVO");
    expect(cdrSlug("Servizi alla Città / Cultura")).toBe("Servizi-alla-Citta-Cultura");
    expect(cdrSlug("  -- ")).toBe("non-indicato");
    expect(cdrSlugs(["Settore 1", "SETTORE-1", "settore 1!"])).toEqual([
      "Settore-1",
      "SETTORE-1-2",
      "settore-1-3",
    ]);
  });

  it("writes one workbook per CdR, each Scheda with that CdR's objectives only", async () => {
    const dir = tempDir();
    const input = await write(dir, "piano.xlsx", threeCdr());
    const r = await cli(["generate", input, "--per-cdr"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const files = {
      O1: join(dir, "piano-scheda-SETTORE-SOCIOEDUCATIVO.xlsx"),
      O2: join(dir, "piano-scheda-Servizi-alla-Citta-Cultura.xlsx"),
      O3: join(dir, "piano-scheda-SETTORE-TECNICO.xlsx"),
    };
    expect(readdirSync(dir).sort()).toEqual(
      ["piano.xlsx", ...Object.values(files).map((f) => f.slice(dir.length + 1))].sort(),
    );
    for (const [code, file] of Object.entries(files)) {
      expect(await schedaCodes(file, ["O1", "O2", "O3"])).toEqual([code]);
    }
    expect(r.stdout).toContain("Generate 3 Schede, una per Centro di Responsabilità.");
  });

  it("is used alone: with --cdr, --obiettivi or -o it stops (exit 2) and writes nothing", async () => {
    const dir = tempDir();
    const input = await write(dir, "piano.xlsx", threeCdr());
    for (const extra of [
      ["--cdr", "SETTORE TECNICO"],
      ["--obiettivi", "O1"],
      ["-o", join(dir, "x.xlsx")],
    ]) {
      const r = await cli(["generate", input, "--per-cdr", ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--per-cdr .* non si usa con --cdr/);
    }
    expect(readdirSync(dir)).toEqual(["piano.xlsx"]);
  });

  it("--pdf without LibreOffice: every workbook is written, the missing PDFs said once, exit 2", async () => {
    const dir = tempDir();
    const input = await write(dir, "piano.xlsx", threeCdr());
    const r = await cli(["generate", input, "--per-cdr", "--pdf"], { SCHEDA_PEG_SOFFICE: "" });
    expect(r.code).toBe(2);
    expect(readdirSync(dir).filter((f) => f.endsWith(".xlsx"))).toHaveLength(4);
    expect(r.stderr.match(/PDF non creati/g)).toHaveLength(1);
  });

  itPdf(
    "--pdf prints each CdR's Scheda to <name>-scheda-<cdr>.pdf, with that CdR's objectives only",
    async () => {
      const dir = tempDir();
      const input = await write(dir, "piano.xlsx", threeCdr());
      const r = await cli(["generate", input, "--per-cdr", "--pdf"]);
      expect(r.code).toBe(0);
      const pdfs = readdirSync(dir)
        .filter((f) => f.endsWith(".pdf"))
        .sort();
      expect(pdfs).toEqual([
        "piano-scheda-SETTORE-SOCIOEDUCATIVO.pdf",
        "piano-scheda-SETTORE-TECNICO.pdf",
        "piano-scheda-Servizi-alla-Citta-Cultura.pdf",
      ]);
      const text = (f: string) =>
        execFileSync(pdftotext!, ["-layout", join(dir, f), "-"], { encoding: "utf8" });
      const tecnico = text("piano-scheda-SETTORE-TECNICO.pdf");
      expect(tecnico).toContain("O3");
      expect(tecnico).toContain("SETTORE TECNICO");
      expect(tecnico).not.toMatch(/\bO1\b|\bO2\b/);
    },
    180_000,
  );
});

describe("scheda-peg rollup --json with a grade validated by the Nucleo", () => {
  it("gives gradoValidato and gradoFinale; Esito follows Grado Finale", async () => {
    const dir = tempDir();
    const spec = baseSpec();
    // O2: every phase done, indicator 12/10 → G = 100; the Nucleo validates 60 (Non raggiunto)
    Object.assign(spec.obiettivi[1], { gradoValidato: 60, motivazioneValidazione: "Verbale n. 4" });
    const input = await write(dir, "piano.xlsx", spec);
    const r = await cli(["rollup", input, "--json"]);
    expect(r.code).toBe(0);
    const [o1, o2] = JSON.parse(r.stdout).obiettivi;
    expect(o1).toMatchObject({ grado: 100, gradoValidato: null, gradoFinale: 100, esito: "Raggiunto" });
    expect(o2).toMatchObject({ grado: 100, gradoValidato: 60, gradoFinale: 60, esito: "Non raggiunto" });
  });
});
