// SheetDescription → a complete worksheet part (SpreadsheetML), as text chunks. Strings in, strings
// out: no zip, no exceljs, no DOM. Built with string pieces and joins only, because the Scheda of a
// 10,000-objective plan has millions of cells.
import { isoToSerial } from "../../domain/model/dates";
import { columnLetter, encodeRange, quoteSheetName } from "../../domain/model/raw";
import type { SheetDescription } from "../../domain/model/sheet";
import { DATE_FORMAT } from "../../domain/template/template";
import { conditionalFormatting, dataBarExtension } from "./conditionalXml";
import type { StylesPart } from "./styles";
import { MAIN_NS, REL_NS, XML_DECLARATION, escapeAttr, escapeFormulaText, escapeXstring, num } from "./xml";
import { PieceWriter, Utf8Sink } from "./xmlChunks";
import { absoluteArea, checkedMerges, colsXml, orderedCells, sheetViews } from "./sheetParts";

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
  /** Input sheets only: what a table sheet has besides its cells (inputSheetXml.ts fills it in). */
  input?: {
    /** Column default style per column (style keys into desc.styles, index 0 = A). */
    columnStyles: (string | undefined)[];
    /** The `<dataValidations>` element, or "". */
    dataValidations: string;
    /** Relationship id of the sheet's table part. */
    tableRelId: string;
  };
}

/** Excel's paper size code for A4. */
const PAPER_A4 = 9;
const MAX_ROW = 1048576;
const MAX_COL = 16384;

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
  out.push(
    `<dimension ref="${maxRow === 0 ? "A1" : encodeRange({ top: minRow, left: minCol, bottom: maxRow, right: maxCol })}"/>`,
  );
  out.push(sheetViews(desc.freeze, desc.showGridLines));
  out.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  const input = options.input;
  const colStyles = input?.columnStyles.map((k) =>
    k !== undefined && desc.styles[k] ? styles.xf(desc.styles[k]) : undefined,
  );
  out.push(colsXml(desc.columnWidths, colStyles));

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
          const f = `<f>${escapeFormulaText(c.formula.startsWith("=") ? c.formula.slice(1) : c.formula)}</f>`;
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
  if (input?.dataValidations) out.push(input.dataValidations);

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

  if (input)
    out.push(`<tableParts count="1"><tablePart r:id="${escapeAttr(input.tableRelId)}"/></tableParts>`);
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

// ---------------------------------------------------------------------------------------------

function columnLetters(maxCol: number): string[] {
  const letters: string[] = [""];
  for (let c = 1; c <= maxCol; c++) letters.push(columnLetter(c));
  return letters;
}

const isXmlSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

function inlineString(ref: string, s: string, text: string): string {
  const n = text.length;
  const preserve =
    n > 0 &&
    (isXmlSpace(text.charCodeAt(0)) || isXmlSpace(text.charCodeAt(n - 1)) || text.indexOf("\n") >= 0);
  return `<c r="${ref}"${s} t="inlineStr"><is><t${preserve ? ' xml:space="preserve"' : ""}>${escapeXstring(text)}</t></is></c>`;
}

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
