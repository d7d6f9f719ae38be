// Reading an .xlsx package the way a checker needs it: every part's bytes, a small XML tree that keeps
// names and prefixes exactly as written, sheets by name, relationships, cells by address. Independent
// of exceljs and of the product's own zip and XML code, so it can judge them.
import JSZip from "jszip";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`XML: entità sconosciuta ${all}`);
    return v;
  });
}

/**
 * Parses well-formed XML without a DTD (what OOXML parts are). Comments and processing instructions
 * are dropped; CDATA becomes text. Throws on anything malformed.
 */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1];
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      const tail = xml.slice(i);
      if (tail.trim()) throw new Error("XML: testo dopo l'elemento radice");
      break;
    }
    if (lt > i) top().children.push(decode(xml.slice(i, lt)));
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) throw new Error("XML: commento non chiuso");
      i = end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) throw new Error("XML: CDATA non chiuso");
      top().children.push(xml.slice(lt + 9, end));
      i = end + 3;
    } else if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new Error("XML: istruzione non chiusa");
      i = end + 2;
    } else if (xml.startsWith("<!", lt)) {
      throw new Error("XML: DTD non attesa");
    } else if (xml[lt + 1] === "/") {
      const end = xml.indexOf(">", lt);
      if (end < 0) throw new Error("XML: tag di chiusura non chiuso");
      const name = xml.slice(lt + 2, end).trim();
      if (stack.length === 1) throw new Error(`XML: </${name}> senza apertura`);
      const open = stack.pop() as XmlElement;
      if (open.name !== name) throw new Error(`XML: </${name}> non corrisponde a <${open.name}>`);
      i = end + 1;
    } else {
      const m = /^<([^\s/>]+)/.exec(xml.slice(lt, lt + 300));
      if (!m) throw new Error(`XML: tag non valido a ${lt}`);
      const el: XmlElement = { name: m[1], attrs: {}, children: [] };
      let p = lt + m[0].length;
      const attr = /\s*([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')|\s*(\/?>)/y;
      for (;;) {
        attr.lastIndex = p;
        const a = attr.exec(xml);
        if (!a) throw new Error(`XML: attributo non valido in <${el.name}> a ${p}`);
        p = attr.lastIndex;
        if (a[5]) {
          top().children.push(el);
          if (a[5] === ">") stack.push(el);
          break;
        }
        if (a[1] in el.attrs) throw new Error(`XML: attributo ripetuto ${a[1]}`);
        el.attrs[a[1]] = decode(a[3] ?? a[4] ?? "");
      }
      i = p;
    }
  }
  if (stack.length !== 1) throw new Error(`XML: <${top().name}> non chiuso`);
  const elements = root.children.filter((c): c is XmlElement => typeof c !== "string");
  if (elements.length !== 1) throw new Error("XML: serve un solo elemento radice");
  return elements[0];
}

export const isElement = (n: XmlNode): n is XmlElement => typeof n !== "string";

export function elements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => isElement(c) && (name === undefined || c.name === name));
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return elements(el, name)[0];
}

/** Text content (concatenated descendants). */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * A canonical string of an element: attributes sorted, whitespace-only text between child elements
 * dropped (indentation), everything else kept. Two elements are "identical" when these are equal.
 */
export function canon(node: XmlNode, skipAttrs: readonly string[] = []): string {
  if (typeof node === "string") return escapeText(node);
  const attrs = Object.keys(node.attrs)
    .filter((k) => !skipAttrs.includes(k))
    .sort()
    .map((k) => ` ${k}="${escapeText(node.attrs[k])}"`)
    .join("");
  const hasElements = node.children.some(isElement);
  const inner = node.children
    .filter((c) => !(hasElements && typeof c === "string" && c.trim() === ""))
    .map((c) => canon(c))
    .join("");
  return `<${node.name}${attrs}>${inner}</${node.name}>`;
}

// ---------------------------------------------------------------------------------------------
// Packages
// ---------------------------------------------------------------------------------------------

export interface Relationship {
  id: string;
  type: string;
  target: string;
  targetMode?: string;
  /** Absolute part name (no leading slash) for internal targets. */
  part: string | null;
}

export interface SheetEntry {
  name: string;
  index: number;
  rid: string;
  part: string | null;
  element: XmlElement;
}

export class Package {
  private readonly xmlCache = new Map<string, XmlElement>();

  private constructor(readonly parts: Map<string, Buffer>) {}

  static async open(bytes: Uint8Array | Buffer): Promise<Package> {
    const zip = await JSZip.loadAsync(bytes);
    const parts = new Map<string, Buffer>();
    for (const f of Object.values(zip.files)) {
      if (!f.dir) parts.set(f.name, await f.async("nodebuffer"));
    }
    return new Package(parts);
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  text(name: string): string | null {
    const b = this.parts.get(name);
    return b ? b.toString("utf8").replace(/^\uFEFF/, "") : null;
  }

  xml(name: string): XmlElement | null {
    const cached = this.xmlCache.get(name);
    if (cached) return cached;
    const t = this.text(name);
    if (t === null) return null;
    const el = parseXml(t);
    this.xmlCache.set(name, el);
    return el;
  }

  /** Relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`); `""` = package rels. */
  rels(part: string): Relationship[] {
    const slash = part.lastIndexOf("/");
    const dir = slash < 0 ? "" : part.slice(0, slash + 1);
    const relsName = `${dir}_rels/${part.slice(slash + 1)}.rels`;
    const root = this.xml(relsName);
    if (!root) return [];
    return elements(root, "Relationship").map((r) => {
      const target = r.attrs.Target ?? "";
      const external = r.attrs.TargetMode === "External";
      return {
        id: r.attrs.Id,
        type: r.attrs.Type,
        target,
        targetMode: r.attrs.TargetMode,
        part: external ? null : resolvePartName(dir, target),
      };
    });
  }

  relsPartName(part: string): string {
    const slash = part.lastIndexOf("/");
    return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  }

  workbookPart(): string {
    const main = this.rels("").find((r) => r.type.endsWith("/officeDocument"));
    return main?.part ?? "xl/workbook.xml";
  }

  sheets(): SheetEntry[] {
    const wbPart = this.workbookPart();
    const wb = this.xml(wbPart);
    if (!wb) return [];
    const rels = this.rels(wbPart);
    const sheets = child(wb, "sheets");
    return (sheets ? elements(sheets, "sheet") : []).map((s, index) => {
      const rid = s.attrs["r:id"] ?? "";
      return {
        name: s.attrs.name,
        index,
        rid,
        part: rels.find((r) => r.id === rid)?.part ?? null,
        element: s,
      };
    });
  }

  sheet(name: string): SheetEntry | undefined {
    return this.sheets().find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sharedStrings(): string[] {
    return this.sharedStringItems().map(stringItemText);
  }

  /** The `<si>` items of the shared-string table (text runs and their formatting). */
  sharedStringItems(): XmlElement[] {
    const rel = this.rels(this.workbookPart()).find((r) => r.type.endsWith("/sharedStrings"));
    const root = rel?.part ? this.xml(rel.part) : null;
    return root ? elements(root, "si") : [];
  }

  /** Tables (part name and parsed root) of a sheet part. */
  tables(sheetPart: string): { part: string; root: XmlElement }[] {
    return this.rels(sheetPart)
      .filter((r) => r.type.endsWith("/table") && r.part)
      .map((r) => ({ part: r.part as string, root: this.xml(r.part as string) as XmlElement }))
      .filter((t) => t.root);
  }
}

/** `xl/` + `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; handles `../` and absolute `/xl/…`. */
export function resolvePartName(dir: string, target: string): string {
  const raw = target.startsWith("/") ? target.slice(1) : dir + target;
  const out: string[] = [];
  for (const seg of raw.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** Text of a shared-string item or inline string: `<t>` runs, phonetic runs excluded. */
export function stringItemText(si: XmlElement): string {
  let s = "";
  for (const c of elements(si)) {
    if (c.name === "t") s += textOf(c);
    else if (c.name === "r") for (const t of elements(c, "t")) s += textOf(t);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function address(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

export function parseAddress(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a);
  return m ? { col: colNumber(m[1]), row: Number(m[2]) } : null;
}

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(ref: string): Box | null {
  const [a, b] = ref.split(":");
  const p = parseAddress(a);
  const q = b ? parseAddress(b) : p;
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export interface RowInfo {
  r: number;
  element: XmlElement;
  cells: Map<number, XmlElement>;
}

/**
 * Rows of a worksheet by number, each with its cells by column. Rows and cells without `r` take the
 * next position after the previous one, as Excel reads them.
 */
export function sheetRows(sheet: XmlElement): Map<number, RowInfo> {
  const rows = new Map<number, RowInfo>();
  const data = child(sheet, "sheetData");
  if (!data) return rows;
  let r = 0;
  for (const row of elements(data, "row")) {
    r = row.attrs.r ? Number(row.attrs.r) : r + 1;
    const cells = new Map<number, XmlElement>();
    let c = 0;
    for (const cell of elements(row, "c")) {
      const p = cell.attrs.r ? parseAddress(cell.attrs.r) : null;
      c = p ? p.col : c + 1;
      cells.set(c, cell);
    }
    rows.set(r, { r, element: row, cells });
  }
  return rows;
}

export type CellValue = number | string | boolean | { error: string } | null;

export interface CellInfo {
  value: CellValue;
  formula: string | null;
  /** The cell has a `<v>` (a cached value or a constant). */
  hasValue: boolean;
  style: number;
}

/** Value of a cell as a spreadsheet shows it (shared strings resolved). */
export function cellInfo(cell: XmlElement, shared: string[]): CellInfo {
  const t = cell.attrs.t ?? "n";
  const f = child(cell, "f");
  const v = child(cell, "v");
  const is = child(cell, "is");
  const style = Number(cell.attrs.s ?? 0);
  const formula = f ? textOf(f) || (f.attrs.t === "shared" ? `(condivisa ${f.attrs.si})` : "") : null;
  let value: CellValue = null;
  const raw = v ? textOf(v) : null;
  if (t === "inlineStr") value = is ? stringItemText(is) : "";
  else if (raw === null) value = null;
  else if (t === "s") value = shared[Number(raw)] ?? null;
  else if (t === "str") value = raw;
  else if (t === "b") value = raw === "1" || raw === "true";
  else if (t === "e") value = { error: raw };
  else if (t === "d") value = raw;
  else value = raw.trim() === "" ? null : Number(raw);
  return { value, formula, hasValue: !!v || t === "inlineStr", style };
}

/** A cell that shows nothing and computes nothing (it may still carry a style). */
export function isBlankCell(cell: XmlElement | undefined): boolean {
  if (!cell) return true;
  return !child(cell, "v") && !child(cell, "f") && !child(cell, "is");
}

/** Every cell of every sheet, by sheet name then A1 address (used by tests that compare values). */
export function readAllCells(pkg: Package): Map<string, Map<string, CellInfo>> {
  const shared = pkg.sharedStrings();
  const out = new Map<string, Map<string, CellInfo>>();
  for (const s of pkg.sheets()) {
    const root = s.part ? pkg.xml(s.part) : null;
    const cells = new Map<string, CellInfo>();
    if (root) {
      for (const row of sheetRows(root).values()) {
        for (const [c, cell] of row.cells) cells.set(address(row.r, c), cellInfo(cell, shared));
      }
    }
    out.set(s.name, cells);
  }
  return out;
}
