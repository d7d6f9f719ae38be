// SheetDescription → exceljs worksheet. Each style is converted once and shared by all its cells,
// because the Scheda of a big plan has hundreds of thousands of cells.
import * as ExcelJS from "exceljs";
import { isoToSerial } from "../../domain/dates";
import { columnLetter } from "../../domain/raw";
import type { CellContent, CellStyle, ConditionalFormat, Merge, SheetDescription } from "../../domain/sheet";
import { applyDefinedNames } from "./names";
import { decodeRange } from "./read";
import type { WorksheetInternal } from "./internals";

/** Excel's paper size code for A4. */
const PAPER_A4 = 9;

export function renderSheet(wb: ExcelJS.Workbook, desc: SheetDescription): ExcelJS.Worksheet {
  const ws = replaceWorksheet(wb, desc.name);

  desc.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });

  const styles = new Map<string, Partial<ExcelJS.Style>>();
  for (const [key, style] of Object.entries(desc.styles)) styles.set(key, toExcelStyle(style));

  let currentRow: ExcelJS.Row | null = null;
  let currentRowNumber = 0;
  for (const cell of desc.cells) {
    if (cell.row !== currentRowNumber) {
      currentRow = ws.getRow(cell.row);
      currentRowNumber = cell.row;
    }
    const target = (currentRow as ExcelJS.Row).getCell(cell.col);
    const style = cell.style !== undefined ? styles.get(cell.style) : undefined;
    if (style) target.style = style;
    setContent(target, cell.content);
  }

  // After the values: merging "without style" keeps each cell's own borders.
  mergeAll(ws, desc.merges);

  for (const [row, height] of Object.entries(desc.rowHeights)) {
    ws.getRow(Number(row)).height = height;
  }

  // exceljs defaults `max` to 16838 (past Excel's last column): give the real last column index.
  for (const row of desc.pageBreaks) ws.getRow(row).addPageBreak(0, 16384);

  if (desc.print) {
    const p = desc.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: PAPER_A4,
      orientation: p.orientation,
      scale: p.scale,
      fitToPage: false,
      margins: { ...p.margins },
      horizontalCentered: p.centerHorizontally ?? false,
      ...(p.printArea ? { printArea: absolutePrintArea(p.printArea) } : {}),
    } as ExcelJS.PageSetup;
    ws.headerFooter = {
      ...ws.headerFooter,
      ...(p.header ? { oddHeader: p.header } : {}),
      ...(p.footer ? { oddFooter: p.footer } : {}),
    };
  }

  let priority = 1;
  for (const cf of desc.conditionalFormats ?? []) {
    ws.addConditionalFormatting(toConditionalFormatting(cf, priority++));
  }

  const view: Partial<ExcelJS.WorksheetView> & Record<string, unknown> = {};
  if (desc.freeze && (desc.freeze.rows > 0 || desc.freeze.cols > 0)) {
    Object.assign(view, {
      state: "frozen",
      xSplit: desc.freeze.cols,
      ySplit: desc.freeze.rows,
      topLeftCell: `${columnLetter(desc.freeze.cols + 1)}${desc.freeze.rows + 1}`,
    });
  }
  if (desc.showGridLines !== undefined) view.showGridLines = desc.showGridLines;
  if (Object.keys(view).length > 0) ws.views = [view as ExcelJS.WorksheetView];

  if (desc.definedNames?.length) applyDefinedNames(wb, desc.definedNames);
  return ws;
}

/**
 * exceljs writes the print area name as `'Sheet'!$` + corner: "A1:H40" would become `$A1:$H40`, with
 * relative rows. Giving it "A$1:H$40" yields the absolute `$A$1:$H$40` Excel writes.
 */
export function absolutePrintArea(area: string): string {
  return area
    .split("&&")
    .map((part) =>
      part
        .split(":")
        .map((corner) =>
          corner.replace(/\$/g, "").replace(/^([A-Za-z]+)(\d+)$/, (_m, c: string, r: string) => `${c}$${r}`),
        )
        .join(":"),
    )
    .join("&&");
}

interface MergeInternals {
  _merges: Record<string, unknown>;
}
type RangeCtor = new (top: number, left: number, bottom: number, right: number) => unknown;

/**
 * exceljs's mergeCells compares each new merge with every earlier one (quadratic: 12,500 merges
 * took 41 s). The sheet is new and the description's merges are checked here for overlap with a cell
 * set, so each merge is registered directly, the way exceljs itself stores it.
 */
export function mergeAll(ws: ExcelJS.Worksheet, merges: Merge[]): void {
  // Cell keys stay small integers (V8 Smis: no allocation) while columns fit in 10 bits, as in every
  // layout we make; wider sheets fall back to string keys.
  const narrow = merges.every((m) => m.right < 1024 && m.bottom < 1048577);
  const taken = new Set<number | string>();
  const key = narrow ? (r: number, c: number) => r * 1024 + c : (r: number, c: number) => `${r},${c}`;
  let Range: RangeCtor | null = null;
  const store = (ws as unknown as MergeInternals)._merges;
  for (const m of merges) {
    if (m.bottom < m.top || m.right < m.left || (m.bottom === m.top && m.right === m.left)) continue;
    let free = true;
    for (let r = m.top; r <= m.bottom && free; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (taken.has(key(r, c))) {
          free = false;
          break;
        }
      }
    }
    if (!free) continue; // an overlapping merge is a layout bug; Excel would refuse the file
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) taken.add(key(r, c));
    if (!Range) {
      // The first merge goes through the API; it hands us exceljs's own Range class for the rest.
      ws.mergeCellsWithoutStyle(m.top, m.left, m.bottom, m.right);
      Range = (Object.values(store)[0] as { constructor: RangeCtor }).constructor;
      continue;
    }
    const master = ws.getCell(m.top, m.left);
    for (let r = m.top; r <= m.bottom; r++) {
      const row = ws.getRow(r);
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) row.getCell(c).merge(master, true);
      }
    }
    store[master.address] = new Range(m.top, m.left, m.bottom, m.right);
  }
}

interface WorksheetProto {
  _parseMergeCells(model: { mergeCells?: string[] }): void;
  __fastMergeLoading?: boolean;
}

/**
 * Loading has the same quadratic check (every merge of the file goes through mergeCellsWithoutStyle):
 * a saved Scheda with thousands of merges would take minutes to open again. Replaces that step of
 * exceljs's Worksheet, once per process, with mergeAll.
 */
export function installFastMergeLoading(): void {
  const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet("x")) as WorksheetProto;
  if (proto.__fastMergeLoading) return;
  proto._parseMergeCells = function (this: ExcelJS.Worksheet, model: { mergeCells?: string[] }) {
    const merges = (model.mergeCells ?? []).map(decodeRange).filter((m): m is Merge => m !== null);
    mergeAll(this, merges);
  };
  proto.__fastMergeLoading = true;
}

/** Removes the sheet of that name (remembering its position) and adds a fresh one in its place. */
export function replaceWorksheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const old = wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
  const orderNo = old ? (old as unknown as WorksheetInternal).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name);
  if (orderNo !== undefined) (ws as unknown as WorksheetInternal).orderNo = orderNo;
  return ws;
}

export function setContent(cell: ExcelJS.Cell, content: CellContent): void {
  switch (content.kind) {
    case "text":
      // exceljs stores a JS string as a string cell, so "=x" or "+39…" stay text.
      cell.value = content.text;
      break;
    case "number":
      cell.value = Number.isFinite(content.value) ? content.value : null;
      break;
    case "date":
      cell.value = new Date((isoToSerial(content.iso) - 25569) * 86400000);
      // Styles are shared between cells: never mutate one (cell.numFmt = … would), copy it.
      if (!cell.numFmt) cell.style = { ...cell.style, numFmt: "dd/mm/yyyy" };
      break;
    case "boolean":
      cell.value = content.value;
      break;
    case "formula": {
      const formula = content.formula.startsWith("=") ? content.formula.slice(1) : content.formula;
      cell.value = (
        content.result === null ? { formula } : { formula, result: content.result }
      ) as ExcelJS.CellFormulaValue;
      break;
    }
    case "empty":
      break;
  }
}

export function argb(color: string): { argb: string } {
  const c = color.replace(/^#/, "").toUpperCase();
  return { argb: c.length === 6 ? `FF${c}` : c };
}

export function toExcelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = { name: s.font.name, size: s.font.size };
  if (s.font.bold) font.bold = true;
  if (s.font.italic) font.italic = true;
  if (s.font.underline) font.underline = true;
  if (s.font.color) font.color = argb(s.font.color);
  out.font = font;
  if (s.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: argb(s.fill), bgColor: argb(s.fill) };
  if (s.border) {
    const b: Partial<ExcelJS.Borders> = {};
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const v = s.border[side];
      if (v) b[side] = { style: v.weight, color: argb(v.color) };
    }
    out.border = b;
  }
  if (s.alignment) {
    const a: Partial<ExcelJS.Alignment> = {};
    if (s.alignment.horizontal) a.horizontal = s.alignment.horizontal;
    if (s.alignment.vertical) a.vertical = s.alignment.vertical;
    if (s.alignment.wrapText) a.wrapText = true;
    if (s.alignment.indent) a.indent = s.alignment.indent;
    out.alignment = a;
  }
  if (s.numberFormat) out.numFmt = s.numberFormat;
  return out;
}

function toConditionalFormatting(
  cf: ConditionalFormat,
  priority: number,
): ExcelJS.ConditionalFormattingOptions {
  if (cf.type === "dataBar") {
    const rule = {
      type: "dataBar",
      priority,
      gradient: false,
      cfvo: [
        cf.min !== undefined ? { type: "num", value: cf.min } : { type: "min" },
        cf.max !== undefined ? { type: "num", value: cf.max } : { type: "max" },
      ],
      color: argb(cf.color),
    };
    return { ref: cf.range, rules: [rule as unknown as ExcelJS.ConditionalFormattingRule] };
  }
  const style: Partial<ExcelJS.Style> = {};
  if (cf.fill)
    style.fill = { type: "pattern", pattern: "solid", bgColor: argb(cf.fill), fgColor: argb(cf.fill) };
  if (cf.fontColor) style.font = { color: argb(cf.fontColor) };
  return {
    ref: cf.range,
    rules: [
      {
        type: "expression",
        priority: cf.priority ?? priority,
        formulae: [cf.formula.startsWith("=") ? cf.formula.slice(1) : cf.formula],
        style,
      },
    ],
  };
}
