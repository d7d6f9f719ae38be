import type { RawValue, RawWorkbook } from "../../src/domain/model/raw";
import { readPlan } from "../../src/domain/reading/reader";
import { HEADERS, plainSheet, rowOf, smallWorkbook, tableSheet, workbook } from "../helpers/rawWorkbook";

const TODAY = "2024-06-15";
const read = (wb: RawWorkbook) => readPlan(wb, { today: TODAY });
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
/** Cells with a FORMULA_DIFFERS warning (values the live formulas read differently), in report order. */
const differs = (r: ReturnType<typeof read>) =>
  r.problems.filter((p) => p.rule === "FORMULA_DIFFERS").map((p) => p.cell);
const others = (r: ReturnType<typeof read>) => r.problems.filter((p) => p.rule !== "FORMULA_DIFFERS");

/** Workbook with default Fasi/Indicatori and the given Obiettivi sheet. */
function withObiettivi(sheet: ReturnType<typeof plainSheet>): RawWorkbook {
  const base = smallWorkbook();
  return workbook(sheet, base.sheets[1], base.sheets[2]);
}

function withFasi(headers: string[], rows: RawValue[][], formats?: string[][]): RawWorkbook {
  const base = smallWorkbook();
  return workbook(
    base.sheets[0],
    tableSheet("Fasi", "tblFasi", headers, rows, { bodyFormats: formats }),
    base.sheets[2],
  );
}

function withIndicatori(headers: string[], rows: RawValue[][]): RawWorkbook {
  const base = smallWorkbook();
  return workbook(base.sheets[0], base.sheets[1], tableSheet("Indicatori", "tblIndicatori", headers, rows));
}

describe("readPlan on a clean workbook", () => {
  it("reads every sheet with no problem and fills the layout", () => {
    const r = read(smallWorkbook());
    expect(r.problems).toEqual([]);
    expect(r.brokenCells.size).toBe(0);
    expect(
      r.plan.obiettivi.map((o) => [o.row, o.codice, o.titolo, o.centroResponsabilita, o.responsabile]),
    ).toEqual([
      [2, "OB1", "Titolo OB1", "SETTORE A", "ROSSI MARIO"],
      [3, "OB2", "Titolo OB2", "SETTORE A", "ROSSI MARIO"],
    ]);
    expect(r.plan.fasi[0]).toEqual({
      row: 2,
      obiettivo: "OB1",
      titolo: "Fase di OB1",
      inizioPrevisto: null,
      finePrevista: "2024-12-31",
      inizioEffettivo: null,
      fineEffettiva: null,
      peso: 100,
      avanzamento: 50,
      responsabile: null,
      centroResponsabilita: null,
      note: null,
    });
    expect(r.plan.indicatori[1]).toMatchObject({ row: 3, obiettivo: "OB2", valoreAtteso: 10, storico: [] });
    const lay = r.plan.layout.fasi!;
    expect(lay).toMatchObject({
      sheet: "Fasi",
      table: "tblFasi",
      headerRow: 1,
      firstRow: 2,
      lastRow: 3,
      firstCol: 1,
    });
    expect(lay.lastCol).toBe(HEADERS.fasi.length);
    expect(lay.columns.peso).toBe(HEADERS.fasi.indexOf("Peso") + 1);
    expect(lay.headers[1]).toBe("Obiettivo");
    expect(r.plan.layout.parametri).toBeNull();
  });
});

describe("headers", () => {
  it("matches header variants (case, accents, apostrophes, spaces)", () => {
    const headers = [
      "CODICE",
      "titolo",
      "Centro di Responsabilita'",
      "  responsabile ",
      "Modalita' di  Attuazione",
      "PESO",
    ];
    const wb = withObiettivi(
      plainSheet("Obiettivi", [
        headers,
        ["OB1", "T", "CDR", "R", "M", "40"],
        ["OB2", "T2", "CDR", "R", null, null],
      ]),
    );
    const r = read(wb);
    expect(others(r)).toEqual([]);
    expect(differs(r)).toEqual(["Obiettivi!F2"]); // Peso "40" typed as text
    expect(r.plan.obiettivi[0]).toMatchObject({
      codice: "OB1",
      centroResponsabilita: "CDR",
      modalitaAttuazione: "M",
      peso: 40,
    });
    expect(r.plan.layout.obiettivi!.headers[3]).toBe("Centro di Responsabilita'");
  });

  it("accepts any column order, keeps unknown and computed columns in headers and ignores them", () => {
    const headers = ["Note", "Colonna mia", "Fase", "Peso", "Obiettivo", "Tempistica"];
    const r = read(
      withFasi(headers, [
        ["n", "x", "F1", 60, "OB1", "In ritardo"],
        [null, "y", "F2", 40, "OB2", null],
      ]),
    );
    expect(r.problems).toEqual([]);
    const lay = r.plan.layout.fasi!;
    expect(lay.columns).toEqual({ note: 1, titolo: 3, peso: 4, obiettivo: 5 });
    expect(lay.headers).toEqual({
      1: "Note",
      2: "Colonna mia",
      3: "Fase",
      4: "Peso",
      5: "Obiettivo",
      6: "Tempistica",
    });
    expect(r.plan.fasi.map((f) => [f.obiettivo, f.titolo, f.peso, f.note])).toEqual([
      ["OB1", "F1", 60, "n"],
      ["OB2", "F2", 40, null],
    ]);
  });

  it("finds a plain range whose header is not in row 1, and reports cells at worksheet coordinates", () => {
    // used range starts at B3; two title rows, then the header on worksheet row 5
    const rows: RawValue[][] = [
      ["PIANO DELLA PERFORMANCE 2024"],
      [],
      ["Codice", "Titolo", "Extra", "Centro di Responsabilità", "Responsabile", "Peso"],
      ["OB1", "T1", "e", "CDR", "R", "abc"],
      [null, "  ", null, null, null, null],
      ["OB2", "T2", null, "CDR", "R", 30],
      [],
      [null, null, null, null, null, "   "],
    ];
    const r = read(withObiettivi(plainSheet("Obiettivi", rows, { originRow: 3, originCol: 2 })));
    const lay = r.plan.layout.obiettivi!;
    expect(lay).toMatchObject({
      table: null,
      headerRow: 5,
      firstRow: 6,
      lastRow: 8,
      firstCol: 2,
      lastCol: 7,
    });
    expect(lay.columns).toMatchObject({
      codice: 2,
      titolo: 3,
      centroResponsabilita: 5,
      responsabile: 6,
      peso: 7,
    });
    expect(r.plan.obiettivi.map((o) => [o.row, o.codice, o.peso])).toEqual([
      [6, "OB1", null],
      [8, "OB2", 30],
    ]);
    expect(r.problems).toEqual([
      {
        severity: "error",
        rule: "NUMBER_INVALID",
        sheet: "Obiettivi",
        row: 6,
        column: "Peso",
        cell: "Obiettivi!G6",
        objective: "OB1",
        message: 'Il valore "abc" nella colonna Peso non è un numero: scrivere un numero come 33 o 33,5.',
      },
    ]);
    expect([...r.brokenCells]).toEqual(["Obiettivi!G6"]);
  });

  it("reads only the body of a table and prefers it to a plain header row", () => {
    const headers = ["Obiettivo", "Fase", "Peso"];
    const sheet = tableSheet("Fasi", "tblFasi", headers, [["OB1", "F1", 100]], {
      headerRow: 4,
      firstCol: 3,
      above: [["Obiettivo", "Fase"], [], []],
      below: [["OB2", "fuori dalla tabella", 50]],
    });
    const base = smallWorkbook();
    const r = read(workbook(base.sheets[0], sheet, base.sheets[2]));
    expect(r.problems).toEqual([]);
    expect(r.plan.layout.fasi).toMatchObject({
      table: "tblFasi",
      headerRow: 4,
      firstRow: 5,
      lastRow: 5,
      firstCol: 3,
      lastCol: 5,
    });
    expect(r.plan.fasi).toHaveLength(1);
    expect(r.plan.fasi[0]).toMatchObject({ row: 5, obiettivo: "OB1", titolo: "F1", peso: 100 });
  });

  it("falls back to a plain row when the table does not hold the required headers", () => {
    const sheet = plainSheet(
      "Fasi",
      [
        ["Obiettivo", "Fase"],
        ["OB1", "F1"],
      ],
      {
        tables: [{ name: "tblAltro", headerRow: 1, firstCol: 1, lastCol: 1, lastRow: 2 }],
      },
    );
    const base = smallWorkbook();
    const r = read(workbook(base.sheets[0], sheet, base.sheets[2]));
    expect(r.problems).toEqual([]);
    expect(r.plan.layout.fasi).toMatchObject({ table: null, headerRow: 1 });
    expect(r.plan.fasi).toHaveLength(1);
  });

  it("finds sheets by name ignoring case and spaces", () => {
    const base = smallWorkbook();
    const wb = workbook(
      { ...base.sheets[0], name: "OBIETTIVI" },
      { ...base.sheets[1], name: " fasi " },
      { ...base.sheets[2], name: "Indicatori" },
    );
    const r = read(wb);
    expect(r.problems).toEqual([]);
    expect(r.plan.layout.fasi!.sheet).toBe(" fasi ");
    expect(r.plan.fasi).toHaveLength(2);
  });
});

describe("history columns", () => {
  it("reads Valore Raggiunto <YYYY> columns in sheet order, apart from Valore Raggiunto", () => {
    const headers = [
      "Obiettivo",
      "Descrizione",
      "valore raggiunto 2021",
      "Valore Raggiunto",
      "VALORE RAGGIUNTO 2022",
    ];
    const r = read(
      withIndicatori(headers, [
        ["OB1", "I1", 5, 9, "7,5"],
        ["OB2", "I2", null, "1.150,00", "n.d."],
      ]),
    );
    expect(r.plan.layout.indicatori!.history).toEqual([
      { anno: 2021, col: 3 },
      { anno: 2022, col: 5 },
    ]);
    expect(r.plan.indicatori[0]).toMatchObject({
      valoreRaggiunto: 9,
      storico: [
        { anno: 2021, valore: 5 },
        { anno: 2022, valore: 7.5 },
      ],
    });
    expect(r.plan.indicatori[1]).toMatchObject({
      valoreRaggiunto: 1150,
      storico: [
        { anno: 2021, valore: null },
        { anno: 2022, valore: null },
      ],
    });
    // "1.150,00" in Valore Raggiunto (read by the formulas) is text; history columns are not read by them.
    expect(differs(r)).toEqual(["Indicatori!D3"]);
    expect(others(r)).toHaveLength(1);
    expect(others(r)[0]).toMatchObject({
      rule: "NUMBER_INVALID",
      row: 3,
      column: "VALORE RAGGIUNTO 2022",
      cell: "Indicatori!E3",
      objective: "OB2",
    });
    expect(others(r)[0].message).toContain('"n.d."');
  });
});

describe("sheet and column problems", () => {
  it("reports a missing sheet with no row or cell", () => {
    const base = smallWorkbook();
    const r = read(workbook(base.sheets[0], base.sheets[2]));
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        rule: "SHEET_MISSING",
        sheet: "Fasi",
        row: null,
        column: null,
        cell: null,
        objective: null,
      }),
    ]);
    expect(r.problems[0].message).toContain("Fasi");
    expect(r.plan.layout.fasi).toBeNull();
    expect(r.plan.fasi).toEqual([]);
    expect(r.plan.obiettivi).toHaveLength(2);
  });

  it("reports each missing required column at the row with the most known headers", () => {
    const rows: RawValue[][] = [
      ["Elenco obiettivi", "Titolo"],
      ["Codice", "Titolo", "Assessorato", "Peso"],
      ["OB1", "T1", "A", 10],
      ["OB2", null, "A", 10],
    ];
    const r = read(withObiettivi(plainSheet("Obiettivi", rows)));
    const missing = r.problems.filter((p) => p.rule === "COLUMN_MISSING");
    expect(missing.map((p) => [p.column, p.row, p.sheet, p.severity])).toEqual([
      ["Centro di Responsabilità", 2, "Obiettivi", "error"],
      ["Responsabile", 2, "Obiettivi", "error"],
    ]);
    expect(missing[0].message).toContain("Centro di Responsabilità");
    // the key column is there, so the rows are still read and checked
    expect(r.plan.layout.obiettivi).toMatchObject({ headerRow: 2, firstRow: 3, lastRow: 4 });
    expect(r.plan.obiettivi.map((o) => o.codice)).toEqual(["OB1", "OB2"]);
    expect(r.problems.filter((p) => p.rule === "REQUIRED").map((p) => p.cell)).toEqual(["Obiettivi!B4"]);
  });

  it("reads no row when the key column itself is missing", () => {
    const r = read(withFasi(["Fase", "Peso"], [["F1", 100]]));
    expect(r.problems.map((p) => [p.rule, p.column, p.row])).toEqual([["COLUMN_MISSING", "Obiettivo", 1]]);
    expect(r.plan.fasi).toEqual([]);
    expect(r.plan.layout.fasi).not.toBeNull();
  });

  it("reports a duplicate column at the second header and uses the first", () => {
    const headers = ["Obiettivo", "Fase", "Peso", "PESO", "Note", "Note"];
    const r = read(withFasi(headers, [["OB1", "F1", 60, 99, "a", "b"]]));
    expect(r.problems).toEqual([
      expect.objectContaining({
        rule: "COLUMN_DUPLICATE",
        row: 1,
        column: "Peso",
        cell: "Fasi!D1",
        objective: null,
      }),
      expect.objectContaining({ rule: "COLUMN_DUPLICATE", row: 1, column: "Note", cell: "Fasi!F1" }),
    ]);
    expect(r.problems[0].message).toContain("Fasi!C1");
    expect(r.plan.layout.fasi!.columns.peso).toBe(3);
    expect(r.plan.fasi[0]).toMatchObject({ peso: 60, note: "a" });
  });

  it("reports duplicate history years and computed columns but not repeated unknown headers", () => {
    const headers = [
      "Obiettivo",
      "Descrizione",
      "Valore Raggiunto 2022",
      "valore raggiunto 2022",
      "Mio",
      "Mio",
      "Raggiungimento %",
      "Raggiungimento %",
    ];
    const r = read(withIndicatori(headers, [["OB1", "I1", 1, 2, null, null, null, null]]));
    expect(r.problems.map((p) => [p.rule, p.cell])).toEqual([
      ["COLUMN_DUPLICATE", "Indicatori!D1"],
      ["COLUMN_DUPLICATE", "Indicatori!H1"],
    ]);
    expect(r.plan.indicatori[0].storico).toEqual([{ anno: 2022, valore: 1 }]);
  });
});

describe("rows and cells", () => {
  it("reports REQUIRED, keeps rows with an empty title and leaves out rows without a key", () => {
    const ob = (v: Record<string, RawValue>) => rowOf(HEADERS.obiettivi, v);
    const rows = [
      ob({ Codice: "OB1", Titolo: "T1", "Centro di Responsabilità": "C", Responsabile: "R" }),
      ob({ Codice: "OB2", Titolo: "  ", "Centro di Responsabilità": "C", Responsabile: "R" }),
      ob({
        Codice: null,
        Titolo: "senza codice",
        "Centro di Responsabilità": "C",
        Responsabile: "R",
        Peso: "x",
      }),
    ];
    const r = read(withObiettivi(tableSheet("Obiettivi", "tblObiettivi", HEADERS.obiettivi, rows)));
    expect(r.plan.obiettivi.map((o) => [o.row, o.codice, o.titolo])).toEqual([
      [2, "OB1", "T1"],
      [3, "OB2", ""],
    ]);
    expect(r.problems.map((p) => [p.rule, p.cell, p.column, p.objective])).toEqual([
      ["REQUIRED", "Obiettivi!B3", "Titolo", "OB2"],
      ["REQUIRED", "Obiettivi!A4", "Codice", null],
      ["NUMBER_INVALID", "Obiettivi!M4", "Peso", null],
    ]);
    expect(r.problems[0].message).toContain("Titolo");
  });

  it("leaves out a phase without Obiettivo and reports it", () => {
    const r = read(
      withFasi(
        ["Obiettivo", "Fase"],
        [
          ["OB1", "F1"],
          ["  ", "F2"],
          [{ error: "#REF!" }, "F3"],
        ],
      ),
    );
    expect(r.plan.fasi.map((f) => f.titolo)).toEqual(["F1"]);
    expect(r.problems.map((p) => [p.rule, p.cell])).toEqual([
      ["REQUIRED", "Fasi!A3"],
      ["CELL_ERROR", "Fasi!A4"],
    ]);
    expect(r.brokenCells.has("Fasi!A4")).toBe(true);
  });

  it("skips blank rows (empty or whitespace) and keeps worksheet row numbers", () => {
    const r = read(
      withFasi(
        ["Obiettivo", "Fase"],
        [
          ["OB1", "F1"],
          [null, null],
          ["  ", "\t"],
          ["OB2", "F2"],
        ],
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.plan.fasi.map((f) => [f.row, f.titolo])).toEqual([
      [2, "F1"],
      [5, "F2"],
    ]);
  });

  it("skips rows whose input cells are empty even when computed or unknown columns hold values", () => {
    const headers = ["Obiettivo", "Fase", "Peso", "Mia colonna", "Tempistica", "Scostamento (giorni)"];
    const rows: RawValue[][] = [
      ["OB1", "F1", 100, null, "In corso", null],
      [null, "  ", null, "appunto", "", 0],
      [null, null, null, null, "In corso", null],
    ];
    const r = read(withFasi(headers, rows));
    expect(r.problems).toEqual([]);
    expect(r.plan.fasi.map((f) => f.row)).toEqual([2]);
    expect(r.plan.layout.fasi).toMatchObject({ firstRow: 2, lastRow: 4 });
  });

  it("reads every number form, percent cells and dates in Fasi", () => {
    const headers = [
      "Obiettivo",
      "Fase",
      "Peso",
      "Avanzamento",
      "Inizio Previsto",
      "Fine Prevista",
      "Fine Effettiva",
    ];
    const rows: RawValue[][] = [
      ["OB1", "a", "33,00", 0.5, "01/02/2024", d(2024, 12, 31), 45657],
      ["OB1", "b", "1.150,00", "100%", "1/2/2024", "2024-12-31", null],
      ["OB1", "c", 0.33, "1,150.00", "2024-02-01", 45657, null],
      ["OB1", "d", "-2,5", "1150.5", null, null, null],
    ];
    const formats = [
      ["General", "General", "General", "0%", "General", "dd/mm/yyyy", "dd/mm/yyyy"],
      [],
      ["General", "General", "0.00%", "General", "General", "dd/mm/yyyy", "General"],
      [],
    ];
    const r = read(withFasi(headers, rows, formats));
    expect(others(r)).toEqual([]);
    // Text numbers and dates in the columns the formulas read (Inizio Previsto is not one of them).
    // Peso and Avanzamento hold one number each, percent-formatted: percent columns, which the
    // formulas read ×100 as the reader does, so those numbers agree.
    expect(differs(r)).toEqual(["Fasi!C2", "Fasi!C3", "Fasi!D3", "Fasi!F3", "Fasi!D4", "Fasi!C5", "Fasi!D5"]);
    expect(r.plan.layout.fasi!.percentColumns).toEqual({ peso: true, avanzamento: true });
    expect(
      r.plan.fasi.map((f) => [f.peso, f.avanzamento, f.inizioPrevisto, f.finePrevista, f.fineEffettiva]),
    ).toEqual([
      [33, 50, "2024-02-01", "2024-12-31", "2024-12-31"],
      [1150, 100, "2024-02-01", "2024-12-31", null],
      [33, 1150, "2024-02-01", "2024-12-31", null],
      [-2.5, 1150.5, null, null, null],
    ]);
  });

  it("reports invalid numbers, dates, booleans and error values with Italian messages", () => {
    const headers = ["Obiettivo", "Fase", "Peso", "Avanzamento", "Fine Prevista", "Note"];
    const rows: RawValue[][] = [
      ["OB1", "a", "abc", true, "31/02/2024", "#N/A"],
      ["OB1", "b", { error: "#DIV/0!" }, "#VALUE!", "domani", { error: "#REF!" }],
    ];
    const r = read(withFasi(headers, rows));
    expect(r.problems.map((p) => [p.rule, p.cell, p.column, p.objective])).toEqual([
      ["NUMBER_INVALID", "Fasi!C2", "Peso", "OB1"],
      ["NUMBER_INVALID", "Fasi!D2", "Avanzamento", "OB1"],
      ["DATE_INVALID", "Fasi!E2", "Fine Prevista", "OB1"],
      ["CELL_ERROR", "Fasi!F2", "Note", "OB1"],
      ["CELL_ERROR", "Fasi!C3", "Peso", "OB1"],
      ["CELL_ERROR", "Fasi!D3", "Avanzamento", "OB1"],
      ["DATE_INVALID", "Fasi!E3", "Fine Prevista", "OB1"],
      ["CELL_ERROR", "Fasi!F3", "Note", "OB1"],
    ]);
    expect(r.problems.every((p) => p.severity === "error")).toBe(true);
    expect(r.problems[1].message).toContain('"VERO"');
    expect(r.problems[2].message).toBe(
      'Il valore "31/02/2024" nella colonna Fine Prevista non è una data valida: scrivere una data come 31/12/2023.',
    );
    expect(r.problems[4].message).toContain("#DIV/0!");
    expect(r.problems[5].message).toContain("#VALUE!");
    expect([...r.brokenCells].sort()).toEqual(
      ["Fasi!C2", "Fasi!D2", "Fasi!E2", "Fasi!F2", "Fasi!C3", "Fasi!D3", "Fasi!E3", "Fasi!F3"].sort(),
    );
    // broken cells are read as empty, the rows stay
    expect(r.plan.fasi.map((f) => [f.peso, f.avanzamento, f.finePrevista, f.note])).toEqual([
      [null, null, null, null],
      [null, null, null, null],
    ]);
  });

  it("reads yes/no indicator values and numbers typed as Codice", () => {
    const base = smallWorkbook();
    const obRows = [
      rowOf(HEADERS.obiettivi, {
        Codice: 2023,
        Titolo: "T",
        "Centro di Responsabilità": "C",
        Responsabile: "R",
      }),
    ];
    const wb = workbook(
      tableSheet("Obiettivi", "tblObiettivi", HEADERS.obiettivi, obRows),
      base.sheets[1],
      tableSheet(
        "Indicatori",
        "tblIndicatori",
        ["Obiettivo", "Descrizione", "Valore Atteso", "Valore Raggiunto", "Polarità"],
        [[2023, "I1", "sì", "NO", " Decrescente "]],
      ),
    );
    const r = read(wb);
    expect(r.plan.obiettivi[0].codice).toBe("2023");
    expect(r.plan.indicatori[0]).toMatchObject({
      obiettivo: "2023",
      valoreAtteso: 1,
      valoreRaggiunto: 0,
      polarita: "Decrescente",
    });
    // An integer Codice matches as its digits in both engines; sì/no are text to the formulas.
    expect(others(r)).toEqual([]);
    expect(differs(r)).toEqual(["Indicatori!C2", "Indicatori!D2"]);
  });

  it('reads a sheet shaped as Office.js hands it ("" for empty, serial dates, error strings)', () => {
    const headers = ["Obiettivo", "Fase", "Inizio Previsto", "Fine Prevista", "Peso", "Avanzamento", "Note"];
    const values: RawValue[][] = [
      headers,
      ["OB1", "F1", 44927, 45291, 0.4, 1, ""],
      ["", "", "", "", "", "", ""],
      ["OB1", "F2", "", 45291, 0.6, "#N/A", "ok"],
    ];
    const general = headers.map(() => "General");
    const fmt = ["General", "General", "dd/mm/yyyy", "dd/mm/yyyy", "0%", "0%", "General"];
    const sheet = plainSheet("Fasi", values, {
      numberFormats: [general, fmt, fmt, fmt],
      tables: [{ name: "tblFasi", headerRow: 1, firstCol: 1, lastCol: 7, lastRow: 4 }],
    });
    const base = smallWorkbook();
    const r = read(workbook(base.sheets[0], sheet, base.sheets[2]));
    expect(
      r.plan.fasi.map((f) => [f.row, f.inizioPrevisto, f.finePrevista, f.peso, f.avanzamento, f.note]),
    ).toEqual([
      [2, "2023-01-01", "2023-12-31", 40, 100, null],
      [4, null, "2023-12-31", 60, null, "ok"],
    ]);
    // Peso and Avanzamento are "0%" columns: read ×100 by the reader and by the formulas alike.
    expect(r.problems.map((p) => [p.rule, p.cell])).toEqual([["CELL_ERROR", "Fasi!F4"]]);
    expect(r.plan.layout.fasi!.percentColumns).toEqual({ peso: true, avanzamento: true });
  });

  it("suggests 1/0 or si/no when an indicator value is not a number", () => {
    const r = read(withIndicatori(["Obiettivo", "Descrizione", "Valore Atteso"], [["OB1", "I1", "forse"]]));
    expect(r.problems.map((p) => [p.rule, p.cell])).toEqual([["NUMBER_INVALID", "Indicatori!C2"]]);
    expect(r.problems[0].message).toContain('"forse"');
    expect(r.problems[0].message).toContain("si/no");
  });

  it("reads dates in text columns as dd/mm/yyyy", () => {
    const r = read(withFasi(["Obiettivo", "Fase", "Note"], [["OB1", "F", d(2024, 3, 5)]]));
    expect(r.plan.fasi[0].note).toBe("05/03/2024");
  });
});
