// xl/styles.xml patched in place: the add-in APPENDS fonts, fills, borders, number formats, cell
// formats and differential formats it needs, and every existing entry keeps its index and its exact
// text. Pure string work (no DOM, no zip), for Node and the browser.
import type { BorderSide, CellStyle } from "../../domain/model/sheet";
import {
  MAIN_NS,
  MAIN_NS_STRICT,
  XML_DECLARATION,
  attr,
  escapeAttr,
  parseXmlTree,
  type XmlElement,
} from "./xmlText";

/** ECMA-376 Part 1 §18.8.30 built-in number formats (plus the en-US currency ids 5–8). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"$"#,##0_);("$"#,##0)',
  6: '"$"#,##0_);[Red]("$"#,##0)',
  7: '"$"#,##0.00_);("$"#,##0.00)',
  8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  // East Asian locales (§18.8.30 notes): dates and times; the zh-CN codes stand for all of them, so a
  // reader classifies them as dates.
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Codes written as built-in ids: the same in every locale (id 14 and the other dates are not). */
const BUILTIN_BY_CODE = new Map<string, number>(
  [0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 45, 46, 47, 48, 49].map((id) => [BUILTIN_FORMATS[id], id]),
);

/** Sections of CT_Stylesheet in schema order. */
const SECTION_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;
type SectionName = (typeof SECTION_ORDER)[number];
type Appendable =
  "numFmts" | "fonts" | "fills" | "borders" | "cellStyleXfs" | "cellXfs" | "cellStyles" | "dxfs";
const ENTRY: Record<Appendable, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
  cellStyles: "cellStyle",
  dxfs: "dxf",
};

/** A small element model for entries we build or derive (local names; written with the part's prefix). */
interface Node {
  name: string;
  attrs: [string, string][];
  children: Node[];
}

const node = (name: string, attrs: [string, string][] = [], children: Node[] = []): Node => ({
  name,
  attrs,
  children,
});

/** Elements of CT_Font, in the order Excel writes them. */
const FONT_CHILDREN = [
  "b",
  "i",
  "strike",
  "condense",
  "extend",
  "outline",
  "shadow",
  "u",
  "vertAlign",
  "sz",
  "color",
  "name",
  "family",
  "charset",
  "scheme",
];

export interface FontChanges {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** "RRGGBB"; null removes the colour (automatic). */
  color?: string | null;
}

/**
 * Changes to an existing cell format. Given fields replace the base's (font and alignment fields one by
 * one; null removes fill, border or alignment); everything else (protection, cell style) is kept.
 */
export interface XfChanges {
  numberFormat?: string;
  font?: FontChanges;
  fill?: string | null;
  border?: CellStyle["border"] | null;
  alignment?: NonNullable<CellStyle["alignment"]> | null;
}

export interface DxfSpec {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

interface Section {
  name: SectionName;
  el: XmlElement | null;
  /** Existing entries (entry elements only, in order). */
  entries: XmlElement[];
  appended: { node: Node; xml: string }[];
  /** Canonical key → index, built on first lookup. */
  index: Map<string, number> | null;
}

const MINIMAL_STYLES =
  XML_DECLARATION +
  `<styleSheet xmlns="${MAIN_NS}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/>` +
  `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
  `</styleSheet>`;

export class StylesPart {
  private readonly sections = new Map<SectionName, Section>();
  private readonly prefix: string;
  /** numFmtId → code, existing and appended custom formats. */
  private readonly customFormats = new Map<number, string>();
  private readonly customByCode = new Map<string, number>();
  private nextNumFmtId = 164;
  /** Entries never change once they exist, so a code per xf index can be remembered. */
  private readonly codeCache = new Map<number, string>();

  private constructor(
    private readonly original: string,
    private readonly root: XmlElement,
  ) {
    this.prefix = root.prefix;
    for (const name of SECTION_ORDER) this.sections.set(name, this.readSection(name));
    for (const el of this.sections.get("numFmts")!.entries) {
      const id = Number(attr(el, "numFmtId"));
      const code = attr(el, "formatCode");
      if (!Number.isInteger(id) || code === undefined) continue;
      this.customFormats.set(id, code);
      if (!this.customByCode.has(code)) this.customByCode.set(code, id);
      if (id >= this.nextNumFmtId) this.nextNumFmtId = id + 1;
    }
  }

  /** Parses styles.xml as any writer leaves it (prefixes, missing sections, wrong counts, extLst…). */
  static parse(xml: string): StylesPart {
    const root = parseXmlTree(xml);
    if (root.local !== "styleSheet") throw new Error("styles.xml non valido: manca <styleSheet>");
    const nsAttr = root.prefix ? `xmlns:${root.prefix}` : "xmlns";
    const ns = attr(root, nsAttr);
    if (ns !== MAIN_NS && ns !== MAIN_NS_STRICT) {
      throw new Error("styles.xml non valido: spazio dei nomi SpreadsheetML assente");
    }
    return new StylesPart(xml, root);
  }

  /** A minimal styles.xml for a new workbook (Calibri 11, fills none/gray125, Normal style). */
  static empty(): StylesPart {
    return StylesPart.parse(MINIMAL_STYLES);
  }

  /** True when something was appended (toXml() differs from the input). */
  get changed(): boolean {
    for (const s of this.sections.values()) if (s.appended.length > 0) return true;
    return false;
  }

  get cellXfCount(): number {
    return this.count("cellXfs");
  }

  /** The format code of a cell's `s` index; "General" when the index or its format is unknown. */
  numberFormatCode(xfIndex: number): string {
    const cached = this.codeCache.get(xfIndex);
    if (cached !== undefined) return cached;
    const xf = this.entryNode("cellXfs", xfIndex);
    if (!xf) return "General";
    const id = Number(nodeAttr(xf, "numFmtId") ?? 0);
    const code = this.customFormats.get(id) ?? BUILTIN_FORMATS[id] ?? "General";
    this.codeCache.set(xfIndex, code);
    return code;
  }

  /** The numFmtId for a code: a built-in id, an existing custom format with that code, or a new one. */
  numFmtId(code: string): number {
    if (code === "" || code.toLowerCase() === "general") return 0;
    const custom = this.customByCode.get(code);
    if (custom !== undefined) return custom;
    const builtin = BUILTIN_BY_CODE.get(code);
    if (builtin !== undefined) return builtin;
    const id = Math.max(164, this.nextNumFmtId);
    this.nextNumFmtId = id + 1;
    this.append(
      "numFmts",
      node("numFmt", [
        ["numFmtId", String(id)],
        ["formatCode", code],
      ]),
    );
    this.customFormats.set(id, code);
    this.customByCode.set(code, id);
    return id;
  }

  /** The cellXfs index of a domain style (the same index for the same style; reuses equal entries). */
  xf(style: CellStyle): number {
    this.ensureBase();
    const numFmtId = style.numberFormat !== undefined ? this.numFmtId(style.numberFormat) : 0;
    const fontId = this.findOrAppend("fonts", fontNode(style.font));
    const fillId = style.fill ? this.findOrAppend("fills", solidFill(style.fill)) : 0;
    const borderId = style.border ? this.findOrAppend("borders", borderNode(style.border)) : 0;
    const attrs: [string, string][] = [
      ["numFmtId", String(numFmtId)],
      ["fontId", String(fontId)],
      ["fillId", String(fillId)],
      ["borderId", String(borderId)],
    ];
    if (this.count("cellStyleXfs") > 0) attrs.push(["xfId", "0"]);
    if (numFmtId !== 0) attrs.push(["applyNumberFormat", "1"]);
    attrs.push(["applyFont", "1"]);
    if (fillId !== 0) attrs.push(["applyFill", "1"]);
    if (borderId !== 0) attrs.push(["applyBorder", "1"]);
    const children: Node[] = [];
    const al = style.alignment ? alignmentNode(style.alignment) : null;
    if (al) {
      attrs.push(["applyAlignment", "1"]);
      children.push(al);
    }
    return this.findOrAppend("cellXfs", node("xf", attrs, children));
  }

  /**
   * A cell format derived from an existing one (e.g. "a body cell with format 0.00", "helper font grey
   * 9 pt"). With no change it returns baseXf itself. An index past the end is taken as 0.
   */
  xfWith(baseXf: number, changes: XfChanges): number {
    this.ensureBase();
    const base = this.entryNode("cellXfs", baseXf) ?? this.entryNode("cellXfs", 0)!;
    const hasChange =
      changes.numberFormat !== undefined ||
      changes.font !== undefined ||
      changes.fill !== undefined ||
      changes.border !== undefined ||
      changes.alignment !== undefined;
    if (!hasChange && this.entryNode("cellXfs", baseXf)) return baseXf;

    const attrs = new Map<string, string>(base.attrs);
    const set = (k: string, v: string) => attrs.set(k, v);
    if (changes.numberFormat !== undefined) {
      set("numFmtId", String(this.numFmtId(changes.numberFormat)));
      set("applyNumberFormat", "1");
    }
    if (changes.font !== undefined) {
      const baseFont = this.entryNode("fonts", Number(attrs.get("fontId") ?? 0)) ?? fontNode(DEFAULT_FONT);
      set("fontId", String(this.findOrAppend("fonts", changeFont(baseFont, changes.font))));
      set("applyFont", "1");
    }
    if (changes.fill !== undefined) {
      set("fillId", String(changes.fill === null ? 0 : this.findOrAppend("fills", solidFill(changes.fill))));
      set("applyFill", "1");
    }
    if (changes.border !== undefined) {
      const b = changes.border;
      set("borderId", String(b === null ? 0 : this.findOrAppend("borders", borderNode(b))));
      set("applyBorder", "1");
    }
    let children = base.children.filter((c) => c.name === "alignment" || c.name === "protection");
    if (changes.alignment !== undefined) {
      const old = children.find((c) => c.name === "alignment");
      const merged =
        changes.alignment === null
          ? null
          : alignmentNode(changes.alignment, old ? new Map(old.attrs) : undefined);
      children = children.filter((c) => c.name !== "alignment");
      if (merged) children.unshift(merged);
      set("applyAlignment", "1");
    }
    return this.findOrAppend("cellXfs", node("xf", [...attrs], children));
  }

  /** A differential format for conditional formatting (same spec → same index). */
  dxf(spec: DxfSpec): number {
    const children: Node[] = [];
    if (spec.bold || spec.fontColor) {
      const font: Node[] = [];
      if (spec.bold) font.push(node("b"));
      if (spec.fontColor) font.push(node("color", [["rgb", argb(spec.fontColor)]]));
      children.push(node("font", [], font));
    }
    if (spec.fill) {
      // Excel paints a dxf's solid fill with bgColor; fgColor too, as exceljs wrote it.
      const c = argb(spec.fill);
      children.push(
        node(
          "fill",
          [],
          [
            node(
              "patternFill",
              [["patternType", "solid"]],
              [node("fgColor", [["rgb", c]]), node("bgColor", [["rgb", c]])],
            ),
          ],
        ),
      );
    }
    return this.findOrAppend("dxfs", node("dxf", [], children));
  }

  /** The original text with the appended entries inserted and their sections' counts updated. */
  toXml(): string {
    if (!this.changed) return this.original;
    const edits: { at: number; del: number; text: string; order: number }[] = [];
    const p = this.prefix ? this.prefix + ":" : "";
    SECTION_ORDER.forEach((name, order) => {
      const s = this.sections.get(name)!;
      if (s.appended.length === 0) return;
      const body = s.appended.map((a) => a.xml).join("");
      const count = String(s.entries.length + s.appended.length);
      if (!s.el) {
        edits.push({
          at: this.insertionPoint(name),
          del: 0,
          text: `<${p}${name} count="${count}">${body}</${p}${name}>`,
          order,
        });
        return;
      }
      const open = withCount(this.original.slice(s.el.start, s.el.openEnd), s.el.qname, count);
      if (s.el.selfClosing) {
        const tag = open.replace(/\s*\/>$/, ">");
        edits.push({
          at: s.el.start,
          del: s.el.end - s.el.start,
          text: `${tag}${body}</${s.el.qname}>`,
          order,
        });
      } else {
        edits.push({ at: s.el.start, del: s.el.openEnd - s.el.start, text: open, order });
        edits.push({ at: s.el.closeStart, del: 0, text: body, order });
      }
    });
    edits.sort((a, b) => a.at - b.at || a.order - b.order);
    let out = "";
    let from = 0;
    for (const e of edits) {
      out += this.original.slice(from, e.at) + e.text;
      from = e.at + e.del;
    }
    return out + this.original.slice(from);
  }

  // -------------------------------------------------------------------------------------------

  private readSection(name: SectionName): Section {
    const el = this.root.children.find((c) => c.local === name && c.prefix === this.prefix) ?? null;
    const entryName = (ENTRY as Record<string, string>)[name];
    const entries = el && entryName ? el.children.filter((c) => c.local === entryName) : [];
    return { name, el, entries, appended: [], index: null };
  }

  /** Where a missing section goes: after the nearest earlier section present, else after the root tag. */
  private insertionPoint(name: SectionName): number {
    const i = SECTION_ORDER.indexOf(name);
    for (let k = i - 1; k >= 0; k--) {
      const el = this.sections.get(SECTION_ORDER[k])!.el;
      if (el) return el.end;
    }
    if (this.root.selfClosing) throw new Error("styles.xml non valido: <styleSheet/> vuoto");
    return this.root.openEnd;
  }

  private count(name: Appendable): number {
    const s = this.sections.get(name)!;
    return s.entries.length + s.appended.length;
  }

  private entryNode(name: Appendable, index: number): Node | null {
    if (!Number.isInteger(index) || index < 0) return null;
    const s = this.sections.get(name)!;
    if (index < s.entries.length) return toNode(s.entries[index]);
    const a = s.appended[index - s.entries.length];
    return a ? a.node : null;
  }

  private append(name: Appendable, n: Node): number {
    const s = this.sections.get(name)!;
    const index = s.entries.length + s.appended.length;
    s.appended.push({ node: n, xml: serialize(n, this.prefix) });
    if (s.index) {
      const key = canon(n);
      if (!s.index.has(key)) s.index.set(key, index);
    }
    return index;
  }

  private findOrAppend(name: Appendable, n: Node): number {
    const s = this.sections.get(name)!;
    if (!s.index) {
      s.index = new Map();
      s.entries.forEach((e, i) => {
        const key = canon(toNode(e));
        if (!s.index!.has(key)) s.index!.set(key, i);
      });
      s.appended.forEach((a, i) => {
        const key = canon(a.node);
        if (!s.index!.has(key)) s.index!.set(key, s.entries.length + i);
      });
    }
    const found = s.index.get(canon(n));
    return found !== undefined ? found : this.append(name, n);
  }

  /**
   * Index 0 of fonts, borders and cellXfs is every unstyled cell's format, and fills 0/1 are reserved
   * (none, gray125): a part lacking them gets them before our first entry.
   */
  private ensureBase(): void {
    if (this.count("fonts") === 0) this.append("fonts", fontNode(DEFAULT_FONT));
    const fills = this.count("fills");
    if (fills === 0) this.append("fills", node("fill", [], [node("patternFill", [["patternType", "none"]])]));
    if (fills <= 1)
      this.append("fills", node("fill", [], [node("patternFill", [["patternType", "gray125"]])]));
    if (this.count("borders") === 0) this.append("borders", borderNode({}));
    if (this.count("cellXfs") === 0) {
      const attrs: [string, string][] = [
        ["numFmtId", "0"],
        ["fontId", "0"],
        ["fillId", "0"],
        ["borderId", "0"],
      ];
      if (this.count("cellStyleXfs") > 0) attrs.push(["xfId", "0"]);
      this.append("cellXfs", node("xf", attrs));
    }
  }
}

const DEFAULT_FONT: CellStyle["font"] = { name: "Calibri", size: 11 };

function withCount(openTag: string, qname: string, count: string): string {
  const re = /(\s)count\s*=\s*("[^"]*"|'[^']*')/;
  if (re.test(openTag)) return openTag.replace(re, `$1count="${count}"`);
  return `<${qname} count="${count}"` + openTag.slice(qname.length + 1);
}

function nodeAttr(n: Node, name: string): string | undefined {
  for (const [k, v] of n.attrs) if (k === name) return v;
  return undefined;
}

function toNode(el: XmlElement): Node {
  return { name: el.local, attrs: el.attrs, children: el.children.map(toNode) };
}

function serialize(n: Node, prefix: string): string {
  const name = prefix ? `${prefix}:${n.name}` : n.name;
  let s = `<${name}`;
  for (const [k, v] of n.attrs) s += ` ${k}="${escapeAttr(v)}"`;
  if (n.children.length === 0) return s + "/>";
  return s + ">" + n.children.map((c) => serialize(c, prefix)).join("") + `</${name}>`;
}

/** Hints that do not change how an entry looks, left out of the comparison key. */
const IGNORED_IN_KEY = new Set(["family", "charset"]);
/** CT_BooleanProperty font elements: `<b/>`, `<b val="1"/>` and `<b val="true"/>` are the same. */
const FLAGS = new Set(["b", "i", "strike", "condense", "extend", "outline", "shadow"]);

const boolValue = (v: string) => (v === "true" ? "1" : v === "false" ? "0" : v);

/**
 * A comparison key, so that an entry equal to one already in the part (e.g. appended by an earlier run,
 * or rewritten by another program in its own spelling) is reused: attributes sorted, booleans and
 * colours normalised, font children unordered.
 */
function canon(n: Node): string {
  const attrs = n.attrs
    .filter(([k, v]) => !k.startsWith("xmlns") && !(FLAGS.has(n.name) && k === "val" && boolValue(v) === "1"))
    .filter(([k, v]) => !(n.name === "u" && k === "val" && v === "single"))
    .map(([k, v]) => `${k}=${k === "rgb" ? v.toUpperCase() : boolValue(v)}`)
    .sort()
    .join(",");
  let children = n.children;
  if (n.name === "font") {
    children = children.filter(
      (c) =>
        !IGNORED_IN_KEY.has(c.name) && !(FLAGS.has(c.name) && boolValue(nodeAttr(c, "val") ?? "1") === "0"),
    );
  }
  const keys = children.map(canon);
  if (n.name === "font") keys.sort(); // CT_Font is an unordered choice
  return `${n.name}(${attrs})[${keys.join("")}]`;
}

export function argb(color: string): string {
  const c = color.replace(/^#/, "").toUpperCase();
  return c.length === 6 ? `FF${c}` : c;
}

function fontNode(f: CellStyle["font"]): Node {
  const children: Node[] = [];
  if (f.bold) children.push(node("b"));
  if (f.italic) children.push(node("i"));
  if (f.underline) children.push(node("u"));
  children.push(node("sz", [["val", String(f.size)]]));
  if (f.color) children.push(node("color", [["rgb", argb(f.color)]]));
  children.push(node("name", [["val", f.name]]));
  return node("font", [], children);
}

function changeFont(base: Node, ch: FontChanges): Node {
  const drop = new Set<string>();
  const add: Node[] = [];
  const flag = (name: string, v: boolean | undefined) => {
    if (v === undefined) return;
    drop.add(name);
    if (v) add.push(node(name));
  };
  flag("b", ch.bold);
  flag("i", ch.italic);
  flag("u", ch.underline);
  if (ch.size !== undefined) {
    drop.add("sz");
    add.push(node("sz", [["val", String(ch.size)]]));
  }
  if (ch.color !== undefined) {
    drop.add("color");
    if (ch.color !== null) add.push(node("color", [["rgb", argb(ch.color)]]));
  }
  if (ch.name !== undefined) {
    // A theme font (scheme) would override the name.
    drop.add("name").add("family").add("charset").add("scheme");
    add.push(node("name", [["val", ch.name]]));
  }
  const kept = base.children.filter((c) => FONT_CHILDREN.includes(c.name) && !drop.has(c.name));
  const all = [...kept, ...add];
  all.sort((a, b) => FONT_CHILDREN.indexOf(a.name) - FONT_CHILDREN.indexOf(b.name));
  return node("font", [], all);
}

function solidFill(color: string): Node {
  return node(
    "fill",
    [],
    [
      node(
        "patternFill",
        [["patternType", "solid"]],
        [node("fgColor", [["rgb", argb(color)]]), node("bgColor", [["indexed", "64"]])],
      ),
    ],
  );
}

function borderNode(b: NonNullable<CellStyle["border"]>): Node {
  const side = (name: string, s: BorderSide | undefined) =>
    s ? node(name, [["style", s.weight]], [node("color", [["rgb", argb(s.color)]])]) : node(name);
  return node(
    "border",
    [],
    [
      side("left", b.left),
      side("right", b.right),
      side("top", b.top),
      side("bottom", b.bottom),
      node("diagonal"),
    ],
  );
}

function alignmentNode(a: NonNullable<CellStyle["alignment"]>, base?: Map<string, string>): Node | null {
  const m = base ?? new Map<string, string>();
  if (a.horizontal !== undefined) m.set("horizontal", a.horizontal);
  if (a.vertical !== undefined) m.set("vertical", a.vertical === "middle" ? "center" : a.vertical);
  if (a.wrapText !== undefined) {
    if (a.wrapText) m.set("wrapText", "1");
    else m.delete("wrapText");
  }
  if (a.indent !== undefined) {
    if (a.indent) m.set("indent", String(a.indent));
    else m.delete("indent");
  }
  if (m.size === 0) return null;
  const order = ["horizontal", "vertical", "textRotation", "wrapText", "indent"];
  const attrs = [...m].sort((x, y) => rank(order, x[0]) - rank(order, y[0]));
  return node("alignment", attrs);
}

function rank(order: string[], k: string): number {
  const i = order.indexOf(k);
  return i < 0 ? order.length : i;
}
