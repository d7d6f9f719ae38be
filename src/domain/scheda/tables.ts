// The phase and indicator tables of an objective page (docs/reference/scheda.md § Phase table,
// § Indicator table): header rows, one record per phase (two rows or more) or indicator, and the
// continuation records of a text too long for one page.
import { schedaLabels as L } from "../messages";
import type { Fase, Indicatore } from "../model/model";
import type { CellContent } from "../model/sheet";
import { LAST_COL } from "./grid";
import { MAX_ROW_HEIGHT } from "./measure";
import { heightOf, type Block, type LayoutCell, type LayoutRow } from "./paginate";
import { cell, date, num, spacer, text, type Sizer } from "./sizer";
import { fontOf } from "./styles";

/** Space below a table, before the next section. */
export const AFTER_TABLE = 5;

/** A section heading (FASI - ATTIVITA', INDICATORI…): one bold line with a little air above. */
export function heading(s: Sizer, label: string): LayoutRow {
  return { height: s.lineRow("section", 4), cells: [cell(1, text(label), "section", LAST_COL)] };
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

function phaseHeader(s: Sizer): LayoutRow[] {
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
  top.height = s.round(Math.max(...top.cells.filter((c) => c.rowSpan === 1).map((c) => s.neededHeight(c))));
  sub.height = s.round(Math.max(...sub.cells.map((c) => s.neededHeight(c))));
  const need = Math.max(...top.cells.map((c) => s.neededHeight(c)));
  if (top.height + sub.height < need) top.height = s.round(need - sub.height);
  return [top, sub];
}

/** A phase: planned dates on the first row, effective dates on the second, the rest spanning both. */
function phaseRecords(s: Sizer, f: Fase, maxHeight: number): LayoutRow[][] {
  const spannedAll: LayoutCell[] = [
    cell(1, text(f.titolo), "tdTitle"),
    cell(4, num(f.peso), "tdNum"),
    cell(5, num(f.avanzamento), "tdNum"),
    cell(6, text(f.responsabile), "td"),
    cell(7, text(f.centroResponsabilita), "td"),
    cell(8, text(f.note), "td"),
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
export function phaseBlocks(s: Sizer, fasi: Fase[], maxRecord: number): Block[] {
  if (fasi.length === 0) {
    return [
      {
        rows: [
          heading(s, L.fasi),
          s.row([cell(1, text(L.noPhases), "tdEmpty", LAST_COL)]),
          spacer(AFTER_TABLE),
        ],
      },
    ];
  }
  const header = phaseHeader(s);
  const blocks: Block[] = [{ rows: [heading(s, L.fasi), ...header], keepWithNext: true }];
  const repeat = [heading(s, `${L.fasi} ${L.continued}`), ...header];
  const max = maxRecord - heightOf(repeat);
  for (const f of fasi) for (const rows of phaseRecords(s, f, max)) blocks.push({ rows, repeat });
  blocks[blocks.length - 1].rows.push(spacer(AFTER_TABLE));
  return blocks;
}

/** Indicator columns: Descrizione, Tipo, Atteso, Raggiunto, one per history year, Note to the last column. */
function indicatorHeader(s: Sizer, years: number[]): LayoutRow {
  const cells = [
    cell(1, text(L.indicatorHeader[0]), "thLeft"),
    cell(2, text(L.indicatorHeader[1]), "th"),
    cell(3, text(L.indicatorHeader[2]), "th"),
    cell(4, text(L.indicatorHeader[3]), "th"),
    ...years.map((y, i) => cell(5 + i, text(`${L.indicatorHeader[3]} ${y}`), "th")),
    cell(5 + years.length, text(L.indicatorHeader[4]), "th", LAST_COL - 4 - years.length),
  ];
  return s.row(cells);
}

function indicatorRecords(s: Sizer, ind: Indicatore, years: number[], maxHeight: number): LayoutRow[][] {
  const value = (y: number) => ind.storico.find((h) => h.anno === y)?.valore ?? null;
  const cells = [
    cell(1, text(ind.descrizione), "td"),
    cell(2, text(ind.tipo), "tdCenter"),
    cell(3, num(ind.valoreAtteso), "tdValue"),
    cell(4, num(ind.valoreRaggiunto), "tdValue"),
    ...years.map((y, i) => cell(5 + i, num(value(y)), "tdValue")),
    cell(5 + years.length, text(ind.note), "td", LAST_COL - 4 - years.length),
  ];
  return splitRecord(s, cells, maxHeight).map((record, i) => {
    if (i > 0) record = continued(record, ind.descrizione);
    const need = Math.max(...record.map((c) => s.neededHeight(c)));
    return need <= MAX_ROW_HEIGHT ? [s.row(record)] : spannedRecord(s, record);
  });
}

/** `INDICATORI`, the header row and one block per indicator record (or `Nessun indicatore`). */
export function indicatorBlocks(s: Sizer, inds: Indicatore[], years: number[], maxRecord: number): Block[] {
  if (inds.length === 0) {
    return [
      {
        rows: [
          heading(s, L.indicatori),
          s.row([cell(1, text(L.noIndicators), "tdEmpty", LAST_COL)]),
          spacer(AFTER_TABLE),
        ],
      },
    ];
  }
  const header = indicatorHeader(s, years);
  const blocks: Block[] = [{ rows: [heading(s, L.indicatori), header], keepWithNext: true }];
  const repeat = [heading(s, `${L.indicatori} ${L.continued}`), header];
  const max = maxRecord - heightOf(repeat);
  for (const ind of inds)
    for (const rows of indicatorRecords(s, ind, years, max)) blocks.push({ rows, repeat });
  blocks[blocks.length - 1].rows.push(spacer(AFTER_TABLE));
  return blocks;
}
