// docs/reference/scheda.md: the Scheda sheet as a host-neutral description (cells, styles, merges, heights, pages).
// Rollup values in SINTESI and in the opening summary are plain numbers (the TypeScript results):
// the Scheda is a dated snapshot for the Nucleo di valutazione, regenerated with "Genera Scheda",
// while the live formulas stay in the computed columns of Obiettivi/Fasi/Indicatori.
// Concerns: grid.ts (column widths), renderer.ts + measure.ts (text and row heights), sizer.ts
// (cells and rows), opening.ts, objective.ts, tables.ts (sections), paginate.ts (pages).
import type { EarlierSnapshot } from "../cycle/earlier";
import type { IsoDate } from "../model/dates";
import { cycleTexts, schedaLabels as L } from "../messages";
import type { Obiettivo, Plan } from "../model/model";
import { codeKey } from "../reading/keys";
import type { Rollups } from "../rollup/rollup";
import type { Merge, SheetCell, SheetDescription } from "../model/sheet";
import { columnsFor, indicatorHeaderCells, phaseHeaderSpans, type Columns } from "./columns";
import { chooseGrid, type GridContent } from "./grid";
import { objectiveSection, type ObjectiveContent } from "./objective";
import { indexTitleSpan, openingSection, type SchedaFilter } from "./opening";
import { heightOf, paginate, type LayoutRow } from "./paginate";
import { rendererOf, type RendererName } from "./renderer";
import { Sizer } from "./sizer";
import { printSetup, STYLES } from "./styles";

export type { SchedaFilter };
export type { RendererName };

export interface SchedaOptions {
  filter: SchedaFilter;
  /** Date printed as generation date. */
  generatedOn: IsoDate;
  /**
   * The program that will print the sheet: "excel" (default: the sheet written into the workbook,
   * safe in Excel and LibreOffice) or "libreoffice" (the PDF `generate --pdf` prints, rows exact).
   */
  renderer?: RendererName;
  /**
   * The earlier snapshot of the same Anno from the Monitoraggi archive (earlierSnapshot), shown beside
   * the current values; absent or null: the Scheda without it.
   */
  earlier?: EarlierSnapshot | null;
}

export const SCHEDA_SHEET = "Scheda";
/** History years shown in the indicator table (most recent first). */
const MAX_HISTORY = 3;

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

/** Numbers as the Scheda prints them (Italian, two decimals), for sizing the columns that show them. */
const italian = (v: number | null) =>
  v === null ? "" : v.toLocaleString("it-IT", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** What the tables will show, for choosing the column widths (grid.ts). */
function gridContent(
  s: ObjectiveContent[],
  years: number[],
  labels: Record<string, string>,
  cols: Columns,
  earlier: EarlierSnapshot | null,
): GridContent {
  const fasi = s.flatMap((x) => x.fasi);
  const inds = s.flatMap((x) => x.indicatori);
  const bold = (size: number) => ({ size, bold: true });
  const label = earlier?.label ?? null;
  const p = cols.phase;
  const t = indexTitleSpan(cols.last);
  const headers = [
    ...phaseHeaderSpans(cols, label),
    { col: 2, text: L.phaseHeader[1] },
    { col: 3, text: L.phaseHeader[2] },
    ...L.phaseHeaderEffective.map((text, i) => ({ col: i + 2, text })),
    ...indicatorHeaderCells(cols, years, label).filter((h) => h.span === 1),
    ...L.indexHeader.slice(1).map((text, i) => ({ col: t + 1 + i, text })),
  ];
  // SINTESI labels on one line: the Nucleo's only where a grade was validated, as the layout shows them.
  const validated = s.some((x) => (x.rollup?.gradoValidato ?? null) !== null);
  const sintesi = [
    ...L.sintesiLabels,
    ...(label !== null ? [cycleTexts.sintesiLine(label)] : []),
    ...(validated ? [cycleTexts.validatedLine, `${cycleTexts.reasonLine} ${L.continued}`] : []),
  ];
  const numbers = [p.peso, p.avanzamento, ...(p.earlier !== null ? [p.earlier] : [])];
  return {
    cols,
    phases: fasi.map((f) => ({
      titolo: f.titolo,
      responsabile: f.responsabile,
      cdr: f.centroResponsabilita,
      note: f.note,
    })),
    indicators: inds.map((i) => ({
      descrizione: i.descrizione,
      tipo: i.tipo,
      note: i.note,
      values: [
        italian(i.valoreAtteso),
        italian(i.valoreRaggiunto),
        ...(earlier ? [italian(earlier.indicators.get(i)?.valoreRaggiunto ?? null)] : []),
        ...years.map((y) => italian(i.storico.find((h) => h.anno === y)?.valore ?? null)),
      ],
    })),
    years: years.length,
    phaseTables: s.filter((x) => x.fasi.length > 0).length,
    indicatorTables: s.filter((x) => x.indicatori.length > 0).length,
    oneLine: [
      // Labels of column A on one line: page header (9 pt bold), Collegato a and opening (10 pt bold),
      // SINTESI (10 pt bold); dates (9 pt) in B and C.
      ...[L.assessorato, L.centroResponsabilita, L.responsabile].map((text) => ({
        col: 1,
        text,
        font: bold(9),
      })),
      ...Object.values(labels).map((text) => ({ col: 1, text, font: bold(10) })),
      ...sintesi.map((text) => ({ col: 1, text, font: bold(10) })),
      // Codici in the opening index, page numbers and dates.
      ...s.map((x) => ({ col: t + 1, text: x.o.codice, font: { size: 9 } })),
      { col: 2, text: "00/00/0000", font: { size: 9 } },
      { col: 3, text: "00/00/0000", font: { size: 9 } },
      ...numbers.map((col) => ({ col, text: "100,00", font: { size: 9 } })),
    ],
    headers,
  };
}

export function layoutSchedaPages(plan: Plan, rollups: Rollups, options: SchedaOptions): SchedaLayout {
  const obiettivi = selectObiettivi(plan, options.filter);
  const byCode = new Map(rollups.obiettivi.map((r) => [r.codice, r]));
  const years = historyYears(plan);
  // Phases and indicators belong to an objective as the rollups and the live formulas match them.
  const fasiOf = groupBy(plan.fasi, (f) => codeKey(f.obiettivo));
  const indOf = groupBy(plan.indicatori, (i) => codeKey(i.obiettivo));
  const earlier = options.earlier ?? null;
  const contents: ObjectiveContent[] = obiettivi.map((o) => ({
    o,
    rollup: byCode.get(o.codice),
    years,
    fasi: fasiOf.get(codeKey(o.codice)) ?? [],
    indicatori: indOf.get(codeKey(o.codice)) ?? [],
    earlier,
  }));
  const renderer = rendererOf(options.renderer);
  const labels = {
    mandato: L.mandato,
    missione: L.missione,
    programma: L.programma,
    stato: L.stato,
    dataRiferimento: L.dataRiferimento,
    dataGenerazione: L.dataGenerazione,
  };
  const cols = columnsFor(earlier !== null);
  const grid = chooseGrid(gridContent(contents, years, labels, cols, earlier), renderer);
  const s = new Sizer(renderer, grid);
  const objectivePages = contents.map((c) => ({
    codice: c.o.codice,
    pages: paginate(objectiveSection(s, plan, c), s.pageBudget),
  }));
  // The opening pages do not depend on the page numbers they show, so paginate them first.
  const opening = (firstPages: Map<string, number>) =>
    paginate(
      openingSection(s, plan, {
        obiettivi,
        rollups: byCode,
        filter: options.filter,
        generatedOn: options.generatedOn,
        firstPages,
      }),
      s.pageBudget,
    );
  const firstPages = new Map<string, number>();
  let next = opening(new Map()).length + 1;
  for (const op of objectivePages) {
    firstPages.set(op.codice, next);
    next += op.pages.length;
  }
  const all = [
    ...opening(firstPages).map((rows) => ({ rows, obiettivo: null as string | null })),
    ...objectivePages.flatMap((op) =>
      op.pages.map((rows) => ({ rows, obiettivo: op.codice as string | null })),
    ),
  ];
  return assemble(all, grid.chars, plan, renderer.printScale);
}

/** Pages of layout rows → the sheet: cells (merged ranges filled), heights, breaks, print setup. */
function assemble(
  all: { rows: LayoutRow[]; obiettivo: string | null }[],
  chars: number[],
  plan: Plan,
  printScale: number,
): SchedaLayout {
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
    columnWidths: chars,
    cells,
    styles: STYLES,
    merges,
    rowHeights,
    pageBreaks,
    print: printSetup(r, chars.length, plan.parametri.ente, `${L.title} ${plan.parametri.anno}`, printScale),
    showGridLines: false,
    plannedPages: pages.length,
  };
  return { sheet, pages };
}

export function layoutScheda(plan: Plan, rollups: Rollups, options: SchedaOptions): SheetDescription {
  return layoutSchedaPages(plan, rollups, options).sheet;
}
