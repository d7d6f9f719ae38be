// Cell styles as Office.js formats, in bulk: each property value (font name, bold, fill colour, a
// border side…) is set once over all the cells that have it, as RangeAreas of stacked rectangles.
import { encodeRange } from "../../domain/model/raw";
import type { CellStyle, SheetDescription } from "../../domain/model/sheet";
import { utf8Length } from "../utf8";
import { ACTION_OVERHEAD, NAV_OVERHEAD, RANGE_OVERHEAD, type Batcher } from "./batch";

interface Run {
  row: number;
  c1: number;
  c2: number;
}

type PropKey =
  | "font.name"
  | "font.size"
  | "font.bold"
  | "font.italic"
  | "font.underline"
  | "font.color"
  | "fill"
  | "border.top"
  | "border.bottom"
  | "border.left"
  | "border.right"
  | "align.h"
  | "align.v"
  | "wrap"
  | "indent";

function styleProps(s: CellStyle): [PropKey, string | number | boolean][] {
  const out: [PropKey, string | number | boolean][] = [];
  out.push(["font.name", s.font.name], ["font.size", s.font.size]);
  if (s.font.bold) out.push(["font.bold", true]);
  if (s.font.italic) out.push(["font.italic", true]);
  if (s.font.underline) out.push(["font.underline", "Single"]);
  if (s.font.color) out.push(["font.color", `#${s.font.color.replace(/^#/, "").toUpperCase()}`]);
  if (s.fill) out.push(["fill", `#${s.fill.replace(/^#/, "").toUpperCase()}`]);
  for (const side of ["top", "bottom", "left", "right"] as const) {
    const b = s.border?.[side];
    if (b) out.push([`border.${side}`, `${b.weight}|#${b.color.replace(/^#/, "").toUpperCase()}`]);
  }
  const a = s.alignment;
  if (a?.horizontal) out.push(["align.h", { left: "Left", center: "Center", right: "Right" }[a.horizontal]]);
  if (a?.vertical) out.push(["align.v", { top: "Top", middle: "Center", bottom: "Bottom" }[a.vertical]]);
  if (a?.wrapText) out.push(["wrap", true]);
  if (a?.indent) out.push(["indent", a.indent]);
  return out;
}

/** Cells → A1 areas: row runs, then identical runs on consecutive rows stacked into rectangles. */
export function toAreas(cells: { row: number; col: number }[], stack: "rows" | "columns" | "none"): string[] {
  if (stack === "columns") {
    // Column runs (for left/right borders): transpose, run, transpose back.
    const t = toRects(
      cells.map((c) => ({ row: c.col, col: c.row })),
      false,
    );
    return t.map((r) => area(r.c1, r.r1, r.c2, r.r2));
  }
  return toRects(cells, stack === "rows").map((r) => area(r.r1, r.c1, r.r2, r.c2));
}

/** Rows and columns → an A1 area ("B3" or "B3:D9"). */
export function area(r1: number, c1: number, r2: number, c2: number): string {
  return encodeRange({ top: r1, left: c1, bottom: r2, right: c2 });
}

function toRects(cells: { row: number; col: number }[], stackRows: boolean) {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Run[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.c2 + 1 === c.col) last.c2 = c.col;
    else if (!(last && last.row === c.row && last.c2 >= c.col))
      runs.push({ row: c.row, c1: c.col, c2: c.col });
  }
  const rects: { r1: number; c1: number; r2: number; c2: number }[] = [];
  const open = new Map<string, { r1: number; c1: number; r2: number; c2: number }>();
  for (const run of runs) {
    const key = `${run.c1}:${run.c2}`;
    const o = stackRows ? open.get(key) : undefined;
    if (o && o.r2 + 1 === run.row) {
      o.r2 = run.row;
    } else {
      const rect = { r1: run.row, c1: run.c1, r2: run.row, c2: run.c2 };
      rects.push(rect);
      open.set(key, rect);
    }
  }
  return rects;
}

/** Joins areas into address lists short enough for one RangeAreas each. */
export function chunkAreas(areas: string[], maxChars = 4000): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of areas) {
    if (cur && cur.length + a.length + 1 > maxChars) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

type Value = string | number | boolean;
type Format = Excel.RangeFormat;

/** How each non-border property is set on a range's format. */
const SETTERS: Partial<Record<PropKey, (f: Format, v: Value) => void>> = {
  "font.name": (f, v) => void (f.font.name = String(v)),
  "font.size": (f, v) => void (f.font.size = Number(v)),
  "font.bold": (f, v) => void (f.font.bold = Boolean(v)),
  "font.italic": (f, v) => void (f.font.italic = Boolean(v)),
  "font.underline": (f, v) => void (f.font.underline = String(v) as Excel.RangeUnderlineStyle),
  "font.color": (f, v) => void (f.font.color = String(v)),
  fill: (f, v) => void (f.fill.color = String(v)),
  "align.h": (f, v) => void (f.horizontalAlignment = String(v) as Excel.HorizontalAlignment),
  "align.v": (f, v) => void (f.verticalAlignment = String(v) as Excel.VerticalAlignment),
  wrap: (f, v) => void (f.wrapText = Boolean(v)),
  indent: (f, v) => void (f.indentLevel = Number(v)),
};

function applyProp(target: Excel.RangeAreas, key: PropKey, value: Value): void {
  const f = target.format;
  const set = SETTERS[key];
  if (set) return set(f, value);
  const side = key.slice("border.".length);
  const edge = { top: "EdgeTop", bottom: "EdgeBottom", left: "EdgeLeft", right: "EdgeRight" }[
    side
  ] as Excel.BorderIndex;
  const [weight, color] = String(value).split("|");
  const border = f.borders.getItem(edge);
  border.style = "Continuous";
  border.weight = ({ thin: "Thin", medium: "Medium", thick: "Thick" } as Record<string, Excel.BorderWeight>)[
    weight
  ];
  border.color = color;
}

export async function applyStyles(
  b: Batcher,
  ws: () => Excel.Worksheet,
  desc: SheetDescription,
): Promise<void> {
  const groups = new Map<
    string,
    { key: PropKey; value: string | number | boolean; cells: { row: number; col: number }[] }
  >();
  const propsByStyle = new Map<string, [PropKey, string | number | boolean][]>();
  for (const cell of desc.cells) {
    if (cell.style === undefined) continue;
    let props = propsByStyle.get(cell.style);
    if (!props) {
      const s = desc.styles[cell.style];
      props = s ? styleProps(s) : [];
      propsByStyle.set(cell.style, props);
    }
    for (const [key, value] of props) {
      const id = `${key}=${value}`;
      let g = groups.get(id);
      if (!g) {
        g = { key, value, cells: [] };
        groups.set(id, g);
      }
      g.cells.push({ row: cell.row, col: cell.col });
    }
  }
  for (const g of groups.values()) {
    // A range's top edge is the top border of each cell of its first row only: keep borders per run.
    const stack =
      g.key === "border.top" || g.key === "border.bottom"
        ? "none"
        : g.key === "border.left" || g.key === "border.right"
          ? "columns"
          : "rows";
    // format → font/fill/borders → border item: one navigation each, then the property sets.
    const perChunk = g.key.startsWith("border.")
      ? 3 * NAV_OVERHEAD + 3 * ACTION_OVERHEAD
      : (g.key.startsWith("font.") || g.key === "fill" ? 2 : 1) * NAV_OVERHEAD + ACTION_OVERHEAD;
    for (const addresses of chunkAreas(toAreas(g.cells, stack))) {
      await b.reserve(RANGE_OVERHEAD + utf8Length(addresses) + perChunk);
      applyProp(ws().getRanges(addresses).untrack(), g.key, g.value);
    }
  }
}
