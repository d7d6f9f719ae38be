// Small, tolerant tools for the SpreadsheetML parts the file host reads and patches. The host edits
// parts as text and splices only what it owns, so everything else in a part keeps its exact bytes.
// Elements may carry a namespace prefix (`<x:row>`): every finder accepts one.

/** `&amp;` → `&`, numeric references too. */
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    switch (e) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    try {
      return String.fromCodePoint(code);
    } catch {
      return m;
    }
  });
}

/** Text content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}

/** Excel's `_xHHHH_` escapes in strings (characters XML cannot hold, and `_x005F_` for a literal `_`). */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Attributes of a start tag (`<c r="A1" s="2">` → {r: "A1", s: "2"}), prefixes kept in the keys. */
export function parseAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) out[m[1]] = decodeXml(m[3] ?? m[4] ?? "");
  return out;
}

/** The value of one attribute in a start tag, or null. */
export function attribute(tag: string, name: string): string | null {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? decodeXml(m[2] ?? m[3] ?? "") : null;
}

/** Sets (or adds) an attribute in a start tag, keeping the rest of the tag as it was. */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const escaped = `"${escapeXml(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_m, pre: string) => pre + escaped);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}=${escaped}${tag.slice(end)}`;
}

/** Removes an attribute from a start tag. */
export function removeAttribute(tag: string, name: string): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  return tag.replace(re, "");
}

/** One element found in a part: its whole text is `xml.slice(start, end)`. */
export interface XmlElement {
  start: number;
  end: number;
  /** The start tag (`<row r="3">`, or the whole `<c r="A1"/>` when self-closing). */
  tag: string;
  /** Namespace prefix with its colon (`x:`), or "". */
  prefix: string;
  selfClosing: boolean;
  /** Offsets of the content between the start and the end tag (equal when self-closing). */
  innerStart: number;
  innerEnd: number;
}

/**
 * Elements named `local` (any prefix) in xml[from, to). They must not nest inside themselves, which
 * holds for every element the host looks for (sheet, definedName, row, c, tableColumn, Relationship…).
 */
export function findElements(xml: string, local: string, from = 0, to = xml.length): XmlElement[] {
  const out: XmlElement[] = [];
  const open = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])`, "g");
  open.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = open.exec(xml)) !== null && m.index < to) {
    const start = m.index;
    const tagEnd = xml.indexOf(">", start);
    if (tagEnd < 0 || tagEnd >= to) break;
    const tag = xml.slice(start, tagEnd + 1);
    const prefix = m[1] ?? "";
    if (tag.endsWith("/>")) {
      out.push({
        start,
        end: tagEnd + 1,
        tag,
        prefix,
        selfClosing: true,
        innerStart: tagEnd + 1,
        innerEnd: tagEnd + 1,
      });
      open.lastIndex = tagEnd + 1;
      continue;
    }
    const close = `</${prefix}${local}>`;
    const closeAt = xml.indexOf(close, tagEnd + 1);
    if (closeAt < 0 || closeAt >= to) break;
    out.push({
      start,
      end: closeAt + close.length,
      tag,
      prefix,
      selfClosing: false,
      innerStart: tagEnd + 1,
      innerEnd: closeAt,
    });
    open.lastIndex = closeAt + close.length;
  }
  return out;
}

/** The first element named `local`, or null. */
export function findElement(xml: string, local: string, from = 0, to = xml.length): XmlElement | null {
  return findElements(xml, local, from, to)[0] ?? null;
}

/** The inner text of an element. */
export function innerOf(xml: string, el: XmlElement): string {
  return xml.slice(el.innerStart, el.innerEnd);
}

/** Replaces [start, end) ranges in one pass (ranges must not overlap). */
export function splice(xml: string, edits: { start: number; end: number; text: string }[]): string {
  if (edits.length === 0) return xml;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(xml.slice(at));
  return parts.join("");
}

/** Concatenated `<t>` texts of a string item (`<si>`/`<is>`), without phonetic runs. */
export function stringItemText(inner: string): string {
  const withoutPhonetic = inner.includes("rPh")
    ? inner.replace(/<([\w.-]+:)?rPh[\s>][\s\S]*?<\/([\w.-]+:)?rPh>/g, "")
    : inner;
  let text = "";
  const re = /<([\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/([\w.-]+:)?t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(withoutPhonetic)) !== null) text += m[2] ?? "";
  return decodeExcelEscapes(decodeXml(text));
}
