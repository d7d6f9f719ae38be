// The baseline of the write benchmark: a SheetDescription written with plain exceljs in the simplest
// way (one style object per style key, cell.value / cell.style, merges, row heights, page setup), with
// none of the host's care. Our host's time over this one is its overhead.
import * as ExcelJS from "exceljs";
import { isoToSerial } from "../src/domain/model/dates";
import type { CellStyle, SheetDescription } from "../src/domain/model/sheet";

function argb(color: string): { argb: string } {
  const c = color.replace(/^#/, "").toUpperCase();
  return { argb: c.length === 6 ? `FF${c}` : c };
}

/** A domain style as exceljs wants it (converted once per style key). */
function toExcelStyle(s: CellStyle): Partial<ExcelJS.Style> {
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

export async function writeRawExceljs(desc: SheetDescription): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(desc.name);
  desc.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  // Converting a style is done once per key.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const dateStyles = new Map<string, Partial<ExcelJS.Style>>();
  for (const [key, style] of Object.entries(desc.styles)) {
    const s = toExcelStyle(style);
    styles.set(key, s);
    dateStyles.set(key, s.numFmt ? s : { ...s, numFmt: "dd/mm/yyyy" });
  }
  for (const c of desc.cells) {
    const cell = ws.getCell(c.row, c.col);
    const content = c.content;
    let style = c.style !== undefined ? styles.get(c.style) : undefined;
    switch (content.kind) {
      case "text":
        cell.value = content.text;
        break;
      case "number":
        cell.value = content.value;
        break;
      case "boolean":
        cell.value = content.value;
        break;
      case "date":
        cell.value = new Date((isoToSerial(content.iso) - 25569) * 86400000);
        style = c.style !== undefined ? dateStyles.get(c.style) : { numFmt: "dd/mm/yyyy" };
        break;
      case "formula": {
        const formula = content.formula.replace(/^=/, "");
        cell.value = (
          content.result === null ? { formula } : { formula, result: content.result }
        ) as ExcelJS.CellFormulaValue;
        break;
      }
      case "empty":
        break;
    }
    if (style) cell.style = style;
  }
  registerMerges(ws, desc);
  for (const [row, height] of Object.entries(desc.rowHeights)) ws.getRow(Number(row)).height = height;
  for (const row of desc.pageBreaks) ws.getRow(row).addPageBreak(0, 16384);
  if (desc.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: desc.print.orientation,
      scale: desc.print.scale,
      fitToPage: false,
      margins: { ...desc.print.margins },
      ...(desc.print.printArea ? { printArea: desc.print.printArea } : {}),
    } as ExcelJS.PageSetup;
    if (desc.print.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: desc.print.footer };
  }
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

type RangeCtor = new (top: number, left: number, bottom: number, right: number) => unknown;

/**
 * exceljs's public mergeCells checks each merge against every earlier one (quadratic: minutes for the
 * Scheda of 10,000 objectives), which would make any baseline look slow. The baseline registers each
 * merge the way mergeCells itself stores it, without that check: the cheapest exceljs can do.
 */
function registerMerges(ws: ExcelJS.Worksheet, desc: SheetDescription): void {
  const store = (ws as unknown as { _merges: Record<string, unknown> })._merges;
  let Range: RangeCtor | null = null;
  for (const m of desc.merges) {
    if (!Range) {
      ws.mergeCellsWithoutStyle(m.top, m.left, m.bottom, m.right);
      Range = (Object.values(store)[0] as { constructor: RangeCtor }).constructor;
      continue;
    }
    const master = ws.getCell(m.top, m.left);
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) ws.getCell(r, c).merge(master, true);
      }
    }
    store[master.address] = new Range(m.top, m.left, m.bottom, m.right);
  }
}
