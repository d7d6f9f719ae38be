// SheetDescription → a complete worksheet part (SpreadsheetML), as text chunks. Strings in, strings
// out: no zip, no exceljs, no DOM. Built with string pieces and joins only, because the Scheda of a
// 10,000-objective plan has millions of cells.
import { isoToSerial } from "../../domain/model/dates";
import { columnLetter } from "../../domain/model/raw";
import type { ConditionalFormat, Merge, SheetCell, SheetDescription } from "../../domain/model/sheet";
import { DATE_FORMAT } from "../../domain/template/template";
import type { StylesPart } from "./styles";
import { argb } from "./styles";
import { MAIN_NS, REL_NS, XML_DECLARATION, escapeAttr, escapeFormulaText, escapeXstring } from "./xmlText";

export interface DefinedNameSpec {
  name: string;
  /** The name's formula as workbook.xml holds it (no leading "="). */
  refersTo: string;
  /** True: scoped to this sheet (localSheetId = the sheet's index in <sheets>). */
  localSheet: boolean;
}

export interface SheetXmlResult {
  /**
   * The worksheet part as consecutive pieces of text (tens of kilobytes each), to be written in order:
   * `xmlUtf8(chunks)` for a zip entry, or `joinChunks(chunks)`. The 10,000-objective Scheda is about
   * 210 M characters: as one string it would be near V8's limit (2^29 − 24) and costly to build.
   */
  chunks: string[];
  definedNames: DefinedNameSpec[];
}

export interface SheetXmlBytesResult {
  /** The worksheet part as UTF-8, encoded while rendering (the text never lives on the JS heap whole). */
  bytes: Uint8Array;
  definedNames: DefinedNameSpec[];
}

export interface SheetXmlOptions {
  /** The workbook counts dates from 1904 (workbookPr date1904="1"). */
  date1904: boolean;
}

/** Excel's paper size code for A4. */
const PAPER_A4 = 9;
const MAX_ROW = 1048576;
const MAX_COL = 16384;
const PIECES = 2048;

/** The worksheet part of a generated sheet (Riepilogo, Scheda) and the defined names it needs. */
export function renderSheetXml(
  desc: SheetDescription,
  styles: StylesPart,
  options: SheetXmlOptions,
): SheetXmlResult {
  const chunks: string[] = [];
  const definedNames = writeSheet(desc, styles, options, new PieceWriter((block) => chunks.push(block)));
  return { chunks, definedNames };
}

/** The same, as UTF-8 bytes: the lowest peak memory for the biggest sheets. */
export function renderSheetXmlBytes(
  desc: SheetDescription,
  styles: StylesPart,
  options: SheetXmlOptions,
): SheetXmlBytesResult {
  const sink = new Utf8Sink();
  const definedNames = writeSheet(desc, styles, options, new PieceWriter((block) => sink.write(block)));
  return { bytes: sink.finish(), definedNames };
}

function writeSheet(
  desc: SheetDescription,
  styles: StylesPart,
  options: SheetXmlOptions,
  out: PieceWriter,
): DefinedNameSpec[] {
  const cells = orderedCells(desc.cells);

  // Styles: one cellXfs index per style key, resolved on first use.
  const sAttr = new Map<string, string>();
  const styleAttr = (key: string | undefined): string => {
    if (key === undefined) return "";
    let a = sAttr.get(key);
    if (a === undefined) {
      const st = desc.styles[key];
      a = st ? ` s="${styles.xf(st)}"` : "";
      sAttr.set(key, a);
    }
    return a;
  };
  // Date cells keep their style's number format; a style without one gets dd/mm/yyyy (as before).
  const dAttr = new Map<string, string>();
  const dateAttr = (key: string | undefined): string => {
    const k = key ?? "";
    let a = dAttr.get(k);
    if (a === undefined) {
      const st = key !== undefined ? desc.styles[key] : undefined;
      if (st && st.numberFormat && st.numberFormat.toLowerCase() !== "general") a = styleAttr(key);
      else if (st) a = ` s="${styles.xf({ ...st, numberFormat: DATE_FORMAT })}"`;
      else a = ` s="${styles.xfWith(0, { numberFormat: DATE_FORMAT })}"`;
      dAttr.set(k, a);
    }
    return a;
  };

  // Dimension: the used range of the cells written.
  let minRow = MAX_ROW + 1;
  let maxRow = 0;
  let minCol = MAX_COL + 1;
  let maxCol = 0;
  for (const c of cells) {
    if (c.col < minCol) minCol = c.col;
    if (c.col > maxCol) maxCol = c.col;
  }
  if (cells.length > 0) {
    minRow = cells[0].row;
    maxRow = cells[cells.length - 1].row;
  }
  const letters = columnLetters(Math.max(maxCol, 1));

  out.push(XML_DECLARATION);
  out.push(`<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  out.push(`<dimension ref="${maxRow === 0 ? "A1" : rangeRef(minRow, minCol, maxRow, maxCol)}"/>`);
  out.push(sheetViews(desc.freeze, desc.showGridLines));
  out.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  out.push(colsXml(desc.columnWidths));

  // sheetData: cell rows and height-only rows, in row order.
  const heightRows = Object.keys(desc.rowHeights)
    .map(Number)
    .filter((r) => Number.isInteger(r) && r >= 1 && r <= MAX_ROW)
    .sort((a, b) => a - b);
  const heightAttr = (r: number): string => {
    const h = desc.rowHeights[r];
    if (h === undefined || !Number.isFinite(h)) return "";
    return ` ht="${num(Math.min(409.5, Math.max(0, h)))}" customHeight="1"`;
  };
  const serials = new Map<string, number | null>();
  out.push("<sheetData>");
  let hi = 0;
  let i = 0;
  const n = cells.length;
  while (i < n || hi < heightRows.length) {
    const cellRow = i < n ? cells[i].row : MAX_ROW + 1;
    const hRow = hi < heightRows.length ? heightRows[hi] : MAX_ROW + 1;
    if (hRow < cellRow) {
      out.push(`<row r="${hRow}"${heightAttr(hRow)}/>`);
      hi++;
      continue;
    }
    if (hRow === cellRow) hi++;
    const row = cellRow;
    const rowText = String(row);
    out.push(`<row r="${rowText}"${heightAttr(row)}>`);
    for (; i < n && cells[i].row === row; i++) {
      const cell = cells[i];
      const c = cell.content;
      const ref = letters[cell.col] + rowText;
      switch (c.kind) {
        case "text":
          out.push(inlineString(ref, styleAttr(cell.style), c.text));
          break;
        case "number": {
          const s = styleAttr(cell.style);
          if (Number.isFinite(c.value)) out.push(`<c r="${ref}"${s}><v>${num(c.value)}</v></c>`);
          else if (s) out.push(`<c r="${ref}"${s}/>`);
          break;
        }
        case "date": {
          let serial = serials.get(c.iso);
          if (serial === undefined) {
            serial = dateSerial(c.iso, options.date1904);
            serials.set(c.iso, serial);
          }
          if (serial === null) out.push(inlineString(ref, styleAttr(cell.style), c.iso));
          else out.push(`<c r="${ref}"${dateAttr(cell.style)}><v>${serial}</v></c>`);
          break;
        }
        case "boolean":
          out.push(`<c r="${ref}"${styleAttr(cell.style)} t="b"><v>${c.value ? 1 : 0}</v></c>`);
          break;
        case "formula": {
          const s = styleAttr(cell.style);
          const f = `<f>${escapeFormula(c.formula.startsWith("=") ? c.formula.slice(1) : c.formula)}</f>`;
          const r = c.result;
          if (typeof r === "number") {
            out.push(
              Number.isFinite(r)
                ? `<c r="${ref}"${s}>${f}<v>${num(r)}</v></c>`
                : `<c r="${ref}"${s}>${f}</c>`,
            );
          } else if (typeof r === "string") {
            out.push(`<c r="${ref}"${s} t="str">${f}<v>${escapeXstring(r)}</v></c>`);
          } else if (typeof r === "boolean") {
            out.push(`<c r="${ref}"${s} t="b">${f}<v>${r ? 1 : 0}</v></c>`);
          } else {
            out.push(`<c r="${ref}"${s}>${f}</c>`);
          }
          break;
        }
        case "empty": {
          const s = styleAttr(cell.style);
          if (s) out.push(`<c r="${ref}"${s}/>`);
          break;
        }
      }
    }
    out.push("</row>");
  }
  out.push("</sheetData>");

  const merges = checkedMerges(desc.merges);
  if (merges.length > 0) {
    out.push(`<mergeCells count="${merges.length}">`);
    const mLetters = columnLetters(merges.reduce((a, m) => Math.max(a, m.right), 1));
    for (const m of merges) {
      out.push(`<mergeCell ref="${mLetters[m.left]}${m.top}:${mLetters[m.right]}${m.bottom}"/>`);
    }
    out.push("</mergeCells>");
  }

  const dataBars = conditionalFormatting(desc.conditionalFormats ?? [], styles, out);

  const p = desc.print;
  if (p) {
    if (p.centerHorizontally) out.push(`<printOptions horizontalCentered="1"/>`);
    const m = p.margins;
    out.push(
      `<pageMargins left="${num(m.left)}" right="${num(m.right)}" top="${num(m.top)}" bottom="${num(m.bottom)}" header="${num(m.header)}" footer="${num(m.footer)}"/>`,
    );
    const scale = Math.round(Math.min(400, Math.max(10, p.scale)));
    out.push(`<pageSetup paperSize="${PAPER_A4}" scale="${scale}" orientation="${p.orientation}"/>`);
    if (p.header || p.footer) {
      out.push(
        "<headerFooter>" +
          (p.header ? `<oddHeader>${escapeXstring(p.header)}</oddHeader>` : "") +
          (p.footer ? `<oddFooter>${escapeXstring(p.footer)}</oddFooter>` : "") +
          "</headerFooter>",
      );
    }
  } else {
    out.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  }

  const breaks = [...new Set(desc.pageBreaks)]
    .filter((r) => Number.isInteger(r) && r >= 1 && r < MAX_ROW)
    .sort((a, b) => a - b);
  if (breaks.length > 0) {
    out.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">`);
    for (const r of breaks) out.push(`<brk id="${r}" max="16383" man="1"/>`);
    out.push("</rowBreaks>");
  }

  if (dataBars.length > 0) out.push(dataBarExtension(dataBars));
  out.push("</worksheet>");

  const definedNames: DefinedNameSpec[] = [];
  if (p?.printArea) {
    definedNames.push({
      name: "_xlnm.Print_Area",
      refersTo: absoluteArea(desc.name, p.printArea),
      localSheet: true,
    });
  }
  if (p?.printTitleRows) {
    const rows = `${quoteSheetName(desc.name)}!${p.printTitleRows}`;
    definedNames.push({ name: "_xlnm.Print_Titles", refersTo: rows, localSheet: true });
  }
  for (const d of desc.definedNames ?? []) {
    definedNames.push({
      name: d.name,
      refersTo: d.refersTo.startsWith("=") ? d.refersTo.slice(1) : d.refersTo,
      localSheet: false,
    });
  }
  out.finish();
  return definedNames;
}

/** The chunks as one string (fine for every sheet but the biggest Scheda). */
export function joinChunks(chunks: string[]): string {
  return chunks.length === 1 ? chunks[0] : chunks.join("");
}

/**
 * The chunks as UTF-8 bytes in one buffer (off the JS heap), e.g. for JSZip. The exact size is counted
 * first, so the buffer is allocated once (growing buffers measured twice as slow on the biggest sheets).
 */
export function xmlUtf8(chunks: string[]): Uint8Array {
  let total = 0;
  for (const c of chunks) total += utf8Length(c);
  const out = new Uint8Array(total);
  const encoder = new TextEncoder();
  let at = 0;
  for (const c of chunks) at += encoder.encodeInto(c, out.subarray(at)).written;
  return out;
}

/** UTF-8 length of a string as TextEncoder writes it (a lone surrogate becomes U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // 4 bytes for the two units
      i++;
    } else n += 2;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------

/**
 * Collects small strings and hands them on joined in blocks of PIECES. Short-lived flat blocks keep
 * the garbage collector and the encoding cheap; concatenating with += (cons strings) or joining the
 * blocks again into megabyte chunks measured two to three times slower.
 */
class PieceWriter {
  private pieces: string[] = [];

  constructor(private readonly sink: (block: string) => void) {}

  push(s: string): void {
    this.pieces.push(s);
    if (this.pieces.length >= PIECES) this.flush();
  }

  finish(): void {
    this.flush();
  }

  private flush(): void {
    if (this.pieces.length === 0) return;
    this.sink(this.pieces.join(""));
    this.pieces = [];
  }
}

/** UTF-8 bytes of a sequence of strings, encoded as they come, in one buffer at the end. */
class Utf8Sink {
  private readonly encoder = new TextEncoder();
  private readonly done: Uint8Array[] = [];
  private doneBytes = 0;
  private buf = new Uint8Array(1 << 20);
  private used = 0;

  write(s: string): void {
    if (this.buf.length - this.used < s.length * 3) {
      this.retire();
      if (this.buf.length < s.length * 3) this.buf = new Uint8Array(s.length * 3);
    }
    this.used += this.encoder.encodeInto(s, this.buf.subarray(this.used)).written;
  }

  finish(): Uint8Array {
    this.retire();
    const out = new Uint8Array(this.doneBytes);
    let at = 0;
    for (const d of this.done) {
      out.set(d, at);
      at += d.length;
    }
    return out;
  }

  private retire(): void {
    if (this.used === 0) return;
    this.done.push(this.buf.subarray(0, this.used));
    this.doneBytes += this.used;
    // Fewer, bigger buffers: each allocation off the heap can prompt a full garbage collection.
    this.buf = new Uint8Array(Math.min(1 << 25, this.buf.length * 2));
    this.used = 0;
  }
}

/** Cells in row-major order, one per address (a later cell replaces an earlier one at the same address). */
function orderedCells(cells: SheetCell[]): SheetCell[] {
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

function columnLetters(maxCol: number): string[] {
  const letters: string[] = [""];
  for (let c = 1; c <= maxCol; c++) letters.push(columnLetter(c));
  return letters;
}

function rangeRef(r1: number, c1: number, r2: number, c2: number): string {
  const a = `${columnLetter(c1)}${r1}`;
  const b = `${columnLetter(c2)}${r2}`;
  return a === b ? a : `${a}:${b}`;
}

/** A number as SpreadsheetML writes it (shortest round-trip form, "E" exponent, no "-0"). */
export function num(v: number): string {
  if (v === 0) return "0";
  const s = String(v);
  return s.indexOf("e") >= 0 ? s.toUpperCase() : s;
}

const isXmlSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

function inlineString(ref: string, s: string, text: string): string {
  const n = text.length;
  const preserve =
    n > 0 &&
    (isXmlSpace(text.charCodeAt(0)) || isXmlSpace(text.charCodeAt(n - 1)) || text.indexOf("\n") >= 0);
  return `<c r="${ref}"${s} t="inlineStr"><is><t${preserve ? ' xml:space="preserve"' : ""}>${escapeXstring(text)}</t></is></c>`;
}

const escapeFormula = escapeFormulaText;

/**
 * Serial of an ISO date in the workbook's date system, or null when the system cannot hold it (before
 * 1900-01-01, or before 1904-01-01 in the 1904 system). 1900: Excel counts the fictitious 29/02/1900,
 * so dates from 01/03/1900 on are days since 30/12/1899 and earlier ones one less.
 */
export function dateSerial(iso: string, date1904: boolean): number | null {
  const s = isoToSerial(iso);
  if (!Number.isFinite(s)) return null;
  if (date1904) {
    const d = s - 1462;
    return d >= 0 ? d : null;
  }
  if (s >= 61) return s;
  return s >= 2 ? s - 1 : null;
}

/** Serial of a JS date (UTC, with its time of day) in the workbook's date system, or null. */
export function jsDateSerial(d: Date, date1904: boolean): number | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const s = t / 86400000 + 25569;
  if (date1904) return s - 1462 >= 0 ? s - 1462 : null;
  if (s >= 61) return s;
  return s >= 2 ? s - 1 : null;
}

function sheetViews(freeze: SheetDescription["freeze"], showGridLines: boolean | undefined): string {
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
function checkedMerges(merges: Merge[]): Merge[] {
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

interface DataBarExt {
  id: string;
  sqref: string;
  min?: number;
  max?: number;
}

function conditionalFormatting(cfs: ConditionalFormat[], styles: StylesPart, out: PieceWriter): DataBarExt[] {
  const bars: DataBarExt[] = [];
  let priority = 1;
  for (const cf of cfs) {
    const sqref = escapeAttr(cf.range.replace(/\$/g, ""));
    if (cf.type === "dataBar") {
      // Excel 2010 solid bars from 0 to 100% of the cell live in the x14 extension the rule points to.
      const id = `{6A1F0D2C-9B3E-4C5D-8E7F-${(bars.length + 1).toString(16).toUpperCase().padStart(12, "0")}}`;
      bars.push({ id, sqref, min: cf.min, max: cf.max });
      out.push(
        `<conditionalFormatting sqref="${sqref}"><cfRule type="dataBar" priority="${priority}"><dataBar>` +
          cfvo(cf.min, "min") +
          cfvo(cf.max, "max") +
          `<color rgb="${argb(cf.color)}"/></dataBar>` +
          `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>${id}</x14:id></ext></extLst>` +
          `</cfRule></conditionalFormatting>`,
      );
    } else {
      const dxfId = styles.dxf({ fill: cf.fill, fontColor: cf.fontColor });
      const formula = cf.formula.startsWith("=") ? cf.formula.slice(1) : cf.formula;
      out.push(
        `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" dxfId="${dxfId}" priority="${cf.priority ?? priority}">` +
          `<formula>${escapeFormula(formula)}</formula></cfRule></conditionalFormatting>`,
      );
    }
    priority++;
  }
  return bars;
}

function cfvo(v: number | undefined, kind: "min" | "max"): string {
  return v !== undefined && Number.isFinite(v)
    ? `<cfvo type="num" val="${num(v)}"/>`
    : `<cfvo type="${kind}"/>`;
}

function dataBarExtension(bars: DataBarExt[]): string {
  const x14cfvo = (v: number | undefined, kind: "autoMin" | "autoMax") =>
    v !== undefined && Number.isFinite(v)
      ? `<x14:cfvo type="num"><xm:f>${num(v)}</xm:f></x14:cfvo>`
      : `<x14:cfvo type="${kind}"/>`;
  return (
    `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings>` +
    bars
      .map(
        (b) =>
          `<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="${b.id}"><x14:dataBar minLength="0" maxLength="100" gradient="0">` +
          x14cfvo(b.min, "autoMin") +
          x14cfvo(b.max, "autoMax") +
          `</x14:dataBar></x14:cfRule><xm:sqref>${b.sqref}</xm:sqref></x14:conditionalFormatting>`,
      )
      .join("") +
    `</x14:conditionalFormattings></ext></extLst>`
  );
}

/** A sheet name as formulas write it: always quoted (valid for every name), quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
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
