// docs/reference/scheda.md: the Scheda sheet as a host-neutral description (cells, styles, merges, heights, pages).
// Rollup values in SINTESI and in the opening summary are plain numbers (the TypeScript results):
// the Scheda is a dated snapshot for the Nucleo di valutazione, regenerated with "Genera Scheda",
// while the live formulas stay in the computed columns of Obiettivi/Fasi/Indicatori.
import type { IsoDate } from "../model/dates";
import { schedaLabels as L } from "../messages";
import type { Fase, Indicatore, Obiettivo, Plan } from "../model/model";
import { type ObiettivoRollup, type Rollups } from "../rollup/rollup";
import { codeKey } from "../reading/keys";
import type { CellContent, Merge, SheetCell, SheetDescription } from "../model/sheet";
import { heightForLines, MAX_ROW_HEIGHT, packText, paragraphs, splitParagraph, wrapText } from "./measure";
import { heightOf, paginate, type Block, type LayoutCell, type LayoutRow, type Section } from "./paginate";
import {
  COLUMN_CHARS,
  esitoStyle,
  fontOf,
  LAST_COL,
  PAGE_BUDGET,
  printSetup,
  STYLES,
  usableWidth,
} from "./styles";

export interface SchedaFilter {
  /** Centri di Responsabilità to keep (empty = all). */
  cdr: string[];
  /** Codici to keep (empty = all). */
  obiettivi: string[];
}

export interface SchedaOptions {
  filter: SchedaFilter;
  /** Date printed as generation date. */
  generatedOn: IsoDate;
}

export const SCHEDA_SHEET = "Scheda";
/** History years shown in the indicator table (most recent first). */
const MAX_HISTORY = 3;

// ---------------------------------------------------------------------------------------------
// Cells and rows
// ---------------------------------------------------------------------------------------------

const text = (s: string | null | undefined): CellContent =>
  s === null || s === undefined || s === "" ? { kind: "empty" } : { kind: "text", text: s };
const num = (v: number | null | undefined): CellContent =>
  v === null || v === undefined ? { kind: "empty" } : { kind: "number", value: v };
const date = (iso: IsoDate | null | undefined): CellContent =>
  iso ? { kind: "date", iso } : { kind: "empty" };

function cell(col: number, content: CellContent, style: string, colSpan = 1, rowSpan = 1): LayoutCell {
  return { col, content, style, colSpan, rowSpan };
}

/** Height a cell needs for its content (all its rows together when it spans rows). */
function neededHeight(c: LayoutCell): number {
  const style = STYLES[c.style];
  const font = fontOf(c.style);
  if (c.content.kind !== "text") return heightForLines(1, font);
  const indent = (style.alignment?.indent ?? 0) * 9;
  const width = usableWidth(c.col, c.col + (c.colSpan ?? 1) - 1) - indent;
  if (style.alignment?.wrapText === false || !style.alignment?.wrapText) {
    // Unwrapped text still grows with explicit line breaks.
    return heightForLines(c.content.text.split("\n").length, font);
  }
  return heightForLines(wrapText(c.content.text, width, font).length, font);
}

/** A single row sized to its tallest cell (cells spanning several rows are not allowed here). */
function row(cells: LayoutCell[], min = 0): LayoutRow {
  const h = Math.max(min, ...cells.map(neededHeight));
  return { height: Math.min(MAX_ROW_HEIGHT, Math.ceil(h * 4) / 4), cells };
}

const spacer = (height: number): LayoutRow => ({ height, cells: [] });

/**
 * Rows for a record whose first row holds one line (dates) and whose merged cells need `need`
 * points in all: the remaining height goes to the following rows, none above MAX_ROW_HEIGHT.
 */
function recordHeights(firstRow: number, need: number, minRows: number): number[] {
  const heights = [firstRow];
  let rest = Math.max(need - firstRow, 0);
  while (heights.length < minRows || rest > 0) {
    const h = Math.min(MAX_ROW_HEIGHT, Math.max(rest, firstRow));
    heights.push(Math.ceil(h * 4) / 4);
    rest -= h;
  }
  return heights;
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

function heading(label: string, height = 20): LayoutRow {
  return { height, cells: [cell(1, text(label), "section", LAST_COL)] };
}

function labelValue(
  label: string,
  value: string | null,
  labelStyle = "label",
  valueStyle = "value",
): LayoutRow {
  return row([cell(1, text(label), labelStyle), cell(2, text(value), valueStyle, LAST_COL - 1)]);
}

/** A long text: one block per paragraph (split further when a paragraph would not fit a page). */
function textBlocks(title: string, value: string | null, maxPiece: number): Block[] {
  const head: Block = { rows: [heading(title)], keepWithNext: true };
  const paras = value ? paragraphs(value) : [];
  if (paras.length === 0) return [{ rows: [heading(title), spacer(8)] }];
  const width = usableWidth(1, LAST_COL);
  const font = fontOf("para");
  const blocks: Block[] = [head];
  const repeat = [heading(`${title} ${L.continued}`)];
  paras.forEach((p, i) => {
    for (const piece of splitParagraph(p, width, font, maxPiece)) {
      const r = row([cell(1, text(piece), "para", LAST_COL)]);
      // A little air between paragraphs, as in the reference report.
      if (i < paras.length - 1) r.height += 3;
      blocks.push({ rows: [r], repeat });
    }
  });
  blocks[blocks.length - 1].rows.push(spacer(6));
  return blocks;
}

function phaseHeader(): LayoutRow[] {
  const h = L.phaseHeader;
  const top: LayoutRow = {
    height: 0,
    cells: [
      cell(1, text(h[0]), "thLeft", 1, 2),
      cell(2, text(h[1]), "th"),
      cell(3, text(h[2]), "th"),
      ...h.slice(3).map((t, i) => cell(4 + i, text(t), "th", 1, 2)),
    ],
  };
  const sub: LayoutRow = {
    height: 0,
    cells: [
      cell(2, text(L.phaseHeaderEffective[0]), "thSub"),
      cell(3, text(L.phaseHeaderEffective[1]), "thSub"),
    ],
  };
  top.height = Math.max(...top.cells.filter((c) => c.rowSpan === 1).map(neededHeight));
  sub.height = Math.max(...sub.cells.map(neededHeight));
  const need = Math.max(...top.cells.map(neededHeight));
  if (top.height + sub.height < need) top.height = need - sub.height;
  return [top, sub];
}

/**
 * Splits the long texts of a record (phase or indicator) so the record fits a page: the first piece
 * of each text stays in the record, the rest goes to continuation records below it.
 */
function splitRecord(cells: LayoutCell[], maxHeight: number): LayoutCell[][] {
  const pieces = cells.map((c) => {
    if (c.content.kind !== "text") return [c];
    const width = usableWidth(c.col, c.col + (c.colSpan ?? 1) - 1);
    return packText(c.content.text, width, fontOf(c.style), maxHeight).map((t) => ({
      ...c,
      content: text(t),
    }));
  });
  const n = Math.max(...pieces.map((p) => p.length));
  return Array.from({ length: n }, (_, i) =>
    pieces.map((p, k) => p[i] ?? { ...cells[k], content: { kind: "empty" } as CellContent }),
  );
}

/** A continuation record names what it continues when its first column has nothing left to show. */
function continued(cells: LayoutCell[], title: string): LayoutCell[] {
  return cells.map((c) =>
    c.col === 1 && c.content.kind === "empty"
      ? { ...c, content: text(`${title} ${L.continued}`), style: "tdCont" }
      : c,
  );
}

/** Rows of a record whose cells all span the record's rows (each row at most MAX_ROW_HEIGHT). */
function spannedRecord(cells: LayoutCell[]): LayoutRow[] {
  const need = Math.max(...cells.map(neededHeight));
  const heights = recordHeights(Math.min(need, MAX_ROW_HEIGHT), need, 1);
  const rows: LayoutRow[] = heights.map((height) => ({ height, cells: [] }));
  rows[0].cells = cells.map((c) => ({ ...c, rowSpan: heights.length }));
  return rows;
}

/** A phase: planned dates on the first row, effective dates on the second, the rest spanning both. */
function phaseRecords(f: Fase, maxHeight: number): LayoutRow[][] {
  const spannedAll: LayoutCell[] = [
    cell(1, text(f.titolo), "tdTitle"),
    cell(4, num(f.peso), "tdNum"),
    cell(5, num(f.avanzamento), "tdNum"),
    cell(6, text(f.responsabile), "td"),
    cell(7, text(f.centroResponsabilita), "td"),
    cell(8, text(f.note), "td"),
  ];
  const [spanned, ...more] = splitRecord(spannedAll, maxHeight);
  const first = heightForLines(1, fontOf("tdDate"));
  const heights = recordHeights(first, Math.max(...spanned.map(neededHeight)), 2);
  const k = heights.length;
  const rows: LayoutRow[] = heights.map((height) => ({ height, cells: [] }));
  rows[0].cells.push(...spanned.map((c) => ({ ...c, rowSpan: k })));
  rows[0].cells.push(cell(2, date(f.inizioPrevisto), "tdDate"), cell(3, date(f.finePrevista), "tdDate"));
  rows[1].cells.push(
    cell(2, date(f.inizioEffettivo), "tdDateEff"),
    cell(3, date(f.fineEffettiva), "tdDateEff"),
  );
  for (let i = 2; i < k; i++)
    rows[i].cells.push(cell(2, { kind: "empty" }, "td"), cell(3, { kind: "empty" }, "td"));
  // Continuation records of a very long phase: its remaining text under the same columns.
  const extra = more.map((cells) =>
    spannedRecord([...continued(cells, f.titolo), cell(2, { kind: "empty" }, "td", 2)]),
  );
  return [rows, ...extra];
}

function phaseBlocks(fasi: Fase[], maxRecord: number): Block[] {
  const header = phaseHeader();
  if (fasi.length === 0) {
    return [{ rows: [heading(L.fasi), row([cell(1, text(L.noPhases), "tdEmpty", LAST_COL)]), spacer(6)] }];
  }
  const blocks: Block[] = [{ rows: [heading(L.fasi), ...header], keepWithNext: true }];
  const repeat = [heading(`${L.fasi} ${L.continued}`), ...header];
  const max = maxRecord - heightOf(repeat);
  for (const f of fasi) for (const rows of phaseRecords(f, max)) blocks.push({ rows, repeat });
  blocks[blocks.length - 1].rows.push(spacer(6));
  return blocks;
}

/** Indicator columns: Descrizione, Tipo, Atteso, Raggiunto, one per history year, Note to the last column. */
function indicatorHeader(years: number[]): LayoutRow {
  const cells = [
    cell(1, text(L.indicatorHeader[0]), "thLeft"),
    cell(2, text(L.indicatorHeader[1]), "th"),
    cell(3, text(L.indicatorHeader[2]), "th"),
    cell(4, text(L.indicatorHeader[3]), "th"),
    ...years.map((y, i) => cell(5 + i, text(`${L.indicatorHeader[3]} ${y}`), "th")),
    cell(5 + years.length, text(L.indicatorHeader[4]), "th", LAST_COL - 4 - years.length),
  ];
  return row(cells);
}

function indicatorRecords(ind: Indicatore, years: number[], maxHeight: number): LayoutRow[][] {
  const value = (y: number) => ind.storico.find((s) => s.anno === y)?.valore ?? null;
  const cells = [
    cell(1, text(ind.descrizione), "td"),
    cell(2, text(ind.tipo), "tdCenter"),
    cell(3, num(ind.valoreAtteso), "tdValue"),
    cell(4, num(ind.valoreRaggiunto), "tdValue"),
    ...years.map((y, i) => cell(5 + i, num(value(y)), "tdValue")),
    cell(5 + years.length, text(ind.note), "td", LAST_COL - 4 - years.length),
  ];
  return splitRecord(cells, maxHeight).map((record, i) => {
    if (i > 0) record = continued(record, ind.descrizione);
    const need = Math.max(...record.map(neededHeight));
    return need <= MAX_ROW_HEIGHT ? [row(record)] : spannedRecord(record);
  });
}

function indicatorBlocks(inds: Indicatore[], years: number[], maxRecord: number): Block[] {
  if (inds.length === 0) {
    return [
      { rows: [heading(L.indicatori), row([cell(1, text(L.noIndicators), "tdEmpty", LAST_COL)]), spacer(6)] },
    ];
  }
  const header = indicatorHeader(years);
  const blocks: Block[] = [{ rows: [heading(L.indicatori), header], keepWithNext: true }];
  const repeat = [heading(`${L.indicatori} ${L.continued}`), header];
  const max = maxRecord - heightOf(repeat);
  for (const ind of inds) for (const rows of indicatorRecords(ind, years, max)) blocks.push({ rows, repeat });
  blocks[blocks.length - 1].rows.push(spacer(6));
  return blocks;
}

function sintesiBlock(r: ObiettivoRollup | undefined): Block {
  const value = (v: number | null | undefined) =>
    v === null || v === undefined
      ? cell(2, text(L.notAvailable), "sumNa", 2)
      : cell(2, num(v), "sumValue", 2);
  const esito = r?.esito ?? "Non valutabile";
  return {
    rows: [
      heading(L.sintesi),
      row([cell(1, text(L.sintesiLabels[0]), "sumLabel"), value(r?.avanzamentoFasi)]),
      row([cell(1, text(L.sintesiLabels[1]), "sumLabel"), value(r?.raggiungimentoIndicatori)]),
      row([cell(1, text(L.sintesiLabels[2]), "sumLabel"), value(r?.grado)]),
      row([cell(1, text(L.sintesiLabels[3]), "sumLabel"), cell(2, text(esito), esitoStyle(esito), 2)]),
    ],
  };
}

/** Page header of an objective, repeated at the top of each of its pages. */
function objectiveHeader(plan: Plan, o: Obiettivo, continued: boolean): LayoutRow[] {
  const code = continued ? `${o.codice} ${L.continued}` : o.codice;
  return [
    {
      height: 22,
      cells: [cell(1, text(plan.parametri.livello), "band", 5), cell(6, text(code), "bandCode", 3)],
    },
    labelValue(L.assessorato, o.assessorato, "headLabel", "headValue"),
    labelValue(L.centroResponsabilita, o.centroResponsabilita, "headLabel", "headValue"),
    row([cell(1, text(o.titolo), "headTitle", LAST_COL)], 20),
    labelValue(L.responsabile, o.responsabile, "headLabel", "headValue"),
    spacer(8),
  ];
}

function objectiveSection(
  plan: Plan,
  o: Obiettivo,
  rollup: ObiettivoRollup | undefined,
  years: number[],
  fasi: Fase[],
  inds: Indicatore[],
): Section {
  const header = (continued: boolean) => objectiveHeader(plan, o, continued);
  const headerHeight = Math.max(heightOf(header(false)), heightOf(header(true)));
  // A text piece must fit a page together with the page header and its "(segue)" heading.
  const maxPiece = Math.min(MAX_ROW_HEIGHT, PAGE_BUDGET - headerHeight - 2 * 20 - 10);
  // A table record must fit a page under the page header and the repeated table header.
  const maxRecord = PAGE_BUDGET - headerHeight - 10;
  const blocks: Block[] = [
    {
      rows: [
        heading(L.valorePubblico),
        row([cell(1, text(o.valorePubblico), "value", LAST_COL)], 16),
        spacer(6),
      ],
    },
    {
      rows: [
        heading(L.collegatoA),
        labelValue(L.mandato, o.obiettivoMandato),
        labelValue(L.missione, o.obiettivoMissione),
        labelValue(L.programma, o.obiettivoProgramma),
        spacer(6),
      ],
    },
    ...textBlocks(L.modalita, o.modalitaAttuazione, maxPiece),
    ...textBlocks(L.statoAttuazione, o.statoAttuazione, maxPiece),
    { rows: [labelValue(L.stato, o.stato), spacer(6)] },
    ...phaseBlocks(fasi, maxRecord),
    ...indicatorBlocks(inds, years, maxRecord),
  ];
  // SINTESI never stands alone on a page: it takes the last phase or indicator row along.
  blocks[blocks.length - 1].keepWithNext = true;
  blocks.push(sintesiBlock(rollup));
  return { header, blocks };
}

const rollupCell = (col: number, v: number | null | undefined): LayoutCell =>
  v === null || v === undefined ? cell(col, text(L.notAvailable), "tdCenter") : cell(col, num(v), "tdNum");

/** Opening block: title, selected parameters, and a summary of the objectives with their first page. */
function openingSection(
  plan: Plan,
  obiettivi: Obiettivo[],
  rollups: Map<string, ObiettivoRollup>,
  options: SchedaOptions,
  firstPages: Map<string, number>,
): Section {
  const p = plan.parametri;
  const title = (continued: boolean) => [
    {
      height: 30,
      cells: [cell(1, text(continued ? `${L.title} ${L.continued}` : L.title), "title", LAST_COL)],
    },
  ];
  const params: LayoutRow[] = [
    spacer(6),
    ...(p.ente ? [row([cell(1, text(p.ente), "ente", LAST_COL)])] : []),
    { height: 22, cells: [cell(1, text(L.parametriSelezionati), "subtitle", LAST_COL)] },
    labelValue(L.vista, p.vista || "—"),
    labelValue(L.livello, p.livello),
    labelValue(
      L.centroResponsabilita,
      options.filter.cdr.length > 0 ? options.filter.cdr.join("; ") : L.tutti,
    ),
    ...(options.filter.obiettivi.length > 0
      ? [labelValue(L.obiettiviFiltro, options.filter.obiettivi.join(", "))]
      : []),
    row([
      cell(1, text(L.dataRiferimento), "label"),
      cell(2, date(p.dataRiferimento), "valueDate", LAST_COL - 1),
    ]),
    row([
      cell(1, text(L.dataGenerazione), "label"),
      cell(2, date(options.generatedOn), "valueDate", LAST_COL - 1),
    ]),
    spacer(14),
  ];
  // Index: Titolo over A:B, then Codice, first page, the three rollups and Esito.
  const th = row([
    cell(1, text(L.indexHeader[0]), "thLeft", 2),
    ...L.indexHeader.slice(1, 6).map((h, i) => cell(3 + i, text(h), "th")),
    cell(8, text(L.indexHeader[6]), "th"),
  ]);
  const indexRows: Block[] = obiettivi.map((o) => {
    const r = rollups.get(o.codice);
    const esito = r?.esito ?? "Non valutabile";
    return {
      rows: [
        row([
          cell(1, text(o.titolo), "td", 2),
          cell(3, text(o.codice), "tdCenter"),
          cell(4, num(firstPages.get(o.codice) ?? null), "tdPage"),
          rollupCell(5, r?.avanzamentoFasi),
          rollupCell(6, r?.raggiungimentoIndicatori),
          rollupCell(7, r?.grado),
          cell(8, text(esito), esitoStyle(esito) + "Small"),
        ]),
      ],
      repeat: [{ height: 22, cells: [cell(1, text(L.riepilogo), "subtitle", LAST_COL)] }, th],
    };
  });
  const blocks: Block[] = [
    { rows: params },
    {
      rows: [{ height: 22, cells: [cell(1, text(L.riepilogo), "subtitle", LAST_COL)] }, spacer(4), th],
      keepWithNext: obiettivi.length > 0,
    },
    ...(obiettivi.length > 0
      ? indexRows
      : [{ rows: [row([cell(1, text(L.nessunObiettivo), "tdEmpty", LAST_COL)])] }]),
  ];
  return { header: title, blocks };
}

// ---------------------------------------------------------------------------------------------
// The sheet
// ---------------------------------------------------------------------------------------------

/** Objectives the filter keeps, in the order of the Obiettivi sheet. */
export function selectObiettivi(plan: Plan, filter: SchedaFilter): Obiettivo[] {
  return plan.obiettivi.filter(
    (o) =>
      (filter.cdr.length === 0 || filter.cdr.includes(o.centroResponsabilita)) &&
      (filter.obiettivi.length === 0 || filter.obiettivi.includes(o.codice)),
  );
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}

/** History years of the plan, most recent first, at most three. */
export function historyYears(plan: Plan): number[] {
  const years = new Set<number>();
  for (const h of plan.layout.indicatori?.history ?? []) years.add(h.anno);
  for (const i of plan.indicatori) for (const s of i.storico) years.add(s.anno);
  return [...years].sort((a, b) => b - a).slice(0, MAX_HISTORY);
}

export interface PlannedPage {
  /** First and last worksheet rows of the page. */
  firstRow: number;
  lastRow: number;
  /** Codice of the objective the page belongs to (null for the opening pages). */
  obiettivo: string | null;
  height: number;
}

/** The description plus where each page and objective sits (for tests and the task pane). */
export interface SchedaLayout {
  sheet: SheetDescription;
  pages: PlannedPage[];
}

export function layoutSchedaPages(plan: Plan, rollups: Rollups, options: SchedaOptions): SchedaLayout {
  const obiettivi = selectObiettivi(plan, options.filter);
  const byCode = new Map(rollups.obiettivi.map((r) => [r.codice, r]));
  const years = historyYears(plan);
  // Phases and indicators belong to an objective as the rollups and the live formulas match them.
  const fasiOf = groupBy(plan.fasi, (f) => codeKey(f.obiettivo));
  const indOf = groupBy(plan.indicatori, (i) => codeKey(i.obiettivo));
  const objectivePages = obiettivi.map((o) => ({
    codice: o.codice,
    pages: paginate(
      objectiveSection(
        plan,
        o,
        byCode.get(o.codice),
        years,
        fasiOf.get(codeKey(o.codice)) ?? [],
        indOf.get(codeKey(o.codice)) ?? [],
      ),
      PAGE_BUDGET,
    ),
  }));
  // The opening pages do not depend on the page numbers they show, so paginate them first.
  const draft = paginate(openingSection(plan, obiettivi, byCode, options, new Map()), PAGE_BUDGET);
  const firstPages = new Map<string, number>();
  let next = draft.length + 1;
  for (const op of objectivePages) {
    firstPages.set(op.codice, next);
    next += op.pages.length;
  }
  const opening = paginate(openingSection(plan, obiettivi, byCode, options, firstPages), PAGE_BUDGET);

  const all: { rows: LayoutRow[]; obiettivo: string | null }[] = [
    ...opening.map((rows) => ({ rows, obiettivo: null })),
    ...objectivePages.flatMap((op) => op.pages.map((rows) => ({ rows, obiettivo: op.codice }))),
  ];
  const cells: SheetCell[] = [];
  const merges: Merge[] = [];
  const rowHeights: Record<number, number> = {};
  const pageBreaks: number[] = [];
  const pages: PlannedPage[] = [];
  let r = 0;
  for (const page of all) {
    const firstRow = r + 1;
    page.rows.forEach((lr, i) => {
      const rowNo = r + 1 + i;
      rowHeights[rowNo] = lr.height;
      for (const c of lr.cells) {
        const colSpan = c.colSpan ?? 1;
        const rowSpan = c.rowSpan ?? 1;
        for (let dr = 0; dr < rowSpan; dr++) {
          for (let dc = 0; dc < colSpan; dc++) {
            const anchor = dr === 0 && dc === 0;
            cells.push({
              row: rowNo + dr,
              col: c.col + dc,
              content: anchor ? c.content : { kind: "empty" },
              style: c.style,
            });
          }
        }
        if (colSpan > 1 || rowSpan > 1) {
          merges.push({ top: rowNo, left: c.col, bottom: rowNo + rowSpan - 1, right: c.col + colSpan - 1 });
        }
      }
    });
    r += page.rows.length;
    pages.push({ firstRow, lastRow: r, obiettivo: page.obiettivo, height: heightOf(page.rows) });
    pageBreaks.push(r);
  }
  pageBreaks.pop();
  cells.sort((a, b) => a.row - b.row || a.col - b.col);

  const sheet: SheetDescription = {
    name: SCHEDA_SHEET,
    columnWidths: [...COLUMN_CHARS],
    cells,
    styles: STYLES,
    merges,
    rowHeights,
    pageBreaks,
    print: printSetup(r, plan.parametri.ente, `${L.title} ${plan.parametri.anno}`),
    showGridLines: false,
    plannedPages: pages.length,
  };
  return { sheet, pages };
}

export function layoutScheda(plan: Plan, rollups: Rollups, options: SchedaOptions): SheetDescription {
  return layoutSchedaPages(plan, rollups, options).sheet;
}
