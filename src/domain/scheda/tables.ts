// The phase and indicator tables of an objective page (docs/reference/scheda.md § Phase table,
// § Indicator table): header rows, one record per phase (two rows or more) or indicator, and the
// continuation records of a text too long for one page.
import type { EarlierSnapshot } from "../cycle/earlier";
import { schedaLabels as L } from "../messages";
import type { Fase, Indicatore } from "../model/model";
import type { CellContent } from "../model/sheet";
import { indicatorHeaderCells, noteColumn, phaseHeaderSpans } from "./columns";
import { MAX_ROW_HEIGHT } from "./measure";
import { heightOf, type Block, type LayoutCell, type LayoutRow } from "./paginate";
import { cell, date, num, spacer, text, type Sizer } from "./sizer";
import { fontOf } from "./styles";

/** Space below a table, before the next section. */
export const AFTER_TABLE = 5;

/** A section heading (FASI - ATTIVITA', INDICATORI…): one bold line with a little air above. */
export function heading(s: Sizer, label: string): LayoutRow {
  return { height: s.lineRow("section", 4), cells: [cell(1, text(label), "section", s.last)] };
}

/**
 * Splits the long texts of a record (phase or indicator) so the record fits a page: the first piece
 * of each text stays in the record, the rest goes to continuation records below it.
 */
function splitRecord(s: Sizer, cells: LayoutCell[], maxHeight: number): LayoutCell[][] {
  const pieces = cells.map((c) =>
    c.content.kind !== "text" ? [c] : s.pack(c, maxHeight).map((t) => ({ ...c, content: text(t) })),
  );
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
function spannedRecord(s: Sizer, cells: LayoutCell[]): LayoutRow[] {
  const need = Math.max(...cells.map((c) => s.neededHeight(c)));
  const heights = s.recordHeights(Math.min(need, MAX_ROW_HEIGHT), need, 1);
  const rows: LayoutRow[] = heights.map((height) => ({ height, cells: [] }));
  rows[0].cells = cells.map((c) => ({ ...c, rowSpan: heights.length }));
  return rows;
}

function phaseHeader(s: Sizer, earlier: EarlierSnapshot | null): LayoutRow[] {
  const spans = phaseHeaderSpans(s.grid.cols, earlier?.label ?? null);
  const top: LayoutRow = {
    height: 0,
    cells: [
      ...spans.map((h) => cell(h.col, text(h.text), h.col === 1 ? "thLeft" : "th", 1, 2)),
      cell(2, text(L.phaseHeader[1]), "th"),
      cell(3, text(L.phaseHeader[2]), "th"),
    ].sort((a, b) => a.col - b.col),
  };
  const sub: LayoutRow = {
    height: 0,
    cells: [
      cell(2, text(L.phaseHeaderEffective[0]), "thSub"),
      cell(3, text(L.phaseHeaderEffective[1]), "thSub"),
    ],
  };
  top.height = s.round(Math.max(...top.cells.filter((c) => c.rowSpan === 1).map((c) => s.neededHeight(c))));
  sub.height = s.round(Math.max(...sub.cells.map((c) => s.neededHeight(c))));
  const need = Math.max(...top.cells.map((c) => s.neededHeight(c)));
  if (top.height + sub.height < need) top.height = s.round(need - sub.height);
  return [top, sub];
}

/**
 * A phase: planned dates on the first row, effective dates on the second, the rest spanning both
 * (with the earlier snapshot's Avanzamento beside the current one when there is one).
 */
function phaseRecords(s: Sizer, f: Fase, maxHeight: number, earlier: EarlierSnapshot | null): LayoutRow[][] {
  const p = s.grid.cols.phase;
  const spannedAll: LayoutCell[] = [
    cell(1, text(f.titolo), "tdTitle"),
    cell(p.peso, num(f.peso), "tdNum"),
    cell(p.avanzamento, num(f.avanzamento), "tdNum"),
    ...(p.earlier !== null
      ? [cell(p.earlier, num(earlier?.phases.get(f)?.avanzamento), "tdNumEarlier")]
      : []),
    cell(p.responsabile, text(f.responsabile), "td"),
    cell(p.cdr, text(f.centroResponsabilita), "td"),
    cell(p.note, text(f.note), "td"),
  ];
  const [spanned, ...more] = splitRecord(s, spannedAll, maxHeight);
  const first = s.heightForLines(1, fontOf("tdDate"));
  const heights = s.recordHeights(first, Math.max(...spanned.map((c) => s.neededHeight(c))), 2);
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
    spannedRecord(s, [...continued(cells, f.titolo), cell(2, { kind: "empty" }, "td", 2)]),
  );
  return [rows, ...extra];
}

/** `FASI - ATTIVITA'`, the header rows and one block per phase record (a page never splits one). */
export function phaseBlocks(
  s: Sizer,
  fasi: Fase[],
  maxRecord: number,
  earlier: EarlierSnapshot | null,
): Block[] {
  if (fasi.length === 0) {
    return [
      {
        rows: [
          heading(s, L.fasi),
          s.row([cell(1, text(L.noPhases), "tdEmpty", s.last)]),
          spacer(AFTER_TABLE),
        ],
      },
    ];
  }
  const header = phaseHeader(s, earlier);
  const blocks: Block[] = [{ rows: [heading(s, L.fasi), ...header], keepWithNext: true }];
  const repeat = [heading(s, `${L.fasi} ${L.continued}`), ...header];
  const max = maxRecord - heightOf(repeat);
  for (const f of fasi) for (const rows of phaseRecords(s, f, max, earlier)) blocks.push({ rows, repeat });
  blocks[blocks.length - 1].rows.push(spacer(AFTER_TABLE));
  return blocks;
}

/**
 * Indicator columns: Descrizione, Tipo, Atteso, Raggiunto, the earlier snapshot's value, one per
 * history year, Note to the last column.
 */
function indicatorHeader(s: Sizer, years: number[], earlier: EarlierSnapshot | null): LayoutRow {
  return s.row(
    indicatorHeaderCells(s.grid.cols, years, earlier?.label ?? null).map((h) =>
      cell(h.col, text(h.text), h.col === 1 ? "thLeft" : "th", h.span),
    ),
  );
}

function indicatorRecords(
  s: Sizer,
  ind: Indicatore,
  years: number[],
  maxHeight: number,
  earlier: EarlierSnapshot | null,
): LayoutRow[][] {
  const cols = s.grid.cols;
  const value = (y: number) => ind.storico.find((h) => h.anno === y)?.valore ?? null;
  const note = noteColumn(cols, years.length);
  const past = cols.indicator.earlier;
  const cells = [
    cell(1, text(ind.descrizione), "td"),
    cell(2, text(ind.tipo), "tdCenter"),
    cell(3, num(ind.valoreAtteso), "tdValue"),
    cell(4, num(ind.valoreRaggiunto), "tdValue"),
    ...(past !== null
      ? [cell(past, num(earlier?.indicators.get(ind)?.valoreRaggiunto), "tdValueEarlier")]
      : []),
    ...years.map((y, i) => cell(cols.indicator.firstYear + i, num(value(y)), "tdValue")),
    cell(note, text(ind.note), "td", cols.last - note + 1),
  ];
  return splitRecord(s, cells, maxHeight).map((record, i) => {
    if (i > 0) record = continued(record, ind.descrizione);
    const need = Math.max(...record.map((c) => s.neededHeight(c)));
    return need <= MAX_ROW_HEIGHT ? [s.row(record)] : spannedRecord(s, record);
  });
}

/** `INDICATORI`, the header row and one block per indicator record (or `Nessun indicatore`). */
export function indicatorBlocks(
  s: Sizer,
  inds: Indicatore[],
  years: number[],
  maxRecord: number,
  earlier: EarlierSnapshot | null,
): Block[] {
  if (inds.length === 0) {
    return [
      {
        rows: [
          heading(s, L.indicatori),
          s.row([cell(1, text(L.noIndicators), "tdEmpty", s.last)]),
          spacer(AFTER_TABLE),
        ],
      },
    ];
  }
  const header = indicatorHeader(s, years, earlier);
  const blocks: Block[] = [{ rows: [heading(s, L.indicatori), header], keepWithNext: true }];
  const repeat = [heading(s, `${L.indicatori} ${L.continued}`), header];
  const max = maxRecord - heightOf(repeat);
  for (const ind of inds)
    for (const rows of indicatorRecords(s, ind, years, max, earlier)) blocks.push({ rows, repeat });
  blocks[blocks.length - 1].rows.push(spacer(AFTER_TABLE));
  return blocks;
}
