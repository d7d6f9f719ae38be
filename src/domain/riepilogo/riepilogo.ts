// The Riepilogo sheet (docs/reference/formulas.md): one table per grouping, live COUNTIFS/SUMIFS formulas over the
// Obiettivi columns (Esito, Grado and the Peso x Grado helper), cached results = the TypeScript values.
// A group row selects its objectives by the helper key column of its grouping (./keys.ts), so spaces,
// NBSP, case, wildcards and leading operators in a label count exactly as in the TypeScript grouping.
// Colours follow the numbers through conditional formatting, so they stay right after a user edit.
// Print-ready (docs/reference/scheda.md § Riepilogo sheet): a title block, one header row repeated on
// every page, groups sorted by label, a Totale row per table, no table split leaving fewer than three
// rows on a page, two charts.
import type { IsoDate } from "../model/dates";
import type { Plan } from "../model/model";
import { criterionOf, quote } from "../reading/keys";
import { rollupStrings } from "../messages";
import {
  groupCriteriaKeys,
  groupRollups,
  GROUPINGS,
  type GroupKey,
  type GroupRollup,
  type Rollups,
} from "../rollup/rollup";
import type { CellContent, ConditionalFormat, Merge, SheetCell, SheetDescription } from "../model/sheet";
import { SHEETS } from "../model/schema";
import { EXCEL } from "../scheda/renderer";
import { wrapText, type FontSpec } from "../scheda/measure";
import { chartRows, riepilogoCharts, type ChartsPlace } from "./charts";
import { planBreaks, type PageItem } from "./pages";
import { COLUMN_WIDTHS, ESITO_COLOURS, LAST_COL, MARGINS, PAGE_BUDGET, STYLES } from "./styles";

export { ESITO_COLOURS };

/** Where the Riepilogo formulas find the Obiettivi columns they count. */
export interface ObiettiviRefs {
  /** Whole helper key column of a grouping, or null when the sheet has no such column. */
  group: (key: GroupKey) => string | null;
  esito: string;
  grado: string;
  peso: string | null;
  /** The Peso column is read ×100 (percent-formatted). */
  pesoPercent: boolean;
  pesoGrado: string | null;
}

export interface RiepilogoContext {
  plan: Plan;
  /** Date printed as "Generato il". */
  generatedOn: IsoDate;
}

/** A COUNTIFS criterion literal that matches exactly this helper key. */
export function keyCriterion(key: string): string {
  return quote(criterionOf(key));
}

/** Groups in label order (Italian collation, numbers by value); "(non indicato)" last. */
export function sortGroups(groups: GroupRollup[]): GroupRollup[] {
  const last = (g: GroupRollup) => (g.gruppo === rollupStrings.groupNotGiven ? 1 : 0);
  return [...groups].sort(
    (a, b) =>
      last(a) - last(b) || a.gruppo.localeCompare(b.gruppo, "it", { sensitivity: "base", numeric: true }),
  );
}

/** The whole plan as one group: what every Totale row shows (weighted as the groups are). */
export function totaleRollup(plan: Plan, rollups: Rollups): GroupRollup {
  const all = plan.obiettivi.map((o) => ({ ...o, centroResponsabilita: rollupStrings.totale }));
  const results = new Map(all.map((o, i) => [o, rollups.obiettivi[i]]));
  return (
    groupRollups(all, results, "centroResponsabilita")[0] ?? {
      gruppo: rollupStrings.totale,
      obiettivi: 0,
      gradoMedio: null,
      raggiunti: 0,
      parzialmenteRaggiunti: 0,
      nonRaggiunti: 0,
      nonValutabili: 0,
    }
  );
}

/** Rows of one line of `font` in Excel (the sheet is printed from the workbook: Excel's measures). */
function rowHeight(lines: number, font: FontSpec, air = 0): number {
  return EXCEL.roundRow(Math.max(1, lines) * EXCEL.lineHeight(font.size) + EXCEL.padding + air);
}

function linesOf(text: string, cols: number[], font: FontSpec): number {
  const width = EXCEL.wrapWidth(cols, 0) / EXCEL.widthSafety;
  return wrapText(text, width, font).length;
}

class Sheet {
  cells: SheetCell[] = [];
  merges: Merge[] = [];
  rowHeights: Record<number, number> = {};
  conditionalFormats: ConditionalFormat[] = [];
  row = 1;

  put(col: number, content: CellContent, style: string): void {
    this.cells.push({ row: this.row, col, content, style });
  }
  /** A text across the whole width (merged A:G). */
  wide(text: string, style: string, height: number): void {
    this.put(1, { kind: "text", text }, style);
    this.merges.push({ top: this.row, left: 1, bottom: this.row, right: LAST_COL });
    this.end(height);
  }
  end(height: number): void {
    this.rowHeights[this.row] = height;
    this.row++;
  }
}

export function buildRiepilogo(
  rollups: Rollups,
  refs: ObiettiviRefs | null,
  ctx: RiepilogoContext,
): SheetDescription {
  const s = new Sheet();
  const p = ctx.plan.parametri;
  const info = rollupStrings.infoLabels;

  // Title block: what the report is about and when it was made.
  s.wide(rollupStrings.riepilogoTitle, "title", 26);
  if (p.ente) s.wide(p.ente, "ente", rowHeight(1, { size: 12, bold: true }, 2));
  const infoRow = (label: string, content: CellContent, style: string) => {
    s.put(1, { kind: "text", text: label }, "infoLabel");
    s.put(2, content, style);
    s.merges.push({ top: s.row, left: 2, bottom: s.row, right: 3 });
    s.end(rowHeight(1, { size: 10 }));
  };
  infoRow(info.anno, { kind: "number", value: p.anno }, "infoNumber");
  infoRow(info.dataRiferimento, { kind: "date", iso: p.dataRiferimento }, "infoDate");
  infoRow(info.generatoIl, { kind: "date", iso: ctx.generatedOn }, "infoDate");
  const noteFont = { size: 9 };
  s.wide(
    rollupStrings.riepilogoNote,
    "note",
    rowHeight(linesOf(rollupStrings.riepilogoNote, COLUMN_WIDTHS, noteFont), noteFont, 4),
  );

  // The header row every table shares, repeated on each printed page and frozen on screen.
  const headerRow = s.row;
  rollupStrings.columns.forEach((h, i) =>
    s.put(i + 1, { kind: "text", text: h }, i >= 3 ? `header${i - 3}` : "header"),
  );
  const headerFont = { size: 9, bold: true };
  s.end(
    rowHeight(
      Math.max(...rollupStrings.columns.map((h, i) => linesOf(h, [COLUMN_WIDTHS[i]], headerFont))),
      headerFont,
    ),
  );
  const firstPage = Object.values(s.rowHeights).reduce((a, h) => a + h, 0);

  const totale = totaleRollup(ctx.plan, rollups);
  const items: PageItem[] = [];
  let cdr: ChartsPlace["cdr"] = null;
  for (const grouping of GROUPINGS) {
    const table: PageItem = { kind: "table", rows: [] };
    const mark = () => table.rows.push({ row: s.row - 1, height: s.rowHeights[s.row - 1] });
    s.put(1, { kind: "text", text: grouping.title }, "groupTitle");
    for (let c = 2; c <= LAST_COL; c++) s.put(c, { kind: "empty" }, "groupTitle");
    // 8 pt of air above the title, inside its row (a page may start with it).
    s.end(rowHeight(1, { size: 11, bold: true }, 8));
    mark();
    const groups = sortGroups(rollups.riepilogo[grouping.key]);
    if (groups.length === 0) {
      s.put(1, { kind: "text", text: rollupStrings.noObjectives }, "empty");
      s.end(rowHeight(1, { size: 10 }));
      mark();
      items.push(table);
      continue;
    }
    const first = s.row;
    for (const g of groups) {
      writeGroupRow(s, g, refs, grouping.key);
      // Wrapped group names need taller rows (LibreOffice and Excel do not grow them on their own).
      s.end(rowHeight(linesOf(g.gruppo, [COLUMN_WIDTHS[0]], { size: 10 }), { size: 10 }));
      mark();
    }
    const last = s.row - 1;
    writeTotaleRow(s, totale, refs, first, last);
    if (grouping.key === "centroResponsabilita") cdr = { first, last, totale: s.row };
    s.end(rowHeight(1, { size: 10, bold: true }));
    mark();
    addColours(s, first, last + 1);
    items.push(table);
  }

  // The charts, side by side under the tables, kept on one page.
  const place: ChartsPlace = {
    cdr,
    headerRow,
    top: s.row + 1,
    rows: chartRows(rollups.riepilogo.centroResponsabilita.length),
  };
  const charts = riepilogoCharts(place);
  if (charts.length > 0) {
    const block: PageItem = { kind: "block", rows: [] };
    for (let k = 0; k <= place.rows; k++) {
      block.rows.push({ row: s.row, height: 15 });
      s.end(15);
    }
    items.push(block);
  }

  const lastRow = s.row - 1;
  const repeat = s.rowHeights[headerRow];
  const pageBreaks = planBreaks(items, PAGE_BUDGET, firstPage, repeat);
  return {
    name: SHEETS.riepilogo,
    columnWidths: [...COLUMN_WIDTHS],
    cells: s.cells,
    styles: STYLES,
    merges: s.merges,
    rowHeights: s.rowHeights,
    pageBreaks,
    print: {
      paperSize: "A4",
      orientation: "portrait",
      scale: 100,
      margins: { ...MARGINS },
      footer: `${p.ente ? `&L&8${p.ente.replace(/&/g, "&&")}` : ""}&C&8Pagina &P di &N&R&8${rollupStrings.riepilogoTitle} ${p.anno}`,
      printArea: `A1:${String.fromCharCode(64 + LAST_COL)}${lastRow}`,
      printTitleRows: `$${headerRow}:$${headerRow}`,
      centerHorizontally: true,
    },
    conditionalFormats: s.conditionalFormats,
    freeze: { rows: headerRow, cols: 0 },
    showGridLines: false,
    plannedPages: pageBreaks.length + 1,
    charts,
  };
}

/** Data bar on Grado medio (group rows); each Esito count coloured when above 0 (group and Totale rows). */
function addColours(s: Sheet, first: number, totaleRow: number): void {
  s.conditionalFormats.push({
    type: "dataBar",
    range: `C${first}:C${totaleRow - 1}`,
    color: "5B9BD5",
    min: 0,
    max: 100,
  });
  ESITO_COLOURS.forEach((c, i) => {
    const col = String.fromCharCode(68 + i); // D, E, F, G
    s.conditionalFormats.push({
      type: "expression",
      range: `${col}${first}:${col}${totaleRow}`,
      formula: `=${col}${first}>0`,
      fill: c.fill,
      fontColor: c.font,
    });
  });
}

const valuesOf = (g: GroupRollup): (number | null)[] => [
  g.obiettivi,
  g.gradoMedio,
  g.raggiunti,
  g.parzialmenteRaggiunti,
  g.nonRaggiunti,
  g.nonValutabili,
];

function writeGroupRow(
  s: Sheet,
  g: GroupRollup,
  refs: ObiettiviRefs | null,
  key: (typeof GROUPINGS)[number]["key"],
): void {
  s.put(1, { kind: "text", text: g.gruppo }, "gruppo");
  const values = valuesOf(g);
  const style = (i: number) => (i === 1 ? "grado" : "count");
  if (!refs) {
    values.forEach((v, i) =>
      s.put(i + 2, v === null ? { kind: "empty" } : { kind: "number", value: v }, style(i)),
    );
    return;
  }
  const X = refs.group(key);
  const E = refs.esito;
  // The Esito pair comes first: LibreOffice undercounts COUNTIFS whose first criterion is "" (blank).
  // "(non indicato)" counts two keys (empty cells and cells written "(non indicato)"): one base each.
  const bases =
    X === null ? [`${E},"?*"`] : groupCriteriaKeys(g.gruppo).map((k) => `${E},"?*",${X},${keyCriterion(k)}`);
  groupFormulas(bases, refs).forEach((f, i) =>
    s.put(i + 2, { kind: "formula", formula: f, result: values[i] ?? "" }, style(i)),
  );
}

/** Totale: the counts summed over the groups above; Grado medio over all objectives, weighted as the groups. */
function writeTotaleRow(
  s: Sheet,
  t: GroupRollup,
  refs: ObiettiviRefs | null,
  first: number,
  last: number,
): void {
  s.put(1, { kind: "text", text: rollupStrings.totale }, "totaleLabel");
  const values = valuesOf(t);
  const style = (i: number) => (i === 1 ? "totaleGrado" : "totaleCount");
  if (!refs) {
    values.forEach((v, i) =>
      s.put(i + 2, v === null ? { kind: "empty" } : { kind: "number", value: v }, style(i)),
    );
    return;
  }
  const mean = groupFormulas([`${refs.esito},"?*"`], refs)[1];
  values.forEach((v, i) => {
    const col = String.fromCharCode(66 + i); // B…G
    const formula = i === 1 ? mean : `=SUM(${col}${first}:${col}${last})`;
    s.put(i + 2, { kind: "formula", formula, result: v ?? "" }, style(i));
  });
}

/** The six formulas of one group row, given the criteria (one or more bases) that select its objectives. */
export function groupFormulas(bases: string[], refs: ObiettiviRefs): string[] {
  const E = refs.esito;
  const G = refs.grado;
  /** Sum over the bases of one SUMIFS/COUNTIFS term. */
  const sum = (term: (base: string) => string) =>
    bases.length === 1 ? term(bases[0]) : `(${bases.map(term).join("+")})`;
  const n = sum((b) => `COUNTIFS(${b})`);
  const ng = sum((b) => `COUNTIFS(${b},${G},">=0")+COUNTIFS(${b},${G},"<0")`);
  const ngp = bases.length === 1 ? `(${ng})` : ng;
  const mean = `${sum((b) => `SUMIFS(${G},${b})`)}/${ngp}`;
  let body = mean;
  if (refs.peso && refs.pesoGrado) {
    const P = refs.peso;
    const PG = refs.pesoGrado;
    const sp = sum((b) => `SUMIFS(${P},${b},${P},">0",${G},">=0")+SUMIFS(${P},${b},${P},">0",${G},"<0")`);
    // A percent-formatted Peso column is read ×100, as the reader reads each of its cells.
    const spp = refs.pesoPercent ? `(100*(${sp}))` : bases.length === 1 ? `(${sp})` : sp;
    body = `IF(${sum((b) => `COUNTIFS(${b},${P},">0")`)}=${n},${sum((b) => `SUMIFS(${PG},${b})`)}/${spp},${mean})`;
  }
  return [
    `=${n}`,
    `=IF(${ngp}=0,"",${body})`,
    `=${sum((b) => `COUNTIFS(${b},${E},"Raggiunto")`)}`,
    `=${sum((b) => `COUNTIFS(${b},${E},"Parzialmente raggiunto")`)}`,
    `=${sum((b) => `COUNTIFS(${b},${E},"Non raggiunto")`)}`,
    `=${sum((b) => `COUNTIFS(${b},${E},"Non valutabile")`)}`,
  ];
}
