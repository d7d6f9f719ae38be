// Text measurement for row heights: Carlito advance widths (metric-compatible with Calibri), wrapped
// the way Excel and LibreOffice wrap (at spaces, explicit line breaks, over-long words broken).
import { calibriBold, calibriRegular, type FontMetrics } from "./fontMetrics";

export interface FontSpec {
  size: number;
  bold?: boolean;
}

/** Measured widths are inflated by this factor: hinting and renderer rounding differ slightly. */
const WIDTH_SAFETY = 1.02;
/**
 * Line pitch per font size, as Excel lays out wrapped Calibri (whole pixels at 96 dpi: 11 pt → 20 px
 * = 15 pt per line, the figure Excel's autofit uses). LibreOffice draws wrapped Carlito lines
 * tighter (measured with pdftotext -bbox: 9.10 pt at 9 pt, 10.01 at 10, 11.10 at 11), so planning
 * for Excel keeps text from being clipped in both; LibreOffice shows some air below long texts.
 */
const EXCEL_LINE: Record<number, number> = {
  8: 11.25,
  9: 12,
  10: 12.75,
  11: 15,
  12: 15.75,
  14: 18.75,
  18: 23.25,
};
/** Vertical cell padding (top + bottom), points. */
export const ROW_PADDING = 2;
/** Excel's maximum row height. */
export const MAX_ROW_HEIGHT = 409;

/** Width in points of `text` on one line. */
export function textWidth(text: string, font: FontSpec): number {
  const m: FontMetrics = font.bold ? calibriBold : calibriRegular;
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    units += m.widths[cp] ?? (cp === 0xa0 ? m.widths[0x20] : m.fallback);
  }
  return (units / m.unitsPerEm) * font.size * WIDTH_SAFETY;
}

export function lineHeight(font: FontSpec): number {
  return EXCEL_LINE[font.size] ?? Math.ceil(font.size * 1.36 * (4 / 3)) * 0.75;
}

/** Height of a cell showing `lines` lines. */
export function heightForLines(lines: number, font: FontSpec): number {
  return Math.max(1, lines) * lineHeight(font) + ROW_PADDING;
}

/** Breaks one word wider than the cell into pieces that fit (Excel breaks it anywhere). */
function breakWord(word: string, width: number, font: FontSpec): string[] {
  const pieces: string[] = [];
  let cur = "";
  for (const ch of word) {
    if (cur !== "" && textWidth(cur + ch, font) > width) {
      pieces.push(cur);
      cur = ch;
    } else cur += ch;
  }
  if (cur !== "") pieces.push(cur);
  return pieces;
}

/** The lines a wrapped cell of `width` points shows for `text`. */
export function wrapText(text: string, width: number, font: FontSpec): string[] {
  const out: string[] = [];
  const space = textWidth(" ", font);
  for (const paragraph of text.replace(/\r\n?/g, "\n").split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (const word of paragraph.split(" ")) {
      const w = textWidth(word, font);
      if (line !== "" && lineWidth + space + w <= width) {
        line += " " + word;
        lineWidth += space + w;
        continue;
      }
      if (line !== "") out.push(line);
      if (w <= width) {
        line = word;
        lineWidth = w;
      } else {
        const pieces = breakWord(word, width, font);
        out.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? "";
        lineWidth = textWidth(line, font);
      }
    }
    out.push(line);
  }
  return out;
}

export function countLines(text: string, width: number, font: FontSpec): number {
  return wrapText(text, width, font).length;
}

/** Splits a text into paragraphs (non-empty lines), keeping each paragraph verbatim. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((p) => p.trim() !== "");
}

/**
 * Splits a paragraph into pieces whose wrapped height stays within maxHeight: first at sentence
 * ends, then at wrapped-line boundaries. Joining the pieces with " " gives the paragraph back
 * (apart from the spaces at the cut points).
 */
export function splitParagraph(text: string, width: number, font: FontSpec, maxHeight: number): string[] {
  const fits = (s: string) => heightForLines(countLines(s, width, font), font) <= maxHeight;
  if (fits(text)) return [text];
  const sentences = text.match(/[^.!?;:]+(?:[.!?;:]+|$)\s*/g) ?? [text];
  const pieces: string[] = [];
  let cur = "";
  for (const s of sentences) {
    const candidate = cur + s;
    if (fits(candidate.trimEnd())) {
      cur = candidate;
      continue;
    }
    if (cur.trim() !== "") pieces.push(cur.trimEnd());
    if (fits(s.trimEnd())) cur = s;
    else {
      // One sentence taller than the limit: cut at wrapped lines.
      const maxLines = Math.max(1, Math.floor((maxHeight - ROW_PADDING) / lineHeight(font)));
      const lines = wrapText(s.trimEnd(), width, font);
      for (let i = 0; i < lines.length; i += maxLines) pieces.push(lines.slice(i, i + maxLines).join(" "));
      cur = "";
    }
  }
  if (cur.trim() !== "") pieces.push(cur.trimEnd());
  return pieces;
}

/**
 * Cuts a cell text into pieces that each fit maxHeight: whole paragraphs while they fit, then
 * paragraphs cut at sentence ends (splitParagraph). Most texts come back as one piece.
 */
export function packText(text: string, width: number, font: FontSpec, maxHeight: number): string[] {
  const fits = (s: string) => heightForLines(wrapText(s, width, font).length, font) <= maxHeight;
  if (fits(text)) return [text];
  const pieces: string[] = [];
  let cur: string | null = null;
  for (const para of text.replace(/\r\n?/g, "\n").split("\n")) {
    const candidate: string = cur === null ? para : `${cur}\n${para}`;
    if (fits(candidate)) {
      cur = candidate;
      continue;
    }
    if (cur !== null) pieces.push(cur);
    if (fits(para)) cur = para;
    else {
      const parts = splitParagraph(para, width, font, maxHeight);
      pieces.push(...parts.slice(0, -1));
      cur = parts[parts.length - 1] ?? null;
    }
  }
  if (cur !== null) pieces.push(cur);
  return pieces;
}
