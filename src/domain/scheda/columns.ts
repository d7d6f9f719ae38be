// Which column of the Scheda holds what (docs/reference/scheda.md § Grid). Eight columns A–H; nine
// when the Scheda shows an earlier snapshot (SPEC §7): `Avanz. al dd/mm` beside the phases'
// Avanzamento and `Valore al dd/mm` beside the indicators' Valore Raggiunto, in the same column E/F
// band, so both tables keep their numbers side by side and their texts on the right.
import { cycleTexts, schedaLabels as L } from "../messages";

export interface Columns {
  /** Number of columns (the last column, 1-based). */
  last: number;
  phase: {
    peso: number;
    avanzamento: number;
    /** `Avanz. al dd/mm` (null without an earlier snapshot). */
    earlier: number | null;
    responsabile: number;
    cdr: number;
    note: number;
  };
  indicator: {
    /** `Valore al dd/mm` (null without an earlier snapshot). */
    earlier: number | null;
    /** The first history year (`Valore Raggiunto <Y>`); the years follow, then Note to the last column. */
    firstYear: number;
  };
}

/** The columns of a Scheda with (true) or without an earlier snapshot. */
export function columnsFor(earlier: boolean): Columns {
  const e = earlier ? 1 : 0;
  return {
    last: 8 + e,
    phase: {
      peso: 4,
      avanzamento: 5,
      earlier: earlier ? 6 : null,
      responsabile: 6 + e,
      cdr: 7 + e,
      note: 8 + e,
    },
    indicator: { earlier: earlier ? 5 : null, firstYear: 5 + e },
  };
}

/**
 * The phase table's header cells spanning both header rows (FASE, Peso, Avanzamento, the earlier
 * snapshot, Responsabile, CdR, Note), by column; B and C have a header on each row.
 */
export function phaseHeaderSpans(
  cols: Columns,
  earlierLabel: string | null,
): { col: number; text: string }[] {
  const h = L.phaseHeader;
  const p = cols.phase;
  return [
    { col: 1, text: h[0] },
    { col: p.peso, text: h[3] },
    { col: p.avanzamento, text: h[4] },
    ...(p.earlier !== null && earlierLabel !== null
      ? [{ col: p.earlier, text: cycleTexts.phaseColumn(earlierLabel) }]
      : []),
    { col: p.responsabile, text: h[5] },
    { col: p.cdr, text: h[6] },
    { col: p.note, text: h[7] },
  ];
}

/**
 * The indicator table's header, by column: Descrizione, Tipo, Valore Atteso, Valore Raggiunto, the
 * earlier snapshot, one per history year, and Note merged from `col` to the last column.
 */
export function indicatorHeaderCells(
  cols: Columns,
  years: number[],
  earlierLabel: string | null,
): { col: number; text: string; span: number }[] {
  const h = L.indicatorHeader;
  const i = cols.indicator;
  const note = noteColumn(cols, years.length);
  return [
    ...h.slice(0, 4).map((text, k) => ({ col: 1 + k, text, span: 1 })),
    ...(i.earlier !== null && earlierLabel !== null
      ? [{ col: i.earlier, text: cycleTexts.indicatorColumn(earlierLabel), span: 1 }]
      : []),
    ...years.map((y, k) => ({ col: i.firstYear + k, text: `${h[3]} ${y}`, span: 1 })),
    { col: note, text: h[4], span: cols.last - note + 1 },
  ];
}

/** The indicator table's Note column (merged to the last column). */
export function noteColumn(cols: Columns, years: number): number {
  return cols.indicator.firstYear + years;
}
