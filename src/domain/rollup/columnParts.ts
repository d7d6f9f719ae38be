// Pieces the computed columns are built from: key tests, helper columns (Peso × value, match keys), one column of formulas with its cached results.
import { rollupStrings } from "../messages";
import type { SheetLayout } from "../model/model";
import { COMPUTED_COLUMNS } from "../model/schema";
import type { ComputedColumn, ComputedTable } from "../model/sheet";
import type { SheetRefs } from "./references";
import { codeKey, keyFormula } from "../reading/keys";

/** Headers of the computed and helper columns (docs/reference/formulas.md#computed-and-helper-columns). */
export const [H_F, H_R, H_G, H_FINALE, H_ESITO] = COMPUTED_COLUMNS.obiettivi;
export const [H_TEMPISTICA, H_SCOSTAMENTO] = COMPUTED_COLUMNS.fasi;
export const [H_RAGG] = COMPUTED_COLUMNS.indicatori;
export const HELPERS = rollupStrings.helperHeaders;

// ---------------------------------------------------------------------------------------------
// Computed columns
// ---------------------------------------------------------------------------------------------

/** A helper key cell of a row without a key: "k" (empty), or "" from an error — never a criterion. */
export function keyless(k: string): string {
  return `LEN(${k})<2`;
}

/** A number or 0 (empty, text and error cells count as empty). */
export function orZero(x: string): string {
  return `IF(ISNUMBER(${x}),${x},0)`;
}

/** A value of a percent column read ×100 (layout.percentColumns), as the reader reads it. */
export function scaled(x: string, percent: boolean): string {
  return percent ? `(100*${x})` : x;
}

/** Sum of the numeric cells of `sumRange` where the criteria hold (text and errors skipped). */
export function sumNumeric(sumRange: string, criteria: string): string {
  return `(SUMIFS(${sumRange},${criteria},${sumRange},">0")+SUMIFS(${sumRange},${criteria},${sumRange},"<0"))`;
}

export interface Built {
  table: ComputedTable;
  refs: SheetRefs;
  colOf: Map<string, number>;
}

export function rowsOf<T extends { row: number }>(layout: SheetLayout, items: T[]): (T | undefined)[] {
  const byRow = new Map(items.map((i) => [i.row, i]));
  const out: (T | undefined)[] = [];
  for (let r = layout.firstRow; r <= layout.lastRow; r++) out.push(byRow.get(r));
  return out;
}

export function makeColumn(
  layout: SheetLayout,
  header: string,
  col: number,
  formula: (row: number) => string,
  result: (i: number) => number | string | null,
  extra: Partial<ComputedColumn> = {},
): ComputedColumn {
  const formulas: string[] = [];
  const results: (number | string | null)[] = [];
  for (let r = layout.firstRow, i = 0; r <= layout.lastRow; r++, i++) {
    formulas.push("=" + formula(r));
    results.push(result(i));
  }
  return { header, col, formulas, results, ...extra };
}

/**
 * Helper column Peso × value (0 unless both are numbers and Peso > 0): what SUMIFS adds up for the
 * weighted means of R (indicators) and of Grado medio (objectives).
 */
export function weightedColumn(
  layout: SheetLayout,
  header: string,
  col: number,
  here: (col: number, row: number) => string,
  weightCol: number,
  valueCol: number,
  item: (i: number) => { peso: number | null; value: number | null } | null,
  weightPercent: boolean,
): ComputedColumn {
  return makeColumn(
    layout,
    header,
    col,
    (row) => {
      const p = here(weightCol, row);
      const v = here(valueCol, row);
      return `IF(ISNUMBER(${v}),IF(ISNUMBER(${p}),IF(${p}>0,${scaled(p, weightPercent)}*${v},0),0),0)`;
    },
    (i) => {
      const x = item(i);
      return x && x.value !== null && x.peso !== null && x.peso > 0 ? x.peso * x.value : 0;
    },
    { numberFormat: "0.00", helper: true },
  );
}

/** The "Chiave Obiettivo" helper column of Fasi and Indicatori: the match key of each row's Obiettivo. */
export function obiettivoKeyColumn(
  layout: SheetLayout<"obiettivo">,
  header: string,
  col: number,
  refs: SheetRefs,
  items: ({ obiettivo: string } | undefined)[],
): ComputedColumn {
  const obiettivoCol = layout.columns.obiettivo as number;
  return keyColumn(
    layout,
    header,
    col,
    (row) => keyFormula(refs.here(obiettivoCol, row)),
    (i) => codeKey(items[i]?.obiettivo ?? ""),
  );
}

/** The Peso × value helper column of a sheet that has a Peso column (none without one). */
export function weightColumns(
  layout: SheetLayout,
  header: string,
  colOf: Map<string, number>,
  here: (col: number, row: number) => string,
  valueCol: number,
  item: (i: number) => { peso: number | null; value: number | null } | null,
): ComputedColumn[] {
  const weightCol = layout.columns.peso;
  if (weightCol === undefined) return [];
  const percent = layout.percentColumns?.peso === true;
  return [
    weightedColumn(layout, header, colOf.get(header) as number, here, weightCol, valueCol, item, percent),
  ];
}

/**
 * Helper column of match keys (helper style). No "@" format: Excel stores a formula typed into a
 * text-formatted cell as text.
 */
export function keyColumn(
  layout: SheetLayout,
  header: string,
  col: number,
  formula: (row: number) => string,
  result: (i: number) => string,
): ComputedColumn {
  return makeColumn(layout, header, col, formula, result, { helper: true });
}

/** Names formulas use for the columns: ours by their header, the user's as the table names them. */
export function nameLookup(layout: SheetLayout, colOf: Map<string, number>): (col: number) => string {
  const byCol = new Map([...colOf].map(([h, c]) => [c, h]));
  return (col) => byCol.get(col) ?? layout.columnNames?.[col] ?? layout.headers[col] ?? "";
}
