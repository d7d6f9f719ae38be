// `scheda-peg template` and `scheda-peg sample`: files on disk, opened by LibreOffice and read back.
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { readPlan } from "../../src/domain/reading/reader";
import {
  FASI_COLUMNS,
  INDICATORI_COLUMNS,
  OBIETTIVI_COLUMNS,
  PARAMETRI,
} from "../../src/domain/model/schema";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { cleanup, convertWithLibreOffice } from "../helpers/libreoffice";
import { itWithTool, sofficePath } from "../helpers/tools";
import { expectedPlanFromJson } from "../helpers/referencePlan";
import { loadSampleJson } from "../helpers/sample";
import { exceljsOf, partText } from "../helpers/xlsxFiles";

const json = loadSampleJson();
const dir = mkdtempSync(join(tmpdir(), "scheda-template-"));
const itLo = itWithTool("LibreOffice (soffice)", sofficePath);

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, out: out.join(""), err: err.join("") };
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Every sheet as LibreOffice shows it (cell text as displayed, so number formats count). */
async function sheetsViaLibreOffice(file: string): Promise<Record<string, string[][]>> {
  // No shell in between: the filter name goes without quotes.
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
  const { outDir, files } = await convertWithLibreOffice(file, filter);
  try {
    const base =
      file
        .split("/")
        .pop()
        ?.replace(/\.xlsx$/, "") ?? "";
    const out: Record<string, string[][]> = {};
    for (const f of files) {
      const sheet =
        f
          .split("/")
          .pop()
          ?.slice(base.length + 1, -4) ?? "";
      out[sheet] = parseCsv(readFileSync(f, "utf8"));
    }
    return out;
  } finally {
    cleanup(outDir.replace(/\/out$/, ""));
  }
}

const itDmy = (iso: string | null) => (iso ? iso.split("-").reverse().join("/") : "");

describe("scheda-peg template", () => {
  const file = join(dir, "modello.xlsx");

  beforeAll(async () => {
    expect((await run(["template", "-o", file])).code).toBe(0);
  });

  it("writes the file, then refuses to overwrite it without --force", async () => {
    const file = join(dir, "modello-2.xlsx");
    const first = await run(["template", "-o", file]);
    expect(first).toMatchObject({ code: 0, err: "" });
    expect(first.out).toContain(file);
    const size = statSync(file).size;
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from("x")]));
    const again = await run(["template", "-o", file]);
    expect(again.code).toBe(2);
    expect(again.err.trim().split("\n")).toHaveLength(1);
    expect(again.err).toContain("esiste già");
    expect(statSync(file).size).toBe(size + 1);
    const forced = await run(["template", "-o", file, "--force"]);
    expect(forced.code).toBe(0);
    expect(statSync(file).size).toBe(size);
  });

  it("holds the four input sheets with their tables, headers, validations and Parametri defaults", async () => {
    const host = await XlsxHost.fromBuffer(readFileSync(file));
    const raw = await host.readWorkbook();
    expect(raw.sheets.map((s) => [s.name, s.tables.map((t) => t.name)])).toEqual([
      ["Parametri", ["tblParametri"]],
      ["Obiettivi", ["tblObiettivi"]],
      ["Fasi", ["tblFasi"]],
      ["Indicatori", ["tblIndicatori"]],
    ]);
    expect(await host.isEmptyWorkbook()).toBe(true);
    // The rules as the file holds them: <dataValidation type sqref><formula1>…</formula1>.
    const rules = async (sheetFile: string) => {
      const xml = (await partText(readFileSync(file), sheetFile)) ?? "";
      return [
        ...xml.matchAll(
          /<dataValidation [^>]*?type="(\w+)"[^>]*?sqref="([^"]+)"[^>]*>(.*?)<\/dataValidation>/g,
        ),
      ].map((m) => [m[2], m[1], m[3].replace(/&quot;/g, '"')]);
    };
    const ind = await rules("xl/worksheets/sheet4.xml");
    expect(ind).toContainEqual(["D2:D1000", "list", '<formula1>"Crescente,Decrescente"</formula1>']);
    expect(ind.find((r) => r[0] === "C2:C1000")?.[2]).toContain("EFFICACIA");
    expect(ind).toContainEqual(["I2:I1000", "decimal", "<formula1>0</formula1><formula2>100</formula2>"]);
    const fasiRules = await rules("xl/worksheets/sheet3.xml");
    expect(fasiRules).toContainEqual([
      "G2:G1000",
      "decimal",
      "<formula1>0</formula1><formula2>100</formula2>",
    ]);
    expect(fasiRules).toContainEqual([
      "H2:H1000",
      "decimal",
      "<formula1>0</formula1><formula2>100</formula2>",
    ]);
    expect(fasiRules.filter((r) => r[1] === "date").map((r) => r[0])).toEqual([
      "C2:C1000",
      "D2:D1000",
      "E2:E1000",
      "F2:F1000",
    ]);
    const fasi = (await exceljsOf(await host.toBuffer())).getWorksheet("Fasi");
    expect(fasi?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  itLo("opens in LibreOffice with the documented headers and the Parametri defaults", async () => {
    const sheets = await sheetsViaLibreOffice(file);
    const year = new Date().getFullYear();
    expect(Object.keys(sheets).sort()).toEqual(["Fasi", "Indicatori", "Obiettivi", "Parametri"]);
    expect(sheets.Obiettivi[0]).toEqual(OBIETTIVI_COLUMNS.map((c) => c.header));
    expect(sheets.Fasi[0]).toEqual(FASI_COLUMNS.map((c) => c.header));
    const indicatori = INDICATORI_COLUMNS.map((c) => c.header);
    indicatori.splice(6, 0, `Valore Raggiunto ${year - 1}`, `Valore Raggiunto ${year - 2}`);
    expect(sheets.Indicatori[0]).toEqual(indicatori);
    expect(sheets.Parametri).toEqual([
      ["Parametro", "Valore"],
      ...PARAMETRI.map((p) => [p.label, p.defaultText]),
    ]);
  });
});

describe("scheda-peg sample", () => {
  const file = join(dir, "esempio.xlsx");

  beforeAll(async () => {
    expect((await run(["sample", "-o", file])).code).toBe(0);
  });

  it("defaults to scheda-peg-esempio-2023.xlsx / scheda-peg-modello.xlsx in the current folder", async () => {
    const cwd = process.cwd();
    const here = mkdtempSync(join(dir, "cwd-"));
    try {
      process.chdir(here);
      expect((await run(["sample"])).code).toBe(0);
      expect((await run(["template"])).code).toBe(0);
      expect((await run(["sample"])).code).toBe(2);
    } finally {
      process.chdir(cwd);
    }
    expect(readdirSync(here).sort()).toEqual(["scheda-peg-esempio-2023.xlsx", "scheda-peg-modello.xlsx"]);
  });

  itLo(
    "opens in LibreOffice with the plan's rows, dates as dd/mm/yyyy and weights with two decimals",
    async () => {
      const sheets = await sheetsViaLibreOffice(file);
      const fasi = json.obiettivi.flatMap((o) => o.fasi.map((f) => ({ codice: o.codice, ...f })));
      const indicatori = json.obiettivi.flatMap((o) => o.indicatori.map((i) => ({ codice: o.codice, ...i })));
      expect(sheets.Obiettivi.slice(1).map((r) => r[0])).toEqual(json.obiettivi.map((o) => o.codice));
      expect(sheets.Fasi).toHaveLength(1 + fasi.length);
      expect(sheets.Indicatori).toHaveLength(1 + indicatori.length);
      expect(sheets.Indicatori[0].slice(6, 8)).toEqual(["Valore Raggiunto 2022", "Valore Raggiunto 2021"]);
      fasi.forEach((f, i) => {
        const row = sheets.Fasi[i + 1];
        expect(row.slice(0, 8)).toEqual([
          f.codice,
          f.titolo,
          itDmy(f.inizio_previsto),
          itDmy(f.fine_prevista),
          itDmy(f.inizio_effettivo),
          itDmy(f.fine_effettiva),
          f.peso === null ? "" : f.peso.toFixed(2),
          f.avanzamento === null ? "" : f.avanzamento.toFixed(2),
        ]);
      });
      const first = json.obiettivi[0];
      const mandato = first.obiettivo_mandato as { codice: string; descrizione: string };
      expect(sheets.Obiettivi[1][6]).toBe(`${mandato.codice} ${mandato.descrizione}`);
      expect(sheets.Parametri.slice(1, 5)).toEqual([
        ["Ente", "Comune di Cinisello Balsamo"],
        ["Anno", "2023"],
        ["Vista", json.header.vista],
        ["Livello", json.header.livello],
      ]);
    },
  );

  it("reads back through readPlan as the JSON: 33 objectives, 80 phases, 48 indicators, no problem", async () => {
    expect(existsSync(file)).toBe(true);
    const host = await XlsxHost.fromBuffer(readFileSync(file));
    const result = readPlan(await host.readWorkbook(), { today: "2024-03-31" });
    expect(result.problems).toEqual([]);
    const { plan } = result;
    expect([plan.obiettivi.length, plan.fasi.length, plan.indicatori.length]).toEqual([33, 80, 48]);
    const expected = expectedPlanFromJson(json);
    expect(plan.obiettivi).toEqual(expected.obiettivi);
    expect(plan.fasi).toEqual(expected.fasi);
    expect(plan.indicatori).toEqual(expected.indicatori);
    expect(plan.parametri).toMatchObject({
      anno: 2023,
      vista: json.header.vista,
      livello: json.header.livello,
      dataRiferimento: "2023-12-31",
      pesoFasiNelGrado: 50,
      sogliaRaggiunto: 90,
      sogliaParzialmente: 70,
      formulaDecrescente: "T/A",
    });
    expect(plan.obiettivi.map((o) => o.row)).toEqual(json.obiettivi.map((_o, i) => i + 2));
  });
});
