// SheetDescription → Office.js operations, queued in bulk: values and number formats in 2-D blocks,
// formats grouped by property value over RangeAreas, merges and row heights batched, page setup
// through the PageLayout API. Nothing here syncs except through the Batcher when a request would
// pass the payload budget.
import { renderCharts } from "./charts";
import { isoToSerial } from "../../domain/model/dates";
import { columnLetter } from "../../domain/model/raw";
import type { CellContent, CellStyle, ConditionalFormat, SheetDescription } from "../../domain/model/sheet";
import { ACTION_OVERHEAD, NAV_OVERHEAD, RANGE_OVERHEAD, rowSlices, utf8Length, type Batcher } from "./batch";

/** Cell value as Office.js takes it in `formulas` (null = leave the cell alone). */
export type WireValue = string | number | boolean | null;

/** Text Excel would not keep as text when typed: formula-like, number-like, boolean-like or date-like. */
export function needsTextGuard(text: string): boolean {
  return (
    /^[=+\-@']/.test(text) ||
    /^\s*[+-]?(\d[\d.,]*|\.\d+)([eE][+-]?\d+)?\s*%?\s*$/.test(text) ||
    /^\s*(true|false|vero|falso)\s*$/i.test(text) ||
    /^\s*\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?\s*$/.test(text) ||
    /^\s*\d{1,2}:\d{2}/.test(text)
  );
}

/**
 * Workbook text written so that Excel keeps it as text: a leading apostrophe (Excel's quote prefix,
 * not part of the value) unless the cell is already text-formatted ("@"), where Excel stores input as is.
 */
export function textForExcel(text: string, textFormatted: boolean): string {
  if (textFormatted || !needsTextGuard(text)) return text;
  return `'${text}`;
}

export function dateSerial(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 86400000 + 25569;
}

export function contentToWire(content: CellContent, numberFormat: string | undefined): WireValue {
  switch (content.kind) {
    case "text":
      return content.text === "" ? null : textForExcel(content.text, numberFormat === "@");
    case "number":
      return Number.isFinite(content.value) ? content.value : null;
    case "date":
      return isoToSerial(content.iso);
    case "boolean":
      return content.value;
    case "formula":
      return content.formula.startsWith("=") ? content.formula : `=${content.formula}`;
    case "empty":
      return null;
  }
}

/** Excel character-unit width → points (Calibri 11: 7-pixel digit, 5 pixels of padding; 96 dpi). */
export function widthToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return Math.round(px * 0.75 * 100) / 100;
}

export function pointsToWidth(points: number): number {
  const px = Math.round(points / 0.75);
  return Math.round(((px - 5) / 7) * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// 2-D blocks
// ---------------------------------------------------------------------------------------------

/** Writes a grid (rows × cols, null = skip) at top/left in slices that fit the payload budget. */
export async function writeGrid(
  b: Batcher,
  ws: () => Excel.Worksheet,
  top: number,
  left: number,
  grid: WireValue[][],
  what: "formulas" | "numberFormat",
): Promise<void> {
  if (grid.length === 0 || grid[0].length === 0) return;
  const width = grid[0].length;
  for (const slice of rowSlices(grid)) {
    if (slice.rows.every((row) => row.every((v) => v === null))) continue;
    const r1 = top + slice.start;
    const address = `${columnLetter(left)}${r1}:${columnLetter(left + width - 1)}${r1 + slice.rows.length - 1}`;
    // The library sends arrays over 1,500 cells in 1,500-cell chunks, each with its own range paths.
    await b.reserve(RANGE_OVERHEAD + slice.bytes + Math.ceil((slice.rows.length * width) / 1500) * 900);
    const range = ws().getRange(address).untrack();
    // Office.js types these as any[][]; null entries leave cells unchanged.
    if (what === "formulas") range.formulas = slice.rows;
    else range.numberFormat = slice.rows;
  }
}

// ---------------------------------------------------------------------------------------------
// Formats grouped by property value
// ---------------------------------------------------------------------------------------------

interface Run {
  row: number;
  c1: number;
  c2: number;
}

type PropKey =
  | "font.name"
  | "font.size"
  | "font.bold"
  | "font.italic"
  | "font.underline"
  | "font.color"
  | "fill"
  | "border.top"
  | "border.bottom"
  | "border.left"
  | "border.right"
  | "align.h"
  | "align.v"
  | "wrap"
  | "indent";

function styleProps(s: CellStyle): [PropKey, string | number | boolean][] {
  const out: [PropKey, string | number | boolean][] = [];
  out.push(["font.name", s.font.name], ["font.size", s.font.size]);
  if (s.font.bold) out.push(["font.bold", true]);
  if (s.font.italic) out.push(["font.italic", true]);
  if (s.font.underline) out.push(["font.underline", "Single"]);
  if (s.font.color) out.push(["font.color", `#${s.font.color.replace(/^#/, "").toUpperCase()}`]);
  if (s.fill) out.push(["fill", `#${s.fill.replace(/^#/, "").toUpperCase()}`]);
  for (const side of ["top", "bottom", "left", "right"] as const) {
    const b = s.border?.[side];
    if (b) out.push([`border.${side}`, `${b.weight}|#${b.color.replace(/^#/, "").toUpperCase()}`]);
  }
  const a = s.alignment;
  if (a?.horizontal) out.push(["align.h", { left: "Left", center: "Center", right: "Right" }[a.horizontal]]);
  if (a?.vertical) out.push(["align.v", { top: "Top", middle: "Center", bottom: "Bottom" }[a.vertical]]);
  if (a?.wrapText) out.push(["wrap", true]);
  if (a?.indent) out.push(["indent", a.indent]);
  return out;
}

/** Cells → A1 areas: row runs, then identical runs on consecutive rows stacked into rectangles. */
export function toAreas(cells: { row: number; col: number }[], stack: "rows" | "columns" | "none"): string[] {
  if (stack === "columns") {
    // Column runs (for left/right borders): transpose, run, transpose back.
    const t = toRects(
      cells.map((c) => ({ row: c.col, col: c.row })),
      false,
    );
    return t.map((r) => area(r.c1, r.r1, r.c2, r.r2));
  }
  return toRects(cells, stack === "rows").map((r) => area(r.r1, r.c1, r.r2, r.c2));
}

function area(r1: number, c1: number, r2: number, c2: number): string {
  const a = `${columnLetter(c1)}${r1}`;
  return r1 === r2 && c1 === c2 ? a : `${a}:${columnLetter(c2)}${r2}`;
}

function toRects(cells: { row: number; col: number }[], stackRows: boolean) {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Run[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.c2 + 1 === c.col) last.c2 = c.col;
    else if (!(last && last.row === c.row && last.c2 >= c.col))
      runs.push({ row: c.row, c1: c.col, c2: c.col });
  }
  const rects: { r1: number; c1: number; r2: number; c2: number }[] = [];
  const open = new Map<string, { r1: number; c1: number; r2: number; c2: number }>();
  for (const run of runs) {
    const key = `${run.c1}:${run.c2}`;
    const o = stackRows ? open.get(key) : undefined;
    if (o && o.r2 + 1 === run.row) {
      o.r2 = run.row;
    } else {
      const rect = { r1: run.row, c1: run.c1, r2: run.row, c2: run.c2 };
      rects.push(rect);
      open.set(key, rect);
    }
  }
  return rects;
}

/** Joins areas into address lists short enough for one RangeAreas each. */
export function chunkAreas(areas: string[], maxChars = 4000): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of areas) {
    if (cur && cur.length + a.length + 1 > maxChars) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

function applyProp(target: Excel.RangeAreas, key: PropKey, value: string | number | boolean): void {
  const f = target.format;
  switch (key) {
    case "font.name":
      f.font.name = String(value);
      return;
    case "font.size":
      f.font.size = Number(value);
      return;
    case "font.bold":
      f.font.bold = Boolean(value);
      return;
    case "font.italic":
      f.font.italic = Boolean(value);
      return;
    case "font.underline":
      f.font.underline = String(value) as Excel.RangeUnderlineStyle;
      return;
    case "font.color":
      f.font.color = String(value);
      return;
    case "fill":
      f.fill.color = String(value);
      return;
    case "align.h":
      f.horizontalAlignment = String(value) as Excel.HorizontalAlignment;
      return;
    case "align.v":
      f.verticalAlignment = String(value) as Excel.VerticalAlignment;
      return;
    case "wrap":
      f.wrapText = Boolean(value);
      return;
    case "indent":
      f.indentLevel = Number(value);
      return;
  }
  const side = key.slice("border.".length);
  const edge = { top: "EdgeTop", bottom: "EdgeBottom", left: "EdgeLeft", right: "EdgeRight" }[
    side
  ] as Excel.BorderIndex;
  const [weight, color] = String(value).split("|");
  const border = f.borders.getItem(edge);
  border.style = "Continuous";
  border.weight = ({ thin: "Thin", medium: "Medium", thick: "Thick" } as Record<string, Excel.BorderWeight>)[
    weight
  ];
  border.color = color;
}

export async function applyStyles(
  b: Batcher,
  ws: () => Excel.Worksheet,
  desc: SheetDescription,
): Promise<void> {
  const groups = new Map<
    string,
    { key: PropKey; value: string | number | boolean; cells: { row: number; col: number }[] }
  >();
  const propsByStyle = new Map<string, [PropKey, string | number | boolean][]>();
  for (const cell of desc.cells) {
    if (cell.style === undefined) continue;
    let props = propsByStyle.get(cell.style);
    if (!props) {
      const s = desc.styles[cell.style];
      props = s ? styleProps(s) : [];
      propsByStyle.set(cell.style, props);
    }
    for (const [key, value] of props) {
      const id = `${key}=${value}`;
      let g = groups.get(id);
      if (!g) {
        g = { key, value, cells: [] };
        groups.set(id, g);
      }
      g.cells.push({ row: cell.row, col: cell.col });
    }
  }
  for (const g of groups.values()) {
    // A range's top edge is the top border of each cell of its first row only: keep borders per run.
    const stack =
      g.key === "border.top" || g.key === "border.bottom"
        ? "none"
        : g.key === "border.left" || g.key === "border.right"
          ? "columns"
          : "rows";
    // format → font/fill/borders → border item: one navigation each, then the property sets.
    const perChunk = g.key.startsWith("border.")
      ? 3 * NAV_OVERHEAD + 3 * ACTION_OVERHEAD
      : (g.key.startsWith("font.") || g.key === "fill" ? 2 : 1) * NAV_OVERHEAD + ACTION_OVERHEAD;
    for (const addresses of chunkAreas(toAreas(g.cells, stack))) {
      await b.reserve(RANGE_OVERHEAD + utf8Length(addresses) + perChunk);
      applyProp(ws().getRanges(addresses).untrack(), g.key, g.value);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The whole sheet
// ---------------------------------------------------------------------------------------------

/** Queues everything the description says onto `ws()` (a fresh, empty sheet). */
export async function renderInto(
  b: Batcher,
  ws: () => Excel.Worksheet,
  desc: SheetDescription,
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
      values[c.row - minRow][c.col - minCol] = contentToWire(c.content, nf);
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
