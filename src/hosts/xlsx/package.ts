// The .xlsx package (a zip of XML parts) as the file host sees it: parts read as text when needed,
// changed parts replaced, every other part written back exactly as it came (JSZip reuses its bytes).
import JSZip from "jszip";
import { attribute, decodeXml, escapeAttr, findElement, findElements, innerOf, splice } from "./xml";

const CT_PATH = "[Content_Types].xml";
export const REL_TYPES = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
} as const;
/** Strict Open XML (ISO 29500 strict) uses other relationship namespaces with the same last segment. */
function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

export const CONTENT_TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** Resolved part path inside the package (no leading "/"), for internal targets. */
  path: string;
}

/** Package-relative path of a relationship target seen from the part `source`. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = source.includes("/") ? source.slice(0, source.lastIndexOf("/")).split("/") : [];
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A target written relative to the folder of `source` (as Excel writes them). */
function relativeTarget(source: string, path: string): string {
  const from = source.split("/").slice(0, -1);
  const to = path.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export class XlsxPackage {
  /** Texts of parts read or changed in this session (changed ones are marked in `dirty`). */
  private readonly texts = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private readonly removed = new Set<string>();

  private constructor(private readonly zip: JSZip) {}

  static async open(bytes: Uint8Array): Promise<XlsxPackage> {
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
    return new XlsxPackage(zip);
  }

  static fromZip(zip: JSZip): XlsxPackage {
    return new XlsxPackage(zip);
  }

  has(path: string): boolean {
    if (this.removed.has(path)) return false;
    return this.texts.has(path) || this.zip.file(path) !== null;
  }

  /** Part names as stored (case-sensitive), without removed ones. */
  paths(): string[] {
    const out = new Set<string>();
    this.zip.forEach((p, f) => {
      if (!f.dir && !this.removed.has(p)) out.add(p);
    });
    for (const p of this.dirty) if (!this.removed.has(p)) out.add(p);
    return [...out];
  }

  /** A part's text, or null when absent. OPC part names are case-insensitive: a loose match is tried. */
  async text(path: string): Promise<string | null> {
    const cached = this.texts.get(path);
    if (cached !== undefined) return cached;
    if (this.removed.has(path)) return null;
    let file = this.zip.file(path);
    if (!file) {
      const lower = path.toLowerCase();
      const found = Object.keys(this.zip.files).find((p) => p.toLowerCase() === lower);
      file = found ? this.zip.file(found) : null;
    }
    if (!file) return null;
    const bytes = await file.async("uint8array");
    const text = decodeUtf(bytes);
    this.texts.set(path, text);
    return text;
  }

  setText(path: string, text: string): void {
    this.texts.set(path, text);
    this.dirty.add(path);
    this.removed.delete(path);
  }

  /** A part written as bytes (generated sheets too big for one string); not readable as text afterwards. */
  setBytes(path: string, bytes: Uint8Array): void {
    this.texts.delete(path);
    this.dirty.delete(path);
    this.removed.delete(path);
    this.zip.file(path, bytes);
  }

  remove(path: string): void {
    this.removed.add(path);
    this.texts.delete(path);
    this.dirty.delete(path);
  }

  async toBytes(): Promise<Uint8Array> {
    for (const p of this.removed) this.zip.remove(p);
    for (const p of this.dirty) this.zip.file(p, this.texts.get(p) as string);
    this.dirty.clear();
    this.removed.clear();
    return this.zip.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      compressionOptions: { level: 6 },
    });
  }

  // --------------------------------------------------------------------------------------------
  // Relationships and content types
  // --------------------------------------------------------------------------------------------

  async relationships(part: string): Promise<Relationship[]> {
    const xml = await this.text(relsPathOf(part));
    if (!xml) return [];
    return findElements(xml, "Relationship").map((el) => {
      const target = attribute(el.tag, "Target") ?? "";
      const external = (attribute(el.tag, "TargetMode") ?? "").toLowerCase() === "external";
      return {
        id: attribute(el.tag, "Id") ?? "",
        type: attribute(el.tag, "Type") ?? "",
        target,
        external,
        path: external ? "" : resolveTarget(part, target),
      };
    });
  }

  async relationshipOfKind(part: string, kind: keyof typeof REL_TYPES): Promise<Relationship | null> {
    const rels = await this.relationships(part);
    return rels.find((r) => relKind(r.type) === relKind(REL_TYPES[kind])) ?? null;
  }

  /** Adds a relationship from `part` to the part `path`; returns its new Id. */
  async addRelationship(part: string, type: string, path: string): Promise<string> {
    const relsPath = relsPathOf(part);
    const xml =
      (await this.text(relsPath)) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const used = new Set(findElements(xml, "Relationship").map((el) => attribute(el.tag, "Id")));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const el = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(part, path))}"/>`;
    this.setText(relsPath, insertBeforeClose(xml, "Relationships", el));
    return id;
  }

  async removeRelationship(part: string, id: string): Promise<void> {
    const relsPath = relsPathOf(part);
    const xml = await this.text(relsPath);
    if (!xml) return;
    const el = findElements(xml, "Relationship").find((e) => attribute(e.tag, "Id") === id);
    if (el) this.setText(relsPath, splice(xml, [{ start: el.start, end: el.end, text: "" }]));
  }

  /** Declares the content type of a new part (an Override), replacing any earlier one. */
  async setContentType(path: string, type: string): Promise<void> {
    const xml = (await this.text(CT_PATH)) ?? "";
    const name = "/" + path;
    const existing = findElements(xml, "Override").find(
      (e) => (attribute(e.tag, "PartName") ?? "").toLowerCase() === name.toLowerCase(),
    );
    const el = `<Override PartName="${escapeAttr(name)}" ContentType="${escapeAttr(type)}"/>`;
    if (existing) {
      if (attribute(existing.tag, "ContentType") === type) return;
      this.setText(CT_PATH, splice(xml, [{ start: existing.start, end: existing.end, text: el }]));
    } else this.setText(CT_PATH, insertBeforeClose(xml, "Types", el));
  }

  async removeContentType(path: string): Promise<void> {
    const xml = await this.text(CT_PATH);
    if (!xml) return;
    const name = "/" + path.toLowerCase();
    const el = findElements(xml, "Override").find(
      (e) => (attribute(e.tag, "PartName") ?? "").toLowerCase() === name,
    );
    if (el) this.setText(CT_PATH, splice(xml, [{ start: el.start, end: el.end, text: "" }]));
  }

  async contentTypeOf(path: string): Promise<string | null> {
    const xml = await this.text(CT_PATH);
    if (!xml) return null;
    const name = "/" + path.toLowerCase();
    const o = findElements(xml, "Override").find(
      (e) => (attribute(e.tag, "PartName") ?? "").toLowerCase() === name,
    );
    if (o) return attribute(o.tag, "ContentType");
    const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
    const d = findElements(xml, "Default").find(
      (e) => (attribute(e.tag, "Extension") ?? "").toLowerCase() === ext,
    );
    return d ? attribute(d.tag, "ContentType") : null;
  }

  /** A part name not used yet: `xl/worksheets/sheet7.xml`. */
  freePath(folder: string, stem: string, ext: string): string {
    const taken = new Set(this.paths().map((p) => p.toLowerCase()));
    for (let n = 1; ; n++) {
      const p = `${folder}/${stem}${n}.${ext}`;
      if (!taken.has(p.toLowerCase())) return p;
    }
  }
}

/** Inserts `text` just before the closing tag of the root element `local` (self-closing root expanded). */
export function insertBeforeClose(xml: string, local: string, text: string): string {
  const el = findElement(xml, local);
  if (!el) throw new Error(`package: <${local}> not found`);
  if (el.selfClosing) {
    const open = el.tag.slice(0, -2).trimEnd() + ">";
    return xml.slice(0, el.start) + open + text + `</${el.prefix}${local}>` + xml.slice(el.end);
  }
  return xml.slice(0, el.innerEnd) + text + xml.slice(el.innerEnd);
}

/** XML parts are UTF-8 (Excel, LibreOffice, openpyxl); a BOM or UTF-16 is honoured. */
function decodeUtf(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

export { decodeXml, innerOf };
