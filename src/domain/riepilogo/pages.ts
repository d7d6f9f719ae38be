// Page breaks of the Riepilogo (docs/reference/scheda.md § Riepilogo sheet): the header row repeats on
// every printed page (print titles); a table is split only where at least three of its rows stay on
// each page (its title row never ends a page); a block (the charts) is never split.

export interface PageItem {
  /** Worksheet rows of the item, in order, with their heights. */
  rows: { row: number; height: number }[];
  /** "table": may be split as above; "block": moves whole to the next page. */
  kind: "table" | "block";
}

/** Fewest rows of a table left on either side of a page break. */
export const MIN_ROWS = 3;

/**
 * Rows after which a new page starts. `firstPage` is the height used on the first page before the
 * first item; `repeat` the height of the print-title rows at the top of every later page.
 */
export function planBreaks(items: PageItem[], budget: number, firstPage: number, repeat: number): number[] {
  const breaks: number[] = [];
  let used = firstPage;
  let lastRow = 0;
  const newPage = (after: number) => {
    breaks.push(after);
    used = repeat;
  };
  for (const item of items) {
    if (item.rows.length === 0) continue;
    let rows = item.rows;
    const total = (rs: { height: number }[]) => rs.reduce((s, r) => s + r.height, 0);
    if (used + total(rows) > budget && lastRow > 0) {
      // How many rows fit what is left of the page.
      let k = 0;
      let h = used;
      while (k < rows.length && h + rows[k].height <= budget) h += rows[k++].height;
      if (item.kind === "table" && rows.length - k < MIN_ROWS) k = rows.length - MIN_ROWS;
      if (item.kind === "block" || k < MIN_ROWS) {
        newPage(lastRow);
      } else {
        used += total(rows.slice(0, k));
        newPage(rows[k - 1].row);
        rows = rows.slice(k);
      }
    }
    // A table taller than a page goes on in page-sized pieces of at least MIN_ROWS rows.
    while (item.kind === "table" && used + total(rows) > budget) {
      let k = 0;
      let h = used;
      while (k < rows.length && h + rows[k].height <= budget) h += rows[k++].height;
      k = Math.min(Math.max(k, MIN_ROWS), rows.length - MIN_ROWS);
      if (k < MIN_ROWS) break;
      newPage(rows[k - 1].row);
      rows = rows.slice(k);
    }
    used += total(rows);
    lastRow = item.rows[item.rows.length - 1].row;
  }
  return breaks;
}
