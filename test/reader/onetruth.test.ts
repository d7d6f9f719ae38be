// Reading for "one truth" (docs/reference/formulas.md): key cells as the formulas see them, formula cells saved without a
// value, values the formulas read differently (reported, read tolerantly), 1904 serials, and the table
// column names the formulas must use.
import type { RawSheet, RawValue, RawWorkbook } from "../../src/domain/model/raw";
import { readPlan } from "../../src/domain/reading/reader";
import { computeRollups } from "../../src/domain/rollup/rollup";
import { HEADERS, plainSheet, rowOf, smallWorkbook, tableSheet, workbook } from "../helpers/rawWorkbook";

const TODAY = "2024-06-15";
const read = (wb: RawWorkbook) => readPlan(wb, { today: TODAY });
const uncached = (f: string): RawValue => ({ uncachedFormula: f });
const rules = (r: ReturnType<typeof read>) => r.problems.map((p) => [p.rule, p.cell]);

function fasiSheet(rows: Record<string, RawValue>[], formats?: string[][]): RawSheet {
  return tableSheet(
    "Fasi",
    "tblFasi",
    HEADERS.fasi,
    rows.map((r) => rowOf(HEADERS.fasi, r)),
    { bodyFormats: formats },
  );
}
const col = (h: string) => HEADERS.fasi.indexOf(h);

describe("key cells (codes, group labels)", () => {
  it("read with the formulas' normalisation: NBSP, tabs, repeated spaces; match ignoring case", () => {
    const base = smallWorkbook();
    const wb = workbook(
      tableSheet("Obiettivi", "tblObiettivi", HEADERS.obiettivi, [
        rowOf(HEADERS.obiettivi, {
          Codice: "OB\u00a01 ",
          Titolo: "T",
          "Centro di Responsabilità": "Servizi\t\tSociali\u00a0",
          Responsabile: "R",
        }),
      ]),
      fasiSheet([{ Obiettivo: "ob 1", Fase: "F", Peso: 100, Avanzamento: 40 }]),
      base.sheets[2],
    );
    const r = read(wb);
    expect(r.plan.obiettivi[0].codice).toBe("OB 1");
    expect(r.plan.obiettivi[0].centroResponsabilita).toBe("Servizi Sociali");
    expect(computeRollups(r.plan).obiettivi[0].avanzamentoFasi).toBe(40);
  });

  it("a number is its digits whatever its format; a date cell its serial; decimals and VERO are reported", () => {
    const base = smallWorkbook();
    const ob = (codice: RawValue, cdr: RawValue) =>
      rowOf(HEADERS.obiettivi, {
        Codice: codice,
        Titolo: "T",
        "Centro di Responsabilità": cdr,
        Responsabile: "R",
      });
    const formats = [[], ["0%"], ["dd/mm/yyyy"], []].map((f) => [
      ...f,
      ...HEADERS.obiettivi.slice(1).map(() => "General"),
    ]);
    const sheet = tableSheet("Obiettivi", "tblObiettivi", HEADERS.obiettivi, [
      ob(7, "A"),
      ob(0.5, "A"),
      ob(new Date(Date.UTC(2023, 0, 1)), "A"),
      ob("X", true),
    ]);
    // formats of the Codice column: General, 0%, dd/mm/yyyy, General
    sheet.numberFormats = [HEADERS.obiettivi.map(() => "General"), ...formats];
    const r = read(workbook(sheet, base.sheets[1], base.sheets[2]));
    expect(r.plan.obiettivi.map((o) => o.codice)).toEqual(["7", "0.5", "44927", "X"]);
    expect(r.plan.obiettivi[3].centroResponsabilita).toBe("VERO");
    expect(rules(r).filter(([rule]) => rule === "FORMULA_DIFFERS")).toEqual([
      ["FORMULA_DIFFERS", "Obiettivi!A3"], // 0.5: "0,5" or "0.5" depending on Excel's language
      ["FORMULA_DIFFERS", "Obiettivi!D5"], // TRUE: VERO or TRUE
    ]);
  });

  it("in a 1904 workbook a date Codice is its 1904 serial, as the formula sees it", () => {
    const base = smallWorkbook();
    const sheet = tableSheet("Obiettivi", "tblObiettivi", HEADERS.obiettivi, [
      rowOf(HEADERS.obiettivi, {
        Codice: new Date(Date.UTC(2023, 0, 1)),
        Titolo: "T",
        "Centro di Responsabilità": "A",
        Responsabile: "R",
      }),
    ]);
    const r = readPlan(
      { ...workbook(sheet, base.sheets[1], base.sheets[2]), date1904: true },
      { today: TODAY },
    );
    expect(r.plan.obiettivi[0].codice).toBe(String(44927 - 1462));
  });
});

describe("formula cells saved without a value", () => {
  it("FORMULA_NO_VALUE (error) on the cell, read as empty; a key cell leaves the row out", () => {
    const base = smallWorkbook();
    const wb = workbook(
      base.sheets[0],
      fasiSheet([
        { Obiettivo: "OB1", Fase: "F1", Peso: uncached("50+50"), Avanzamento: 40 },
        { Obiettivo: uncached('"OB"&"2"'), Fase: "F2", Peso: 100 },
      ]),
      base.sheets[2],
    );
    const r = read(wb);
    const L = (h: string) => String.fromCharCode(65 + col(h));
    expect(rules(r)).toEqual([
      ["FORMULA_NO_VALUE", `Fasi!${L("Peso")}2`],
      ["FORMULA_NO_VALUE", `Fasi!${L("Obiettivo")}3`],
    ]);
    const p = r.problems[0];
    expect(p.severity).toBe("error");
    expect(p.message).toContain("=50+50");
    expect(p.message).toMatch(/salvato senza i valori calcolati/);
    expect(p.message).toMatch(/Excel o LibreOffice/);
    expect(r.plan.fasi.map((f) => [f.titolo, f.peso])).toEqual([["F1", null]]);
    expect(r.brokenCells.has(`Fasi!${L("Peso")}2`)).toBe(true);
  });

  it("in Parametri: FORMULA_NO_VALUE and the default, recorded so the names ignore the cell", () => {
    const base = smallWorkbook();
    const par = plainSheet("Parametri", [
      ["Parametro", "Valore"],
      ["Soglia raggiunto", uncached("80+5")],
      ["Formula decrescente", uncached('"2T-A"')],
    ]);
    const r = read(workbook(par, ...base.sheets));
    expect(r.plan.parametri.sogliaRaggiunto).toBe(90);
    expect(r.plan.parametri.formulaDecrescente).toBe("T/A");
    expect(rules(r)).toEqual([
      ["FORMULA_NO_VALUE", "Parametri!B2"],
      ["FORMULA_NO_VALUE", "Parametri!B3"],
    ]);
    expect(r.plan.layout.parametri!.cells.sogliaRaggiunto).toMatchObject({ row: 2, col: 2, uncached: true });
  });
});

describe("values the formulas read differently (FORMULA_DIFFERS, warning)", () => {
  it("numbers and dates typed as text, percent-formatted Peso/Avanzamento; read tolerantly", () => {
    const base = smallWorkbook();
    // Avanzamento: one percent-formatted number and one plain (a tie: not a percent column)
    const formats = [HEADERS.fasi.map((h) => (h === "Avanzamento" ? "0%" : "General")), []];
    const wb = workbook(
      base.sheets[0],
      fasiSheet(
        [
          { Obiettivo: "OB1", Fase: "F1", Peso: 100, Avanzamento: 0.4 },
          {
            Obiettivo: "OB2",
            Fase: "F2",
            Peso: "100",
            Avanzamento: 30,
            "Fine Prevista": "31/12/2024",
            "Inizio Previsto": "01/01/2024",
          },
        ],
        formats,
      ),
      base.sheets[2],
    );
    const r = read(wb);
    const L = (h: string) => String.fromCharCode(65 + col(h));
    // Inizio Previsto is not read by the formulas: no warning there.
    expect(rules(r)).toEqual([
      ["FORMULA_DIFFERS", `Fasi!${L("Avanzamento")}2`],
      ["FORMULA_DIFFERS", `Fasi!${L("Fine Prevista")}3`],
      ["FORMULA_DIFFERS", `Fasi!${L("Peso")}3`],
    ]);
    expect(r.problems.every((p) => p.severity === "warning")).toBe(true);
    expect(r.problems[0].message).toMatch(/formato percentuale \(40%\).*legge come 40/);
    expect(r.plan.fasi.map((f) => [f.peso, f.avanzamento, f.finePrevista])).toEqual([
      [100, 40, null],
      [100, 30, "2024-12-31"],
    ]);
    expect(r.brokenCells.size).toBe(0);
    expect(r.plan.layout.fasi!.percentColumns).toBeUndefined();
  });

  it("a column mostly in percent is read ×100 by the formulas: its plain numbers are reported", () => {
    const base = smallWorkbook();
    const pct = HEADERS.fasi.map((h) => (h === "Avanzamento" ? "0%" : "General"));
    const plainFmt = HEADERS.fasi.map(() => "General");
    const wb = workbook(
      base.sheets[0],
      fasiSheet(
        [
          { Obiettivo: "OB1", Fase: "F1", Avanzamento: 0.4 },
          { Obiettivo: "OB1", Fase: "F2", Avanzamento: 0.5 },
          { Obiettivo: "OB2", Fase: "F3", Avanzamento: 30 },
        ],
        [pct, pct, plainFmt],
      ),
      base.sheets[2],
    );
    const r = read(wb);
    expect(r.plan.layout.fasi!.percentColumns).toEqual({ avanzamento: true });
    expect(rules(r)).toEqual([["FORMULA_DIFFERS", `Fasi!${String.fromCharCode(65 + col("Avanzamento"))}4`]]);
    expect(r.problems[0].message).toMatch(
      /in formato percentuale ma questa cella no.*legge come 30.*come 3000/,
    );
    expect(r.plan.fasi.map((f) => f.avanzamento)).toEqual([40, 50, 30]);
  });
});

describe("1904 date system", () => {
  it("serials count from 1904 in date columns, indicator values and Parametri", () => {
    const base = smallWorkbook();
    const s1904 = 45291 - 1462; // 31/12/2023 in the 1904 system
    const par = plainSheet(
      "Parametri",
      [
        ["Parametro", "Valore"],
        ["Data di riferimento", s1904 - 183],
      ],
      {
        numberFormats: [
          ["General", "General"],
          ["General", "dd/mm/yyyy"],
        ],
      },
    );
    const wb: RawWorkbook = {
      date1904: true,
      sheets: [
        par,
        base.sheets[0],
        fasiSheet([{ Obiettivo: "OB1", Fase: "F", "Fine Prevista": s1904, Peso: 100 }]),
        tableSheet(
          "Indicatori",
          "tblIndicatori",
          ["Obiettivo", "Descrizione", "Valore Atteso"],
          [["OB1", "I", new Date(Date.UTC(2023, 11, 31))]],
        ),
      ],
    };
    const r = readPlan(wb, { today: TODAY });
    expect(r.plan.fasi[0].finePrevista).toBe("2023-12-31");
    expect(r.plan.parametri.dataRiferimento).toBe("2023-07-01");
    expect(r.plan.indicatori[0].valoreAtteso).toBe(s1904);
    expect(r.plan.layout.date1904).toBe(true);
    // 0 is 01/01/1904 there, not an invalid 1900 serial
    const zero = readPlan(
      {
        ...wb,
        sheets: [
          plainSheet("Parametri", [
            ["Parametro", "Valore"],
            ["Data di riferimento", 0],
          ]),
          ...wb.sheets.slice(1),
        ],
      },
      { today: TODAY },
    );
    expect(zero.plan.parametri.dataRiferimento).toBe("1904-01-01");
  });
});

describe("table column names for structured references", () => {
  it("from RawTable.columns when the host gives them, else the header cell's text untrimmed", () => {
    const base = smallWorkbook();
    const headers = ["Obiettivo", "Fase", "Peso ", "POLARITA'"];
    const fasi = tableSheet("Fasi", "tblFasi", headers, [["OB1", "F", 100, null]]);
    let r = read(workbook(base.sheets[0], fasi, base.sheets[2]));
    expect(r.plan.layout.fasi!.headers[3]).toBe("Peso");
    expect(r.plan.layout.fasi!.columnNames).toEqual({
      1: "Obiettivo",
      2: "Fase",
      3: "Peso ",
      4: "POLARITA'",
    });
    fasi.tables[0].columns = ["Obiettivo", "Fase", "Peso\u00a0", "Colonna4"];
    r = read(workbook(base.sheets[0], fasi, base.sheets[2]));
    expect(r.plan.layout.fasi!.columnNames).toEqual({
      1: "Obiettivo",
      2: "Fase",
      3: "Peso\u00a0",
      4: "Colonna4",
    });
  });
});
