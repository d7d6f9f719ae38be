// Where LibreOffice printed each word of the Scheda, against the cells the layout planned: a word
// whose line crosses its cell's bottom border was clipped; a row whose every text cell has a whole
// free line below its text is taller than it needs to be. Read from `pdftotext -bbox`.
//
// Geometry (measured on LibreOffice's PDFs, docs/reference/scheda.md § Text measuring): rows start at
// the top margin (0.55 in) and follow the planned heights, scaled by 0.9987 (LibreOffice's rounding of
// row heights) and the print scale; the grid is centred between the side margins, a character of column width being
// 5.55 pt; a word's box is 1.302 em tall (Carlito's ascent 0.952 em + descent 0.35 em above/below the
// baseline); a line sits 0.75 em of ascent below the cell's top plus a 1 pt margin.
import type { SheetDescription } from "../../src/domain/model/sheet";
import type { PlannedPage } from "../../src/domain/scheda/layout";

const TOP = 0.55 * 72;
const LEFT = 0.4 * 72;
const PRINTABLE = 841.89 - 0.8 * 72;
const ROW_SCALE = 0.9987;
const PT_PER_CHAR = 5.55;

interface Word {
  x: number;
  base: number;
  size: number;
  text: string;
}

interface Rect {
  row: number;
  col: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  words: Word[];
}

export interface GeometryReport {
  words: number;
  /** Words outside any cell or crossing their cell's border ("page: cell word …"). */
  clipped: string[];
  /** Rows (or merged row groups) that hold text. */
  textRows: number;
  /** Rows whose every text cell ending there has at least one free line under its text. */
  looseRows: string[];
  /** The words printed in each cell (`row:col` of its anchor), in reading order. */
  printed: Map<string, string>;
}

/** Words of each page of a `pdftotext -bbox` output, with baseline and font size. */
export function bboxWords(html: string): Word[][] {
  return html
    .split("<page ")
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map(
        (m) => {
          const y0 = Number(m[2]);
          const size = (Number(m[3]) - y0) / 1.302;
          const text = m[4]
            .replace(/&apos;/g, "'")
            .replace(/&quot;/g, '"')
            .replace(/&lt;/g, "<")
            .replace(/&gt;/g, ">")
            .replace(/&amp;/g, "&");
          return { x: Number(m[1]), base: y0 + 0.952 * size, size, text };
        },
      ),
    );
}

export function checkGeometry(
  sheet: SheetDescription,
  pages: PlannedPage[],
  words: Word[][],
): GeometryReport {
  // The print scale shrinks columns and rows alike (the sheet planned for Excel prints at 90 %).
  const scale = (sheet.print?.scale ?? 100) / 100;
  const colW = sheet.columnWidths.map((c) => c * PT_PER_CHAR * scale);
  const colX = [LEFT + (PRINTABLE - colW.reduce((a, b) => a + b, 0)) / 2];
  for (const w of colW) colX.push(colX[colX.length - 1] + w);
  const mergeAt = new Map(sheet.merges.map((m) => [`${m.top}:${m.left}`, m]));
  const covered = new Set<string>();
  for (const m of sheet.merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);

  const report: GeometryReport = { words: 0, clipped: [], textRows: 0, looseRows: [], printed: new Map() };
  pages.forEach((pg, i) => {
    const top = new Map<number, number>();
    let y = 0;
    for (let r = pg.firstRow; r <= pg.lastRow + 1; r++) {
      top.set(r, TOP + y * ROW_SCALE * scale);
      y += sheet.rowHeights[r] ?? 0;
    }
    const bottom = top.get(pg.lastRow + 1) as number;
    const rects: Rect[] = [];
    for (let r = pg.firstRow; r <= pg.lastRow; r++)
      for (let c = 1; c <= colW.length; c++) {
        if (covered.has(`${r}:${c}`)) continue;
        const m = mergeAt.get(`${r}:${c}`) ?? { top: r, left: c, bottom: r, right: c };
        const y0 = top.get(m.top) as number;
        const y1 = top.get(m.bottom + 1) as number;
        rects.push({ row: r, col: c, x0: colX[m.left - 1], x1: colX[m.right], y0, y1, words: [] });
      }
    for (const w of words[i] ?? []) {
      if (w.base > bottom + 8) continue; // the footer
      report.words++;
      const cell = rects.find(
        (q) => w.x + 0.5 >= q.x0 && w.x + 0.5 < q.x1 && w.base >= q.y0 && w.base < q.y1,
      );
      const where = `pagina ${i + 1}`;
      if (!cell) {
        report.clipped.push(`${where}: "${w.text}" fuori dalle celle`);
        continue;
      }
      cell.words.push(w);
      const above = w.base - cell.y0 - 0.75 * w.size;
      const below = cell.y1 - (w.base + 0.25 * w.size);
      // A line spilling out of the cell above lands in this cell's top margin.
      if (above < 0.5 || below < -0.3)
        report.clipped.push(
          `${where}, riga ${cell.row} colonna ${cell.col}: "${w.text}" (${above.toFixed(2)}, ${below.toFixed(2)})`,
        );
    }
    for (const q of rects)
      if (q.words.length > 0) report.printed.set(`${q.row}:${q.col}`, q.words.map((w) => w.text).join(" "));
    const freeByBottom = new Map<number, number>();
    for (const q of rects) {
      if (q.words.length === 0) continue;
      const last = Math.max(...q.words.map((w) => w.base + 0.25 * w.size));
      const free = (q.y1 - last - 1) / (q.words[0].size * 1.012);
      freeByBottom.set(q.y1, Math.min(freeByBottom.get(q.y1) ?? Infinity, free));
    }
    for (const [yb, free] of freeByBottom) {
      report.textRows++;
      if (free >= 1)
        report.looseRows.push(`pagina ${i + 1}, y ${yb.toFixed(0)}: ${free.toFixed(2)} righe libere`);
    }
  });
  return report;
}
