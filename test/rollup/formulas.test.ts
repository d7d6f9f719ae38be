// Shape of the formulas and names the rollup writes (their values are checked by LibreOffice in
// libreoffice.test.ts): structured references in Excel's file form, escaping, plain ranges, Parametri
// names, column placement, calculated columns.
import { buildRollupWritePlan } from "../../src/domain/rollup/formulas";
import { parameterNames } from "../../src/domain/rollup/parametriNames";
import { assignColumns, escapeColumnName, sheetRefs } from "../../src/domain/rollup/references";
import { paramNumberFormula } from "../../src/domain/reading/paramText";
import { keyCriterion } from "../../src/domain/riepilogo/riepilogo";
import { computeRollups } from "../../src/domain/rollup/rollup";
import type { FaseField, IndicatoreField, ObiettivoField } from "../../src/domain/model/schema";
import { fase, ind, layoutOf, ob, plan } from "./planFixture";

describe("references", () => {
  it("escapes ' # [ ] in structured column names with a '", () => {
    expect(escapeColumnName("Costo [€] #1 'x'")).toBe("Costo '[€'] '#1 ''x''");
    expect(escapeColumnName("Peso")).toBe("Peso");
  });
  it("uses the file form of structured references inside a table", () => {
    const refs = sheetRefs({ sheet: "Fasi", table: "tblFasi", firstRow: 2, lastRow: 9 }, (c) =>
      c === 1 ? "Obiettivo" : c === 2 ? "Fine Prevista" : "Costo [€]",
    );
    expect(refs.structured).toBe(true);
    expect(refs.here(2, 5)).toBe("tblFasi[[#This Row],[Fine Prevista]]");
    expect(refs.here(2, 7)).toBe(refs.here(2, 5)); // same on every row: a calculated column
    expect(refs.column(1)).toBe("tblFasi[Obiettivo]");
    expect(refs.column(3)).toBe("tblFasi[[Costo '[€']]]");
  });
  it("uses the table's own column names: trailing spaces and NBSP kept, inner brackets around them", () => {
    const names: Record<number, string> = { 1: "Peso ", 2: "Peso\u00a0", 3: " Avanzamento" };
    const refs = sheetRefs({ sheet: "Fasi", table: "tblFasi", firstRow: 2, lastRow: 9 }, (c) => names[c]);
    expect(refs.column(1)).toBe("tblFasi[[Peso ]]");
    expect(refs.here(1, 4)).toBe("tblFasi[[#This Row],[Peso ]]");
    expect(refs.column(2)).toBe("tblFasi[[Peso\u00a0]]");
    expect(refs.column(3)).toBe("tblFasi[[ Avanzamento]]");
  });
  it("addresses a column whose name ends in an apostrophe in A1 form (LibreOffice cannot parse [X''])", () => {
    const refs = sheetRefs({ sheet: "Indicatori", table: "tblIndicatori", firstRow: 2, lastRow: 9 }, (c) =>
      c === 4 ? "POLARITA'" : "Pol'x",
    );
    expect(refs.here(4, 7)).toBe("$D7");
    expect(refs.column(4)).toBe("Indicatori!$D$2:$D$9");
    expect(refs.here(2, 7)).toBe("tblIndicatori[[#This Row],[Pol''x]]");
  });
  it("uses absolute A1 ranges over the data rows for a plain range", () => {
    const refs = sheetRefs({ sheet: "Fasi 2023", table: null, firstRow: 4, lastRow: 20 }, () => "x");
    expect(refs.structured).toBe(false);
    expect(refs.column(3)).toBe("'Fasi 2023'!$C$4:$C$20");
    expect(refs.here(3, 7)).toBe("$C7");
  });
});

describe("column placement", () => {
  it("reuses a computed header already in the sheet and appends the others after the last column", () => {
    const layout = { lastCol: 5, headers: { 1: "Codice", 4: "ESITO", 5: "Note" } };
    const cols = assignColumns(layout, ["Avanzamento Fasi %", "Esito", "Grado di Raggiungimento %"]);
    expect([...cols]).toEqual([
      ["Avanzamento Fasi %", 6],
      ["Esito", 4],
      ["Grado di Raggiungimento %", 7],
    ]);
  });
});

describe("Parametri names", () => {
  const base = () => plan([ob("A")], [fase("A", null, 50, { finePrevista: "2023-05-31" })], []);
  it("refer to the value cells, with the reader's defaults inside the definition", () => {
    const p = base();
    p.layout.parametri = {
      sheet: "Parametri",
      table: "tblParametri",
      cells: { sogliaRaggiunto: { row: 9, col: 2 }, formulaDecrescente: { row: 10, col: 2 } },
    };
    const names = new Map(parameterNames(p).map((n) => [n.name, n.refersTo]));
    // number, empty, text: the three ways the reader reads it (text through the shared parser twin)
    const B9 = "Parametri!$B$9";
    expect(names.get("pegSogliaRaggiunto")).toBe(
      `=IFERROR(IF(ISNUMBER(${B9}),IF(AND(${B9}>=0,${B9}<=100),${B9},90),` +
        `IF(TRIM(${B9})="",90,${paramNumberFormula(B9, "90", 100)})),90)`,
    );
    expect(names.get("pegFormulaDecrescente")).toContain("Parametri!$B$10");
    // absent from the sheet: the constant the TypeScript used
    expect(names.get("pegPesoFasi")).toBe("=50");
    // the reader lowers the default 70 to Soglia raggiunto when that is below 70
    expect(names.get("pegSogliaParziale")).toBe("=MIN(70,pegSogliaRaggiunto)");
    expect(names.get("pegAnno")).toBe("=2023");
    // Data di riferimento absent: 31/12 of Anno, live with pegAnno
    expect(names.get("pegDataRiferimento")).toBe("=DATE(pegAnno,12,31)");
  });
  it("follow the format the reader saw: a percent cell ×100, a date-formatted cell is invalid", () => {
    const p = base();
    p.layout.parametri = {
      sheet: "Parametri",
      table: null,
      cells: {
        sogliaRaggiunto: { row: 2, col: 2, numberFormat: "0%" },
        pesoFasiNelGrado: { row: 3, col: 2, numberFormat: "dd/mm/yyyy" },
      },
    };
    const names = new Map(parameterNames(p).map((n) => [n.name, n.refersTo]));
    expect(names.get("pegSogliaRaggiunto")).toContain(
      "IF(ISNUMBER(Parametri!$B$2),IF(AND(ROUND(Parametri!$B$2*100,9)>=0,ROUND(Parametri!$B$2*100,9)<=100),ROUND(Parametri!$B$2*100,9),90)",
    );
    expect(names.get("pegPesoFasi")).toMatch(/^=IFERROR\(IF\(ISNUMBER\(Parametri!\$B\$3\),50,/);
  });
  it("a cell saved without its value is not read: the constant the reader used", () => {
    const p = plan([ob("A")], [], [], { sogliaRaggiunto: 90, anno: 2023 });
    p.layout.parametri = {
      sheet: "Parametri",
      table: null,
      cells: {
        sogliaRaggiunto: { row: 2, col: 2, uncached: true },
        anno: { row: 3, col: 2, uncached: true },
      },
    };
    const names = new Map(parameterNames(p).map((n) => [n.name, n.refersTo]));
    expect(names.get("pegSogliaRaggiunto")).toBe("=90");
    expect(names.get("pegAnno")).toBe("=2023");
  });
  it("Data di riferimento: no serial literal for a date; the serial range of the workbook's date system", () => {
    const p = base();
    p.parametri.dataRiferimento = "2023-06-30";
    p.layout.parametri = { sheet: "Parametri", table: null, cells: { dataRiferimento: { row: 2, col: 2 } } };
    const n1900 = parameterNames(p).find((n) => n.name === "pegDataRiferimento")!.refersTo;
    expect(n1900).toContain("AND(Parametri!$B$2>=1,Parametri!$B$2<2958466)");
    expect(n1900).not.toContain("45107"); // 30/06/2023 is never written as a number
    expect(n1900).toContain("DATE(pegAnno,12,31)");
    p.layout.date1904 = true;
    const n1904 = parameterNames(p).find((n) => n.name === "pegDataRiferimento")!.refersTo;
    expect(n1904).toContain("AND(Parametri!$B$2>=0,Parametri!$B$2<2957004)");
    expect(n1904).toContain(">=1904");
  });
  it("an absent Formula decrescente is the text constant", () => {
    const p = plan([ob("A")], [], [], { formulaDecrescente: "2T-A" });
    expect(parameterNames(p).find((n) => n.name === "pegFormulaDecrescente")?.refersTo).toBe('="2T-A"');
  });
});

describe("write plan", () => {
  function tablePlan() {
    const o = [ob("A", { peso: 2 }), ob("B")];
    const f = [fase("A", 60, 100, { finePrevista: "2023-05-31" }), fase("B", null, 20)];
    const i = [ind("A", 10, 5)];
    const p = plan(o, f, i);
    p.layout.obiettivi = layoutOf<ObiettivoField>(
      "Obiettivi",
      "tblObiettivi",
      [
        ["codice", "Codice"],
        ["centroResponsabilita", "Centro di Responsabilità"],
        ["peso", "Peso"],
      ],
      o[0].row,
      o[1].row,
    );
    p.layout.fasi = layoutOf<FaseField>(
      "Fasi",
      "tblFasi",
      [
        ["obiettivo", "Obiettivo"],
        ["finePrevista", "Fine Prevista"],
        ["fineEffettiva", "Fine Effettiva"],
        ["peso", "Peso"],
        ["avanzamento", "Avanzamento"],
      ],
      f[0].row,
      f[1].row,
    );
    p.layout.indicatori = layoutOf<IndicatoreField>(
      "Indicatori",
      "tblIndicatori",
      [
        ["obiettivo", "Obiettivo"],
        ["valoreAtteso", "Valore Atteso"],
        ["valoreRaggiunto", "Valore Raggiunto"],
      ],
      i[0].row,
      i[0].row,
    );
    return p;
  }

  it("appends the documented computed columns (and marked helpers) right of each table", () => {
    const p = tablePlan();
    const wp = buildRollupWritePlan(p, computeRollups(p));
    const ob = wp.computed.find((t) => t.sheet === "Obiettivi")!;
    expect(ob.columns.map((c) => [c.header, c.col, !!c.helper])).toEqual([
      ["Avanzamento Fasi %", 4, false],
      ["Raggiungimento Indicatori %", 5, false],
      ["Grado di Raggiungimento %", 6, false],
      ["Grado Finale %", 7, false],
      ["Esito", 8, false],
      ["Peso x Grado (calcolo)", 9, true],
      // match keys: the Codice, and one per grouping column the sheet has (here only the CdR)
      ["Chiave Codice (calcolo)", 10, true],
      ["Chiave CdR (calcolo)", 11, true],
    ]);
    const fasi = wp.computed.find((t) => t.sheet === "Fasi")!;
    expect(fasi.columns.map((c) => c.header)).toEqual([
      "Tempistica",
      "Scostamento (giorni)",
      "Peso x Avanzamento (calcolo)",
      "Chiave Obiettivo (calcolo)",
    ]);
    const ind = wp.computed.find((t) => t.sheet === "Indicatori")!;
    // no Peso column in Indicatori: no Peso helper
    expect(ind.columns.map((c) => c.header)).toEqual(["Raggiungimento %", "Chiave Obiettivo (calcolo)"]);
  });

  it("writes one calculated-column formula per table column, SUMIFS/COUNTIFS, no SUMPRODUCT", () => {
    const p = tablePlan();
    const wp = buildRollupWritePlan(p, computeRollups(p));
    for (const t of wp.computed) {
      for (const c of t.columns) {
        expect(new Set(c.formulas).size).toBe(1);
        expect(c.formulas[0]).not.toMatch(/SUMPRODUCT|\[@/);
        expect(c.formulas.length).toBe(t.lastRow - t.firstRow + 1);
      }
    }
    const f = wp.computed[0].columns[0].formulas[0];
    // phases are matched through the helper keys, never the raw Obiettivo/Codice cells
    expect(f).toContain(
      "COUNTIFS(tblFasi[[Chiave Obiettivo (calcolo)]],tblObiettivi[[#This Row],[Chiave Codice (calcolo)]])",
    );
    expect(f).not.toContain("[Codice]");
    expect(f).toContain("tblFasi[[Peso x Avanzamento (calcolo)]]");
    const esito = wp.computed[0].columns[4].formulas[0];
    expect(esito).toContain("pegSogliaRaggiunto");
    expect(esito).toContain("pegSogliaParziale");
  });

  it("reads a percent column ×100 wherever the formulas use it", () => {
    const p = tablePlan();
    p.layout.fasi!.percentColumns = { avanzamento: true, peso: true };
    const wp = buildRollupWritePlan(p, computeRollups(p));
    const fasi = wp.computed.find((t) => t.sheet === "Fasi")!;
    const helper = fasi.columns.find((c) => c.header === "Peso x Avanzamento (calcolo)")!.formulas[0];
    expect(helper).toContain(
      "(100*tblFasi[[#This Row],[Peso]])*(100*IF(ISNUMBER(tblFasi[[#This Row],[Avanzamento]]),tblFasi[[#This Row],[Avanzamento]],0))",
    );
    expect(fasi.columns[0].formulas[0]).toContain("AND((100*IF(ISNUMBER(tblFasi[[#This Row],[Avanzamento]])");
    const f = wp.computed[0].columns[0].formulas[0];
    expect(f).toContain("/(100*SUMIFS(tblFasi[Peso],");
    expect(f).toContain("(100*(SUMIFS(tblFasi[Avanzamento],");
  });

  it("cached results are the TypeScript values; number formats 0.00", () => {
    const p = tablePlan();
    const r = computeRollups(p);
    const wp = buildRollupWritePlan(p, r);
    const ob = wp.computed[0];
    // A: F = 100 (only weighted phase), R = 50 → G = 75, Esito Parzialmente raggiunto; B: F = 20
    expect(ob.columns[0].results).toEqual([100, 20]);
    expect(ob.columns[1].results).toEqual([50, null]);
    expect(ob.columns[2].results).toEqual([75, 20]);
    expect(ob.columns[3].results).toEqual([75, 20]); // Grado Finale: no validated grade, G
    expect(ob.columns[4].results).toEqual(["Parzialmente raggiunto", "Non raggiunto"]);
    expect(ob.columns[5].results).toEqual([150, 0]); // Peso 2 × 75; B has no Peso
    expect(ob.columns[0].numberFormat).toBe("0.00");
  });

  /** The table plan with a Grado Validato % column (D) on Obiettivi; B's grade validated at `validato`. */
  function validatedPlan(validato: number) {
    const p = tablePlan();
    p.obiettivi[1].gradoValidato = validato;
    p.obiettivi[1].motivazioneValidazione = "Verbale del Nucleo";
    const L = p.layout.obiettivi!;
    L.columns.gradoValidato = 4;
    L.headers[4] = "Grado Validato %";
    L.lastCol = 4;
    return p;
  }

  it("Grado Finale reads Grado Validato when it is a number, else G; Esito and Peso x Grado read it", () => {
    const p = validatedPlan(95);
    const wp = buildRollupWritePlan(p, computeRollups(p));
    const ob = wp.computed[0];
    const col = (h: string) => ob.columns.find((c) => c.header === h)!;
    expect(col("Grado Finale %").col).toBe(col("Grado di Raggiungimento %").col + 1);
    expect(col("Grado Finale %").formulas[0]).toBe(
      '=IF(LEN(tblObiettivi[[#This Row],[Chiave Codice (calcolo)]])<2,"",' +
        "IF(ISNUMBER(tblObiettivi[[#This Row],[Grado Validato %]]),tblObiettivi[[#This Row],[Grado Validato %]]," +
        "tblObiettivi[[#This Row],[Grado di Raggiungimento %]]))",
    );
    expect(col("Esito").formulas[0]).toContain("ROUND(tblObiettivi[[#This Row],[Grado Finale %]],9)");
    expect(col("Peso x Grado (calcolo)").formulas[0]).toContain("tblObiettivi[[#This Row],[Grado Finale %]]");
    // B: G = 20 (Non raggiunto) but validated at 95 → Grado Finale 95, Raggiunto
    expect(col("Grado di Raggiungimento %").results).toEqual([75, 20]);
    expect(col("Grado Finale %").results).toEqual([75, 95]);
    expect(col("Esito").results).toEqual(["Parzialmente raggiunto", "Raggiunto"]);
    // the Riepilogo counts and averages Grado Finale
    const riepilogo = JSON.stringify(wp.riepilogo.cells);
    expect(riepilogo).toContain("tblObiettivi[[Grado Finale %]]");
    expect(riepilogo).not.toContain("Grado di Raggiungimento %]]");
  });

  it("a percent-formatted Grado Validato column is read ×100, like Peso", () => {
    const p = validatedPlan(95);
    p.layout.obiettivi!.percentColumns = { gradoValidato: true };
    const wp = buildRollupWritePlan(p, computeRollups(p));
    const f = wp.computed[0].columns.find((c) => c.header === "Grado Finale %")!.formulas[0];
    expect(f).toContain(
      "IF(ISNUMBER(tblObiettivi[[#This Row],[Grado Validato %]]),(100*tblObiettivi[[#This Row],[Grado Validato %]]),",
    );
  });

  it("Riepilogo: six titled tables with the documented columns, data bars and Esito colours", () => {
    const p = tablePlan();
    const wp = buildRollupWritePlan(p, computeRollups(p));
    const d = wp.riepilogo;
    expect(d.name).toBe("Riepilogo");
    const texts = d.cells
      .filter((c) => c.content.kind === "text")
      .map((c) => (c.content as { text: string }).text);
    // One header row shared by the six tables, repeated on every printed page; a Totale row per table.
    expect(texts.filter((t) => t === "Gruppo")).toHaveLength(1);
    expect(d.print?.printTitleRows).toMatch(/^\$\d+:\$\d+$/);
    expect(texts.filter((t) => t === "Totale")).toHaveLength(6);
    expect(texts).toContain("Per Centro di Responsabilità");
    expect(texts).toContain("Per Valore Pubblico");
    expect(d.conditionalFormats?.filter((c) => c.type === "dataBar")).toHaveLength(6);
    expect(d.conditionalFormats?.filter((c) => c.type === "expression")).toHaveLength(24);
    expect(d.print?.paperSize).toBe("A4");
    for (const s of Object.values(d.styles)) expect(s.font.name).toBe("Calibri");
    const formulas = d.cells.filter((c) => c.content.kind === "formula").map((c) => c.content);
    expect(formulas.every((f) => f.kind === "formula" && !/SUMPRODUCT/.test(f.formula))).toBe(true);
  });
});

describe("group criteria", () => {
  it("a helper key becomes a criterion literal with ~ * ? escaped and quotes doubled", () => {
    expect(keyCriterion("kSETTORE SOCIOEDUCATIVO")).toBe('"kSETTORE SOCIOEDUCATIVO"');
    expect(keyCriterion("kVP*2 ~OK?")).toBe('"kVP~*2 ~~OK~?"');
    expect(keyCriterion('kIL "BENE"')).toBe('"kIL ""BENE"""');
  });
});
