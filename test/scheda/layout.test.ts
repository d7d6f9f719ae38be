// Layout engine unit tests on hand-built plans (no reader, no rollup engine, no host).
import { MAX_ROW_HEIGHT, textWidth, wrapText } from "../../src/domain/scheda/measure";
import { layoutScheda, layoutSchedaPages, type SchedaOptions } from "../../src/domain/scheda/layout";
import { PRINTABLE_WIDTH } from "../../src/domain/scheda/grid";
import { EXCEL, EXCEL_PRINT_SCALE, LIBREOFFICE, LO_POINTS_PER_CHAR } from "../../src/domain/scheda/renderer";
import type { SheetCell, SheetDescription } from "../../src/domain/model/sheet";
import { fase, indicatore, longText, obiettivo, plan, rollups } from "./fixtures";
import { cellAt, rowsWith, texts } from "./sheetQuery";

const ALL: SchedaOptions = { filter: { cdr: [], obiettivi: [] }, generatedOn: "2024-01-15" };

describe("Scheda layout: labels and order (docs/reference/scheda.md)", () => {
  const p = plan(
    [obiettivo("OB1")],
    [fase("OB1", "Prima fase"), fase("OB1", "Seconda fase", { note: "Nota della fase" })],
    [indicatore("OB1", "Numero di incontri", { note: "Nota indicatore" })],
  );
  const sheet = layoutScheda(p, rollups(p), ALL);
  const seq = texts(sheet).map((t) => t.text);

  it("opening block: title, selected parameters with their values, Tutti when no CdR filter", () => {
    const expected = [
      "SCHEDA OBIETTIVI",
      "Comune di Prova",
      "Parametri selezionati:",
      "Vista",
      "DUP_2023_2025 DUP 2023 2025",
      "Livello",
      "PEG-PIAO-SEZ. 2.2 PERFORMANCE",
      "Centro di Responsabilità",
      "Tutti",
    ];
    let at = -1;
    for (const e of expected) {
      const i = seq.indexOf(e, at + 1);
      expect({ label: e, found: i > at }).toEqual({ label: e, found: true });
      at = i;
    }
    // The generation date is a date cell on the opening page.
    const dates = sheet.cells.filter(
      (c) => c.content.kind === "date" && c.row < rowsWith(sheet, "OB1", 6)[0],
    );
    expect(dates.map((c) => (c.content as { iso: string }).iso)).toContain("2024-01-15");
  });

  it("objective page: header and sections in the reference order with the reference labels", () => {
    const start = seq.indexOf("OB1");
    const expected = [
      "OB1",
      "Assessorato",
      "Istruzione - Formazione - Lavoro",
      "Centro di Responsabilità",
      "SETTORE SOCIOEDUCATIVO",
      "Titolo dell'obiettivo OB1",
      "Responsabile",
      "CONTI MARIO",
      "VALORE PUBBLICO",
      "4-BENESS. SOCIO-EDUCATIVO, CULTURALE, ASSOCIATIVO",
      "Collegato a",
      "OBIETTIVO DI MANDATO:",
      "DUP_05 PERSONE E FAMIGLIA",
      "OBIETTIVO DI MISSIONE:",
      "OBIETTIVO DI PROGRAMMA:",
      "Modalità di Attuazione",
      "Modalità breve.",
      "STATO DI ATTUAZIONE",
      "Primo paragrafo dello stato.",
      "Secondo paragrafo dello stato.",
      "Stato",
      "In Corso",
      "FASI - ATTIVITA'",
      "FASE",
      "Inizio Previsto",
      "Fine Prevista",
      "Peso",
      "Avanzamento",
      "Responsabile",
      "Centro di Responsabilità",
      "Note",
      "Inizio Effettivo",
      "Fine Effettiva",
      "Prima fase",
      "Seconda fase",
      "Nota della fase",
      "INDICATORI",
      "Descrizione",
      "Tipo",
      "Valore Atteso",
      "Valore Raggiunto",
      "Valore Raggiunto 2022",
      "Valore Raggiunto 2021",
      "Note",
      "Numero di incontri",
      "EFFICACIA",
      "Nota indicatore",
      "SINTESI",
      "Avanzamento Fasi %",
      "Raggiungimento Indicatori %",
      "Grado di Raggiungimento %",
      "Esito",
      "Raggiunto",
    ];
    let at = start - 1;
    for (const e of expected) {
      const i = seq.indexOf(e, at + 1);
      expect({ label: e, inOrder: i > at }).toEqual({ label: e, inOrder: true });
      at = i;
    }
    // The Livello is on the same row as the Codice (page header band).
    const band = rowsWith(sheet, "OB1", 6)[0];
    expect(cellAt(sheet, band, 1)?.content).toEqual({ kind: "text", text: "PEG-PIAO-SEZ. 2.2 PERFORMANCE" });
  });

  it("phase rows: dates are date cells with dd/mm/yyyy, Peso and Avanzamento numbers with two decimals", () => {
    const r = rowsWith(sheet, "Seconda fase")[0];
    const styleOf = (c: SheetCell | undefined) => sheet.styles[c?.style ?? ""];
    expect(cellAt(sheet, r, 2)?.content).toEqual({ kind: "date", iso: "2023-01-01" });
    expect(cellAt(sheet, r, 3)?.content).toEqual({ kind: "date", iso: "2023-12-31" });
    expect(cellAt(sheet, r + 1, 2)?.content).toEqual({ kind: "date", iso: "2023-01-01" });
    expect(cellAt(sheet, r + 1, 3)?.content).toEqual({ kind: "date", iso: "2023-06-30" });
    expect(styleOf(cellAt(sheet, r, 2)).numberFormat).toBe("dd/mm/yyyy");
    expect(styleOf(cellAt(sheet, r + 1, 3)).numberFormat).toBe("dd/mm/yyyy");
    expect(cellAt(sheet, r, 4)?.content).toEqual({ kind: "number", value: 50 });
    expect(cellAt(sheet, r, 5)?.content).toEqual({ kind: "number", value: 100 });
    // Two decimals, tagged Italian ([$-410]) so LibreOffice prints 50,00 whatever the machine's language.
    expect(styleOf(cellAt(sheet, r, 4)).numberFormat).toBe("[$-410]0.00");
    expect(styleOf(cellAt(sheet, r, 5)).numberFormat).toBe("[$-410]0.00");
    for (const st of Object.values(sheet.styles)) {
      if (st.numberFormat && /0/.test(st.numberFormat)) expect(st.numberFormat).toMatch(/^\[\$-410\]/);
    }
  });

  it("every style has a font name and size; Esito cells are coloured by outcome", () => {
    for (const s of Object.values(sheet.styles)) {
      expect(s.font.name).toBe("Calibri");
      expect(s.font.size).toBeGreaterThan(0);
    }
    const fills: Record<string, string | undefined> = {};
    const p4 = plan([obiettivo("G"), obiettivo("A"), obiettivo("R"), obiettivo("N")], [], []);
    const s4 = layoutScheda(p4, rollups(p4, { G: 95, A: 80, R: 10, N: null }), ALL);
    for (const code of ["G", "A", "R", "N"]) {
      const band = rowsWith(s4, code, 6)[0];
      const esitoLabel = rowsWith(s4, "Esito").find((r) => r > band) as number;
      fills[code] = s4.styles[cellAt(s4, esitoLabel, 2)?.style ?? ""]?.fill;
    }
    expect(fills.G).toBe("C6EFCE"); // green
    expect(fills.A).toBe("FFEB9C"); // amber
    expect(fills.R).toBe("FFC7CE"); // red
    expect(fills.N).toBe("E7E6E6"); // grey
    expect(texts(s4).some((t) => t.text === "Non valutabile")).toBe(true);
  });

  it("no indicators → 'Nessun indicatore'", () => {
    const p0 = plan([obiettivo("OB0")], [fase("OB0", "Unica fase")], []);
    expect(texts(layoutScheda(p0, rollups(p0), ALL)).map((t) => t.text)).toContain("Nessun indicatore");
  });

  it("history years: most recent first, at most three", () => {
    const pH = plan(
      [obiettivo("H")],
      [],
      [
        indicatore("H", "Storico lungo", {
          storico: [2019, 2020, 2021, 2022].map((anno) => ({ anno, valore: anno - 2000 })),
        }),
      ],
    );
    const s = layoutScheda(pH, rollups(pH), ALL);
    const header = rowsWith(s, "Descrizione")[0];
    const heads = texts(s)
      .filter((t) => t.row === header)
      .map((t) => t.text);
    expect(heads).toEqual([
      "Descrizione",
      "Tipo",
      "Valore Atteso",
      "Valore Raggiunto",
      "Valore Raggiunto 2022",
      "Valore Raggiunto 2021",
      "Valore Raggiunto 2020",
      "Note",
    ]);
    const r = rowsWith(s, "Storico lungo")[0];
    expect([5, 6, 7].map((c) => cellAt(s, r, c)?.content)).toEqual([
      { kind: "number", value: 22 },
      { kind: "number", value: 21 },
      { kind: "number", value: 20 },
    ]);
  });
});

describe("Scheda layout: pages", () => {
  // A plan that needs many pages: long texts, many phases with notes of varying length.
  const phases = Array.from({ length: 30 }, (_, i) =>
    fase("BIG", `Fase numero ${i + 1} ` + "con una descrizione dell'attività ".repeat(i % 5), {
      note: i % 4 === 0 ? longText(1, (i % 3) + 1) : null,
    }),
  );
  const p = plan(
    [
      obiettivo("BIG", { statoAttuazione: longText(9, 6), modalitaAttuazione: longText(3, 4) }),
      obiettivo("SMALL"),
      // One paragraph far longer than a page and than Excel's row limit.
      obiettivo("HUGE", { statoAttuazione: "Inizio. " + longText(1, 120) }),
    ],
    [...phases, fase("SMALL", "Fase piccola")],
    Array.from({ length: 12 }, (_, i) => indicatore("BIG", `Indicatore ${i + 1} ` + "misura ".repeat(i * 4))),
  );
  const { sheet, pages } = layoutSchedaPages(p, rollups(p), ALL);
  const lo = layoutSchedaPages(p, rollups(p), { ...ALL, renderer: "libreoffice" });

  it("plans its pages: breaks after each page but the last, plannedPages set", () => {
    expect(sheet.plannedPages).toBe(pages.length);
    expect(sheet.pageBreaks).toEqual(pages.slice(0, -1).map((pg) => pg.lastRow));
    expect(pages.filter((pg) => pg.obiettivo === "BIG").length).toBeGreaterThan(3);
  });

  it("every page fits the page budget and no row exceeds 409 pt (both renderers)", () => {
    // The page: A4 landscape (595.28 pt) less the top and bottom margins (0.55 + 0.6 in).
    const page = 595.28 - 1.15 * 72;
    for (const [layout, budget] of [
      [{ sheet, pages }, EXCEL.pageBudget],
      [lo, LIBREOFFICE.pageBudget],
    ] as const) {
      // Rows print at the sheet's scale: the budget, so scaled, fits the page.
      expect((budget * (layout.sheet.print?.scale ?? 100)) / 100).toBeLessThan(page);
      for (const pg of layout.pages) {
        let h = 0;
        for (let r = pg.firstRow; r <= pg.lastRow; r++) h += layout.sheet.rowHeights[r] ?? 15;
        expect(h).toBeLessThanOrEqual(budget);
      }
      for (const h of Object.values(layout.sheet.rowHeights)) expect(h).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    }
    // LibreOffice's lines are shorter than Excel's: its plan needs fewer pages.
    expect(lo.pages.length).toBeLessThan(pages.length);
  });

  it("the columns fit the printable width at the fixed scale (as LibreOffice sizes them)", () => {
    for (const s of [sheet, lo.sheet]) {
      const width = s.columnWidths.reduce((a, w) => a + w * LO_POINTS_PER_CHAR, 0);
      expect(width * ((s.print?.scale ?? 100) / 100)).toBeLessThanOrEqual(PRINTABLE_WIDTH);
      expect(width).toBeGreaterThan(PRINTABLE_WIDTH - 20);
    }
    // The sheet for Excel prints at 90 % (Excel's wrapped lines are a third taller), the PDF at 100 %.
    expect(lo.sheet.print?.scale).toBe(100);
    expect(sheet.print).toMatchObject({
      paperSize: "A4",
      scale: Math.round(EXCEL_PRINT_SCALE * 100),
      footer: expect.stringContaining("Pagina &P di &N"),
    });
  });

  it("each objective starts a page and every page of an objective starts with its page header", () => {
    const firstPageOf = new Map<string, number>();
    pages.forEach((pg, i) => {
      if (pg.obiettivo && !firstPageOf.has(pg.obiettivo)) firstPageOf.set(pg.obiettivo, i);
    });
    expect([...firstPageOf.keys()]).toEqual(["BIG", "SMALL", "HUGE"]);
    for (const pg of pages.filter((x) => x.obiettivo)) {
      expect(cellAt(sheet, pg.firstRow, 1)?.content).toEqual({
        kind: "text",
        text: "PEG-PIAO-SEZ. 2.2 PERFORMANCE",
      });
      const code = cellAt(sheet, pg.firstRow, 6)?.content as { text: string };
      expect(code.text.startsWith(pg.obiettivo as string)).toBe(true);
      // Titolo and Responsabile are part of the header on every page.
      const rows = texts(sheet).filter((t) => t.row >= pg.firstRow && t.row < pg.firstRow + 6);
      expect(rows.map((t) => t.text)).toEqual(
        expect.arrayContaining([`Titolo dell'obiettivo ${pg.obiettivo}`, "Responsabile", "CONTI MARIO"]),
      );
    }
  });

  it("a phase's two rows are never split by a page break", () => {
    const phaseRows = phases.map((f) => rowsWith(sheet, f.titolo)[0]);
    expect(phaseRows.every((r) => r > 0)).toBe(true);
    for (const r of phaseRows) expect(sheet.pageBreaks).not.toContain(r);
  });

  it("a continued phase or indicator table repeats the table header on the new page", () => {
    let continued = 0;
    for (const pg of pages.filter((x) => x.obiettivo === "BIG")) {
      const inPage = texts(sheet).filter((t) => t.row >= pg.firstRow && t.row <= pg.lastRow);
      const firstPhase = inPage.find((t) => t.col === 1 && t.text.startsWith("Fase numero"));
      const firstInd = inPage.find((t) => t.col === 1 && t.text.startsWith("Indicatore "));
      const first = [firstPhase, firstInd].filter(Boolean).sort((a, b) => a!.row - b!.row)[0];
      if (!first) continue;
      const before = inPage.filter((t) => t.row < first.row).map((t) => t.text);
      const header =
        first === firstPhase ? ["FASE", "Inizio Previsto", "Inizio Effettivo"] : ["Descrizione", "Tipo"];
      expect(before).toEqual(expect.arrayContaining(header));
      if (!before.includes("FASI - ATTIVITA'") && !before.includes("INDICATORI")) continued++;
    }
    expect(continued).toBeGreaterThan(0);
  });

  it("long texts are split into rows at paragraph and sentence boundaries, nothing lost", () => {
    const big = p.obiettivi[0].statoAttuazione as string;
    const all = texts(sheet).map((t) => t.text);
    for (const para of big.split("\n")) expect(all).toContain(para);
    const huge = p.obiettivi[2].statoAttuazione as string;
    const hugeFirst = pages.find((pg) => pg.obiettivo === "HUGE")?.firstRow as number;
    const hugeRows = texts(sheet).filter(
      (t) => t.row > hugeFirst && huge.includes(t.text) && t.text.length > 40,
    );
    expect(hugeRows.length).toBeGreaterThan(2);
    const joined = hugeRows.map((t) => t.text).join(" ");
    expect(joined.length).toBe(huge.length);
    expect(joined === huge).toBe(true);
    // Pieces end at sentence ends.
    for (const t of hugeRows.slice(0, -1)) expect(t.text).toMatch(/[.;:!?]$/);
  });

  it("merged ranges never overlap", () => {
    const seen = new Set<string>();
    for (const m of sheet.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          const key = `${r}:${c}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }
    }
  });
});

describe("Scheda layout: filter", () => {
  const p = plan(
    [
      obiettivo("A1"),
      obiettivo("B1", { centroResponsabilita: "SETTORE CULTURA" }),
      obiettivo("A2"),
      obiettivo("B2", { centroResponsabilita: "SETTORE CULTURA" }),
    ],
    [fase("A1", "fa1"), fase("B1", "fb1"), fase("B2", "fb2")],
    [],
  );
  const codes = (s: SheetDescription) =>
    texts(s)
      .filter((t) => t.col === 6 && /^[AB]\d$/.test(t.text))
      .map((t) => t.text);

  it("by Centro di Responsabilità: only its objectives, and the opening block names it", () => {
    const s = layoutScheda(p, rollups(p), { ...ALL, filter: { cdr: ["SETTORE CULTURA"], obiettivi: [] } });
    expect(codes(s)).toEqual(["B1", "B2"]);
    const label = rowsWith(s, "Centro di Responsabilità")[0];
    expect(cellAt(s, label, 2)?.content).toEqual({ kind: "text", text: "SETTORE CULTURA" });
    expect(texts(s).map((t) => t.text)).not.toContain("fa1");
  });

  it("by codes, in the order of the Obiettivi sheet", () => {
    const s = layoutScheda(p, rollups(p), { ...ALL, filter: { cdr: [], obiettivi: ["B2", "A1"] } });
    expect(codes(s)).toEqual(["A1", "B2"]);
  });
});

describe("text measurement", () => {
  it("uses Calibri/Carlito proportions: digits 0.507 em, 'i' narrower than 'M'", () => {
    // Calibri's tabular digits are 1038/2048 em wide (independent of our tables: the font's design).
    expect(textWidth("0000000000", { size: 11 }) / 10).toBeCloseTo((1038 / 2048) * 11, 6);
    expect(textWidth("iiii", { size: 10 })).toBeLessThan(textWidth("MMMM", { size: 10 }) / 2);
    expect(textWidth("Abc", { size: 10, bold: true })).toBeGreaterThan(textWidth("Abc", { size: 10 }));
  });

  it("wraps at spaces, keeps explicit line breaks, breaks over-long words, never exceeds the width", () => {
    const font = { size: 10 };
    const lines = wrapText("uno due tre\nquattro " + "x".repeat(80), 100, font);
    expect(lines[0]).toBe("uno due tre");
    expect(lines[1]).toBe("quattro");
    expect(lines.slice(2).join("")).toBe("x".repeat(80));
    for (const l of lines) expect(textWidth(l, font)).toBeLessThanOrEqual(100);
    const words = longText(2, 3);
    const wrapped = wrapText(words, 180, font);
    expect(wrapped.join(" ").replace(/\s+/g, " ")).toBe(words.replace(/\s+/g, " "));
    for (const l of wrapped) expect(textWidth(l, font)).toBeLessThanOrEqual(180);
  });
});

describe("Scheda layout: records taller than a page", () => {
  const note = longText(6, 6);
  const p = plan(
    [obiettivo("LONG")],
    [fase("LONG", "Fase con note lunghissime", { note }), fase("LONG", "Fase normale")],
    [indicatore("LONG", "Indicatore con nota lunga", { note })],
  );
  const { sheet, pages } = layoutSchedaPages(p, rollups(p), ALL);

  it("continues the phase and indicator texts in records below, every page within the budget", () => {
    for (const pg of pages) {
      let h = 0;
      for (let r = pg.firstRow; r <= pg.lastRow; r++) h += sheet.rowHeights[r] ?? 15;
      expect(h).toBeLessThanOrEqual(EXCEL.pageBudget);
    }
    const noteCells = texts(sheet).filter((t) => t.col === 8 && note.includes(t.text) && t.text.length > 20);
    expect(noteCells.length).toBeGreaterThan(1);
    // Pieces are cut at paragraph or sentence ends: together they give the text back.
    const norm = (x: string) => x.replace(/\s+/g, " ");
    expect(norm(noteCells.map((t) => t.text).join(" ")) === norm(note)).toBe(true);
    const indNotes = texts(sheet).filter((t) => t.col === 7 && note.includes(t.text) && t.text.length > 20);
    expect(indNotes.length).toBeGreaterThan(1);
    expect(norm(indNotes.map((t) => t.text).join(" ")) === norm(note)).toBe(true);
    // The phase's own two rows still hold its dates together.
    const r = rowsWith(sheet, "Fase con note lunghissime")[0];
    expect(cellAt(sheet, r + 1, 2)?.content.kind).toBe("date");
    expect(sheet.pageBreaks).not.toContain(r);
  });
});

describe("Scheda layout: column widths follow the content", () => {
  const widthsOf = (s: SheetDescription) => s.columnWidths.map((w) => w * LO_POINTS_PER_CHAR);
  const titles = Array.from(
    { length: 12 },
    (_, i) => `Fase ${i + 1}: ` + "attività di coordinamento e verifica ".repeat(2),
  );
  const noteText =
    "Attività svolta regolarmente in tutti i servizi comunali, con verifiche periodiche. ".repeat(4);
  const withNotes = plan(
    [obiettivo("N")],
    titles.map((t) => fase("N", t, { note: noteText })),
    [],
  );
  const withoutNotes = plan(
    [obiettivo("N")],
    titles.map((t) => fase("N", t)),
    [],
  );

  it("a Note column gets room when there are notes and little when there are none", () => {
    for (const renderer of ["excel", "libreoffice"] as const) {
      const a = widthsOf(layoutScheda(withNotes, rollups(withNotes), { ...ALL, renderer }));
      const b = widthsOf(layoutScheda(withoutNotes, rollups(withoutNotes), { ...ALL, renderer }));
      // Column H (Note): wider than FASE's share of the free width with long notes; near its header without.
      expect(a[7]).toBeGreaterThan(b[7] + 60);
      expect(b[7]).toBeLessThan(60);
      // What H gives up goes to the text columns (FASE gets more without notes).
      expect(b[0]).toBeGreaterThan(a[0]);
    }
  });

  it("no word is cut: each column is at least as wide as the longest word it holds", () => {
    const p = plan(
      [obiettivo("W")],
      [
        fase("W", "Coordinamento", {
          responsabile: "BARTOLOMEOLONGOBARDI",
          centroResponsabilita: "SOCIOEDUCATIVO",
        }),
      ],
      [indicatore("W", "Indicatore", { tipo: "QUANTITATIVO" })],
    );
    const s = layoutScheda(p, rollups(p), { ...ALL, renderer: "libreoffice" });
    const w = widthsOf(s);
    expect(w[5]).toBeGreaterThan(textWidth("BARTOLOMEOLONGOBARDI", { size: 9 }) + 3);
    expect(w[1]).toBeGreaterThan(textWidth("QUANTITATIVO", { size: 9 }) + 3);
    // Codici of the opening index on one line (column C).
    expect(w[2]).toBeGreaterThan(textWidth("W", { size: 9 }) + 3);
  });

  it("rows are exactly as tall as their lines: LibreOffice one em per line, Excel its pixel pitch", () => {
    const p = plan([obiettivo("R")], [fase("R", "Una fase", { note: noteText })], []);
    const rowOf = (renderer: "excel" | "libreoffice") => {
      const s = layoutScheda(p, rollups(p), { ...ALL, renderer });
      const r = rowsWith(s, noteText, 8)[0];
      // The phase spans its rows from r; their sum is what its tallest cell needs.
      const m = s.merges.find((x) => x.top === r && x.left === 8)!;
      let h = 0;
      for (let k = m.top; k <= m.bottom; k++) h += s.rowHeights[k];
      const width = s.columnWidths[7];
      return { h, width };
    };
    const lo = rowOf("libreoffice");
    const lines = wrapText(
      noteText,
      LIBREOFFICE.wrapWidth([lo.width], 0) / LIBREOFFICE.widthSafety,
      { size: 9 },
      {
        breaksInsideWords: true,
      },
    ).length;
    // 9.11 pt per line of Carlito 9 (measured on LibreOffice's PDF) + 2.1 pt of padding, rounded to twips.
    expect(lo.h).toBeGreaterThanOrEqual(lines * 9.11 + 2.1 - 1e-9);
    expect(lo.h).toBeLessThan(lines * 9.11 + 2.1 + 0.1);
    const xl = rowOf("excel");
    // Excel: whole pixels (0.75 pt).
    expect((xl.h / 0.75) % 1).toBeCloseTo(0, 6);
  });
});

describe("LibreOffice wrapping", () => {
  it("breaks after a hyphen inside a word, never after a slash", () => {
    const font = { size: 9 };
    const w = textWidth("percorsi di scuola-", font) + 1;
    expect(wrapText("percorsi di scuola-lavoro attivati", w, font, { breaksInsideWords: true })[0]).toBe(
      "percorsi di scuola-",
    );
    expect(wrapText("percorsi di scuola-lavoro attivati", w, font)[0]).toBe("percorsi di");
    const v = textWidth("inquilini proprietari/", font) + 1;
    expect(wrapText("inquilini proprietari/inquilini", v, font, { breaksInsideWords: true })[0]).toBe(
      "inquilini",
    );
  });
});
