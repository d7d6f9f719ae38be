// The Scheda's columns (eight, nine with an earlier snapshot: columns.ts), sized for what they hold
// (docs/reference/scheda.md § Grid). Every table shares them: phases (FASE, Inizio, Fine, Peso,
// Avanzamento, [Avanz. al], Responsabile, CdR, Note), indicators (Descrizione, Tipo, Atteso, Raggiunto,
// [Valore al], history years, Note over the rest) and label/value rows.
// Each column first gets the room its longest word needs (no word broken inside); the rest of the page
// width goes where it makes the phase and indicator tables shortest: a local search that moves width
// between columns while the planned height of the tables drops, tall records weighing more (they
// leave pages half empty). A Note column with long notes grows; one without notes keeps the width of
// its header.
import { noteColumn, type Columns } from "./columns";
import type { Renderer } from "./renderer";
import { LO_POINTS_PER_CHAR } from "./renderer";
import { textWidth, wrapText, type FontSpec } from "./measure";

/** A4 landscape width minus the side margins (0.4 in each, styles.ts MARGINS). */
export const PRINTABLE_WIDTH = 841.89 - 0.8 * 72;
/** Width the columns fill (LibreOffice points): the printable width at the print scale, less a little for rounding. */
const gridWidth = (r: Renderer) => PRINTABLE_WIDTH / r.printScale - 6;
/** A column never needs more than this for its longest word (a long URL wraps instead). */
const MAX_WORD_WIDTH = 130;
/** At most this many records steer the search (evenly spread), so huge plans cost no more. */
const SAMPLE = 400;
/**
 * A tall record costs more than its height: when it does not fit what is left of a page, that space
 * stays empty. Each record counts h + TALL · h² / page height (4: on the sample, the Note column gets
 * 169 pt instead of 133 and the PDF one page fewer than with the height alone).
 */
const TALL = 4;

export interface Grid {
  /** Column widths in Excel character units (what the sheet stores), one per column. */
  chars: number[];
  cols: Columns;
}

/** The texts the tables show, by column, as the layout places them. */
export interface GridContent {
  cols: Columns;
  phases: { titolo: string; responsabile: string | null; cdr: string | null; note: string | null }[];
  /** values: Valore Atteso, Valore Raggiunto, [the earlier value], the history years (columns C onwards). */
  indicators: { descrizione: string; tipo: string | null; note: string | null; values: string[] }[];
  /** Number of history years in the indicator table (0–3). */
  years: number;
  /** Objectives that have phases / indicators (their table headers are printed once each at least). */
  phaseTables: number;
  indicatorTables: number;
  /** Texts that must fit one line of a column, by column (labels, headers…), with their font. */
  oneLine: { col: number; text: string; font: FontSpec }[];
  /** Header words per column (9 pt bold), wrapped but never broken inside. */
  headers: { col: number; text: string }[];
}

const TD: FontSpec = { size: 9 };
const TD_BOLD: FontSpec = { size: 9, bold: true };
const MARGIN = 5;

function longestWord(text: string, font: FontSpec, r: Renderer): number {
  let max = 0;
  for (const w of text.split(/\s+/)) {
    for (const seg of r.breaksInsideWords ? w.split(/(?<=[\p{L}\p{N}]-)(?=\p{L})/u) : [w]) {
      max = Math.max(max, textWidth(seg, font) * r.widthSafety);
    }
  }
  return max;
}

/** Column widths for the content, in LibreOffice points then characters. */
export function chooseGrid(content: GridContent, r: Renderer): Grid {
  const { cols } = content;
  const p = cols.phase;
  const min = Array.from({ length: cols.last }, () => 30);
  const need = (col: number, w: number) =>
    (min[col - 1] = Math.max(min[col - 1], Math.min(w, MAX_WORD_WIDTH) + MARGIN));
  for (const o of content.oneLine) need(o.col, textWidth(o.text, o.font) * r.widthSafety);
  for (const h of content.headers) need(h.col, longestWord(h.text, TD_BOLD, r));
  const phases = sample(content.phases);
  const inds = sample(content.indicators);
  for (const f of phases) {
    need(1, longestWord(f.titolo, TD_BOLD, r));
    need(p.responsabile, longestWord(f.responsabile ?? "", TD, r));
    need(p.cdr, longestWord(f.cdr ?? "", TD, r));
  }
  const noteFrom = noteColumn(cols, content.years);
  for (const i of inds) {
    need(1, longestWord(i.descrizione, TD, r));
    need(2, longestWord(i.tipo ?? "", TD, r));
    i.values.forEach((v, k) => need(3 + k, textWidth(v, TD) * r.widthSafety));
  }
  // Notes wrap over their whole width; a very long word alone does not size the Note column.
  const total = min.reduce((s, w) => s + w, 0);
  const widths = total > gridWidth(r) ? min.map((w) => (w * gridWidth(r)) / total) : spread(min, content, r);

  const counter = new LineCounter(r);
  const chars = (w: number[]) => w.map((p) => p / LO_POINTS_PER_CHAR);
  const pitch = r.lineHeight(9);
  const weigh = (rh: number) => rh + (TALL * rh * rh) / r.pageBudget;
  const cost = (w: number[]): number => {
    const c = chars(w);
    const lines = (text: string | null, from: number, to: number, font: FontSpec) =>
      text ? counter.lines(text, c.slice(from - 1, to), font) : 1;
    let h = 0;
    for (const f of phases) {
      const n = Math.max(
        lines(f.titolo, 1, 1, TD_BOLD),
        lines(f.responsabile, p.responsabile, p.responsabile, TD),
        lines(f.cdr, p.cdr, p.cdr, TD),
        lines(f.note, p.note, p.note, TD),
      );
      h += weigh(Math.max(2 * (pitch + r.padding), n * pitch + r.padding));
    }
    for (const i of inds) {
      const n = Math.max(
        lines(i.descrizione, 1, 1, TD),
        lines(i.tipo, 2, 2, TD),
        lines(i.note, noteFrom, cols.last, TD),
      );
      h += weigh(n * pitch + r.padding);
    }
    // Table headers, printed at least once per objective that has the table.
    const head = (col: number, to = col) =>
      lines(content.headers.find((x) => x.col === col)?.text ?? "", col, to, TD_BOLD);
    // Every phase header but B and C spans both header rows.
    const spanning = Array.from({ length: cols.last }, (_, k) => k + 1).filter((col) => col > 3 || col === 1);
    const phaseHead = Math.max(...spanning.map((col) => head(col)), 2);
    h +=
      content.phaseTables *
      (phaseHead * pitch + r.padding) *
      (phases.length / Math.max(1, content.phases.length));
    h += content.indicatorTables * pitch * (inds.length / Math.max(1, content.indicators.length));
    return h;
  };
  return { chars: round(chars(search(widths, min, cost))), cols };
}

/** Spreads the width left after the minimums over the text columns, by how much text each holds. */
function spread(min: number[], content: GridContent, r: Renderer): number[] {
  const p = content.cols.phase;
  const load = Array.from({ length: min.length }, () => 0);
  const add = (col: number, t: string | null, font = TD) => {
    if (t) load[col - 1] += textWidth(t, font) * r.widthSafety;
  };
  for (const f of content.phases) {
    add(1, f.titolo, TD_BOLD);
    add(p.responsabile, f.responsabile);
    add(p.cdr, f.cdr);
    add(p.note, f.note);
  }
  for (const i of content.indicators) add(1, i.descrizione);
  const sum = load.reduce((s, x) => s + x, 0);
  const free = gridWidth(r) - min.reduce((s, w) => s + w, 0);
  return min.map((w, k) => w + (sum > 0 ? (free * load[k]) / sum : free / min.length));
}

/** Moves width between columns (steps of 24, 12, 6, 3 pt) while the cost drops. */
function search(start: number[], min: number[], cost: (w: number[]) => number): number[] {
  let w = [...start];
  let best = cost(w);
  for (const step of [24, 12, 6, 3]) {
    for (let round = 0; round < 200; round++) {
      let move: number[] | null = null;
      for (let from = 0; from < w.length; from++) {
        if (w[from] - step < min[from]) continue;
        for (let to = 0; to < w.length; to++) {
          if (to === from) continue;
          const cand = [...w];
          cand[from] -= step;
          cand[to] += step;
          const c = cost(cand);
          if (c < best - 1e-6) {
            best = c;
            move = cand;
          }
        }
      }
      if (!move) break;
      w = move;
    }
  }
  return w;
}

/** Widths rounded down to 1/100 of a character (so they never add up to more than planned). */
function round(chars: number[]): number[] {
  return chars.map((c) => Math.floor(c * 100) / 100);
}

function sample<T>(items: T[]): T[] {
  if (items.length <= SAMPLE) return items;
  return Array.from({ length: SAMPLE }, (_, i) => items[Math.floor((i * items.length) / SAMPLE)]);
}

/** Wrapped line counts, cached by text, width and font (the search asks the same ones many times). */
class LineCounter {
  private readonly cache = new Map<string, number>();
  constructor(private readonly r: Renderer) {}

  lines(text: string, chars: number[], font: FontSpec): number {
    const width = this.r.wrapWidth(chars, 0) / this.r.widthSafety;
    const key = `${font.size}${font.bold ? "b" : ""}|${width.toFixed(2)}|${text}`;
    let n = this.cache.get(key);
    if (n === undefined) {
      n = wrapText(text, width, font, { breaksInsideWords: this.r.breaksInsideWords }).length;
      this.cache.set(key, n);
    }
    return n;
  }
}
