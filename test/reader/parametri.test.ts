import type { RawSheet, RawValue } from "../../src/domain/model/raw";
import { readPlan } from "../../src/domain/reading/reader";
import { HEADERS, plainSheet, rowOf, smallWorkbook, tableSheet, workbook } from "../helpers/rawWorkbook";

const DEFAULT_TIPI = ["EFFICACIA", "EFFICIENZA", "QUANTITATIVO", "QUALITA", "ECONOMICITA", "TEMPORALE"];
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

function readWith(parametri: RawSheet | null, today = "2026-03-10") {
  const base = smallWorkbook();
  const sheets = parametri ? [parametri, ...base.sheets] : base.sheets;
  return readPlan(workbook(...sheets), { today });
}

const paramTable = (rows: RawValue[][], formats?: string[][]) =>
  tableSheet("Parametri", "tblParametri", ["Parametro", "Valore"], rows, { bodyFormats: formats });

describe("Parametri defaults", () => {
  it("uses the documented defaults without a Parametri sheet; Anno from Fine Prevista", () => {
    const r = readWith(null);
    expect(r.problems).toEqual([]);
    expect(r.plan.parametri).toEqual({
      ente: "",
      anno: 2024, // both phases end on 31/12/2024, today is 2026
      vista: "",
      livello: "PEG-PIAO-SEZ. 2.2 PERFORMANCE",
      dataRiferimento: "2024-12-31",
      pesoFasiNelGrado: 50,
      sogliaRaggiunto: 90,
      sogliaParzialmente: 70,
      formulaDecrescente: "T/A",
      tipiIndicatore: DEFAULT_TIPI,
    });
    expect(r.plan.layout.parametri).toBeNull();
  });

  function fasiEnding(ends: RawValue[]) {
    const base = smallWorkbook();
    const rows = ends.map((e, i) =>
      rowOf(HEADERS.fasi, { Obiettivo: "OB1", Fase: `F${i}`, "Fine Prevista": e }),
    );
    return workbook(base.sheets[0], tableSheet("Fasi", "tblFasi", HEADERS.fasi, rows), base.sheets[2]);
  }

  it("takes the most common year of Fine Prevista, the later one on a tie", () => {
    const most = readPlan(fasiEnding([d(2022, 3, 1), d(2023, 6, 30), "31/12/2022", null]), {
      today: "2026-01-01",
    });
    expect(most.plan.parametri.anno).toBe(2022);
    expect(most.plan.parametri.dataRiferimento).toBe("2022-12-31");
    const tie = readPlan(fasiEnding([d(2023, 6, 30), d(2022, 3, 1)]), { today: "2026-01-01" });
    expect(tie.plan.parametri.anno).toBe(2023);
  });

  it("falls back to the year of today without planned end dates", () => {
    const r = readPlan(fasiEnding([null, "non è una data"]), { today: "2026-01-01" });
    expect(r.plan.parametri.anno).toBe(2026);
    expect(r.plan.parametri.dataRiferimento).toBe("2026-12-31");
  });

  it("keeps defaults for empty values", () => {
    const r = readWith(
      paramTable([
        ["Anno", null],
        ["Livello", "  "],
        ["Tipi indicatore", ""],
        ["Soglia raggiunto", null],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.plan.parametri).toMatchObject({
      anno: 2024,
      livello: "PEG-PIAO-SEZ. 2.2 PERFORMANCE",
      tipiIndicatore: DEFAULT_TIPI,
      sogliaRaggiunto: 90,
    });
  });
});

describe("Parametri values", () => {
  it("reads a tblParametri table with key variants and records each value cell", () => {
    const rows: RawValue[][] = [
      ["ENTE", "Comune di Prova"],
      ["anno", "2023"],
      ["Vista", "DUP 2023-2025"],
      ["Livello", "PEG"],
      ["DATA DI RIFERIMENTO", "30/06/2023"],
      ["peso fasi nel grado", "40"],
      ["Soglia  raggiunto", 0.85],
      ["Soglia parzialmente raggiunto:", "60%"],
      ["Formula decrescente", "2t − a"],
      ["Tipi indicatore", " EFFICACIA; Qualità ,  altro "],
      ["Parametro sconosciuto", "ignorato"],
    ];
    const formats = rows.map((_, i) => (i === 6 ? ["General", "0%"] : ["General", "General"]));
    const r = readWith(paramTable(rows, formats));
    expect(r.problems).toEqual([]);
    expect(r.plan.parametri).toEqual({
      ente: "Comune di Prova",
      anno: 2023,
      vista: "DUP 2023-2025",
      livello: "PEG",
      dataRiferimento: "2023-06-30",
      pesoFasiNelGrado: 40,
      sogliaRaggiunto: 85,
      sogliaParzialmente: 60,
      formulaDecrescente: "2T-A",
      tipiIndicatore: ["EFFICACIA", "Qualità", "altro"],
    });
    expect(r.plan.layout.parametri).toEqual({
      sheet: "Parametri",
      table: "tblParametri",
      // each value cell with the number format the formulas follow (the table helper writes General)
      cells: {
        ente: { row: 2, col: 2, numberFormat: "General" },
        anno: { row: 3, col: 2, numberFormat: "General" },
        vista: { row: 4, col: 2, numberFormat: "General" },
        livello: { row: 5, col: 2, numberFormat: "General" },
        dataRiferimento: { row: 6, col: 2, numberFormat: "General" },
        pesoFasiNelGrado: { row: 7, col: 2, numberFormat: "General" },
        sogliaRaggiunto: { row: 8, col: 2, numberFormat: "0%" }, // 0.85 shown as 85%
        sogliaParzialmente: { row: 9, col: 2, numberFormat: "General" },
        formulaDecrescente: { row: 10, col: 2, numberFormat: "General" },
        tipiIndicatore: { row: 11, col: 2, numberFormat: "General" },
      },
      defaultAnno: 2024, // no Fine Prevista: the year of today
    });
  });

  it("reads a plain Parametro | Valore range anywhere on the sheet, in any column order", () => {
    const sheet = plainSheet(
      "Parametri",
      [
        ["Impostazioni"],
        [],
        ["Note", "Valore", "Parametro"],
        ["x", 2022, "Anno"],
        [null, d(2022, 9, 30), "Data di riferimento"],
        [null, "T/A", "Formula decrescente"],
      ],
      { originRow: 2, originCol: 3 },
    );
    const r = readWith(sheet);
    expect(r.problems).toEqual([]);
    expect(r.plan.parametri).toMatchObject({
      anno: 2022,
      dataRiferimento: "2022-09-30",
      formulaDecrescente: "T/A",
    });
    expect(r.plan.layout.parametri).toEqual({
      sheet: "Parametri",
      table: null,
      cells: {
        anno: { row: 5, col: 4 },
        dataRiferimento: { row: 6, col: 4 },
        formulaDecrescente: { row: 7, col: 4 },
      },
      defaultAnno: 2024,
    });
  });

  it("reads labels with the value at their right when there is no header row", () => {
    const r = readWith(
      plainSheet("Parametri", [
        ["Anno", 2021],
        ["Soglia raggiunto", 95],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.plan.parametri).toMatchObject({
      anno: 2021,
      sogliaRaggiunto: 95,
      dataRiferimento: "2021-12-31",
    });
    expect(r.plan.layout.parametri!.cells.sogliaRaggiunto).toEqual({ row: 2, col: 2 });
  });

  it.each(["T/A", "t/a", " T / A ", "2T-A", "2T\u2212A", "2t - a", "2T\u2013A"])(
    "accepts Formula decrescente %p",
    (v) => {
      const r = readWith(paramTable([["Formula decrescente", v]]));
      expect(r.problems).toEqual([]);
      expect(r.plan.parametri.formulaDecrescente).toBe(v.includes("2") ? "2T-A" : "T/A");
    },
  );
});

describe("PARAM_INVALID", () => {
  const one = (key: string, value: RawValue) => readWith(paramTable([[key, value]]));

  it.each([
    ["Anno", "duemila", "anno", 2024],
    ["Anno", 2023.5, "anno", 2024],
    ["Anno", 1800, "anno", 2024],
    ["Anno", 10000, "anno", 2024],
    ["Anno", d(2023, 1, 1), "anno", 2024],
    ["Anno", true, "anno", 2024],
    ["Data di riferimento", "31/02/2024", "dataRiferimento", "2024-12-31"],
    ["Data di riferimento", "presto", "dataRiferimento", "2024-12-31"],
    ["Peso fasi nel grado", "abc", "pesoFasiNelGrado", 50],
    ["Peso fasi nel grado", 150, "pesoFasiNelGrado", 50],
    ["Soglia raggiunto", -1, "sogliaRaggiunto", 90],
    ["Soglia parzialmente raggiunto", "101", "sogliaParzialmente", 70],
    ["Formula decrescente", "A/T", "formulaDecrescente", "T/A"],
    ["Formula decrescente", 2, "formulaDecrescente", "T/A"],
  ])("%p = %p is reported at the value cell and the default is used", (key, value, field, expected) => {
    const r = one(key, value);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({
      severity: "error",
      rule: "PARAM_INVALID",
      sheet: "Parametri",
      row: 2,
      column: "Valore",
      cell: "Parametri!B2",
      objective: null,
    });
    expect(r.problems[0].message).toContain(
      key === "Soglia parzialmente raggiunto" ? "Soglia parzialmente" : key,
    );
    expect(r.plan.parametri[field as keyof typeof r.plan.parametri]).toEqual(expected);
  });

  it("names the found value and what is expected", () => {
    const r = one("Peso fasi nel grado", "abc");
    expect(r.problems[0].message).toBe(
      'Il parametro Peso fasi nel grado vale "abc": serve un numero tra 0 e 100. Si usa 50.',
    );
  });

  it("rejects Soglia parzialmente above Soglia raggiunto", () => {
    const r = readWith(
      paramTable([
        ["Soglia raggiunto", 80],
        ["Soglia parzialmente raggiunto", 85],
      ]),
    );
    expect(r.problems.map((p) => [p.rule, p.cell])).toEqual([["PARAM_INVALID", "Parametri!B3"]]);
    expect(r.plan.parametri).toMatchObject({ sogliaRaggiunto: 80, sogliaParzialmente: 70 });
    const low = readWith(
      paramTable([
        ["Soglia raggiunto", 60],
        ["Soglia parzialmente raggiunto", 65],
      ]),
    );
    expect(low.plan.parametri).toMatchObject({ sogliaRaggiunto: 60, sogliaParzialmente: 60 });
  });

  it("uses Anno's default for the default Data di riferimento when Anno is invalid", () => {
    const r = readWith(paramTable([["Anno", "x"]]));
    expect(r.plan.parametri.dataRiferimento).toBe("2024-12-31");
    expect(r.problems[0].message).toContain("Si usa 2024");
  });

  it("reports a repeated key at the later row and keeps the first", () => {
    const r = readWith(
      paramTable([
        ["Anno", 2022],
        ["ANNO", 2030],
      ]),
    );
    expect(r.problems.map((p) => [p.rule, p.cell])).toEqual([["PARAM_INVALID", "Parametri!B3"]]);
    expect(r.problems[0].message).toContain("Parametri!B2");
    expect(r.plan.parametri.anno).toBe(2022);
    expect(r.plan.layout.parametri!.cells.anno).toEqual({ row: 2, col: 2 });
  });

  it("reports error values in Parametri as CELL_ERROR and uses the default", () => {
    const r = readWith(
      paramTable([
        ["Soglia raggiunto", { error: "#REF!" }],
        ["Ente", "#N/A"],
      ]),
    );
    expect(r.problems.map((p) => [p.rule, p.cell])).toEqual([
      ["CELL_ERROR", "Parametri!B2"],
      ["CELL_ERROR", "Parametri!B3"],
    ]);
    expect(r.plan.parametri).toMatchObject({ sogliaRaggiunto: 90, ente: "" });
    expect(r.brokenCells.has("Parametri!B2")).toBe(true);
  });
});
