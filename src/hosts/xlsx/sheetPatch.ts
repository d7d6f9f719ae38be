// Writes cells into an existing worksheet part by splicing its XML: every row and cell the add-in
// does not own keeps its exact text; owned cells are replaced or inserted in column order.
import { columnLetter, decodeRange } from "../../domain/model/raw";
import type { XmlRow } from "./cells";
import { attribute, escapeFormulaText, escapeXstring, findElement, findElements, setAttribute } from "./xml";

export interface CellWrite {
  row: number;
  col: number;
  /** The whole `<c>` element (its `r` attribute included). */
  xml: string;
}

/** A cell element; `prefix` is the namespace prefix the sheet uses for its elements ("" usually). */
export function cellXml(
  prefix: string,
  row: number,
  col: number,
  style: number,
  content:
    | { kind: "text"; text: string }
    | { kind: "formula"; formula: string; result: number | string | boolean | null }
    | { kind: "number"; value: number }
    | { kind: "empty" },
): string {
  const r = `${columnLetter(col)}${row}`;
  const s = style > 0 ? ` s="${style}"` : "";
  const c = `${prefix}c`;
  switch (content.kind) {
    case "empty":
      return `<${c} r="${r}"${s}/>`;
    case "number":
      return `<${c} r="${r}"${s}><${prefix}v>${numberText(content.value)}</${prefix}v></${c}>`;
    case "text":
      return `<${c} r="${r}"${s} t="inlineStr"><${prefix}is>${textElement(prefix, content.text)}</${prefix}is></${c}>`;
    case "formula": {
      const f = `<${prefix}f>${escapeFormulaText(content.formula.startsWith("=") ? content.formula.slice(1) : content.formula)}</${prefix}f>`;
      const v = content.result;
      if (v === null || v === "") return `<${c} r="${r}"${s} t="str">${f}<${prefix}v></${prefix}v></${c}>`;
      if (typeof v === "number") {
        return Number.isFinite(v)
          ? `<${c} r="${r}"${s}>${f}<${prefix}v>${numberText(v)}</${prefix}v></${c}>`
          : `<${c} r="${r}"${s} t="e">${f}<${prefix}v>#NUM!</${prefix}v></${c}>`;
      }
      if (typeof v === "boolean")
        return `<${c} r="${r}"${s} t="b">${f}<${prefix}v>${v ? 1 : 0}</${prefix}v></${c}>`;
      return `<${c} r="${r}"${s} t="str">${f}<${prefix}v>${escapeXstring(v)}</${prefix}v></${c}>`;
    }
  }
}

/** A number as xsd:double text (shortest round-trip form). */
export function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

function textElement(prefix: string, text: string): string {
  const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<${prefix}t${preserve}>${escapeXstring(text)}</${prefix}t>`;
}

/**
 * Splices the writes into the sheet XML. `rows` must come from readSheetRows on this same text.
 * Missing rows are created in order; rows' `spans` hints are widened to the new cells.
 */
export function patchSheetCells(xml: string, rows: XmlRow[], writes: CellWrite[]): string {
  if (writes.length === 0) return xml;
  const data = findElement(xml, "sheetData");
  if (!data) throw new Error("sheet: <sheetData> not found");
  const prefix = data.prefix;
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) {
    const list = byRow.get(w.row);
    if (list) list.push(w);
    else byRow.set(w.row, [w]);
  }
  for (const list of byRow.values()) list.sort((a, b) => a.col - b.col);
  const existing = new Set(rows.map((r) => r.row));
  const newRows = [...byRow.keys()].filter((r) => !existing.has(r)).sort((a, b) => a - b);
  const newRow = (r: number) =>
    `<${prefix}row r="${r}">${(byRow.get(r) as CellWrite[]).map((c) => c.xml).join("")}</${prefix}row>`;

  if (data.selfClosing) {
    return (
      xml.slice(0, data.start) +
      `<${prefix}sheetData>${newRows.map(newRow).join("")}</${prefix}sheetData>` +
      xml.slice(data.end)
    );
  }
  const out: string[] = [xml.slice(0, data.innerStart)];
  let at = data.innerStart;
  let p = 0;
  for (const row of rows) {
    if (p < newRows.length && newRows[p] < row.row) {
      out.push(xml.slice(at, row.start));
      at = row.start;
      while (p < newRows.length && newRows[p] < row.row) out.push(newRow(newRows[p++]));
    }
    const here = byRow.get(row.row);
    if (!here) continue;
    out.push(xml.slice(at, row.start), patchRow(xml, row, here));
    at = row.end;
  }
  out.push(xml.slice(at, data.innerEnd));
  while (p < newRows.length) out.push(newRow(newRows[p++]));
  out.push(xml.slice(data.innerEnd));
  return out.join("");
}

function patchRow(xml: string, row: XmlRow, writes: CellWrite[]): string {
  const cols = writes.map((w) => w.col);
  let tag = xml.slice(row.start, row.tagEnd);
  const spans = attribute(tag, "spans");
  if (spans !== null) {
    const nums = spans
      .split(/[\s:]+/)
      .map(Number)
      .filter(Number.isFinite);
    const lo = Math.min(...nums, ...cols);
    const hi = Math.max(...nums, ...cols);
    tag = setAttribute(tag, "spans", `${lo}:${hi}`);
  }
  const prefix = row.prefix;
  if (row.selfClosing) {
    const open = tag.slice(0, -2).trimEnd() + ">";
    return open + writes.map((w) => w.xml).join("") + `</${prefix}row>`;
  }
  const parts: string[] = [tag];
  const cells = row.cells;
  const lead = cells.length > 0 ? xml.slice(row.tagEnd, cells[0].start) : "";
  const trail =
    cells.length > 0
      ? xml.slice(cells[cells.length - 1].end, row.innerEnd)
      : xml.slice(row.tagEnd, row.innerEnd);
  parts.push(lead);
  let w = 0;
  for (const c of cells) {
    while (w < writes.length && writes[w].col < c.col) parts.push(writes[w++].xml);
    if (w < writes.length && writes[w].col === c.col) {
      parts.push(writes[w++].xml);
      continue;
    }
    parts.push(xml.slice(c.start, c.end));
  }
  while (w < writes.length) parts.push(writes[w++].xml);
  parts.push(trail, `</${prefix}row>`);
  return parts.join("");
}

/** Widens `<dimension ref>` to include the box (creates nothing when the sheet has no dimension). */
export function widenDimension(
  xml: string,
  box: { top: number; left: number; bottom: number; right: number },
): string {
  const el = findElement(xml, "dimension");
  if (!el) return xml;
  const cur = decodeRange(attribute(el.tag, "ref") ?? "");
  const b = cur
    ? {
        top: Math.min(cur.top, box.top),
        left: Math.min(cur.left, box.left),
        bottom: Math.max(cur.bottom, box.bottom),
        right: Math.max(cur.right, box.right),
      }
    : box;
  const ref = `${columnLetter(b.left)}${b.top}:${columnLetter(b.right)}${b.bottom}`;
  return xml.slice(0, el.start) + setAttribute(el.tag, "ref", ref) + xml.slice(el.end);
}

/**
 * Gives columns a width where no `<col>` element covers them yet (a user's widths are never changed).
 * `<cols>` is created at its schema place (before sheetData) when absent.
 */
export function addColumnWidths(xml: string, widths: { col: number; width: number }[]): string {
  if (widths.length === 0) return xml;
  const data = findElement(xml, "sheetData");
  if (!data) return xml;
  const block = findElement(xml, "cols", 0, data.start);
  const prefix = data.prefix;
  const covered = (col: number) =>
    block
      ? findElements(xml, "col", block.innerStart, block.innerEnd).some(
          (el) => Number(attribute(el.tag, "min")) <= col && col <= Number(attribute(el.tag, "max")),
        )
      : false;
  const add = widths
    .filter((w) => !covered(w.col))
    .sort((a, b) => a.col - b.col)
    .map((w) => `<${prefix}col min="${w.col}" max="${w.col}" width="${w.width}" customWidth="1"/>`);
  if (add.length === 0) return xml;
  if (!block)
    return (
      xml.slice(0, data.start) + `<${prefix}cols>${add.join("")}</${prefix}cols>` + xml.slice(data.start)
    );
  // Keep <col> elements sorted by min, as Excel requires.
  const existing = findElements(xml, "col", block.innerStart, block.innerEnd);
  const all = [
    ...existing.map((el) => ({ min: Number(attribute(el.tag, "min")), text: xml.slice(el.start, el.end) })),
    ...add.map((text) => ({ min: Number(/min="(\d+)"/.exec(text)?.[1]), text })),
  ].sort((a, b) => a.min - b.min);
  if (block.selfClosing) {
    return (
      xml.slice(0, block.start) +
      `<${prefix}cols>${all.map((x) => x.text).join("")}</${prefix}cols>` +
      xml.slice(block.end)
    );
  }
  // Only the <col> elements are reordered; anything else inside <cols> is kept in place.
  const inner = xml.slice(block.innerStart, block.innerEnd);
  const firstCol = existing.length > 0 ? existing[0].start - block.innerStart : inner.length;
  const lastColEnd =
    existing.length > 0 ? existing[existing.length - 1].end - block.innerStart : inner.length;
  return (
    xml.slice(0, block.innerStart) +
    inner.slice(0, firstCol) +
    all.map((x) => x.text).join("") +
    inner.slice(lastColEnd) +
    xml.slice(block.innerEnd)
  );
}
