// The Scheda with the earlier snapshot of the Monitoraggi archive (SPEC §7, docs/reference/scheda.md)
// and the Nucleo's validation in SINTESI. Hand-built plans; the snapshot is found and matched by
// src/domain/cycle (earlierSnapshot) as the service does; expected values come from the archive rows
// and the contract, not from the layout code.
import { earlierSnapshot } from "../../src/domain/cycle/earlier";
import type { MonitoraggioRow } from "../../src/domain/cycle/monitoraggi";
import { archived } from "../helpers/monitoraggi";
import type { SheetDescription } from "../../src/domain/model/sheet";
import type { Plan } from "../../src/domain/model/model";
import { computeRollups } from "../../src/domain/rollup/rollup";
import { PRINTABLE_WIDTH } from "../../src/domain/scheda/grid";
import {
  layoutScheda,
  layoutSchedaPages,
  type PlannedPage,
  type SchedaOptions,
} from "../../src/domain/scheda/layout";
import { MAX_ROW_HEIGHT } from "../../src/domain/scheda/measure";
import { EXCEL, LIBREOFFICE, LO_POINTS_PER_CHAR } from "../../src/domain/scheda/renderer";
import { fase, indicatore, longText, obiettivo, plan, rollups } from "./fixtures";
import { cellAt, rowsWith, texts } from "./sheetQuery";

const ALL: SchedaOptions = { filter: { cdr: [], obiettivi: [] }, generatedOn: "2024-01-15" };

const row = (sheet: SheetDescription, r: number) =>
  texts(sheet)
    .filter((t) => t.row === r)
    .sort((a, b) => a.col - b.col)
    .map((t) => [t.col, t.text]);

const numberAt = (sheet: SheetDescription, r: number, c: number) => {
  const content = cellAt(sheet, r, c)?.content;
  return content?.kind === "number" ? content.value : content?.kind;
};

/** Every planned page's rows fit the renderer's page budget. */
function expectPagesWithin(sheet: SheetDescription, pages: PlannedPage[], budget: number): void {
  for (const pg of pages) {
    let h = 0;
    for (let r = pg.firstRow; r <= pg.lastRow; r++) h += sheet.rowHeights[r] ?? 15;
    expect({ page: pg.firstRow, fits: h <= budget }).toEqual({ page: pg.firstRow, fits: true });
  }
}

/** Two objectives: OB1 with three phases and two indicators, OB2 with one of each. */
function twoObjectives(): Plan {
  return plan(
    [obiettivo("OB1"), obiettivo("OB2")],
    [
      fase("OB1", "Analisi dei bisogni", { avanzamento: 100 }),
      fase("OB1", "Attività di verifica", { avanzamento: 90 }),
      fase("OB1", "Fase nuova dopo giugno", { avanzamento: 10 }),
      fase("OB2", "Avvio", { avanzamento: 70 }),
    ],
    [
      indicatore("OB1", "Utenti  serviti", { valoreRaggiunto: 120 }),
      indicatore("OB1", "Incontri svolti", { valoreRaggiunto: 8 }),
      indicatore("OB2", "Pratiche chiuse", { valoreRaggiunto: 40 }),
    ],
  );
}

/** The archive at 30/06 (and an older one at 31/03) of twoObjectives(), written with other spellings. */
const ARCHIVE: MonitoraggioRow[] = [
  archived("2023-03-31", "Obiettivo", "OB1", null, 10),
  archived("2023-03-31", "Fase", "OB1", "Analisi dei bisogni", 20),
  archived("2023-06-30", "Obiettivo", "OB1", null, 55.5),
  archived("2023-06-30", "Fase", "ob1", "ANALISI DEI BISOGNI", 60),
  archived("2023-06-30", "Fase", "OB1", "Attivita di verifica", 45),
  archived("2023-06-30", "Indicatore", "OB1", "utenti serviti", 1150.5),
  archived("2023-06-30", "Indicatore", "OB1", "Incontri svolti", 3),
  // OB2 has no objective row in the archive; its phase and indicator have.
  archived("2023-06-30", "Fase", "OB2", "Avvio", 35),
  archived("2023-06-30", "Indicatore", "OB2", "Pratiche chiuse", 15),
  // Later than Data di riferimento (31/12) or of another year: never shown.
  archived("2024-03-31", "Obiettivo", "OB1", null, 99),
  archived("2022-09-30", "Obiettivo", "OB1", null, 98),
];

describe("the Scheda without an earlier snapshot", () => {
  const p = twoObjectives();
  const plain = layoutScheda(p, rollups(p), ALL);

  it("is the same sheet whether the option is absent, null or finds nothing before Data di riferimento", () => {
    expect(layoutScheda(p, rollups(p), { ...ALL, earlier: null })).toEqual(plain);
    const none = earlierSnapshot(p, [archived("2023-12-31", "Obiettivo", "OB1", null, 4), ARCHIVE[9]]);
    expect(none).toBeNull();
    expect(layoutScheda(p, rollups(p), { ...ALL, earlier: none })).toEqual(plain);
  });

  it("has eight columns and no column or line of an earlier date", () => {
    expect(plain.columnWidths).toHaveLength(8);
    expect(plain.print?.printArea).toMatch(/^A1:H\d+$/);
    const all = texts(plain).map((t) => t.text);
    expect(all.filter((t) => /^(Avanz\.|Valore|Grado) al /.test(t))).toEqual([]);
  });
});

describe("the Scheda with the snapshot at 30/06", () => {
  const p = twoObjectives();
  const earlier = earlierSnapshot(p, ARCHIVE);
  const sheet = layoutScheda(p, rollups(p), { ...ALL, earlier });

  it("takes the latest archived date before Data di riferimento in Anno", () => {
    expect(earlier?.date).toBe("2023-06-30");
  });

  it("has nine columns filling the printable width, print area to column I", () => {
    expect(sheet.columnWidths).toHaveLength(9);
    // At the sheet's print scale (the sheet planned for Excel prints at 90 %).
    const width =
      (sheet.columnWidths.reduce((a, w) => a + w * LO_POINTS_PER_CHAR, 0) * (sheet.print?.scale ?? 100)) /
      100;
    expect(width).toBeLessThanOrEqual(PRINTABLE_WIDTH);
    expect(width).toBeGreaterThan(PRINTABLE_WIDTH - 20);
    expect(sheet.print?.printArea).toMatch(/^A1:I\d+$/);
  });

  it("phase table: `Avanz. al 30/06` beside Avanzamento, spanning both header rows", () => {
    const header = rowsWith(sheet, "FASE")[0];
    expect(row(sheet, header)).toEqual([
      [1, "FASE"],
      [2, "Inizio Previsto"],
      [3, "Fine Prevista"],
      [4, "Peso"],
      [5, "Avanzamento"],
      [6, "Avanz. al 30/06"],
      [7, "Responsabile"],
      [8, "Centro di Responsabilità"],
      [9, "Note"],
    ]);
    expect(row(sheet, header + 1)).toEqual([
      [2, "Inizio Effettivo"],
      [3, "Fine Effettiva"],
    ]);
    expect(sheet.merges).toContainEqual({ top: header, left: 6, bottom: header + 1, right: 6 });
  });

  it("each phase shows its archived Avanzamento, matched by Obiettivo and Fase as headers are compared", () => {
    const at = (titolo: string) => rowsWith(sheet, titolo)[0];
    expect(numberAt(sheet, at("Analisi dei bisogni"), 5)).toBe(100);
    expect(numberAt(sheet, at("Analisi dei bisogni"), 6)).toBe(60); // not the 31/03 value (20)
    expect(numberAt(sheet, at("Attività di verifica"), 6)).toBe(45); // accent and case aside
    expect(numberAt(sheet, at("Avvio"), 6)).toBe(35);
    // No archived row: an empty cell with the table's border, merged over the phase's rows.
    const nuova = at("Fase nuova dopo giugno");
    expect(cellAt(sheet, nuova, 6)?.content).toEqual({ kind: "empty" });
    expect(sheet.styles[cellAt(sheet, nuova, 6)?.style ?? ""].border).toBeDefined();
    expect(sheet.merges).toContainEqual({ top: nuova, left: 6, bottom: nuova + 1, right: 6 });
    // Two decimals, Italian, in the grey italic of the effective dates.
    const style = sheet.styles[cellAt(sheet, at("Avvio"), 6)?.style ?? ""];
    expect(style.numberFormat).toBe("[$-410]0.00");
    expect(style.font.italic).toBe(true);
    // The texts keep their columns: Responsabile, CdR, Note.
    expect(row(sheet, at("Avvio")).map(([c]) => c)).toEqual([1, 7, 8]);
  });

  it("indicator table: `Valore al 30/06` beside Valore Raggiunto, the history years after it, Note to I", () => {
    const header = rowsWith(sheet, "Descrizione")[0];
    expect(row(sheet, header)).toEqual([
      [1, "Descrizione"],
      [2, "Tipo"],
      [3, "Valore Atteso"],
      [4, "Valore Raggiunto"],
      [5, "Valore al 30/06"],
      [6, "Valore Raggiunto 2022"],
      [7, "Valore Raggiunto 2021"],
      [8, "Note"],
    ]);
    expect(sheet.merges).toContainEqual({ top: header, left: 8, bottom: header, right: 9 });
    const utenti = rowsWith(sheet, "Utenti  serviti")[0];
    expect([4, 5, 6, 7].map((c) => numberAt(sheet, utenti, c))).toEqual([120, 1150.5, 1, 4]);
    expect(sheet.styles[cellAt(sheet, utenti, 5)?.style ?? ""].numberFormat).toBe("[$-410]#,##0.00");
    expect(numberAt(sheet, rowsWith(sheet, "Incontri svolti")[0], 5)).toBe(3);
    expect(numberAt(sheet, rowsWith(sheet, "Pratiche chiuse")[0], 5)).toBe(15);
  });

  it("SINTESI: `Grado al 30/06` after Grado di Raggiungimento %, n.d. without an archived objective", () => {
    const lines = rowsWith(sheet, "Grado al 30/06");
    expect(lines).toHaveLength(2);
    const [ob1, ob2] = lines;
    expect(rowsWith(sheet, "Grado di Raggiungimento %")).toEqual([ob1 - 1, ob2 - 1]);
    expect(numberAt(sheet, ob1, 2)).toBe(55.5);
    expect(cellAt(sheet, ob2, 2)?.content).toEqual({ kind: "text", text: "n.d." });
    expect(rowsWith(sheet, "Esito")).toEqual([ob1 + 1, ob2 + 1]);
  });

  it("the page header band and the opening index use all nine columns", () => {
    const band = rowsWith(sheet, "OB1", 7)[0];
    expect(cellAt(sheet, band, 1)?.content).toEqual({ kind: "text", text: "PEG-PIAO-SEZ. 2.2 PERFORMANCE" });
    expect(sheet.merges).toContainEqual({ top: band, left: 1, bottom: band, right: 6 });
    expect(sheet.merges).toContainEqual({ top: band, left: 7, bottom: band, right: 9 });
    const index = rowsWith(sheet, "Obiettivo")[0];
    expect(row(sheet, index).map(([c]) => c)).toEqual([1, 4, 5, 6, 7, 8, 9]);
    expect(row(sheet, index + 1)).toEqual([
      [1, "Titolo dell'obiettivo OB1"],
      [4, "OB1"],
      [9, "Raggiunto"],
    ]);
  });

  it("labels carry the snapshot's date", () => {
    const september = [...ARCHIVE, archived("2023-09-30", "Fase", "OB1", "Analisi dei bisogni", 80)];
    const e = earlierSnapshot(p, september);
    const s = layoutScheda(p, rollups(p), { ...ALL, earlier: e });
    const all = new Set(texts(s).map((t) => t.text));
    for (const label of ["Avanz. al 30/09", "Valore al 30/09", "Grado al 30/09"])
      expect(all.has(label)).toBe(true);
    expect([...all].filter((t) => t.includes("30/06"))).toEqual([]);
    // Only the rows of that date: the other elements have no value at 30/09.
    expect(numberAt(s, rowsWith(s, "Analisi dei bisogni")[0], 6)).toBe(80);
    expect(numberAt(s, rowsWith(s, "Avvio")[0], 6)).toBe("empty");
  });
});

describe("the Scheda with a snapshot still keeps every rule of the pages", () => {
  // Many phases with notes, long texts, many indicators: the objective runs over several pages.
  const phases = Array.from({ length: 30 }, (_, i) =>
    fase("BIG", `Fase numero ${i + 1} ` + "con una descrizione dell'attività ".repeat(i % 5), {
      note: i % 4 === 0 ? longText(1, (i % 3) + 1) : null,
    }),
  );
  const inds = Array.from({ length: 12 }, (_, i) =>
    indicatore("BIG", `Indicatore ${i + 1} ` + "misura ".repeat(i * 4)),
  );
  const p = plan(
    [
      obiettivo("BIG", { statoAttuazione: longText(9, 6), modalitaAttuazione: longText(3, 4) }),
      obiettivo("SMALL"),
    ],
    [...phases, fase("SMALL", "Fase piccola")],
    inds,
  );
  const archive = [
    archived("2023-06-30", "Obiettivo", "BIG", null, 40),
    ...phases.map((f, i) => archived("2023-06-30", "Fase", "BIG", f.titolo, i)),
    ...inds.map((x, i) => archived("2023-06-30", "Indicatore", "BIG", x.descrizione, 1000 + i)),
  ];
  const earlier = earlierSnapshot(p, archive);

  for (const renderer of ["excel", "libreoffice"] as const) {
    const { sheet, pages } = layoutSchedaPages(p, rollups(p), { ...ALL, earlier, renderer });
    const budget = renderer === "excel" ? EXCEL.pageBudget : LIBREOFFICE.pageBudget;

    it(`${renderer}: pages within the budget, planned pages and breaks, rows at most 409 pt`, () => {
      expect(pages.filter((pg) => pg.obiettivo === "BIG").length).toBeGreaterThan(3);
      expect(sheet.plannedPages).toBe(pages.length);
      expect(sheet.pageBreaks).toEqual(pages.slice(0, -1).map((pg) => pg.lastRow));
      expectPagesWithin(sheet, pages, budget);
      for (const h of Object.values(sheet.rowHeights)) expect(h).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    });

    it(`${renderer}: each phase whole on one page with its archived value; continued tables repeat the headers`, () => {
      phases.forEach((f, i) => {
        const r = rowsWith(sheet, f.titolo)[0];
        expect(sheet.pageBreaks).not.toContain(r);
        expect(numberAt(sheet, r, 6)).toBe(i);
      });
      inds.forEach((x, i) => expect(numberAt(sheet, rowsWith(sheet, x.descrizione)[0], 5)).toBe(1000 + i));
      let continued = 0;
      for (const pg of pages.filter((x) => x.obiettivo === "BIG")) {
        const inPage = texts(sheet).filter((t) => t.row >= pg.firstRow && t.row <= pg.lastRow);
        const first = inPage.find((t) => t.col === 1 && /^(Fase numero|Indicatore )/.test(t.text));
        if (!first) continue;
        const before = inPage.filter((t) => t.row < first.row).map((t) => t.text);
        const header = first.text.startsWith("Fase")
          ? ["FASE", "Avanzamento", "Avanz. al 30/06", "Inizio Effettivo"]
          : ["Descrizione", "Valore Raggiunto", "Valore al 30/06"];
        expect(before).toEqual(expect.arrayContaining(header));
        if (!before.includes("FASI - ATTIVITA'") && !before.includes("INDICATORI")) continued++;
        // Every page of the objective starts with its page header.
        expect(cellAt(sheet, pg.firstRow, 1)?.content).toEqual({
          kind: "text",
          text: "PEG-PIAO-SEZ. 2.2 PERFORMANCE",
        });
      }
      expect(continued).toBeGreaterThan(0);
    });
  }
});

describe("SINTESI shows the Nucleo's grade", () => {
  // Every phase done (F = 100), indicator 3 of 2 (r = 100): G = 100. OBV validated at 50.
  const reason = "Verbale del Nucleo n. 4 del 12/03/2024: attività non documentate.";
  const p = plan(
    [obiettivo("OBV", { gradoValidato: 50, motivazioneValidazione: reason }), obiettivo("OBN")],
    [fase("OBV", "Prima"), fase("OBV", "Seconda"), fase("OBN", "Prima"), fase("OBN", "Seconda")],
    [indicatore("OBV", "Misura"), indicatore("OBN", "Misura")],
  );
  const sheet = layoutScheda(p, computeRollups(p), ALL);
  const band = (code: string) => rowsWith(sheet, code, 6)[0];

  it("the computed grade, the validated one and the reason; Esito follows Grado Finale", () => {
    const from = band("OBV");
    const sintesi = rowsWith(sheet, "SINTESI").find((r) => r > from) as number;
    expect(
      [1, 2, 3, 4, 5, 6].map((k) => [
        (cellAt(sheet, sintesi + k, 1)?.content as { text: string }).text,
        cellAt(sheet, sintesi + k, 2)?.content,
      ]),
    ).toEqual([
      ["Avanzamento Fasi %", { kind: "number", value: 100 }],
      ["Raggiungimento Indicatori %", { kind: "number", value: 100 }],
      ["Grado di Raggiungimento %", { kind: "number", value: 100 }],
      ["Grado validato dal Nucleo", { kind: "number", value: 50 }],
      ["Motivazione", { kind: "text", text: reason }],
      // 50 is below the Soglia parzialmente raggiunto (70): Non raggiunto, whatever G says
      ["Esito", { kind: "text", text: "Non raggiunto" }],
    ]);
    // The reason spreads over the value columns, B to the last.
    expect(sheet.merges).toContainEqual({ top: sintesi + 5, left: 2, bottom: sintesi + 5, right: 8 });
  });

  it("an objective not validated has neither line; the opening index shows Grado Finale", () => {
    const after = rowsWith(sheet, "SINTESI").find((r) => r > band("OBN")) as number;
    expect(rowsWith(sheet, "Grado validato dal Nucleo").filter((r) => r > after)).toEqual([]);
    expect(rowsWith(sheet, "Motivazione").filter((r) => r > after)).toEqual([]);
    const index = rowsWith(sheet, "Titolo dell'obiettivo OBV")[0];
    expect(numberAt(sheet, index, 7)).toBe(50);
    expect(cellAt(sheet, index, 8)?.content).toEqual({ kind: "text", text: "Non raggiunto" });
    const notValidated = rowsWith(sheet, "Titolo dell'obiettivo OBN")[0];
    expect(numberAt(sheet, notValidated, 7)).toBe(100);
  });

  it("a Motivazione longer than a page goes on under SINTESI (segue), nothing lost, Esito last", () => {
    const long = longText(5, 14);
    const pl = plan(
      [obiettivo("OBL", { gradoValidato: 75, motivazioneValidazione: long })],
      [fase("OBL", "Prima")],
      [],
    );
    for (const renderer of ["excel", "libreoffice"] as const) {
      const { sheet: s, pages } = layoutSchedaPages(pl, computeRollups(pl), { ...ALL, renderer });
      const budget = renderer === "excel" ? EXCEL.pageBudget : LIBREOFFICE.pageBudget;
      const first = rowsWith(s, "Motivazione")[0];
      const more = rowsWith(s, "Motivazione (segue)");
      expect(more.length).toBeGreaterThan(0);
      const pieces = [first, ...more].map((r) => (cellAt(s, r, 2)?.content as { text: string }).text);
      expect(pieces.join("\n").replace(/\s+/g, " ")).toBe(long.replace(/\s+/g, " "));
      expect(rowsWith(s, "SINTESI (segue)").length).toBeGreaterThan(0);
      const esito = rowsWith(s, "Esito")[0];
      expect(esito).toBe(more[more.length - 1] + 1);
      expect(cellAt(s, esito, 2)?.content).toEqual({ kind: "text", text: "Parzialmente raggiunto" });
      expectPagesWithin(s, pages, budget);
    }
  });
});
