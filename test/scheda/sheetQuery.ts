// Looking into a SheetDescription the layout made: its texts, a cell, the rows holding a text.
import type { SheetCell, SheetDescription } from "../../src/domain/model/sheet";

export function texts(sheet: SheetDescription): { row: number; col: number; text: string }[] {
  return sheet.cells
    .filter((c): c is SheetCell & { content: { kind: "text"; text: string } } => c.content.kind === "text")
    .map((c) => ({ row: c.row, col: c.col, text: c.content.text }));
}

export function cellAt(sheet: SheetDescription, row: number, col: number): SheetCell | undefined {
  return sheet.cells.find((c) => c.row === row && c.col === col);
}

/** Rows whose column `col` (A unless told) holds exactly `text`. */
export function rowsWith(sheet: SheetDescription, text: string, col = 1): number[] {
  return texts(sheet)
    .filter((t) => t.col === col && t.text === text)
    .map((t) => t.row);
}
