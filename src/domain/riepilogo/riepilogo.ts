// The Riepilogo sheet (docs/reference/formulas.md): one table per grouping, live COUNTIFS/SUMIFS formulas over the
// Obiettivi columns (Esito, Grado and the Peso x Grado helper), cached results = the TypeScript values.
// A group row selects its objectives by the helper key column of its grouping (./keys.ts), so spaces,
// NBSP, case, wildcards and leading operators in a label count exactly as in the TypeScript grouping.
// Colours follow the numbers through conditional formatting, so they stay right after a user edit.
import { rollupStrings } from "../messages";
import { SHEETS } from "../model/schema";
import {
  ESITO_COLOURS_IN_ORDER,
  type CellContent,
  type CellStyle,
  type ConditionalFormat,
  type SheetCell,
  type SheetDescription,
} from "../model/sheet";
import { criterionOf, quote } from "../reading/keys";
import {
  groupCriteriaKeys,
  GROUPINGS,
  type GroupRollup,
  type Rollups,
  type GroupKey,
} from "../rollup/rollup";

const FONT = "Calibri";
/** Characters of Calibri 10 that fit on one line of column A (width 60). */
const GRUPPO_CHARS_PER_LINE = 62;

const STYLES: Record<string, CellStyle> = {
  title: { font: { name: FONT, size: 16, bold: true, color: "1F3864" } },
  note: { font: { name: FONT, size: 10, italic: true, color: "595959" } },
  groupTitle: {
    font: { name: FONT, size: 12, bold: true, color: "1F3864" },
    border: { bottom: { weight: "medium", color: "1F3864" } },
  },
  header: {
    font: { name: FONT, size: 10, bold: true, color: "FFFFFF" },
    fill: "1F3864",
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    border: thin(),
  },
  ...Object.fromEntries(
    ESITO_COLOURS_IN_ORDER.map((c, i) => [
      `header${i}`,
      {
        font: { name: FONT, size: 10, bold: true, color: "000000" },
        fill: c.header,
        alignment: { horizontal: "center", vertical: "middle", wrapText: true },
        border: thin(),
      } satisfies CellStyle,
    ]),
  ),
  gruppo: {
    font: { name: FONT, size: 10 },
    alignment: { vertical: "top", wrapText: true },
    border: thin(),
    numberFormat: "@",
  },
  count: {
    font: { name: FONT, size: 10 },
    alignment: { horizontal: "center", vertical: "top" },
    border: thin(),
    numberFormat: "0",
  },
  grado: {
    font: { name: FONT, size: 10, bold: true },
    alignment: { horizontal: "right", vertical: "top" },
    border: thin(),
    numberFormat: "0.00",
  },
  empty: { font: { name: FONT, size: 10, italic: true, color: "595959" } },
};

function thin(): NonNullable<CellStyle["border"]> {
  const side = { weight: "thin" as const, color: "A6A6A6" };
  return { top: side, bottom: side, left: side, right: side };
}

/** A COUNTIFS criterion literal that matches exactly this helper key. */
export function keyCriterion(key: string): string {
  return quote(criterionOf(key));
}

function cell(row: number, col: number, content: CellContent, style?: string): SheetCell {
  return { row, col, content, style };
}

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

export function buildRiepilogo(rollups: Rollups, refs: ObiettiviRefs | null): SheetDescription {
  const cells: SheetCell[] = [];
  const merges: SheetDescription["merges"] = [];
  const conditionalFormats: ConditionalFormat[] = [];
  const rowHeights: Record<number, number> = {};
  const headers = rollupStrings.columns;

  cells.push(cell(1, 1, { kind: "text", text: rollupStrings.riepilogoTitle }, "title"));
  rowHeights[1] = 24;
  cells.push(cell(2, 1, { kind: "text", text: rollupStrings.riepilogoNote }, "note"));
  merges.push({ top: 2, left: 1, bottom: 2, right: 7 });
  let row = 4;

  for (const grouping of GROUPINGS) {
    const groups = rollups.riepilogo[grouping.key];
    cells.push(cell(row, 1, { kind: "text", text: grouping.title }, "groupTitle"));
    for (let c = 2; c <= 7; c++) cells.push(cell(row, c, { kind: "empty" }, "groupTitle"));
    rowHeights[row] = 20;
    row++;
    headers.forEach((h, i) =>
      cells.push(cell(row, i + 1, { kind: "text", text: h }, i >= 3 ? `header${i - 3}` : "header")),
    );
    rowHeights[row] = 30;
    row++;
    if (groups.length === 0) {
      cells.push(cell(row, 1, { kind: "text", text: rollupStrings.noObjectives }, "empty"));
      row += 2;
      continue;
    }
    const first = row;
    for (const g of groups) {
      writeGroupRow(cells, row, g, refs, grouping.key);
      // Wrapped group names need taller rows (LibreOffice and Excel do not grow them on their own).
      const lines = Math.ceil(g.gruppo.length / GRUPPO_CHARS_PER_LINE);
      if (lines > 1) rowHeights[row] = Math.min(409, 13 * lines + 2);
      row++;
    }
    const last = row - 1;
    conditionalFormats.push({
      type: "dataBar",
      range: `C${first}:C${last}`,
      color: "5B9BD5",
      min: 0,
      max: 100,
    });
    ESITO_COLOURS_IN_ORDER.forEach((c, i) => {
      const col = String.fromCharCode(68 + i); // D, E, F, G
      conditionalFormats.push({
        type: "expression",
        range: `${col}${first}:${col}${last}`,
        formula: `=${col}${first}>0`,
        fill: c.fill,
        fontColor: c.font,
      });
    });
    row++;
  }

  const lastRow = row - 1;
  return {
    name: SHEETS.riepilogo,
    columnWidths: [60, 11, 13, 12, 14, 13, 13],
    cells,
    styles: STYLES,
    merges,
    rowHeights,
    pageBreaks: [],
    print: {
      paperSize: "A4",
      orientation: "landscape",
      scale: 90,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      footer: "&CPagina &P di &N",
      printArea: `A1:G${lastRow}`,
      centerHorizontally: true,
    },
    conditionalFormats,
    showGridLines: false,
  };
}

function writeGroupRow(
  cells: SheetCell[],
  row: number,
  g: GroupRollup,
  refs: ObiettiviRefs | null,
  key: (typeof GROUPINGS)[number]["key"],
): void {
  cells.push(cell(row, 1, { kind: "text", text: g.gruppo }, "gruppo"));
  const values: (number | null)[] = [
    g.obiettivi,
    g.gradoMedio,
    g.raggiunti,
    g.parzialmenteRaggiunti,
    g.nonRaggiunti,
    g.nonValutabili,
  ];
  if (!refs) {
    values.forEach((v, i) =>
      cells.push(
        cell(
          row,
          i + 2,
          v === null ? { kind: "empty" } : { kind: "number", value: v },
          i === 1 ? "grado" : "count",
        ),
      ),
    );
    return;
  }
  const X = refs.group(key);
  const E = refs.esito;
  // The Esito pair comes first: LibreOffice undercounts COUNTIFS whose first criterion is "" (blank).
  // "(non indicato)" counts two keys (empty cells and cells written "(non indicato)"): one base each.
  const bases =
    X === null ? [`${E},"?*"`] : groupCriteriaKeys(g.gruppo).map((k) => `${E},"?*",${X},${keyCriterion(k)}`);
  const formulas = groupFormulas(bases, refs);
  formulas.forEach((f, i) =>
    cells.push(
      cell(row, i + 2, { kind: "formula", formula: f, result: values[i] ?? "" }, i === 1 ? "grado" : "count"),
    ),
  );
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
