// The header row of an input sheet (a table's or the first row holding the required headers) and the layout built from it.
import { problemMessages } from "../messages";
import type { SheetLayout } from "../model/model";
import { cellAddress, type RawTable } from "../model/raw";
import { Collector, Grid, textName } from "./grid";
import { HeaderMatcher, headerText, normalizeHeader } from "./headers";

// ---------------------------------------------------------------------------------------------
// Header row
// ---------------------------------------------------------------------------------------------

interface HeaderCandidate {
  headerRow: number;
  firstCol: number;
  lastCol: number;
  table: RawTable | null;
  /** Known fields found in the row. */
  known: number;
  complete: boolean;
}

/** Headers longer than this are not column names (skips long texts when scanning for the header row). */
const MAX_HEADER_LENGTH = 100;

function evaluateRow<K extends string>(
  grid: Grid,
  matcher: HeaderMatcher<K>,
  row: number,
  firstCol: number,
  lastCol: number,
  table: RawTable | null,
): HeaderCandidate {
  const found = new Set<K>();
  let first = 0;
  let last = 0;
  for (let c = firstCol; c <= lastCol; c++) {
    const v = grid.value(row, c);
    if (v === null || (typeof v === "string" && v.trim() === "")) continue;
    if (first === 0) first = c;
    last = c;
    if (typeof v !== "string" || v.length > MAX_HEADER_LENGTH) continue;
    const m = matcher.match(v);
    if (m?.kind === "field") found.add(m.key);
  }
  const complete = matcher.required.every((d) => found.has(d.key));
  return table
    ? { headerRow: row, firstCol, lastCol, table, known: found.size, complete }
    : {
        headerRow: row,
        firstCol: first || firstCol,
        lastCol: last || lastCol,
        table,
        known: found.size,
        complete,
      };
}

/**
 * An Excel table whose header row holds the required headers (the one with the expected name first),
 * otherwise the first row of the sheet that holds them. When none does, the candidate with the most
 * known headers, with complete = false.
 */
export function findHeader<K extends string>(
  grid: Grid,
  matcher: HeaderMatcher<K>,
  tableName: string,
): HeaderCandidate {
  const tables = grid.tables();
  const preferred = tables.filter((t) => normalizeHeader(textName(t.name)) === normalizeHeader(tableName));
  const ordered = [...preferred, ...tables.filter((t) => !preferred.includes(t))];
  let best: HeaderCandidate | null = null;
  for (const t of ordered) {
    const cand = evaluateRow(grid, matcher, t.headerRow, t.firstCol, t.lastCol, t);
    if (cand.complete) return cand;
    if (best === null || cand.known > best.known) best = cand;
  }
  for (let r = grid.firstRow; r <= grid.lastRow; r++) {
    const cand = evaluateRow(grid, matcher, r, grid.firstCol, grid.lastCol, null);
    if (cand.complete) return cand;
    if (best === null || cand.known > best.known) best = cand;
  }
  if (best !== null) return best;
  return {
    headerRow: grid.firstRow,
    firstCol: grid.firstCol,
    lastCol: Math.max(grid.firstCol, grid.lastCol),
    table: null,
    known: 0,
    complete: false,
  };
}

/** Empty rows at the bottom of a table beyond which the table's extent is ignored (see buildLayout). */
const MAX_BLANK_TABLE_ROWS = 10000;

/** Builds the layout of a sheet from its header row; reports missing and repeated columns. */
export function buildLayout<K extends string>(
  grid: Grid,
  matcher: HeaderMatcher<K>,
  cand: HeaderCandidate,
  out: Collector,
): SheetLayout<K> {
  const layout: SheetLayout<K> = {
    sheet: grid.name,
    table: cand.table ? textName(cand.table.name) : null,
    headerRow: cand.headerRow,
    firstRow: cand.headerRow + 1,
    lastRow: cand.headerRow,
    firstCol: cand.firstCol,
    lastCol: cand.lastCol,
    columns: {},
    headers: {},
    columnNames: {},
    history: [],
  };
  // Structured references need the table's own column names (trailing spaces and all).
  const tableNames = cand.table && Array.isArray(cand.table.columns) ? cand.table.columns : null;
  const firstSeen = new Map<string, number>();
  for (let c = cand.firstCol; c <= cand.lastCol; c++) {
    const raw = grid.value(cand.headerRow, c);
    const text = headerText(raw);
    layout.headers[c] = text;
    const own = tableNames?.[c - cand.firstCol];
    layout.columnNames![c] =
      typeof own === "string" ? own : typeof raw === "string" ? raw : raw === null ? "" : text;
    const m = matcher.match(text);
    if (m === null) continue;
    const id = m.kind === "field" ? `f:${m.key}` : m.kind === "history" ? `h:${m.anno}` : `c:${m.header}`;
    const column = m.kind === "field" ? m.def.header : text.trim();
    const first = firstSeen.get(id);
    if (first !== undefined) {
      out.add(
        "COLUMN_DUPLICATE",
        grid.name,
        cand.headerRow,
        column,
        c,
        null,
        problemMessages.COLUMN_DUPLICATE(column, cellAddress(grid.name, cand.headerRow, first)),
      );
      continue;
    }
    firstSeen.set(id, c);
    if (m.kind === "field") layout.columns[m.key] = c;
    else if (m.kind === "history") layout.history.push({ anno: m.anno, col: c });
  }
  if (!cand.complete) {
    for (const d of matcher.required) {
      if (layout.columns[d.key] === undefined) {
        out.add(
          "COLUMN_MISSING",
          grid.name,
          cand.headerRow,
          d.header,
          null,
          null,
          problemMessages.COLUMN_MISSING(grid.name, d.header, cand.headerRow),
        );
      }
    }
  }
  if (cand.table) {
    layout.lastRow = Math.max(cand.headerRow, cand.table.lastRow);
    // A table stretched far below its data (down to row 1,048,576, say): the rows the add-in reads and
    // fills with formulas stop at the data, or a million empty rows would get formulas.
    const scanFrom = Math.min(layout.lastRow, grid.lastRow);
    let lastData = cand.headerRow;
    for (let r = scanFrom; r > cand.headerRow; r--) {
      if (!grid.isBlankRow(r, cand.firstCol, cand.lastCol)) {
        lastData = r;
        break;
      }
    }
    if (layout.lastRow - lastData > MAX_BLANK_TABLE_ROWS) layout.lastRow = lastData;
  } else {
    for (let r = grid.lastRow; r > cand.headerRow; r--) {
      if (!grid.isBlankRow(r, cand.firstCol, cand.lastCol)) {
        layout.lastRow = r;
        break;
      }
    }
  }
  return layout;
}
