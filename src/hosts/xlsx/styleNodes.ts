// The entries of styles.xml as small element trees (fonts, fills, borders, alignment), built from the
// domain's styles or derived from existing entries, with the comparison key that lets an equal entry
// be reused instead of appended.
import type { BorderSide, CellStyle } from "../../domain/model/sheet";
import { escapeAttr, type XmlNode } from "./xml";

/** A small element model for entries we build or derive (local names; written with the part's prefix). */
export interface Node {
  name: string;
  attrs: [string, string][];
  children: Node[];
}

export const node = (name: string, attrs: [string, string][] = [], children: Node[] = []): Node => ({
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

export const DEFAULT_FONT: CellStyle["font"] = { name: "Calibri", size: 11 };

export function nodeAttr(n: Node, name: string): string | undefined {
  for (const [k, v] of n.attrs) if (k === name) return v;
  return undefined;
}

export function toNode(el: XmlNode): Node {
  return { name: el.local, attrs: el.attrs, children: el.children.map(toNode) };
}

export function serialize(n: Node, prefix: string): string {
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
export function canon(n: Node): string {
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

export function fontNode(f: CellStyle["font"]): Node {
  const children: Node[] = [];
  if (f.bold) children.push(node("b"));
  if (f.italic) children.push(node("i"));
  if (f.underline) children.push(node("u"));
  children.push(node("sz", [["val", String(f.size)]]));
  if (f.color) children.push(node("color", [["rgb", argb(f.color)]]));
  children.push(node("name", [["val", f.name]]));
  return node("font", [], children);
}

export function changeFont(base: Node, ch: FontChanges): Node {
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

export function solidFill(color: string): Node {
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

export function borderNode(b: NonNullable<CellStyle["border"]>): Node {
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

export function alignmentNode(
  a: NonNullable<CellStyle["alignment"]>,
  base?: Map<string, string>,
): Node | null {
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
