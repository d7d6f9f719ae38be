// The parts of a worksheet besides its cell data, as SpreadsheetML text: frozen panes, column widths
// and styles, merges Excel accepts, and print areas; and the cells in the order the part lists them.
import { columnLetter, quoteSheetName } from "../../domain/model/raw";
import type { Merge, SheetCell, SheetDescription } from "../../domain/model/sheet";
import { num } from "./xml";

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** Cells in row-major order, one per address (a later cell replaces an earlier one at the same address). */
export function orderedCells(cells: SheetCell[]): SheetCell[] {
  let prev = -1;
  let sorted = true;
  for (const c of cells) {
    if (
      !Number.isInteger(c.row) ||
      !Number.isInteger(c.col) ||
      c.row < 1 ||
      c.row > MAX_ROW ||
      c.col < 1 ||
      c.col > MAX_COL
    ) {
      throw new Error(`Cella fuori dal foglio: riga ${c.row}, colonna ${c.col}`);
    }
    const k = c.row * 16385 + c.col;
    if (k <= prev) sorted = false;
    prev = k;
  }
  if (sorted) return cells;
  const keyed = cells.map((c, i) => ({ k: c.row * 16385 + c.col, i }));
  keyed.sort((a, b) => a.k - b.k || a.i - b.i);
  const out: SheetCell[] = [];
  for (let j = 0; j < keyed.length; j++) {
    if (j + 1 < keyed.length && keyed[j + 1].k === keyed[j].k) continue;
    out.push(cells[keyed[j].i]);
  }
  return out;
}

export function sheetViews(freeze: SheetDescription["freeze"], showGridLines: boolean | undefined): string {
  const grid = showGridLines === false ? ` showGridLines="0"` : "";
  const rows = freeze ? Math.max(0, Math.trunc(freeze.rows)) : 0;
  const cols = freeze ? Math.max(0, Math.trunc(freeze.cols)) : 0;
  if (rows === 0 && cols === 0) return `<sheetViews><sheetView${grid} workbookViewId="0"/></sheetViews>`;
  const topLeft = `${columnLetter(cols + 1)}${rows + 1}`;
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  return (
    `<sheetViews><sheetView${grid} workbookViewId="0">` +
    `<pane${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    `</sheetView></sheetViews>`
  );
}

/** `<cols>` from widths in characters (index 0 = A); equal neighbours share one entry. */
export function colsXml(widths: number[], colStyles?: (number | undefined)[]): string {
  const spec = (i: number) => {
    const w = widths[i];
    const width = Number.isFinite(w) && w > 0 ? w : undefined;
    const style = colStyles?.[i];
    return width === undefined && style === undefined ? null : { width, style };
  };
  let xml = "";
  const n = Math.max(widths.length, colStyles?.length ?? 0);
  for (let i = 0; i < n;) {
    const s = spec(i);
    if (!s) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n) {
      const t = spec(j + 1);
      if (!t || t.width !== s.width || t.style !== s.style) break;
      j++;
    }
    xml +=
      `<col min="${i + 1}" max="${j + 1}"` +
      (s.width !== undefined ? ` width="${num(s.width)}"` : "") +
      (s.style !== undefined ? ` style="${s.style}"` : "") +
      (s.width !== undefined ? ` customWidth="1"` : "") +
      "/>";
    i = j + 1;
  }
  return xml ? `<cols>${xml}</cols>` : "";
}

/**
 * Merges Excel accepts: at least two cells, inside the sheet, not overlapping an earlier one (an
 * overlap is a layout bug; Excel would repair the file, so the later merge is dropped).
 */
export function checkedMerges(merges: Merge[]): Merge[] {
  const ok = merges.filter(
    (m) =>
      Number.isInteger(m.top) &&
      Number.isInteger(m.left) &&
      Number.isInteger(m.bottom) &&
      Number.isInteger(m.right) &&
      m.top >= 1 &&
      m.left >= 1 &&
      m.bottom >= m.top &&
      m.right >= m.left &&
      m.bottom <= MAX_ROW &&
      m.right <= MAX_COL &&
      !(m.bottom === m.top && m.right === m.left),
  );
  if (ok.length === 0) return ok;
  let rows = 0;
  let cols = 0;
  for (const m of ok) {
    if (m.bottom > rows) rows = m.bottom;
    if (m.right > cols) cols = m.right;
  }
  const width = cols + 1;
  const useGrid = (rows + 1) * width <= 1 << 26;
  const grid = useGrid ? new Uint8Array((rows + 1) * width) : null;
  const set = useGrid ? null : new Set<number>();
  const out: Merge[] = [];
  for (const m of ok) {
    let free = true;
    for (let r = m.top; r <= m.bottom && free; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const k = r * width + c;
        if (grid ? grid[k] : set!.has(k)) {
          free = false;
          break;
        }
      }
    }
    if (!free) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const k = r * width + c;
        if (grid) grid[k] = 1;
        else set!.add(k);
      }
    }
    out.push(m);
  }
  return out;
}

/** "A1:H240" (or several areas joined by "," or "&&") → `'Sheet'!$A$1:$H$240`. */
export function absoluteArea(sheet: string, area: string): string {
  const q = quoteSheetName(sheet);
  return area
    .split(/&&|,/)
    .map((part) =>
      part
        .trim()
        .replace(/^.*!/, "")
        .split(":")
        .map((corner) =>
          corner
            .replace(/\$/g, "")
            .replace(/^([A-Za-z]+)(\d+)$/, (_m, c: string, r: string) => `$${c.toUpperCase()}$${r}`),
        )
        .join(":"),
    )
    .map((ref) => `${q}!${ref}`)
    .join(",");
}
