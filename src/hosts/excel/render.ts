// SheetDescription → Office.js operations, queued in bulk: values and number formats in 2-D blocks
// (cells.ts), formats grouped by property value (styles.ts), merges and row heights batched, page setup
// through the PageLayout API. Nothing here syncs except through the Batcher when a request would pass
// the payload budget.
import { columnLetter } from "../../domain/model/raw";
import type { ConditionalFormat, SheetDescription } from "../../domain/model/sheet";
import { utf8Length } from "../utf8";
import { ACTION_OVERHEAD, NAV_OVERHEAD, RANGE_OVERHEAD, type Batcher } from "./batch";
import { contentToWire, widthToPoints, writeGrid, type WireValue } from "./cells";
import { renderCharts } from "./charts";
import { applyStyles, area, chunkAreas } from "./styles";

/** Queues everything the description says onto `ws()` (a fresh, empty sheet). */
export async function renderInto(
  b: Batcher,
  ws: () => Excel.Worksheet,
  desc: SheetDescription,
  date1904 = false,
): Promise<void> {
  for (let i = 0; i < desc.columnWidths.length; i++) {
    const w = desc.columnWidths[i];
    if (!(w > 0)) continue;
    await b.reserve(RANGE_OVERHEAD + NAV_OVERHEAD + ACTION_OVERHEAD);
    const letter = columnLetter(i + 1);
    ws().getRange(`${letter}:${letter}`).untrack().format.columnWidth = widthToPoints(w);
  }

  let maxRow = 0;
  let maxCol = 0;
  let minRow = Infinity;
  let minCol = Infinity;
  for (const c of desc.cells) {
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
    minRow = Math.min(minRow, c.row);
    minCol = Math.min(minCol, c.col);
  }
  if (desc.cells.length > 0) {
    const h = maxRow - minRow + 1;
    const w = maxCol - minCol + 1;
    const values: WireValue[][] = Array.from({ length: h }, () => new Array<WireValue>(w).fill(null));
    const formats: WireValue[][] = Array.from({ length: h }, () => new Array<WireValue>(w).fill(null));
    let anyFormat = false;
    for (const c of desc.cells) {
      const style = c.style !== undefined ? desc.styles[c.style] : undefined;
      let nf = style?.numberFormat;
      if (!nf && c.content.kind === "date") nf = "dd/mm/yyyy";
      if (nf) {
        formats[c.row - minRow][c.col - minCol] = nf;
        anyFormat = true;
      }
      values[c.row - minRow][c.col - minCol] = contentToWire(c.content, nf, date1904);
    }
    // Number formats first: a text-formatted cell then keeps "=…" as text.
    if (anyFormat) await writeGrid(b, ws, minRow, minCol, formats, "numberFormat");
    await writeGrid(b, ws, minRow, minCol, values, "formulas");
  }

  await applyStyles(b, ws, desc);
  await applyMerges(b, ws, desc);
  await applyRowHeights(b, ws, desc);

  for (const cf of desc.conditionalFormats ?? []) {
    await b.reserve(RANGE_OVERHEAD + 5 * NAV_OVERHEAD + 6 * ACTION_OVERHEAD + utf8Length(JSON.stringify(cf)));
    addConditionalFormat(ws(), cf);
  }

  if (desc.print) {
    await b.reserve(RANGE_OVERHEAD + 16 * ACTION_OVERHEAD);
    const p = desc.print;
    const pl = ws().pageLayout;
    pl.paperSize = "A4" as Excel.PaperType;
    pl.orientation = (p.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
    pl.zoom = { scale: p.scale };
    // PageLayout margins are in points; the description keeps Excel's inches.
    pl.leftMargin = p.margins.left * 72;
    pl.rightMargin = p.margins.right * 72;
    pl.topMargin = p.margins.top * 72;
    pl.bottomMargin = p.margins.bottom * 72;
    pl.headerMargin = p.margins.header * 72;
    pl.footerMargin = p.margins.footer * 72;
    if (p.centerHorizontally !== undefined) pl.centerHorizontally = p.centerHorizontally;
    if (p.printArea) pl.setPrintArea(p.printArea);
    if (p.printTitleRows) pl.setPrintTitleRows(p.printTitleRows);
    const hf = pl.headersFooters.defaultForAllPages;
    if (p.header) setHeaderFooter(hf, p.header, "Header");
    if (p.footer) setHeaderFooter(hf, p.footer, "Footer");
  }

  for (const row of desc.pageBreaks) {
    await b.reserve(RANGE_OVERHEAD);
    // A horizontal break goes above the given cell: the page ends after `row`.
    ws().horizontalPageBreaks.add(`A${row + 1}`);
  }

  if (desc.freeze && (desc.freeze.rows > 0 || desc.freeze.cols > 0)) {
    await b.reserve(RANGE_OVERHEAD);
    if (desc.freeze.cols === 0) ws().freezePanes.freezeRows(desc.freeze.rows);
    else ws().freezePanes.freezeAt(`A1:${columnLetter(desc.freeze.cols)}${Math.max(1, desc.freeze.rows)}`);
  }
  if (desc.showGridLines !== undefined) {
    await b.reserve(ACTION_OVERHEAD);
    ws().showGridlines = desc.showGridLines;
  }
  await renderCharts(b, ws, desc.charts);
}

async function applyMerges(b: Batcher, ws: () => Excel.Worksheet, desc: SheetDescription): Promise<void> {
  // Single-row merges with the same columns on consecutive rows become one merge(across = true).
  const singles = new Map<string, { r1: number; r2: number; left: number; right: number }[]>();
  const multi: string[] = [];
  const sorted = [...desc.merges].sort((a, b) => a.top - b.top || a.left - b.left);
  for (const m of sorted) {
    if (m.top === m.bottom && m.left === m.right) continue;
    if (m.top !== m.bottom) {
      multi.push(area(m.top, m.left, m.bottom, m.right));
      continue;
    }
    const key = `${m.left}:${m.right}`;
    const list = singles.get(key) ?? [];
    const last = list[list.length - 1];
    if (last && last.r2 + 1 === m.top) last.r2 = m.top;
    else list.push({ r1: m.top, r2: m.top, left: m.left, right: m.right });
    singles.set(key, list);
  }
  for (const list of singles.values()) {
    for (const s of list) {
      await b.reserve(RANGE_OVERHEAD + ACTION_OVERHEAD);
      ws()
        .getRange(area(s.r1, s.left, s.r2, s.right))
        .untrack()
        .merge(true);
    }
  }
  for (const a of multi) {
    await b.reserve(RANGE_OVERHEAD + ACTION_OVERHEAD);
    ws().getRange(a).untrack().merge(false);
  }
}

async function applyRowHeights(b: Batcher, ws: () => Excel.Worksheet, desc: SheetDescription): Promise<void> {
  const byHeight = new Map<number, number[]>();
  for (const [row, h] of Object.entries(desc.rowHeights)) {
    const list = byHeight.get(h) ?? [];
    list.push(Number(row));
    byHeight.set(h, list);
  }
  for (const [h, rows] of byHeight) {
    rows.sort((a, b) => a - b);
    const areas: string[] = [];
    let start = rows[0];
    let prev = rows[0];
    for (const r of [...rows.slice(1), Infinity]) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      areas.push(`${start}:${prev}`);
      start = r;
      prev = r;
    }
    for (const addresses of chunkAreas(areas)) {
      await b.reserve(RANGE_OVERHEAD + utf8Length(addresses) + NAV_OVERHEAD + ACTION_OVERHEAD);
      ws().getRanges(addresses).untrack().format.rowHeight = h;
    }
  }
}

function setHeaderFooter(hf: Excel.HeaderFooter, code: string, where: "Header" | "Footer"): void {
  // "&L…&C…&R…" sections; text without a section code is centred, as in Excel.
  const parts: Record<"L" | "C" | "R", string> = { L: "", C: "", R: "" };
  let current: "L" | "C" | "R" = "C";
  let i = 0;
  let text = "";
  while (i < code.length) {
    const two = code.slice(i, i + 2);
    if (two === "&L" || two === "&C" || two === "&R") {
      parts[current] += text;
      text = "";
      current = two[1] as "L" | "C" | "R";
      i += 2;
      continue;
    }
    text += code[i];
    i++;
  }
  parts[current] += text;
  if (where === "Header") {
    if (parts.L) hf.leftHeader = parts.L;
    if (parts.C) hf.centerHeader = parts.C;
    if (parts.R) hf.rightHeader = parts.R;
  } else {
    if (parts.L) hf.leftFooter = parts.L;
    if (parts.C) hf.centerFooter = parts.C;
    if (parts.R) hf.rightFooter = parts.R;
  }
}

function addConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormat): void {
  const range = ws.getRange(cf.range).untrack();
  const hex = (c: string) => `#${c.replace(/^#/, "").toUpperCase()}`;
  if (cf.type === "dataBar") {
    const f = range.conditionalFormats.add("DataBar" as Excel.ConditionalFormatType);
    f.dataBar.barDirection = "LeftToRight" as Excel.ConditionalDataBarDirection;
    f.dataBar.positiveFormat.fillColor = hex(cf.color);
    f.dataBar.positiveFormat.gradientFill = false;
    f.dataBar.lowerBoundRule =
      cf.min !== undefined ? { type: "Number", formula: String(cf.min) } : { type: "LowestValue" };
    f.dataBar.upperBoundRule =
      cf.max !== undefined ? { type: "Number", formula: String(cf.max) } : { type: "HighestValue" };
    return;
  }
  const f = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
  f.custom.rule.formula = cf.formula.startsWith("=") ? cf.formula : `=${cf.formula}`;
  if (cf.fill) f.custom.format.fill.color = hex(cf.fill);
  if (cf.fontColor) f.custom.format.font.color = hex(cf.fontColor);
  if (cf.priority !== undefined) f.priority = cf.priority;
}
