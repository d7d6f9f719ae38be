// Text measurement for row heights: Carlito advance widths (metric-compatible with Calibri), wrapped
// the way Excel and LibreOffice wrap (at spaces and explicit line breaks; LibreOffice also after a
// hyphen inside a word; a word wider than the cell is broken anywhere).
import { calibriBold, calibriRegular, type FontMetrics } from "./fontMetrics";

export interface FontSpec {
  size: number;
  bold?: boolean;
}

export interface WrapOptions {
  /** Break after "-" inside a word (LibreOffice, ICU line breaking). */
  breaksInsideWords?: boolean;
}

/** Excel's maximum row height. */
export const MAX_ROW_HEIGHT = 409;

/** Width in points of `text` on one line (the font's advance widths, no kerning). */
export function textWidth(text: string, font: FontSpec): number {
  const m: FontMetrics = font.bold ? calibriBold : calibriRegular;
  let units = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    units += m.widths[cp] ?? (cp === 0xa0 ? m.widths[0x20] : m.fallback);
  }
  return (units / m.unitsPerEm) * font.size;
}

/** Breaks one word wider than the cell into pieces that fit (both renderers break it anywhere). */
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

/** A word cut after each inner hyphen followed by a letter ("scuola-lavoro" → "scuola-", "lavoro"); LibreOffice does not break after "/". */
function segments(word: string, inside: boolean): string[] {
  if (!inside) return [word];
  return word.split(/(?<=[\p{L}\p{N}]-)(?=\p{L})/u);
}

/** The lines a wrapped cell `width` points wide shows for `text`. */
export function wrapText(text: string, width: number, font: FontSpec, options: WrapOptions = {}): string[] {
  const out: string[] = [];
  const space = textWidth(" ", font);
  for (const paragraph of text.replace(/\r\n?/g, "\n").split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (const word of paragraph.split(" ")) {
      segments(word, options.breaksInsideWords === true).forEach((seg, i) => {
        const w = textWidth(seg, font);
        const gap = i === 0 && line !== "" ? space : 0;
        const sep = i === 0 && line !== "" ? " " : "";
        if (line !== "" && lineWidth + gap + w <= width) {
          line += sep + seg;
          lineWidth += gap + w;
          return;
        }
        if (line !== "") out.push(line);
        if (w <= width) {
          line = seg;
          lineWidth = w;
        } else {
          const pieces = breakWord(seg, width, font);
          out.push(...pieces.slice(0, -1));
          line = pieces[pieces.length - 1] ?? "";
          lineWidth = textWidth(line, font);
        }
      });
    }
    out.push(line);
  }
  return out;
}

/** Splits a text into paragraphs (non-empty lines), keeping each paragraph verbatim. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((p) => p.trim() !== "");
}

/** How a text is measured in one cell: its wrapped line count, and the most lines a piece may have. */
export interface Measure {
  lines: (text: string) => number;
  wrap: (text: string) => string[];
  maxLines: number;
}

/**
 * Splits a paragraph into pieces of at most `m.maxLines` lines: first at sentence ends, then at
 * wrapped-line boundaries. Joining the pieces with " " gives the paragraph back (apart from the
 * spaces at the cut points).
 */
export function splitParagraph(text: string, m: Measure): string[] {
  const fits = (s: string) => m.lines(s) <= m.maxLines;
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
      const lines = m.wrap(s.trimEnd());
      const n = Math.max(1, m.maxLines);
      for (let i = 0; i < lines.length; i += n) pieces.push(lines.slice(i, i + n).join(" "));
      cur = "";
    }
  }
  if (cur.trim() !== "") pieces.push(cur.trimEnd());
  return pieces;
}

/**
 * Cuts a cell text into pieces of at most `m.maxLines` lines: whole paragraphs while they fit, then
 * paragraphs cut at sentence ends (splitParagraph). Most texts come back as one piece.
 */
export function packText(text: string, m: Measure): string[] {
  const fits = (s: string) => m.lines(s) <= m.maxLines;
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
      const parts = splitParagraph(para, m);
      pieces.push(...parts.slice(0, -1));
      cur = parts[parts.length - 1] ?? null;
    }
  }
  if (cur !== null) pieces.push(cur);
  return pieces;
}
