// The Monitoraggi archive in the domain (docs/reference/workbook.md#monitoraggi): the snapshot's rows,
// merging a date into the archive, reading the sheet back, and the earlier snapshot the Scheda shows.
// Expected values are written from the contract, not taken from the code.
import { readArchive } from "../../src/domain/cycle/archive";
import { earlierSnapshot } from "../../src/domain/cycle/earlier";
import { monitoraggiTable, type MonitoraggioRow } from "../../src/domain/cycle/monitoraggi";
import { buildSnapshot, mergeSnapshot } from "../../src/domain/cycle/snapshot";
import type { RawSheet, RawValue } from "../../src/domain/model/raw";
import { computeRollups } from "../../src/domain/rollup/rollup";
import { ARCHIVE_HEADERS, archived } from "../helpers/monitoraggi";
import { fase, ind, ob, plan } from "../rollup/planFixture";

function samplePlan(dataRiferimento = "2023-06-30") {
  return plan(
    [ob("OB1", { gradoValidato: 95 }), ob("OB2"), ob("OB1 ")],
    [
      fase("OB1", 50, 100, { titolo: "Analisi" }),
      fase("ob2", null, 40, { titolo: "Avvio" }),
      fase("OB1", 50, 20, { titolo: "Gara" }),
      fase("OB9", null, 10, { titolo: "Orfana" }),
    ],
    [ind("OB2", 10, 8, { descrizione: "Utenti serviti" }), ind("OB1", 4, null, { descrizione: "Bandi" })],
    { dataRiferimento },
  );
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("the snapshot of a plan", () => {
  const p = samplePlan();
  const snap = buildSnapshot(p, computeRollups(p), "2023-07-04");

  it("has one row per objective, then its phases and indicators; orphans last; every row once", () => {
    expect(snap.rows.map((r) => [r.tipo, r.obiettivo, r.elemento])).toEqual([
      ["Obiettivo", "OB1", null],
      ["Fase", "OB1", "Analisi"],
      ["Fase", "OB1", "Gara"],
      ["Indicatore", "OB1", "Bandi"],
      ["Obiettivo", "OB2", null],
      ["Fase", "ob2", "Avvio"],
      ["Indicatore", "OB2", "Utenti serviti"],
      // "OB1 " repeats OB1 (CODE_DUPLICATE): its phases and indicators are already listed
      ["Obiettivo", "OB1 ", null],
      ["Fase", "OB9", "Orfana"],
    ]);
    expect([snap.objectives, snap.phases, snap.indicators]).toEqual([3, 4, 2]);
  });

  it("holds values: phase Avanzamento, indicator Valore Raggiunto, objective F, Grado Finale and Esito", () => {
    const [o1, a, g, bandi, o2, avvio, utenti] = snap.rows;
    // OB1: F = (50·100 + 50·20)/100 = 60; validated at 95 → Grado Finale 95, Raggiunto
    expect([o1.avanzamento, o1.valoreRaggiunto, o1.grado, o1.esito]).toEqual([60, null, 95, "Raggiunto"]);
    expect([a.avanzamento, g.avanzamento]).toEqual([100, 20]);
    expect([bandi.valoreRaggiunto, bandi.avanzamento, bandi.grado, bandi.esito]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    // OB2: F = 40, r = 80 → G = 60 (not validated), Non raggiunto
    expect([o2.avanzamento, o2.grado, o2.esito]).toEqual([40, 60, "Non raggiunto"]);
    expect(avvio.avanzamento).toBe(40);
    expect(utenti.valoreRaggiunto).toBe(8);
    for (const r of snap.rows) expect([r.data, r.archiviatoIl]).toEqual(["2023-06-30", "2023-07-04"]);
  });

  it("is laid out as the nine columns of tblMonitoraggi, dates as dates, values as numbers", () => {
    const t = monitoraggiTable(snap.rows);
    expect([t.sheet, t.table]).toEqual(["Monitoraggi", "tblMonitoraggi"]);
    expect(t.columns.map((c) => c.header)).toEqual(ARCHIVE_HEADERS);
    expect(t.columns[0].numberFormat).toBe("dd/mm/yyyy");
    expect(t.rows[0]).toEqual([
      utc(2023, 6, 30),
      "Obiettivo",
      "OB1",
      null,
      60,
      null,
      95,
      "Raggiunto",
      utc(2023, 7, 4),
    ]);
  });
});

describe("merging a snapshot into the archive", () => {
  const row = (data: string | null, obiettivo: string, avanzamento: number): MonitoraggioRow => ({
    data,
    tipo: "Obiettivo",
    obiettivo,
    elemento: null,
    avanzamento,
    valoreRaggiunto: null,
    grado: null,
    esito: null,
    archiviatoIl: null,
  });
  const archive = [
    row("2023-12-31", "A", 1),
    row("2023-06-30", "A", 2),
    row(null, "?", 3),
    row("2023-06-30", "B", 4),
  ];

  it("replaces the rows of the same date and keeps the others, ordered by date (unreadable dates last)", () => {
    const snapshot = {
      date: "2023-06-30",
      rows: [row("2023-06-30", "A", 9)],
      objectives: 1,
      phases: 0,
      indicators: 0,
    };
    const m = mergeSnapshot(archive, snapshot);
    expect(m.rows.map((r) => [r.data, r.obiettivo, r.avanzamento])).toEqual([
      ["2023-06-30", "A", 9],
      ["2023-12-31", "A", 1],
      [null, "?", 3],
    ]);
    expect(m.replaced).toBe(2);
    expect(m.dates).toEqual(["2023-06-30", "2023-12-31"]);
  });

  it("adds a new date beside the others", () => {
    const snapshot = {
      date: "2023-09-30",
      rows: [row("2023-09-30", "A", 7)],
      objectives: 1,
      phases: 0,
      indicators: 0,
    };
    const m = mergeSnapshot(archive, snapshot);
    expect(m.rows.map((r) => r.avanzamento)).toEqual([2, 4, 7, 1, 3]);
    expect(m.replaced).toBe(0);
  });
});

describe("reading the archive back", () => {
  const sheet = (
    values: RawValue[][],
    numberFormats?: string[][],
    tables: RawSheet["tables"] = [],
  ): RawSheet => ({
    name: "Monitoraggi",
    originRow: 1,
    originCol: 1,
    values,
    numberFormats,
    tables,
  });

  it("no sheet, or a blank one, is an empty archive", () => {
    expect(readArchive({ sheets: [] })).toEqual({ rows: [], unusable: null });
    expect(readArchive({ sheets: [], monitoraggi: null })).toEqual({ rows: [], unusable: null });
    expect(readArchive({ sheets: [], monitoraggi: sheet([[null, "  "]]) })).toEqual({
      rows: [],
      unusable: null,
    });
  });

  it("reads dates as serials or dates, in any column order, and keeps each row's cells as read", () => {
    const values: RawValue[][] = [
      ["Tipo", "Obiettivo", "Elemento", "Avanzamento", "data di RIFERIMENTO", "Esito", "Nota"],
      ["Fase", "OB1", "Analisi", 80, 45107, null, "mia nota"],
      [null, null, null, null, null, null, null],
      ["Obiettivo", 7, null, "n.d.", utc(2023, 12, 31), "Raggiunto", null],
    ];
    const formats = values.map((r) => r.map((_, c) => (c === 4 ? "dd/mm/yyyy" : "General")));
    const read = readArchive({ sheets: [], monitoraggi: sheet(values, formats) });
    expect(read.unusable).toBeNull();
    expect(read.rows.map((r) => [r.data, r.tipo, r.obiettivo, r.elemento, r.avanzamento, r.esito])).toEqual([
      ["2023-06-30", "Fase", "OB1", "Analisi", 80, null],
      ["2023-12-31", "Obiettivo", "7", null, null, "Raggiunto"],
    ]);
    // written back exactly as read, in the archive's column order (the extra column "Nota" is not the archive's)
    expect(read.rows[1].cells).toEqual([
      utc(2023, 12, 31),
      "Obiettivo",
      7,
      null,
      "n.d.",
      null,
      null,
      "Raggiunto",
      null,
    ]);
  });

  it("a sheet called Monitoraggi without the archive's headers is not taken (archiving would overwrite it)", () => {
    const read = readArchive({
      sheets: [],
      monitoraggi: sheet([
        ["Data", "Nota"],
        ["12/03/2023", "Riunione con i dirigenti"],
      ]),
    });
    expect(read.rows).toEqual([]);
    expect(read.unusable).toContain("«Monitoraggi»");
    expect(read.unusable).toContain("«Data di riferimento»");
    expect(read.unusable).toContain("Rinominare");
  });
});

describe("the earlier snapshot shown in the Scheda", () => {
  it("is the latest date before Data di riferimento in the same Anno", () => {
    const p = samplePlan("2023-12-31");
    const archive = [
      archived("2022-09-30", "Obiettivo", "OB1", null, 1), // another year
      archived("2023-03-31", "Obiettivo", "OB1", null, 2),
      archived("2023-06-30", "Obiettivo", "OB1", null, 3),
      archived("2023-12-31", "Obiettivo", "OB1", null, 4), // the current date: not earlier
    ];
    const e = earlierSnapshot(p, archive)!;
    expect([e.date, e.label]).toEqual(["2023-06-30", "30/06"]);
    expect(e.objectives.get(p.obiettivi[0])?.grado).toBe(3);
    // "OB1 " has OB1's match key: the same archived row
    expect(e.objectives.get(p.obiettivi[2])?.grado).toBe(3);
    expect(e.objectives.has(p.obiettivi[1])).toBe(false);
    expect(earlierSnapshot(samplePlan("2023-06-30"), archive)?.date).toBe("2023-03-31");
    expect(earlierSnapshot(samplePlan("2023-03-31"), archive)).toBeNull();
  });

  it("matches phases and indicators by Obiettivo and name as headers are compared; no match, no value", () => {
    const p = plan(
      [ob("OB1")],
      [
        fase("OB1", null, 50, { titolo: "Attività di verifica" }),
        fase("OB1", null, 60, { titolo: "Gara" }),
        fase("OB1", null, 70, { titolo: "Gara" }),
        fase("OB1", null, 80, { titolo: "Nuova fase" }),
      ],
      [ind("ob1", 1, 1, { descrizione: "Utenti  serviti" })],
      { dataRiferimento: "2023-12-31" },
    );
    const archive = [
      archived("2023-06-30", "Fase", "ob1", "ATTIVITA DI VERIFICA", 10),
      archived("2023-06-30", "Fase", "OB1", "Gara", 20),
      archived("2023-06-30", "Fase", "OB1", "gara", 30),
      archived("2023-06-30", "FASE", "OB2", "Nuova fase", 40), // another objective
      archived("2023-06-30", "Indicatore", "OB1", "utenti serviti", 5),
    ];
    const e = earlierSnapshot(p, archive)!;
    expect(p.fasi.map((f) => e.phases.get(f)?.avanzamento ?? null)).toEqual([10, 20, 30, null]);
    expect(e.indicators.get(p.indicatori[0])?.valoreRaggiunto).toBe(5);
  });
});
