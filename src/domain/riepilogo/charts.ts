// The Riepilogo's two charts, side by side under the tables: Grado medio % per Centro di
// Responsabilità (horizontal bars over the CdR table's live cells) and the count of Esiti (one column
// per Esito, from the Totale row). They read the sheet's own formula cells, so they follow the data.
import { rollupStrings } from "../messages";
import type { ChartDescription } from "../model/sheet";
import { ESITO_COLOURS } from "./styles";

export interface ChartsPlace {
  /** The CdR table's group rows and its Totale row. */
  cdr: { first: number; last: number; totale: number } | null;
  /** The shared header row (Esito labels in D:G). */
  headerRow: number;
  /** First row of the area reserved for the charts, and its number of rows. */
  top: number;
  rows: number;
}

/** Rows the charts need: taller with more Centri di Responsabilità (one bar each). */
export function chartRows(cdrGroups: number): number {
  return Math.min(40, Math.max(12, 5 + Math.ceil(cdrGroups * 1.3)));
}

export function riepilogoCharts(p: ChartsPlace): ChartDescription[] {
  if (!p.cdr) return [];
  const bottom = p.top + p.rows - 1;
  return [
    {
      name: "pegGradoPerCdR",
      kind: "bar",
      title: rollupStrings.chartGrado,
      categories: `A${p.cdr.first}:A${p.cdr.last}`,
      values: `C${p.cdr.first}:C${p.cdr.last}`,
      seriesName: rollupStrings.columns[2],
      colors: ["5B9BD5"],
      axis: { min: 0, max: 100, numberFormat: "0" },
      from: { row: p.top, col: 1 },
      to: { row: bottom, col: 2 },
    },
    {
      name: "pegEsiti",
      kind: "column",
      title: rollupStrings.chartEsiti,
      categories: `D${p.headerRow}:G${p.headerRow}`,
      values: `D${p.cdr.totale}:G${p.cdr.totale}`,
      seriesName: rollupStrings.columns[1],
      colors: ESITO_COLOURS.map((c) => c.header),
      axis: { min: 0, numberFormat: "0" },
      from: { row: p.top, col: 3 },
      to: { row: bottom, col: 7 },
    },
  ];
}
