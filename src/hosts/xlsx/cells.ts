// Cells of a worksheet part, read straight from its XML: what Excel, LibreOffice, openpyxl and
// exceljs write (shared and inline strings, `t="d"` ISO dates, errors, formulas with or without a
// cached value, cells and rows without an `r` attribute).
import type { RawValue } from "../../domain/model/raw";
import { columnIndex, decodeRange } from "../../domain/model/raw";
import { decodeXml, decodeXstring, findElement, stringItemText } from "./xml";

export interface XmlCell {
  row: number;
  col: number;
  /** Style index (`s`), 0 when absent. */
  style: number;
  value: RawValue;
  /** Offsets of the whole `<c>` element in the sheet XML. */
  start: number;
  end: number;
  /** The cell holds a formula (`<f>`), cached or not. */
  formula: boolean;
}

export interface XmlRow {
  row: number;
  start: number;
  end: number;
  /** Offsets of the start tag and of the content (equal to the tag end when self-closing). */
  tagEnd: number;
  innerEnd: number;
  selfClosing: boolean;
  prefix: string;
  cells: XmlCell[];
}

const ROW_RE = /<([\w.-]+:)?row(?=[\s/>])[^>]*?(\/?)>/g;
const CELL_RE = /<([\w.-]+:)?c(?=[\s/>])([^>]*?)(\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const REF_RE = /^([A-Za-z]{1,3})(\d+)$/;

function attr(tag: string, name: string): string | null {
  // Attribute names here are plain (r, s, t), never prefixed; the leading space avoids `xr:r`.
  let i = tag.indexOf(` ${name}="`);
  if (i < 0) i = tag.indexOf(` ${name}='`);
  if (i < 0) return null;
  const start = i + name.length + 3;
  return tag.slice(start, tag.indexOf(tag[start - 1], start));
}

function child(inner: string, local: string): { attrs: string; text: string | null } | null {
  const re = new RegExp(
    `<([\\w.-]+:)?${local}(?=[\\s/>])([^>]*?)(\\/>|>([\\s\\S]*?)<\\/(?:[\\w.-]+:)?${local}>)`,
  );
  const m = re.exec(inner);
  if (!m) return null;
  return { attrs: m[2], text: m[3] === "/>" ? null : (m[4] ?? "") };
}

/**
 * Every row of `<sheetData>` with its cells, in document order. `sharedStrings` resolves `t="s"`.
 * Empty `<c>` elements (style only) are returned with value null.
 */
export function readSheetRows(xml: string, sharedStrings: string[]): XmlRow[] {
  const data = findElement(xml, "sheetData");
  if (!data || data.selfClosing) return [];
  const rows: XmlRow[] = [];
  ROW_RE.lastIndex = data.innerStart;
  let m: RegExpExecArray | null;
  let lastRow = 0;
  while ((m = ROW_RE.exec(xml)) !== null && m.index < data.innerEnd) {
    const start = m.index;
    const tagEnd = m.index + m[0].length;
    const prefix = m[1] ?? "";
    const rAttr = attr(m[0], "r");
    const row = rAttr !== null && /^\d+$/.test(rAttr) ? Number(rAttr) : lastRow + 1;
    lastRow = row;
    if (m[2] === "/") {
      rows.push({ row, start, end: tagEnd, tagEnd, innerEnd: tagEnd, selfClosing: true, prefix, cells: [] });
      continue;
    }
    const close = `</${prefix}row>`;
    const innerEnd = xml.indexOf(close, tagEnd);
    if (innerEnd < 0) break;
    const end = innerEnd + close.length;
    rows.push({
      row,
      start,
      end,
      tagEnd,
      innerEnd,
      selfClosing: false,
      prefix,
      cells: readCells(xml, tagEnd, innerEnd, row, sharedStrings),
    });
    ROW_RE.lastIndex = end;
  }
  return rows;
}

function readCells(xml: string, from: number, to: number, row: number, sst: string[]): XmlCell[] {
  const cells: XmlCell[] = [];
  const inner = xml.slice(from, to);
  CELL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let lastCol = 0;
  while ((m = CELL_RE.exec(inner)) !== null) {
    const tag = m[2];
    const ref = attr(tag, "r");
    let col = lastCol + 1;
    if (ref !== null) {
      const rm = REF_RE.exec(ref);
      if (rm) col = columnIndex(rm[1]);
    }
    lastCol = col;
    const s = attr(tag, "s");
    const content = m[3] === "/>" ? "" : (m[4] ?? "");
    const { value, formula } = cellValue(attr(tag, "t"), content, sst);
    cells.push({
      row,
      col,
      style: s !== null ? Number(s) || 0 : 0,
      value,
      start: from + m.index,
      end: from + m.index + m[0].length,
      formula,
    });
  }
  return cells;
}

function cellValue(t: string | null, content: string, sst: string[]): { value: RawValue; formula: boolean } {
  if (content === "") return { value: null, formula: false };
  const f = content.includes("<f") || content.includes(":f") ? child(content, "f") : null;
  const v = child(content, "v");
  const raw = v?.text ?? null;
  if (t === "inlineStr") {
    const is = child(content, "is");
    return { value: is?.text ? stringItemText(is.text) : "", formula: f !== null };
  }
  if (f !== null && (raw === null || (raw === "" && t !== "str"))) {
    return { value: { uncachedFormula: decodeXml(f.text ?? "") }, formula: true };
  }
  if (raw === null) return { value: null, formula: f !== null };
  const formula = f !== null;
  switch (t) {
    case "s": {
      const i = Number(raw);
      return { value: Number.isInteger(i) && i >= 0 && i < sst.length ? sst[i] : null, formula };
    }
    case "str":
      return { value: decodeXstring(decodeXml(raw)), formula };
    case "b":
      return { value: raw.trim() === "1" || raw.trim().toLowerCase() === "true", formula };
    case "e":
      return { value: { error: decodeXml(raw).trim() }, formula };
    case "d": {
      const d = isoDate(decodeXml(raw).trim());
      return { value: d ?? decodeXml(raw), formula };
    }
    default: {
      const n = Number(raw);
      return { value: raw.trim() !== "" && Number.isFinite(n) ? n : null, formula };
    }
  }
}

/** `2023-06-30` or `2023-06-30T00:00:00[.000][Z]` → a Date at UTC (the time of day kept). */
function isoDate(text: string): Date | null {
  const m =
    /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text,
    );
  if (!m) {
    // A time alone (`T12:00:00`) has no date: not a date for the plan.
    return null;
  }
  const d = new Date(
    Date.UTC(
      Number(m[1]),
      Number(m[2]) - 1,
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
    ),
  );
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The shared string table (`<si>` items in order). */
export function readSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<([\w.-]+:)?si(?=[\s/>])[^>]*?(\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) out.push(m[2] === "/>" ? "" : stringItemText(m[3] ?? ""));
  return out;
}

/** Merged ranges of a sheet as 1-based boxes. */
export function readMerges(xml: string): { top: number; left: number; bottom: number; right: number }[] {
  const out: { top: number; left: number; bottom: number; right: number }[] = [];
  const block = findElement(xml, "mergeCells");
  if (!block) return out;
  const re = /<([\w.-]+:)?mergeCell\s[^>]*?ref="([^"]+)"/g;
  re.lastIndex = block.innerStart;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null && m.index < block.innerEnd) {
    const box = decodeRange(m[2]);
    if (box) out.push(box);
  }
  return out;
}
