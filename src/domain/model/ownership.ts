// What the add-in may write into an input sheet, decided once for both hosts: the computed columns'
// cells, and only when they are free or already the add-in's. A host gathers the facts (cells with
// content, merges, other tables) and asks here; a conflict stops the run before anything is written.
import { normalizeHeader } from "../reading/headers";
import { ownershipMessages } from "../messages";
import { columnLetter, encodeRange, quoteSheetName, type CellBox } from "./raw";
import type { ComputedTable } from "./sheet";

/** Excel's last column (XFD). */
export const MAX_COLUMN = 16384;

export type Box = CellBox;

/** One computed column's cells: header row to the last row of the table or range. */
export interface TargetArea {
  col: number;
  header: string;
  top: number;
  bottom: number;
  /** A new column (its cells must be empty); false when the column is already the add-in's. */
  appended: boolean;
}

/**
 * The areas a computed table writes. In an Excel table, columns right of the table are appended;
 * in a plain range, a column is the add-in's when its header cell already holds the computed header.
 */
export function targetAreas(
  t: ComputedTable,
  table: Box | null,
  headerAt: (col: number) => string,
): TargetArea[] {
  const bottom = Math.max(t.lastRow, table?.bottom ?? t.lastRow, t.headerRow);
  return t.columns.map((c) => ({
    col: c.col,
    header: c.header,
    top: t.headerRow,
    bottom,
    appended: table ? c.col > table.right : normalizeHeader(headerAt(c.col)) !== normalizeHeader(c.header),
  }));
}

type Conflict =
  | { kind: "cells"; sheet: string; cells: string[]; more: number }
  | { kind: "table"; sheet: string; table: string; where: string }
  | { kind: "merge"; sheet: string; where: string }
  | { kind: "edge"; sheet: string; header: string };

export interface SheetFacts {
  sheet: string;
  /** True when the cell holds a value or a formula (formats alone do not count). */
  hasContent(row: number, col: number): boolean;
  merges: Box[];
  /** Every table of the sheet, the one being extended included. */
  tables: { name: string; box: Box }[];
}

const MAX_LISTED_CELLS = 8;

/** The first reason the areas cannot be written, or null when every target cell is free or ours. */
export function findConflict(
  areas: TargetArea[],
  facts: SheetFacts,
  ownTable: string | null,
): Conflict | null {
  const sheet = facts.sheet;
  for (const a of areas) {
    if (a.col > MAX_COLUMN) return { kind: "edge", sheet, header: a.header };
  }
  for (const a of areas) {
    const m = facts.merges.find(
      (b) => b.left <= a.col && a.col <= b.right && b.top <= a.bottom && a.top <= b.bottom,
    );
    if (m) return { kind: "merge", sheet, where: encodeRange(m) };
  }
  const own = ownTable?.toLowerCase() ?? null;
  for (const a of areas) {
    if (!a.appended) continue;
    const other = facts.tables.find(
      (t) =>
        t.name.toLowerCase() !== own &&
        t.box.left <= a.col &&
        a.col <= t.box.right &&
        t.box.top <= a.bottom &&
        a.top <= t.box.bottom,
    );
    if (other) {
      return { kind: "table", sheet, table: other.name, where: encodeRange({ ...other.box }) };
    }
  }
  const cells: string[] = [];
  let total = 0;
  for (const a of areas) {
    if (!a.appended) continue;
    for (let r = a.top; r <= a.bottom; r++) {
      if (!facts.hasContent(r, a.col)) continue;
      total++;
      if (cells.length < MAX_LISTED_CELLS) cells.push(`${columnLetter(a.col)}${r}`);
    }
  }
  if (total > 0) return { kind: "cells", sheet, cells, more: total - cells.length };
  return null;
}

/** The Italian message that stops the run (it names the cells). */
export function conflictMessage(c: Conflict): string {
  switch (c.kind) {
    case "cells":
      return ownershipMessages.cellsInTheWay(c.sheet, c.cells, c.more);
    case "table":
      return ownershipMessages.tableInTheWay(c.table, c.sheet, c.where);
    case "merge":
      return ownershipMessages.mergeInTheWay(c.sheet, c.where);
    case "edge":
      return ownershipMessages.noRoomRight(c.sheet, c.header);
  }
}

// ---------------------------------------------------------------------------------------------
// Generated sheets (Riepilogo, Scheda): recognised through a workbook name pointing at their A1,
// which Excel rewrites when the user renames the sheet. A renamed one is the user's, never replaced.
// ---------------------------------------------------------------------------------------------

/** `pegFoglio_Scheda`: the name that marks a generated sheet. */
export function markerName(sheet: string): string {
  return `pegFoglio_${sheet.normalize("NFD").replace(/[^A-Za-z0-9_]/g, "_")}`;
}

export function markerFor(sheet: string): { name: string; refersTo: string } {
  return { name: markerName(sheet), refersTo: `=${quoteSheetName(sheet)}!$A$1` };
}

/** The sheet a reference like `'Foglio 1'!$A$1` points at, or null. */
function sheetOfReference(formula: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!#]+))!/.exec(formula.trim());
  if (!m) return null;
  return (m[1] ?? m[2]).replace(/''/g, "'");
}

/**
 * When the marker of `sheet` points at another existing sheet, that sheet is the generated one,
 * renamed by the user: its name (the run must stop); else null.
 */
export function renamedGeneratedSheet(
  sheet: string,
  markerText: string | undefined,
  sheetNames: string[],
): string | null {
  const target = markerText ? sheetOfReference(markerText) : null;
  if (!target || normalizeHeader(target) === normalizeHeader(sheet)) return null;
  return sheetNames.find((n) => normalizeHeader(n) === normalizeHeader(target)) ?? null;
}
