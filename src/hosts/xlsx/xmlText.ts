// Text for SpreadsheetML parts written by hand (no DOM): XML escaping, Excel's `_xHHHH_` escapes for
// characters XML 1.0 cannot carry, and a tiny tolerant tag scanner for reading parts we patch.

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
  return escapeSlow(s, false);
}

/** The same for an attribute value: also tab and LF escaped (attribute values get normalised). */
export function escapeXstringAttr(s: string): string {
  if (!NEEDS_WORK_ATTR.test(s)) return s;
  return escapeSlow(s, true);
}

function escapeSlow(s: string, attr: boolean): string {
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
    else if (c < 0x20) {
      if (c === 9 || c === 10) rep = attr ? hex4(c) : null;
      else rep = hex4(c);
    } else if (c === 0x5f && isEscapeAt(s, i)) rep = "_x005F_";
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

/** Inverse of escapeXstring's `_xHHHH_` step (after XML entity decoding), as Excel reads it. */
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

/** Plain element text (no `_xHHHH_` step): header/footer codes, numbers, refs. */
export function escapeText(s: string): string {
  if (!/[&<>\r]/.test(s)) return s;
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
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
  let out = "";
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c === 38) rep = "&amp;";
    else if (c === 60) rep = "&lt;";
    else if (c === 62) rep = "&gt;";
    else if (c === 13) rep = "&#13;";
    else if (c < 0x20 && c !== 9 && c !== 10) rep = hex4(c);
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else rep = hex4(c);
    } else if ((c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) rep = hex4(c);
    if (rep !== null) {
      out += s.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return out + s.slice(from);
}

/** XML entity decoding of attribute values and text. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

// ---------------------------------------------------------------------------------------------
// A tolerant element scanner: offsets of every element, for patching text in place.
// ---------------------------------------------------------------------------------------------

export interface XmlElement {
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
  children: XmlElement[];
}

const NAME_RE = /[^\s/>]+/y;
const ATTR_PAIR_RE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
const SPACE_RE = /\s*/y;

/** Parses the element tree of a document (comments, PIs, CDATA, DOCTYPE skipped). Throws on broken nesting. */
export function parseXmlTree(xml: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
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
      attrs.push([a[1], decodeEntities(a[2] ?? a[3] ?? "")]);
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
    const el: XmlElement = {
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

export function attr(el: XmlElement, name: string): string | undefined {
  for (const [k, v] of el.attrs) if (k === name) return v;
  return undefined;
}
