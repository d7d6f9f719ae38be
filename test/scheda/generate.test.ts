// `scheda-peg generate` end to end on the 2023 sample: completeness of the Scheda, typed cells,
// formula-like text kept as text, filters, output file rules.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, isoOf, objectiveRanges, readScheda, sampleJson, tempDir, type Value } from "./helpers";

const dir = tempDir();
const sample = join(dir, "piano.xlsx");
const output = join(dir, "piano-scheda.xlsx");
const data = sampleJson();
const dup = (l: { codice: string; descrizione: string } | null) =>
  l ? `${l.codice} ${l.descrizione}` : null;
const hash = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

let inputHash = "";
let generated: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  expect((await cli(["sample", "-o", sample])).code).toBe(0);
  inputHash = hash(sample);
  generated = await cli(["generate", sample]);
});

describe("generate on the sample", () => {
  it("writes <name>-scheda.xlsx beside the input and leaves the input untouched", () => {
    expect(generated.code).toBe(0);
    expect(existsSync(output)).toBe(true);
    expect(hash(sample)).toBe(inputHash);
    expect(generated.stdout).toContain(output);
  });

  it("completeness: every field of every objective is in the Scheda, verbatim, on that objective's rows, typed", async () => {
    const { rows } = await readScheda(output);
    const ranges = objectiveRanges(
      rows,
      data.obiettivi.map((o) => o.codice),
    );
    expect([...ranges.keys()]).toEqual(data.obiettivi.map((o) => o.codice));
    const missing: string[] = [];
    for (const o of data.obiettivi) {
      const { first, last } = ranges.get(o.codice)!;
      const own = [...rows.entries()].filter(([r]) => r >= first && r <= last);
      const strings = new Set(own.flatMap(([, m]) => [...m.values()].filter((v) => typeof v === "string")));
      const colA = own.map(([, m]) => m.get(1)).filter((v): v is string => typeof v === "string");
      const has = (label: string, s: string | null) => {
        if (s === null || s === "") return;
        if (!strings.has(s)) missing.push(`${o.codice} ${label}: ${s.slice(0, 60)}`);
      };
      const hasParagraphs = (label: string, s: string | null) => {
        for (const p of (s ?? "").split("\n").filter((x) => x.trim() !== "")) {
          // A paragraph is one cell, or consecutive rows when it is longer than a row can hold.
          if (!strings.has(p) && !colA.join(" ").includes(p))
            missing.push(`${o.codice} ${label}: ${p.slice(0, 60)}`);
        }
      };
      has("Codice", o.codice);
      has("Titolo", o.titolo);
      has("Assessorato", o.assessorato);
      has("CdR", o.centro_responsabilita);
      has("Responsabile", o.responsabile);
      has("Valore Pubblico", o.valore_pubblico);
      has("Mandato", dup(o.obiettivo_mandato));
      has("Missione", dup(o.obiettivo_missione));
      has("Programma", dup(o.obiettivo_programma));
      hasParagraphs("Modalità", o.modalita_attuazione);
      hasParagraphs("Stato di Attuazione", o.stato_attuazione);
      has("Stato", o.stato);

      for (const f of o.fasi) {
        const hit = own.find(([, m]) => m.get(1) === f.titolo);
        if (!hit) {
          missing.push(`${o.codice} fase: ${f.titolo}`);
          continue;
        }
        const [r, m] = hit;
        const next = rows.get(r + 1) ?? new Map<number, Value>();
        expect({
          fase: f.titolo,
          v: [isoOf(m.get(2)), isoOf(m.get(3)), isoOf(next.get(2)), isoOf(next.get(3))],
        }).toEqual({
          fase: f.titolo,
          v: [f.inizio_previsto, f.fine_prevista, f.inizio_effettivo, f.fine_effettiva],
        });
        expect({ fase: f.titolo, v: [m.get(4) ?? null, m.get(5) ?? null] }).toEqual({
          fase: f.titolo,
          v: [f.peso, f.avanzamento],
        });
        expect({ fase: f.titolo, v: [m.get(6) ?? null, m.get(7) ?? null, m.get(8) ?? null] }).toEqual({
          fase: f.titolo,
          v: [f.responsabile, f.centro_responsabilita, f.note],
        });
      }
      for (const ind of o.indicatori) {
        const hit = own.find(([, m]) => m.get(1) === ind.descrizione);
        if (!hit) {
          missing.push(`${o.codice} indicatore: ${ind.descrizione}`);
          continue;
        }
        const m = hit[1];
        // Columns: Descrizione, Tipo, Atteso, Raggiunto, 2022, 2021, Note.
        expect({ ind: ind.descrizione, v: [2, 3, 4, 5, 6, 7].map((c) => m.get(c) ?? null) }).toEqual({
          ind: ind.descrizione,
          v: [ind.tipo, ind.valore_atteso, ind.valore_raggiunto, ind.valore_2022, ind.valore_2021, ind.note],
        });
      }
    }
    expect(missing).toEqual([]);
  });

  it("opening block names the selection and the Riepilogo and computed columns are written too", async () => {
    const { rows } = await readScheda(output);
    const first = [...rows.values()].slice(0, 12).flatMap((m) => [...m.values()]);
    expect(first).toEqual(
      expect.arrayContaining([
        "SCHEDA OBIETTIVI",
        "Parametri selezionati:",
        "Centro di Responsabilità",
        "Tutti",
      ]),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    expect(wb.getWorksheet("Riepilogo")).toBeDefined();
    const headers = (wb.getWorksheet("Obiettivi")!.getRow(1).values as unknown[]).filter(Boolean);
    expect(headers).toEqual(expect.arrayContaining(["Grado di Raggiungimento %", "Esito"]));
  });
});

describe("generate: text that looks like a formula stays text", () => {
  it("writes =, +, -, @ texts as string cells", async () => {
    const d = tempDir();
    const file = join(d, "formule.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    const ob = wb.getWorksheet("Obiettivi")!;
    const col = (ws: ExcelJS.Worksheet, h: string) =>
      (ws.getRow(1).values as unknown[]).findIndex((v) => typeof v === "string" && v === h);
    ob.getRow(2).getCell(col(ob, "Titolo")).value = "=SOMMA(1;2) titolo";
    ob.getRow(2).getCell(col(ob, "Stato")).value = "+39 stato";
    ob.getRow(2).getCell(col(ob, "Valore Pubblico")).value = "-1 valore";
    const fasi = wb.getWorksheet("Fasi")!;
    fasi.getRow(2).getCell(col(fasi, "Note")).value = "@nota della fase";
    await wb.xlsx.writeFile(file);

    const res = await cli(["generate", file]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const { ws } = await readScheda(join(d, "formule-scheda.xlsx"));
    const found: Record<string, ExcelJS.ValueType> = {};
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        const text = typeof v === "string" ? v : ((v as { formula?: string } | null)?.formula ?? "");
        for (const t of ["=SOMMA(1;2) titolo", "+39 stato", "-1 valore", "@nota della fase"]) {
          if (text.includes(t.replace(/^=/, "")) && !(t in found)) found[t] = cell.type;
        }
      }),
    );
    expect(found).toEqual({
      "=SOMMA(1;2) titolo": ExcelJS.ValueType.String,
      "+39 stato": ExcelJS.ValueType.String,
      "-1 valore": ExcelJS.ValueType.String,
      "@nota della fase": ExcelJS.ValueType.String,
    });
  });
});

describe("generate: filters", () => {
  let twoCdr = "";
  beforeAll(async () => {
    // Move two objectives to another Centro di Responsabilità.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    const ob = wb.getWorksheet("Obiettivi")!;
    const cdrCol = (ob.getRow(1).values as unknown[]).findIndex((v) => v === "Centro di Responsabilità");
    ob.getRow(3).getCell(cdrCol).value = "SETTORE CULTURA";
    ob.getRow(5).getCell(cdrCol).value = "SETTORE CULTURA";
    twoCdr = join(tempDir(), "due-cdr.xlsx");
    await wb.xlsx.writeFile(twoCdr);
  });

  const codesIn = (rows: Map<number, Map<number, Value>>) =>
    [...rows.values()]
      .map((m) => m.get(6))
      .filter((v): v is string => typeof v === "string" && /^2023_S08_\d+$/.test(v));

  it("--cdr keeps that CdR's objectives and the opening block says which", async () => {
    const res = await cli(["generate", twoCdr, "--cdr", "SETTORE CULTURA"]);
    expect(res.code).toBe(0);
    const { rows } = await readScheda(twoCdr.replace(/\.xlsx$/, "-scheda.xlsx"));
    expect(codesIn(rows)).toEqual([data.obiettivi[1].codice, data.obiettivi[3].codice]);
    const label = [...rows.values()].find((m) => m.get(1) === "Centro di Responsabilità");
    expect(label?.get(2)).toBe("SETTORE CULTURA");
  });

  it("--obiettivi keeps the listed codes (in sheet order); --cdr repeated accepts several", async () => {
    const out = join(tempDir(), "sel.xlsx");
    const codes = [data.obiettivi[5].codice, data.obiettivi[0].codice];
    const res = await cli(["generate", sample, "-o", out, "--obiettivi", codes.join(",")]);
    expect(res.code).toBe(0);
    expect(codesIn((await readScheda(out)).rows)).toEqual([codes[1], codes[0]]);

    const both = join(tempDir(), "both.xlsx");
    const res2 = await cli([
      "generate",
      twoCdr,
      "-o",
      both,
      "--cdr",
      "SETTORE CULTURA",
      "--cdr",
      "SETTORE SOCIOEDUCATIVO",
    ]);
    expect(res2.code).toBe(0);
    expect(codesIn((await readScheda(both)).rows)).toHaveLength(data.obiettivi.length);
  });

  it("an unknown CdR or code is exit 2 with a message listing the known ones", async () => {
    const bad = await cli(["generate", twoCdr, "--cdr", "SETTORE INESISTENTE"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("SETTORE INESISTENTE");
    expect(bad.stderr).toContain("SETTORE CULTURA");
    expect(bad.stderr).toContain("SETTORE SOCIOEDUCATIVO");
    const badCode = await cli(["generate", sample, "--obiettivi", "2023_S08_20,XX_99"]);
    expect(badCode.code).toBe(2);
    expect(badCode.stderr).toContain("XX_99");
    for (const o of data.obiettivi) expect(badCode.stderr).toContain(o.codice);
  });
});

describe("generate: files", () => {
  it("-o naming the input replaces it (atomically) with the generated workbook", async () => {
    const d = tempDir();
    const file = join(d, "stesso.xlsx");
    writeFileSync(file, readFileSync(sample));
    const res = await cli(["generate", file, "-o", file]);
    expect(res.code).toBe(0);
    const { rows } = await readScheda(file);
    expect(rows.size).toBeGreaterThan(100);
  });

  it("writes a workbook with charts keeping the chart part; --force changes nothing", async () => {
    const zip = await JSZip.loadAsync(readFileSync(sample));
    const chart =
      '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>';
    zip.file("xl/charts/chart1.xml", chart);
    const d = tempDir();
    const file = join(d, "grafico.xlsx");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const plain = await cli(["generate", file]);
    expect(plain.code).toBe(0);
    const out = join(d, "grafico-scheda.xlsx");
    const kept = await JSZip.loadAsync(readFileSync(out));
    expect(await kept.file("xl/charts/chart1.xml")?.async("string")).toBe(chart);
    const first = readFileSync(out);
    const forced = await cli(["generate", file, "--force", "-o", join(d, "forzato.xlsx")]);
    expect(forced.code).toBe(0);
    const a = await JSZip.loadAsync(first);
    const b = await JSZip.loadAsync(readFileSync(join(d, "forzato.xlsx")));
    expect(Object.keys(b.files).sort()).toEqual(Object.keys(a.files).sort());
  });

  it("--pdf without LibreOffice says so in Italian, and where the workbook was written", async () => {
    const d = tempDir();
    const out = join(d, "senza-lo.xlsx");
    const res = await cli(["generate", sample, "-o", out, "--pdf"], { SCHEDA_PEG_SOFFICE: "" });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("LibreOffice");
    expect(res.stderr).toContain(out);
    expect(existsSync(out)).toBe(true);
  });
});
