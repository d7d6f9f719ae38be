// Cells and rows sized for one renderer and one grid: how many lines a cell's text takes, how tall a
// row must be, and how to cut a text that would not fit a page.
import type { IsoDate } from "../model/dates";
import type { CellContent } from "../model/sheet";
import type { Grid } from "./grid";
import { MAX_ROW_HEIGHT, packText, splitParagraph, wrapText, type FontSpec, type Measure } from "./measure";
import type { LayoutCell, LayoutRow } from "./paginate";
import type { Renderer } from "./renderer";
import { fontOf, STYLES } from "./styles";

export const text = (s: string | null | undefined): CellContent =>
  s === null || s === undefined || s === "" ? { kind: "empty" } : { kind: "text", text: s };
export const num = (v: number | null | undefined): CellContent =>
  v === null || v === undefined ? { kind: "empty" } : { kind: "number", value: v };
export const date = (iso: IsoDate | null | undefined): CellContent =>
  iso ? { kind: "date", iso } : { kind: "empty" };

export function cell(col: number, content: CellContent, style: string, colSpan = 1, rowSpan = 1): LayoutCell {
  return { col, content, style, colSpan, rowSpan };
}

export const spacer = (height: number): LayoutRow => ({ height, cells: [] });

export class Sizer {
  constructor(
    readonly renderer: Renderer,
    readonly grid: Grid,
  ) {}

  get pageBudget(): number {
    return this.renderer.pageBudget;
  }

  /** The last column (8, or 9 with an earlier snapshot: columns.ts). */
  get last(): number {
    return this.grid.cols.last;
  }

  /** Width (points) wrapped text may fill in columns from..to, before the renderer's safety factor. */
  width(from: number, to: number, indent = 0): number {
    return this.renderer.wrapWidth(this.grid.chars.slice(from - 1, to), indent) / this.renderer.widthSafety;
  }

  wrap(s: string, width: number, font: FontSpec): string[] {
    return wrapText(s, width, font, { breaksInsideWords: this.renderer.breaksInsideWords });
  }

  /** Height of a cell showing `lines` lines of `font`. */
  heightForLines(lines: number, font: FontSpec): number {
    return Math.max(1, lines) * this.renderer.lineHeight(font.size) + this.renderer.padding;
  }

  round(h: number): number {
    return Math.min(MAX_ROW_HEIGHT, this.renderer.roundRow(h));
  }

  /** A row exactly one line of `font` tall, plus `air` points above it (headings). */
  lineRow(style: string, air = 0): number {
    return this.round(this.heightForLines(1, fontOf(style)) + air);
  }

  private cellWidth(c: LayoutCell): number {
    const indent = STYLES[c.style].alignment?.indent ?? 0;
    return this.width(c.col, c.col + (c.colSpan ?? 1) - 1, indent);
  }

  /** Height a cell needs for its content (all its rows together when it spans rows). */
  neededHeight(c: LayoutCell): number {
    const style = STYLES[c.style];
    const font = fontOf(c.style);
    if (c.content.kind !== "text") return this.heightForLines(1, font);
    if (!style.alignment?.wrapText) {
      // Unwrapped text still grows with explicit line breaks.
      return this.heightForLines(c.content.text.split("\n").length, font);
    }
    return this.heightForLines(this.wrap(c.content.text, this.cellWidth(c), font).length, font);
  }

  /** A single row sized to its tallest cell (cells spanning several rows are not allowed here). */
  row(cells: LayoutCell[], min = 0): LayoutRow {
    return { height: this.round(Math.max(min, ...cells.map((c) => this.neededHeight(c)))), cells };
  }

  /** How a text in columns from..to of `font` is measured, with pieces of at most maxHeight points. */
  measure(from: number, to: number, font: FontSpec, maxHeight: number): Measure {
    const width = this.width(from, to);
    const pitch = this.renderer.lineHeight(font.size);
    return {
      wrap: (s) => this.wrap(s, width, font),
      lines: (s) => this.wrap(s, width, font).length,
      maxLines: Math.max(1, Math.floor((maxHeight - this.renderer.padding) / pitch)),
    };
  }

  /** A paragraph cut into pieces that each fit maxHeight (splitParagraph). */
  splitParagraph(s: string, from: number, to: number, style: string, maxHeight: number): string[] {
    return splitParagraph(s, this.measure(from, to, fontOf(style), maxHeight));
  }

  /** A cell's text cut into pieces that each fit maxHeight (packText). */
  pack(c: LayoutCell, maxHeight: number): string[] {
    if (c.content.kind !== "text") return [];
    return packText(
      c.content.text,
      this.measure(c.col, c.col + (c.colSpan ?? 1) - 1, fontOf(c.style), maxHeight),
    );
  }

  /**
   * Heights of the rows of a record whose first row holds one line (dates) and whose merged cells need
   * `need` points in all: the remaining height goes to the following rows, none above MAX_ROW_HEIGHT.
   */
  recordHeights(firstRow: number, need: number, minRows: number): number[] {
    const heights = [this.round(firstRow)];
    let rest = Math.max(need - heights[0], 0);
    while (heights.length < minRows || rest > 0.001) {
      const h = this.round(Math.min(MAX_ROW_HEIGHT, Math.max(rest, firstRow)));
      heights.push(h);
      rest -= h;
    }
    return heights;
  }
}
