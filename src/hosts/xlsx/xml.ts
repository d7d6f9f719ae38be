// XML for the SpreadsheetML parts the file host writes and patches, as text (no DOM, Node and the
// browser alike): escaping (XML entities and Excel's `_xHHHH_` escapes for characters XML 1.0 cannot
// carry), decoding, finding elements to splice (`findElements`), and a small tolerant tree parser
// (`parseXmlTree`) for parts read whole. The host splices only what it owns, so everything else in a
// part keeps its exact bytes. Elements may carry a namespace prefix (`<x:row>`): every finder accepts one.

/** The SpreadsheetML main namespace (transitional) and its Strict twin. */
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const MAIN_NS_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, surrogates checked for
// pairing below), CR (a parser turns it into LF), markup characters, and a literal `_xHHHH_` that a
// reader would decode.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_WORK = /[&<>"\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
// eslint-disable-next-line no-control-regex -- idem
const NEEDS_WORK_ATTR = /[&<>"\x00-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

function hex4(code: number): string {
  return "_x" + code.toString(16).toUpperCase().padStart(4, "0") + "_";
}

/**
 * An ST_Xstring value (cell text, formula, cached string) as element content: markup escaped, forbidden
 * characters and CR as `_xHHHH_` (what Excel writes), a literal `_xHHHH_` protected as `_x005F_xHHHH_`.
 */
export function escapeXstring(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return escapeSlow(s, "text");
}

/** The same for an attribute value: also tab and LF escaped (attribute values get normalised). */
export function escapeXstringAttr(s: string): string {
  if (!NEEDS_WORK_ATTR.test(s)) return s;
  return escapeSlow(s, "attr");
}

/**
 * The one escaping loop: "text" (element content), "attr" (also `"`, tab and LF), "formula" (CR as
 * `&#13;` and a literal `_xHHHH_` left alone, as LibreOffice reads formulas without Excel's step).
 */
function escapeSlow(s: string, mode: "text" | "attr" | "formula"): string {
  const attr = mode === "attr";
  let out = "";
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c === 38) rep = "&amp;";
    else if (c === 60) rep = "&lt;";
    else if (c === 62) rep = "&gt;";
    else if (c === 34) rep = attr ? "&quot;" : null;
    else if (c === 13 && mode === "formula") rep = "&#13;";
    else if (c < 0x20) {
      if (c === 9 || c === 10) rep = attr ? hex4(c) : null;
      else rep = hex4(c);
    } else if (c === 0x5f && mode !== "formula" && isEscapeAt(s, i)) rep = "_x005F_";
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff)
        i++; // a valid pair stays as is
      else rep = hex4(c);
    } else if ((c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) rep = hex4(c);
    if (rep !== null) {
      out += s.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return out + s.slice(from);
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** `_xHHHH_` starts at i. */
function isEscapeAt(s: string, i: number): boolean {
  return (
    i + 6 < s.length &&
    s.charCodeAt(i + 1) === 120 &&
    isHex(s.charCodeAt(i + 2)) &&
    isHex(s.charCodeAt(i + 3)) &&
    isHex(s.charCodeAt(i + 4)) &&
    isHex(s.charCodeAt(i + 5)) &&
    s.charCodeAt(i + 6) === 95
  );
}

/** Excel's `_xHHHH_` escapes decoded (after XML entities), as Excel reads strings; inverse of escapeXstring. */
export function decodeXstring(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const ATTR_RE = /[&<>"\t\n\r]/;

/** A plain attribute value (no `_xHHHH_` step): names, codes, sqref… */
export function escapeAttr(s: string): string {
  if (!ATTR_RE.test(s)) return s;
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

// eslint-disable-next-line no-control-regex -- idem
const FORMULA_WORK = /[&<>\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Formula text (`<f>`, `<formula>`): XML escapes, CR as `&#13;`. LibreOffice reads formulas without
 * Excel's `_xHHHH_` step, so a literal `_xHHHH_` is left alone; the characters XML 1.0 cannot carry
 * at all become `_xHHHH_` (the file stays readable; such a formula's text literal is then altered).
 */
export function escapeFormulaText(s: string): string {
  if (!FORMULA_WORK.test(s)) return s;
  return escapeSlow(s, "formula");
}

/** A number as SpreadsheetML writes it (shortest round-trip form, "E" exponent, no "-0"). */
export function num(v: number): string {
  if (v === 0) return "0";
  const s = String(v);
  return s.indexOf("e") >= 0 ? s.toUpperCase() : s;
}

/** XML entities decoded (`&amp;` → `&`, numeric references too); an impossible code point stays as written. */
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

/** The value of one attribute in a start tag, or null. */
export function attribute(tag: string, name: string): string | null {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? decodeXml(m[2] ?? m[3] ?? "") : null;
}

/** Sets (or adds) an attribute in a start tag, keeping the rest of the tag as it was. */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const escaped = `"${escapeAttr(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_m, pre: string) => pre + escaped);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}=${escaped}${tag.slice(end)}`;
}

// ---------------------------------------------------------------------------------------------
// Finding elements to splice
// ---------------------------------------------------------------------------------------------

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
  return decodeXstring(decodeXml(text));
}

// ---------------------------------------------------------------------------------------------
// A tolerant tree parser: every element with its offsets and attributes, for parts read whole.
// ---------------------------------------------------------------------------------------------

export interface XmlNode {
  /** Qualified name as written, e.g. "x:font". */
  qname: string;
  prefix: string;
  local: string;
  /** Attributes in document order, qualified names as written, values entity-decoded. */
  attrs: [string, string][];
  /** Offset of "<" of the start tag. */
  start: number;
  /** Offset just after the start tag's ">". */
  openEnd: number;
  /** Offset of "</" of the end tag (equals openEnd when self-closing). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  children: XmlNode[];
}

const NAME_RE = /[^\s/>]+/y;
const ATTR_PAIR_RE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const SPACE_RE = /\s*/y;

/** Parses the element tree of a document (comments, PIs, CDATA, DOCTYPE skipped). Throws on broken nesting. */
export function parseXmlTree(xml: string): XmlNode {
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  let p = 0;
  const n = xml.length;
  while (p < n) {
    const lt = xml.indexOf("<", p);
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 /* ? */) {
      p = skipTo(xml, "?>", lt);
      continue;
    }
    if (next === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) p = skipTo(xml, "-->", lt);
      else if (xml.startsWith("<![CDATA[", lt)) p = skipTo(xml, "]]>", lt);
      else p = skipTo(xml, ">", lt);
      continue;
    }
    if (next === 47 /* / */) {
      const gt = xml.indexOf(">", lt);
      if (gt < 0) throw new Error("XML non valido: tag di chiusura incompleto");
      const qname = xml.slice(lt + 2, gt).trim();
      const el = stack.pop();
      if (!el || el.qname !== qname) throw new Error(`XML non valido: </${qname}> inatteso`);
      el.closeStart = lt;
      el.end = gt + 1;
      p = gt + 1;
      continue;
    }
    NAME_RE.lastIndex = lt + 1;
    const m = NAME_RE.exec(xml);
    if (!m) throw new Error("XML non valido: nome di elemento mancante");
    const qname = m[0];
    let q = NAME_RE.lastIndex;
    const attrs: [string, string][] = [];
    for (;;) {
      ATTR_PAIR_RE.lastIndex = q;
      const a = ATTR_PAIR_RE.exec(xml);
      if (!a) break;
      attrs.push([a[1], decodeXml(a[2] ?? a[3] ?? "")]);
      q = ATTR_PAIR_RE.lastIndex;
    }
    SPACE_RE.lastIndex = q;
    SPACE_RE.exec(xml);
    q = SPACE_RE.lastIndex;
    let selfClosing = false;
    if (xml.charCodeAt(q) === 47) {
      selfClosing = true;
      q++;
    }
    if (xml.charCodeAt(q) !== 62) throw new Error(`XML non valido: tag <${qname}> incompleto`);
    const colon = qname.indexOf(":");
    const el: XmlNode = {
      qname,
      prefix: colon < 0 ? "" : qname.slice(0, colon),
      local: colon < 0 ? qname : qname.slice(colon + 1),
      attrs,
      start: lt,
      openEnd: q + 1,
      closeStart: q + 1,
      end: q + 1,
      selfClosing,
      children: [],
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (!root) root = el;
    else throw new Error("XML non valido: più di un elemento radice");
    if (!selfClosing) stack.push(el);
    p = q + 1;
  }
  if (!root) throw new Error("XML non valido: nessun elemento");
  if (stack.length > 0) throw new Error(`XML non valido: <${stack[stack.length - 1].qname}> non chiuso`);
  return root;
}

function skipTo(xml: string, end: string, from: number): number {
  const i = xml.indexOf(end, from);
  if (i < 0) throw new Error("XML non valido: costrutto non chiuso");
  return i + end.length;
}

export function attr(el: XmlNode, name: string): string | undefined {
  for (const [k, v] of el.attrs) if (k === name) return v;
  return undefined;
}
