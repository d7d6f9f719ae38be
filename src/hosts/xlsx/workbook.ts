// xl/workbook.xml: the sheets (name, part, order), the defined names with their scope, the date system.
// Names the add-in does not own are never rewritten: edits splice single <definedName> elements.
import { CONTENT_TYPES, REL_TYPES, insertBeforeClose, type XlsxPackage } from "./package";
import {
  attribute,
  decodeXml,
  escapeAttr,
  escapeFormulaText,
  findElement,
  findElements,
  innerOf,
  splice,
} from "./xml";

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** Worksheet part, e.g. `xl/worksheets/sheet1.xml` ("" for chartsheets and dialog sheets). */
  path: string;
  /** `worksheet` for cell sheets; chartsheets and others cannot hold tables or cells. */
  kind: string;
  hidden: boolean;
}

export interface DefinedName {
  name: string;
  /** Index of the sheet the name belongs to, or null for a workbook name. */
  localSheetId: number | null;
  text: string;
}

export interface WorkbookInfo {
  /** Path of the workbook part (normally `xl/workbook.xml`). */
  path: string;
  sheets: SheetEntry[];
  names: DefinedName[];
  date1904: boolean;
}

export async function workbookPath(pkg: XlsxPackage): Promise<string | null> {
  const rel = await pkg.relationshipOfKind("", "officeDocument");
  if (rel && pkg.has(rel.path)) return rel.path;
  return pkg.has("xl/workbook.xml") ? "xl/workbook.xml" : null;
}

export async function readWorkbookInfo(pkg: XlsxPackage, path: string): Promise<WorkbookInfo> {
  const xml = (await pkg.text(path)) ?? "";
  const rels = await pkg.relationships(path);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheetsEl = findElement(xml, "sheets");
  const sheets: SheetEntry[] = (
    sheetsEl ? findElements(xml, "sheet", sheetsEl.innerStart, sheetsEl.innerEnd) : []
  ).map((el) => {
    const relId = relIdOf(el.tag) ?? "";
    const rel = byId.get(relId);
    const kind = rel ? rel.type.slice(rel.type.lastIndexOf("/") + 1) : "";
    return {
      name: attribute(el.tag, "name") ?? "",
      sheetId: Number(attribute(el.tag, "sheetId") ?? 0),
      relId,
      path: rel && !rel.external ? rel.path : "",
      kind,
      hidden: (attribute(el.tag, "state") ?? "visible") !== "visible",
    };
  });
  const wbPr = findElement(xml, "workbookPr");
  const d1904 = wbPr ? (attribute(wbPr.tag, "date1904") ?? "") : "";
  return {
    path,
    sheets,
    names: parseDefinedNames(xml),
    date1904: d1904 === "1" || d1904.toLowerCase() === "true",
  };
}

/** `r:id` whatever the prefix of the relationships namespace. */
function relIdOf(tag: string): string | null {
  const m = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag) ?? /\sid\s*=\s*"([^"]*)"/.exec(tag);
  return m ? decodeXml(m[1]) : null;
}

export function parseDefinedNames(xml: string): DefinedName[] {
  const block = findElement(xml, "definedNames");
  if (!block) return [];
  return findElements(xml, "definedName", block.innerStart, block.innerEnd).map((el) => {
    const local = attribute(el.tag, "localSheetId");
    return {
      name: attribute(el.tag, "name") ?? "",
      localSheetId: local === null ? null : Number(local),
      text: decodeXml(innerOf(xml, el)),
    };
  });
}

export interface NameEdit {
  name: string;
  /** Sheet index for a sheet name (print area), null for a workbook name. */
  localSheetId: number | null;
  /** Formula text without "=". Null removes the name. */
  text: string | null;
}

/**
 * Sets names with exactly this name and scope (case-insensitive, as Excel compares names), leaving
 * every other definedName element as it is, byte for byte.
 */
export function applyNameEdits(xml: string, edits: NameEdit[]): string {
  if (edits.length === 0) return xml;
  let block = findElement(xml, "definedNames");
  if (block?.selfClosing) {
    // `<definedNames/>` (openpyxl): opened up so names can go inside.
    const open = block.tag.slice(0, -2).trimEnd() + ">";
    xml = xml.slice(0, block.start) + open + `</${block.prefix}definedNames>` + xml.slice(block.end);
    block = findElement(xml, "definedNames");
  }
  if (!block) {
    // CT_Workbook order: … sheets, functionGroups, externalReferences, definedNames, calcPr …
    const after =
      findElement(xml, "externalReferences") ??
      findElement(xml, "functionGroups") ??
      findElement(xml, "sheets");
    if (!after) throw new Error("workbook.xml: <sheets> not found");
    const prefix = after.prefix;
    xml = xml.slice(0, after.end) + `<${prefix}definedNames></${prefix}definedNames>` + xml.slice(after.end);
    block = findElement(xml, "definedNames") as NonNullable<typeof block>;
  }
  const existing = findElements(xml, "definedName", block.innerStart, block.innerEnd);
  const splices: { start: number; end: number; text: string }[] = [];
  const added: string[] = [];
  const prefix = block.prefix;
  for (const e of edits) {
    const el = existing.find(
      (x) =>
        (attribute(x.tag, "name") ?? "").toLowerCase() === e.name.toLowerCase() &&
        (attribute(x.tag, "localSheetId") ?? null) ===
          (e.localSheetId === null ? null : String(e.localSheetId)),
    );
    const local = e.localSheetId === null ? "" : ` localSheetId="${e.localSheetId}"`;
    const text =
      e.text === null
        ? ""
        : `<${prefix}definedName name="${escapeAttr(e.name)}"${local}>${escapeFormulaText(e.text)}</${prefix}definedName>`;
    if (el) splices.push({ start: el.start, end: el.end, text });
    else if (text) added.push(text);
  }
  let out = splice(xml, splices);
  if (added.length > 0) {
    // After the existing names (Excel sorts them when it saves; any order is valid on load).
    const b = findElement(out, "definedNames") as NonNullable<typeof block>;
    out = out.slice(0, b.innerEnd) + added.join("") + out.slice(b.innerEnd);
  }
  // An empty <definedNames/> is invalid: drop it.
  const after = findElement(out, "definedNames");
  if (
    after &&
    !after.selfClosing &&
    findElements(out, "definedName", after.innerStart, after.innerEnd).length === 0
  ) {
    out = out.slice(0, after.start) + out.slice(after.end);
  }
  return out;
}

/** Appends a worksheet part to the workbook (last position); returns its sheet index. */
export async function addSheet(
  pkg: XlsxPackage,
  info: WorkbookInfo,
  name: string,
  partPath: string,
): Promise<number> {
  const relId = await pkg.addRelationship(info.path, REL_TYPES.worksheet, partPath);
  await pkg.setContentType(partPath, CONTENT_TYPES.worksheet);
  const xml = (await pkg.text(info.path)) as string;
  const sheetId = Math.max(0, ...info.sheets.map((s) => s.sheetId)) + 1;
  const sheetsEl = findElement(xml, "sheets");
  const prefix = sheetsEl?.prefix ?? "";
  const el = `<${prefix}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${relIdAttribute(xml, "workbook", relId)}/>`;
  pkg.setText(info.path, insertBeforeClose(xml, "sheets", el));
  info.sheets.push({ name, sheetId, relId, path: partPath, kind: "worksheet", hidden: false });
  return info.sheets.length - 1;
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_NS_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";

/**
 * `r:id="rId7"` for a new element: with the prefix the root element binds to the relationships
 * namespace, or with its own declaration (openpyxl declares it on each element, not on the root).
 */
export function relIdAttribute(xml: string, rootLocal: string, relId: string): string {
  const root = findElement(xml, rootLocal);
  const tag = root?.tag ?? "";
  for (const ns of [REL_NS, REL_NS_STRICT]) {
    const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*"${ns.replace(/[./]/g, "\\$&")}"`).exec(tag);
    if (m) return `${m[1]}:id="${relId}"`;
  }
  return `xmlns:r="${REL_NS}" r:id="${relId}"`;
}
