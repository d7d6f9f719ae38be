// xl/styles.xml patched in place: the add-in APPENDS fonts, fills, borders, number formats, cell
// formats and differential formats it needs, and every existing entry keeps its index and its exact
// text. Pure string work (no DOM, no zip), for Node and the browser.
import type { CellStyle } from "../../domain/model/sheet";
import { BUILTIN_BY_CODE, BUILTIN_FORMATS } from "./numberFormats";
import {
  DEFAULT_FONT,
  alignmentNode,
  argb,
  borderNode,
  canon,
  changeFont,
  fontNode,
  node,
  nodeAttr,
  serialize,
  solidFill,
  toNode,
  type FontChanges,
  type Node,
} from "./styleNodes";
import { MAIN_NS, MAIN_NS_STRICT, XML_DECLARATION, attr, parseXmlTree, type XmlNode } from "./xml";

export type { FontChanges };

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
  el: XmlNode | null;
  /** Existing entries (entry elements only, in order). */
  entries: XmlNode[];
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
    private readonly root: XmlNode,
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

function withCount(openTag: string, qname: string, count: string): string {
  const re = /(\s)count\s*=\s*("[^"]*"|'[^']*')/;
  if (re.test(openTag)) return openTag.replace(re, `$1count="${count}"`);
  return `<${qname} count="${count}"` + openTag.slice(qname.length + 1);
}
