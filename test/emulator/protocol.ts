// Excel's ProcessQuery protocol for the subset of the JavaScript API the adapter uses, applied to the
// in-memory workbook of ./model.ts. Anything not modelled throws `EmulatorNotImplemented`, so a test
// fails loudly instead of passing on a silent no-op. Wire names are PascalCase (see
// the Office.js wire format as the real library sends it); results are read back by the real library's `_handleResult`.
import {
  MAX_COLS,
  MAX_ROWS,
  areaAddress,
  cellKey,
  splitKey,
  contains,
  intersects,
  newSheet,
  parseArea,
  quoteSheet,
  splitSheet,
  usedRect,
  type BorderState,
  type Cell,
  type CellFormat,
  type CellValue,
  type ConditionalFormatState,
  type Rect,
  type SheetState,
  type TableState,
  type WorkbookState,
} from "./model";
import { chartMethod, chartNavigate, chartSet, isChartObj, type ChartObj } from "./charts";

export class EmulatorError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const notImplemented = (what: string) =>
  new EmulatorError("EmulatorNotImplemented", `Emulatore Excel: ${what} non è implementato.`);

type Side = "top" | "bottom" | "left" | "right";

type Obj =
  | { t: "Workbook" }
  | { t: "Application" }
  | { t: "WorksheetCollection" }
  | { t: "Worksheet"; sheet: SheetState }
  | { t: "WorksheetProtection"; sheet: SheetState }
  | { t: "Range"; sheet: SheetState; rect: Rect }
  | { t: "RangeAreas"; sheet: SheetState; rects: Rect[] }
  | { t: "RangeFormat"; sheet: SheetState; rects: Rect[] }
  | { t: "RangeFont"; sheet: SheetState; rects: Rect[] }
  | { t: "RangeFill"; sheet: SheetState; rects: Rect[] }
  | { t: "RangeBorderCollection"; sheet: SheetState; rects: Rect[] }
  | { t: "RangeBorder"; sheet: SheetState; rects: Rect[]; index: string }
  | { t: "TableCollection"; sheet: SheetState | null }
  | { t: "Table"; sheet: SheetState; table: TableState }
  | { t: "TableColumnCollection"; sheet: SheetState; table: TableState }
  | { t: "TableColumn"; sheet: SheetState; table: TableState; index: number }
  | { t: "NamedItemCollection" }
  | { t: "NamedItem"; name: string }
  | { t: "PageLayout"; sheet: SheetState }
  | { t: "HeaderFooterGroup"; sheet: SheetState }
  | { t: "HeaderFooter"; sheet: SheetState }
  | { t: "PageBreakCollection"; sheet: SheetState }
  | { t: "PageBreak"; sheet: SheetState; row: number }
  | { t: "FreezePanes"; sheet: SheetState }
  | { t: "ConditionalFormatCollection"; sheet: SheetState; rect: Rect }
  | { t: "ConditionalFormat"; sheet: SheetState; cf: ConditionalFormatState }
  | { t: "CFNode"; cf: ConditionalFormatState; path: string }
  | { t: "DataValidation"; sheet: SheetState; rect: Rect }
  | { t: "Functions" }
  | { t: "FunctionResult"; value: unknown; error: string | null }
  | ChartObj;

type Result = Obj | null;

/** What one request did, for tests that count syncs, bytes and actions. */
export interface RequestRecord {
  index: number;
  bytes: number;
  responseBytes: number;
  actions: number;
  /** e.g. "Range.Values=", "Worksheet.Delete()", "Range?" (query). */
  actionNames: string[];
  error?: string;
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
  ObjectState?: Record<string, unknown>;
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ProcessOutcome {
  response: Record<string, unknown>;
  actionNames: string[];
  error?: string;
}

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Runs one ProcessQuery request against the workbook. Actions before a failing one stay applied, as in Excel. */
export function processQuery(wb: WorkbookState, body: RequestBody): ProcessOutcome {
  const ctx = new RequestRun(wb, body.ObjectPaths ?? {});
  const results: { ActionId: number; Value: unknown }[] = [];
  const actionNames: string[] = [];
  const actions = body.Actions ?? [];
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i];
    try {
      const obj = ctx.resolve(a.ObjectPathId);
      const args = ctx.args(a.ArgumentInfo);
      switch (a.ActionType) {
        case 1:
          break;
        case 2:
        case 7:
          actionNames.push(`${typeName(obj)}?`);
          results.push({ ActionId: a.Id, Value: obj ? query(wb, obj, a.QueryInfo?.Select) : null });
          break;
        case 3:
          if (a.Name === "_KeepReference") break;
          actionNames.push(`${typeName(obj)}.${a.Name}()`);
          results.push({ ActionId: a.Id, Value: obj ? valueOf(ctx.callMethod(obj, a.Name, args)) : null });
          break;
        case 4:
          actionNames.push(`${typeName(obj)}.${a.Name}=`);
          if (obj) setProperty(wb, obj, a.Name, args[0]);
          break;
        case 9:
          actionNames.push(`${typeName(obj)}.update`);
          for (const [k, v] of Object.entries(a.ObjectState ?? {}))
            if (obj) setProperty(wb, obj, pascal(k), v);
          break;
        default:
          throw notImplemented(`ActionType ${a.ActionType}`);
      }
    } catch (e) {
      const err =
        e instanceof EmulatorError
          ? e
          : new EmulatorError("GeneralException", (e as Error).message ?? String(e));
      return {
        response: {
          Results: results,
          Error: { Code: err.code, Message: err.message, HttpStatusCode: 400, ActionIndex: i, Location: "" },
        },
        actionNames,
        error: err.code,
      };
    }
  }
  return { response: { Results: results }, actionNames };
}

function typeName(o: Result): string {
  return o ? o.t : "null";
}

function valueOf(r: unknown): unknown {
  return r && typeof r === "object" && "t" in (r as object) ? null : (r ?? null);
}

class RequestRun {
  private readonly memo = new Map<number, Result>();
  constructor(
    private readonly wb: WorkbookState,
    private readonly paths: Record<string, ObjectPathInfo>,
  ) {}

  resolve(id: number): Result {
    if (this.memo.has(id)) return this.memo.get(id) ?? null;
    const p = this.paths[String(id)];
    if (!p) throw new EmulatorError("InvalidObjectPath", `object path ${id} missing`);
    let r: Result;
    const args = this.args(p.ArgumentInfo);
    switch (p.ObjectPathType) {
      case 1:
        r = { t: "Workbook" };
        break;
      case 4: {
        const parent = this.resolve(p.ParentObjectPathId!);
        r = parent ? navigate(this.wb, parent, p.Name) : null;
        break;
      }
      case 3: {
        const parent = this.resolve(p.ParentObjectPathId!);
        const v = parent ? this.callMethod(parent, p.Name, args) : null;
        r = v && typeof v === "object" && "t" in (v as object) ? (v as Obj) : null;
        break;
      }
      case 5: {
        const parent = this.resolve(p.ParentObjectPathId!);
        r = parent ? indexer(this.wb, parent, String(args[0])) : null;
        break;
      }
      case 7:
        r = null;
        break;
      default:
        throw notImplemented(`ObjectPathType ${p.ObjectPathType}`);
    }
    this.memo.set(id, r);
    return r;
  }

  /** Arguments, with object-path references (e.g. the range of getBoundingRect) resolved. */
  args(info: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] } | undefined): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    const refs = info?.ReferencedObjectPathIds ?? [];
    refs.forEach((id, i) => {
      if (id && args[i] === id) args[i] = this.resolve(id);
    });
    return args;
  }

  callMethod(obj: Obj, name: string, args: unknown[]): unknown {
    return method(this.wb, obj, name, args);
  }
}

// ---------------------------------------------------------------------------------------------
// Lookups
// ---------------------------------------------------------------------------------------------

function sheetByName(wb: WorkbookState, key: string): SheetState | undefined {
  const k = key.toLowerCase();
  return wb.sheets.find((s) => s.name.toLowerCase() === k || s.id === key);
}

function allTables(wb: WorkbookState): { sheet: SheetState; table: TableState }[] {
  return wb.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
}

function tableByKey(wb: WorkbookState, sheet: SheetState | null, key: string) {
  const k = key.toLowerCase();
  return allTables(wb).find(
    (x) => (!sheet || x.sheet === sheet) && (x.table.name.toLowerCase() === k || x.table.id === key),
  );
}

function itemNotFound(what: string): EmulatorError {
  return new EmulatorError("ItemNotFound", `L'elemento richiesto (${what}) non esiste.`);
}

function checkWritable(sheet: SheetState) {
  // A protected sheet refuses changes to its cells and formats (Excel reports AccessDenied).
  if (sheet.protected) {
    throw new EmulatorError(
      "AccessDenied",
      "The cell or chart that you are trying to change is protected and therefore read-only.",
    );
  }
}

function rangeOn(sheet: SheetState, address: string | undefined): Obj {
  if (address === undefined || address === null || address === "") {
    return { t: "Range", sheet, rect: { r1: 1, c1: 1, r2: MAX_ROWS, c2: MAX_COLS } };
  }
  const { local } = splitSheet(address);
  if (local.includes(",") || local.includes(";")) throw notImplemented("getRange con più aree");
  return { t: "Range", sheet, rect: parseArea(local) };
}

function rangesOn(sheet: SheetState, address: string): Obj {
  const rects = address
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter((a) => a !== "")
    .map((a) => parseArea(splitSheet(a).local));
  return { t: "RangeAreas", sheet, rects };
}

function rectsOf(o: Obj): { sheet: SheetState; rects: Rect[] } {
  if (o.t === "Range") return { sheet: o.sheet, rects: [o.rect] };
  if (o.t === "RangeAreas") return { sheet: o.sheet, rects: o.rects };
  throw notImplemented(`${o.t} come intervallo`);
}

// ---------------------------------------------------------------------------------------------
// Navigation properties (ObjectPathType 4) and indexers (5)
// ---------------------------------------------------------------------------------------------

function navigate(wb: WorkbookState, o: Obj, name: string): Obj {
  if (o.t === "Worksheet" && name === "Charts") return { t: "ChartCollection", sheet: o.sheet };
  if (isChartObj(o)) {
    const c = chartNavigate(o, name);
    if (c) return c;
  }
  switch (o.t) {
    case "Workbook":
      if (name === "Worksheets") return { t: "WorksheetCollection" };
      if (name === "Tables") return { t: "TableCollection", sheet: null };
      if (name === "Names") return { t: "NamedItemCollection" };
      if (name === "Application") return { t: "Application" };
      if (name === "Functions") return { t: "Functions" };
      break;
    case "Worksheet":
      if (name === "Tables") return { t: "TableCollection", sheet: o.sheet };
      if (name === "PageLayout") return { t: "PageLayout", sheet: o.sheet };
      if (name === "HorizontalPageBreaks") return { t: "PageBreakCollection", sheet: o.sheet };
      if (name === "FreezePanes") return { t: "FreezePanes", sheet: o.sheet };
      if (name === "Protection") return { t: "WorksheetProtection", sheet: o.sheet };
      break;
    case "Range":
    case "RangeAreas": {
      const { sheet, rects } = rectsOf(o);
      if (name === "Format") return { t: "RangeFormat", sheet, rects };
      if (o.t === "Range" && name === "ConditionalFormats")
        return { t: "ConditionalFormatCollection", sheet, rect: o.rect };
      if (o.t === "Range" && name === "DataValidation") return { t: "DataValidation", sheet, rect: o.rect };
      if (o.t === "Range" && name === "Worksheet") return { t: "Worksheet", sheet };
      break;
    }
    case "RangeFormat":
      if (name === "Font") return { t: "RangeFont", sheet: o.sheet, rects: o.rects };
      if (name === "Fill") return { t: "RangeFill", sheet: o.sheet, rects: o.rects };
      if (name === "Borders") return { t: "RangeBorderCollection", sheet: o.sheet, rects: o.rects };
      break;
    case "Table":
      if (name === "Columns") return { t: "TableColumnCollection", sheet: o.sheet, table: o.table };
      if (name === "Worksheet") return { t: "Worksheet", sheet: o.sheet };
      break;
    case "PageLayout":
      if (name === "HeadersFooters") return { t: "HeaderFooterGroup", sheet: o.sheet };
      break;
    case "HeaderFooterGroup":
      if (name === "DefaultForAllPages") return { t: "HeaderFooter", sheet: o.sheet };
      break;
    case "ConditionalFormat":
    case "CFNode": {
      const cf = o.cf;
      const base = o.t === "CFNode" ? `${o.path}.` : "";
      const allowed = [
        "DataBar",
        "Custom",
        "Rule",
        "Format",
        "Fill",
        "Font",
        "PositiveFormat",
        "NegativeFormat",
      ];
      if (allowed.includes(name)) return { t: "CFNode", cf, path: base + name };
      break;
    }
  }
  throw notImplemented(`${o.t}.${name}`);
}

function indexer(wb: WorkbookState, o: Obj, key: string): Obj {
  switch (o.t) {
    case "WorksheetCollection": {
      const s = sheetByName(wb, key);
      if (!s) throw itemNotFound(`foglio ${key}`);
      return { t: "Worksheet", sheet: s };
    }
    case "TableCollection": {
      const x = tableByKey(wb, o.sheet, key);
      if (!x) throw itemNotFound(`tabella ${key}`);
      return { t: "Table", sheet: x.sheet, table: x.table };
    }
    case "NamedItemCollection":
      if (!wb.names.has(key.toLowerCase())) throw itemNotFound(`nome ${key}`);
      return { t: "NamedItem", name: key.toLowerCase() };
    case "RangeBorderCollection":
      return { t: "RangeBorder", sheet: o.sheet, rects: o.rects, index: key };
    case "TableColumnCollection": {
      const idx = tableColumnIndex(o.sheet, o.table, key);
      if (idx < 0) throw itemNotFound(`colonna ${key}`);
      return { t: "TableColumn", sheet: o.sheet, table: o.table, index: idx };
    }
  }
  throw notImplemented(`${o.t}[${key}]`);
}

function tableColumnIndex(sheet: SheetState, t: TableState, key: string): number {
  const names = tableHeaders(sheet, t);
  const i = names.findIndex((n) => n.toLowerCase() === key.toLowerCase());
  if (i >= 0) return i;
  const n = Number(key);
  return Number.isInteger(n) && n >= 1 && n <= names.length ? n - 1 : -1;
}

function tableHeaders(sheet: SheetState, t: TableState): string[] {
  const out: string[] = [];
  for (let c = t.rect.c1; c <= t.rect.c2; c++) {
    const v = sheet.cells.get(cellKey(t.rect.r1, c))?.value;
    out.push(v === null || v === undefined ? "" : String(v));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Methods (ObjectPathType 3 and ActionType 3)
// ---------------------------------------------------------------------------------------------

function validSheetName(wb: WorkbookState, name: string, except?: SheetState) {
  if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new EmulatorError("InvalidArgument", `Nome di foglio non valido: ${name}`);
  }
  const other = sheetByName(wb, name);
  if (other && other !== except)
    throw new EmulatorError("ItemAlreadyExists", `Il foglio ${name} esiste già.`);
}

function method(wb: WorkbookState, o: Obj, name: string, args: unknown[]): unknown {
  if (isChartObj(o)) {
    const r = chartMethod(o, name, args);
    if (r !== undefined) return r;
  }
  switch (o.t) {
    case "WorksheetCollection":
      if (name === "Add") {
        let n = args[0] as string | undefined;
        if (n === undefined || n === null) {
          let i = wb.sheets.length + 1;
          while (sheetByName(wb, `Sheet${i}`)) i++;
          n = `Sheet${i}`;
        }
        validSheetName(wb, n);
        const s = newSheet(wb, n);
        wb.sheets.push(s);
        return { t: "Worksheet", sheet: s };
      }
      if (name === "GetItem") return indexer(wb, o, String(args[0]));
      if (name === "GetItemOrNullObject") {
        // A missing item is a null object, not an error (its load answers null, isNullObject is true):
        // https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
        const s = sheetByName(wb, String(args[0]));
        return s ? { t: "Worksheet", sheet: s } : null;
      }
      if (name === "GetActiveWorksheet") {
        const s = wb.sheets.find((x) => x.id === wb.activeSheetId) ?? wb.sheets[0];
        return { t: "Worksheet", sheet: s };
      }
      break;
    case "Workbook":
      if (name === "GetSelectedRange") {
        if (!wb.selection) throw itemNotFound("selezione");
        const s = wb.sheets.find((x) => x.id === wb.selection!.sheetId);
        if (!s) throw itemNotFound("selezione");
        return { t: "Range", sheet: s, rect: wb.selection.rect };
      }
      break;
    case "Application":
      if (name === "SuspendApiCalculationUntilNextSync" || name === "SuspendScreenUpdatingUntilNextSync")
        return null;
      break;
    case "Functions":
      // Only DATE: hosts use it to learn the workbook's date system (the serial of a date differs).
      if (name === "Date") {
        const [y, m, d] = args.map(Number);
        const serial = Date.UTC(y, m - 1, d) / 86400000 + 25569 - (wb.date1904 ? 1462 : 0);
        return { t: "FunctionResult", value: serial, error: null };
      }
      break;
    case "Worksheet": {
      const sheet = o.sheet;
      if (name === "GetRange") return rangeOn(sheet, args[0] as string | undefined);
      if (name === "GetRanges") return rangesOn(sheet, String(args[0]));
      if (name === "GetCell")
        return { t: "Range", sheet, rect: rect1(Number(args[0]) + 1, Number(args[1]) + 1) };
      if (name === "GetUsedRange" || name === "GetUsedRangeOrNullObject") {
        const r = usedRect(sheet, Boolean(args[0]));
        if (!r) {
          if (name === "GetUsedRangeOrNullObject") return null;
          return { t: "Range", sheet, rect: rect1(1, 1) };
        }
        return { t: "Range", sheet, rect: r };
      }
      if (name === "Delete") {
        if (
          wb.sheets.filter((s) => s.visibility === "Visible").length <= 1 &&
          sheet.visibility === "Visible"
        ) {
          throw new EmulatorError(
            "InvalidOperation",
            "Una cartella deve contenere almeno un foglio visibile.",
          );
        }
        wb.sheets = wb.sheets.filter((s) => s !== sheet);
        // References to a deleted sheet become #REF! (in names and formulas), as in Excel.
        renameReferences(wb, sheet.name, "#REF!", true);
        if (wb.activeSheetId === sheet.id) wb.activeSheetId = wb.sheets[0]?.id ?? null;
        if (wb.selection?.sheetId === sheet.id) wb.selection = null;
        return null;
      }
      if (name === "Activate") {
        wb.activeSheetId = sheet.id;
        return null;
      }
      break;
    }
    case "Range":
    case "RangeAreas": {
      const { sheet, rects } = rectsOf(o);
      if (name === "Merge") {
        checkWritable(sheet);
        for (const r of rects) merge(sheet, r, Boolean(args[0]));
        return null;
      }
      if (name === "Unmerge") {
        checkWritable(sheet);
        for (const r of rects) sheet.merges = sheet.merges.filter((m) => !intersects(m, r));
        return null;
      }
      if (name === "Clear") {
        checkWritable(sheet);
        for (const r of rects) clear(sheet, r, (args[0] as string | undefined) ?? "All");
        return null;
      }
      if (name === "Select" && o.t === "Range") {
        wb.activeSheetId = sheet.id;
        wb.selection = { sheetId: sheet.id, rect: o.rect };
        return null;
      }
      // Big arrays: the library (setRangePropertiesInBulk in excel-web-16.00.debug.js) checks the size,
      // then sets 1,500-cell chunks on range.getRow(i).getBoundingRect(range.getRow(j)).
      if (o.t === "Range" && name === "_ValidateArraySize") {
        // The library splits big arrays into 1,500-cell chunks and first asks Excel to check the size.
        const rows = o.rect.r2 - o.rect.r1 + 1;
        const cols = o.rect.c2 - o.rect.c1 + 1;
        if (rows !== Number(args[0]) || cols !== Number(args[1])) {
          throw new EmulatorError(
            "InvalidArgument",
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
          );
        }
        return null;
      }
      if (o.t === "Range" && name === "GetRow") {
        const r = o.rect.r1 + Number(args[0]);
        if (r > o.rect.r2) throw new EmulatorError("InvalidArgument", "GetRow fuori dall'intervallo");
        return { t: "Range", sheet, rect: { ...o.rect, r1: r, r2: r } };
      }
      if (o.t === "Range" && name === "GetBoundingRect") {
        const other = args[0] as Obj;
        if (!other || other.t !== "Range" || other.sheet !== sheet)
          throw notImplemented("GetBoundingRect con un indirizzo");
        return {
          t: "Range",
          sheet,
          rect: {
            r1: Math.min(o.rect.r1, other.rect.r1),
            c1: Math.min(o.rect.c1, other.rect.c1),
            r2: Math.max(o.rect.r2, other.rect.r2),
            c2: Math.max(o.rect.c2, other.rect.c2),
          },
        };
      }
      // The merged areas touching the range (ExcelApi 1.13), or a null object when there are none.
      if (name === "GetMergedAreasOrNullObject" && o.t === "Range") {
        const found = sheet.merges.filter((m) => intersects(m, o.rect));
        return found.length > 0 ? { t: "RangeAreas", sheet, rects: found.map((m) => ({ ...m })) } : null;
      }
      // Formats only, from a range of the same shape (what the adapter copies: a header cell's look).
      if (name === "CopyFrom" && o.t === "Range") {
        checkWritable(sheet);
        const src = args[0] as Obj;
        if (!src || src.t !== "Range") throw notImplemented("copyFrom da un indirizzo");
        if (args[1] !== "Formats") throw notImplemented(`copyFrom ${String(args[1])}`);
        const rows = o.rect.r2 - o.rect.r1;
        const cols = o.rect.c2 - o.rect.c1;
        if (src.rect.r2 - src.rect.r1 !== rows || src.rect.c2 - src.rect.c1 !== cols)
          throw notImplemented("copyFrom tra intervalli di forma diversa");
        for (let i = 0; i <= rows; i++) {
          for (let j = 0; j <= cols; j++) {
            const from = src.sheet.cells.get(cellKey(src.rect.r1 + i, src.rect.c1 + j));
            const to = getCell(sheet, o.rect.r1 + i, o.rect.c1 + j);
            to.format = copyFormat(from?.format);
            if (from?.numberFormat !== undefined) to.numberFormat = from.numberFormat;
            else delete to.numberFormat;
          }
        }
        return null;
      }
      if (name === "SetCellProperties" && o.t === "Range") {
        checkWritable(sheet);
        setCellProperties(sheet, o.rect, args[0] as unknown[][]);
        return null;
      }
      break;
    }
    case "RangeBorderCollection":
      if (name === "GetItem") return indexer(wb, o, String(args[0]));
      break;
    case "TableCollection":
      if (name === "Add") return addTable(wb, o.sheet, String(args[0]), Boolean(args[1]));
      if (name === "GetItem") return indexer(wb, o, String(args[0]));
      if (name === "GetItemOrNullObject") {
        const x = tableByKey(wb, o.sheet, String(args[0]));
        return x ? { t: "Table", sheet: x.sheet, table: x.table } : null;
      }
      break;
    case "Table": {
      const { sheet, table } = o;
      const r = table.rect;
      if (name === "GetRange") return { t: "Range", sheet, rect: { ...r } };
      if (name === "GetHeaderRowRange") return { t: "Range", sheet, rect: { ...r, r2: r.r1 } };
      if (name === "GetDataBodyRange") return { t: "Range", sheet, rect: { ...r, r1: r.r1 + 1 } };
      if (name === "Delete") {
        checkWritable(sheet);
        sheet.tables = sheet.tables.filter((x) => x !== table);
        return null;
      }
      break;
    }
    case "TableColumnCollection":
      if (name === "Add") return addTableColumn(o.sheet, o.table, args);
      if (name === "GetItem") return indexer(wb, o, String(args[0]));
      if (name === "GetItemOrNullObject") {
        const idx = tableColumnIndex(o.sheet, o.table, String(args[0]));
        return idx < 0 ? null : { t: "TableColumn", sheet: o.sheet, table: o.table, index: idx };
      }
      break;
    case "NamedItemCollection":
      if (name === "Add") {
        const n = String(args[0]);
        if (
          wb.names.has(n.toLowerCase()) ||
          allTables(wb).some((x) => x.table.name.toLowerCase() === n.toLowerCase())
        ) {
          throw new EmulatorError("ItemAlreadyExists", `Il nome ${n} esiste già.`);
        }
        wb.names.set(n.toLowerCase(), { name: n, formula: refersTo(args[1]) });
        return { t: "NamedItem", name: n.toLowerCase() };
      }
      if (name === "GetItem") return indexer(wb, o, String(args[0]));
      if (name === "GetItemOrNullObject") {
        const k = String(args[0]).toLowerCase();
        return wb.names.has(k) ? { t: "NamedItem", name: k } : null;
      }
      break;
    case "NamedItem":
      if (name === "Delete") {
        wb.names.delete(o.name);
        return null;
      }
      break;
    case "PageLayout":
      if (name === "SetPrintArea") {
        checkWritable(o.sheet);
        o.sheet.pageLayout.printArea = String(args[0]);
        return null;
      }
      if (name === "SetPrintTitleRows") {
        o.sheet.pageLayout.printTitleRows = String(args[0]);
        return null;
      }
      break;
    case "PageBreakCollection":
      if (name === "Add") {
        checkWritable(o.sheet);
        // A horizontal break is added above the given cell's row: the previous row ends a page.
        const r = parseArea(splitSheet(String(args[0])).local);
        const after = r.r1 - 1;
        if (!o.sheet.horizontalPageBreaks.includes(after)) o.sheet.horizontalPageBreaks.push(after);
        o.sheet.horizontalPageBreaks.sort((a, b) => a - b);
        return { t: "PageBreak", sheet: o.sheet, row: after };
      }
      if (name === "RemovePageBreaks") {
        o.sheet.horizontalPageBreaks = [];
        return null;
      }
      break;
    case "FreezePanes":
      if (name === "FreezeRows") {
        o.sheet.freezeRows = Number(args[0] ?? 1);
        o.sheet.freezeCols = 0;
        return null;
      }
      if (name === "FreezeAt") {
        const r = parseArea(splitSheet(String(args[0])).local);
        o.sheet.freezeRows = r.r2;
        o.sheet.freezeCols = r.c2;
        return null;
      }
      if (name === "Unfreeze") {
        o.sheet.freezeRows = 0;
        o.sheet.freezeCols = 0;
        return null;
      }
      break;
    case "ConditionalFormatCollection":
      if (name === "Add") {
        checkWritable(o.sheet);
        const cf: ConditionalFormatState = {
          id: String(wb.nextId++),
          type: String(args[0]),
          range: { ...o.rect },
          priority: 0,
          props: {},
        };
        o.sheet.conditionalFormats.push(cf);
        return { t: "ConditionalFormat", sheet: o.sheet, cf };
      }
      if (name === "ClearAll") {
        o.sheet.conditionalFormats = o.sheet.conditionalFormats.filter((c) => !intersects(c.range, o.rect));
        return null;
      }
      break;
    case "DataValidation":
      if (name === "Clear") {
        o.sheet.dataValidations = o.sheet.dataValidations.filter((d) => !intersects(d.range, o.rect));
        return null;
      }
      break;
  }
  throw notImplemented(`${o.t}.${name}()`);
}

/** Excel rewrites references when a sheet is renamed (or breaks them when it is deleted). */
function renameReferences(wb: WorkbookState, oldName: string, replacement: string, deleted = false) {
  const esc = oldName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "''");
  const re = new RegExp(
    `(?:'${esc}'|(?<![A-Za-z0-9_.])${esc})!(\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?)?`,
    "gi",
  );
  const fix = (f: string) =>
    f.replace(re, (_m, ref: string | undefined) => (deleted ? "#REF!" : `${replacement}!${ref ?? ""}`));
  for (const n of wb.names.values()) n.formula = fix(n.formula);
  for (const s of wb.sheets) for (const c of s.cells.values()) if (c.formula) c.formula = fix(c.formula);
}

function refersTo(v: unknown): string {
  if (typeof v === "string") return v.startsWith("=") ? v : `=${v}`;
  throw notImplemented("names.add con un oggetto Range");
}

/** A copy of a cell format (structuredClone is missing in jsdom test environments). */
function copyFormat(f: CellFormat | undefined): CellFormat | undefined {
  if (!f) return undefined;
  const b = f.borders;
  return {
    ...f,
    ...(b ? { borders: Object.fromEntries(Object.entries(b).map(([k, v]) => [k, { ...v }])) } : {}),
  };
}

function rect1(r: number, c: number): Rect {
  return { r1: r, c1: c, r2: r, c2: c };
}

/** Merges by row, rebuilt when the list changed behind its back (checks stay fast on big sheets). */
const mergeIndexes = new WeakMap<SheetState, { count: number; byRow: Map<number, Rect[]> }>();

function mergeIndex(sheet: SheetState) {
  let idx = mergeIndexes.get(sheet);
  if (!idx || idx.count !== sheet.merges.length) {
    idx = { count: 0, byRow: new Map() };
    for (const m of sheet.merges) indexMerge(idx, m);
    mergeIndexes.set(sheet, idx);
  }
  return idx;
}

function indexMerge(idx: { count: number; byRow: Map<number, Rect[]> }, m: Rect) {
  for (let r = m.r1; r <= m.r2; r++) {
    const list = idx.byRow.get(r) ?? [];
    list.push(m);
    idx.byRow.set(r, list);
  }
  idx.count++;
}

function merge(sheet: SheetState, r: Rect, across: boolean) {
  const rows = across
    ? Array.from({ length: r.r2 - r.r1 + 1 }, (_, i) => ({ ...r, r1: r.r1 + i, r2: r.r1 + i }))
    : [r];
  for (const m of rows) {
    if (m.r1 === m.r2 && m.c1 === m.c2) continue;
    const idx = mergeIndex(sheet);
    const near = new Set<Rect>();
    for (let row = m.r1; row <= m.r2; row++) for (const old of idx.byRow.get(row) ?? []) near.add(old);
    for (const old of near) {
      if (intersects(old, m) && !contains(m, old)) {
        throw new EmulatorError(
          "InvalidOperation",
          `Impossibile unire ${areaAddress(m)}: si sovrappone a un'unione.`,
        );
      }
    }
    for (const t of sheet.tables) {
      if (intersects(t.rect, m))
        throw new EmulatorError("InvalidOperation", "Non si possono unire celle in una tabella.");
    }
    if ([...near].some((old) => contains(m, old)))
      sheet.merges = sheet.merges.filter((old) => !contains(m, old));
    // Excel keeps only the top-left value of a merged area (Range.merge:
    // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)).
    for (let row = m.r1; row <= m.r2; row++) {
      for (let col = m.c1; col <= m.c2; col++) {
        if (row === m.r1 && col === m.c1) continue;
        const cell = sheet.cells.get(cellKey(row, col));
        if (cell) {
          cell.value = null;
          delete cell.formula;
        }
      }
    }
    const current = mergeIndex(sheet);
    sheet.merges.push(m);
    indexMerge(current, m);
  }
}

function clear(sheet: SheetState, r: Rect, applyTo: string) {
  for (const [key, cell] of [...sheet.cells]) {
    const [row, col] = splitKey(key);
    if (row < r.r1 || row > r.r2 || col < r.c1 || col > r.c2) continue;
    if (applyTo === "All" || applyTo === "Contents") {
      cell.value = null;
      delete cell.formula;
      delete cell.error;
    }
    if (applyTo === "All" || applyTo === "Formats") {
      delete cell.format;
      delete cell.numberFormat;
    }
    if (cell.value === null && cell.formula === undefined && !cell.format && !cell.numberFormat)
      sheet.cells.delete(key);
  }
  if (applyTo === "All" || applyTo === "Formats") sheet.merges = sheet.merges.filter((m) => !contains(r, m));
}

function addTable(
  wb: WorkbookState,
  sheetOrNull: SheetState | null,
  address: string,
  hasHeaders: boolean,
): Obj {
  const { sheet: sheetName, local } = splitSheet(address);
  const sheet = sheetOrNull ?? (sheetName ? sheetByName(wb, sheetName) : undefined);
  if (!sheet) throw new EmulatorError("InvalidArgument", `Indirizzo di tabella senza foglio: ${address}`);
  checkWritable(sheet);
  if (!hasHeaders) throw notImplemented("tables.add senza intestazioni");
  const rect = parseArea(local);
  for (const t of sheet.tables) {
    if (intersects(t.rect, rect)) {
      throw new EmulatorError("InvalidOperation", "Una tabella non può sovrapporsi a un'altra tabella.");
    }
  }
  for (const m of sheet.merges) {
    if (intersects(m, rect))
      throw new EmulatorError("InvalidOperation", "Una tabella non può contenere celle unite.");
  }
  // A table always has at least one body row; tables cannot overlap (TableCollection.add:
  // https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)).
  if (rect.r2 === rect.r1) rect.r2 = rect.r1 + 1;
  let n = 1;
  while (tableByKey(wb, null, `Table${n}`)) n++;
  const table: TableState = { id: String(wb.nextId++), name: `Table${n}`, rect, showHeaders: true };
  const headers = new Set<string>();
  for (let c = rect.c1; c <= rect.c2; c++) {
    const cell = sheet.cells.get(cellKey(rect.r1, c));
    let h = cell?.value === null || cell?.value === undefined ? "" : String(cell.value);
    if (h === "" || headers.has(h.toLowerCase())) {
      let k = c - rect.c1 + 1;
      while (headers.has(`column${k}`)) k++;
      h = h === "" ? `Column${k}` : `${h}${k}`;
      sheet.cells.set(cellKey(rect.r1, c), { ...(cell ?? {}), value: h });
    }
    headers.add(h.toLowerCase());
  }
  sheet.tables.push(table);
  return { t: "Table", sheet, table };
}

function addTableColumn(sheet: SheetState, table: TableState, args: unknown[]): Obj {
  checkWritable(sheet);
  const index = args[0];
  if (index !== null && index !== undefined && Number(index) !== table.rect.c2 - table.rect.c1 + 1) {
    throw notImplemented("columns.add in mezzo alla tabella");
  }
  const col = table.rect.c2 + 1;
  if (col > MAX_COLS) throw new EmulatorError("InvalidOperation", "Nessuna colonna libera.");
  for (let r = table.rect.r1; r <= table.rect.r2; r++) {
    const c = sheet.cells.get(cellKey(r, col));
    if (c && (c.value !== null || c.formula !== undefined)) {
      // Excel would shift these cells right; the adapter never relies on that, so refuse loudly.
      throw notImplemented("columns.add accanto a celle non vuote");
    }
  }
  const added = { r1: table.rect.r1, r2: table.rect.r2, c1: col, c2: col };
  if (sheet.merges.some((m) => intersects(m, added)))
    throw new EmulatorError("InvalidOperation", "Una tabella non può contenere celle unite.");
  for (const t of sheet.tables) {
    if (t !== table && intersects(t.rect, added)) {
      throw new EmulatorError("InvalidOperation", "Una tabella non può sovrapporsi a un'altra tabella.");
    }
  }
  table.rect.c2 = col;
  // Excel extends the table's formats: each cell of the new column takes the format of the cell on its left.
  for (let r = table.rect.r1; r <= table.rect.r2; r++) {
    const left = sheet.cells.get(cellKey(r, col - 1));
    if (!left?.format && left?.numberFormat === undefined) continue;
    const cell = getCell(sheet, r, col);
    if (left.format) cell.format = copyFormat(left.format);
    if (left.numberFormat !== undefined) cell.numberFormat = left.numberFormat;
  }
  const values = args[1] as unknown[][] | null | undefined;
  if (values) {
    writeGrid(sheet, { ...table.rect, c1: col, c2: col }, values, "values");
  } else {
    const name = (args[2] as string | null | undefined) ?? `Column${col - table.rect.c1 + 1}`;
    sheet.cells.set(cellKey(table.rect.r1, col), {
      ...(sheet.cells.get(cellKey(table.rect.r1, col)) ?? {}),
      value: name,
    });
  }
  if (values && args[2]) {
    sheet.cells.set(cellKey(table.rect.r1, col), {
      ...(sheet.cells.get(cellKey(table.rect.r1, col)) ?? {}),
      value: String(args[2]),
    });
  }
  return { t: "TableColumn", sheet, table, index: col - table.rect.c1 };
}

// ---------------------------------------------------------------------------------------------
// Cell writes: Excel's input rules
// ---------------------------------------------------------------------------------------------

function getCell(sheet: SheetState, r: number, c: number): Cell {
  const k = cellKey(r, c);
  let cell = sheet.cells.get(k);
  if (!cell) {
    cell = { value: null };
    sheet.cells.set(k, cell);
  }
  return cell;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Excel's rule for a value written through `values` or `formulas`: text that starts with "=" (or "+",
 * "-", "@" followed by something that is not a number) becomes a formula, number-like text becomes a
 * number, unless the cell is text-formatted ("@") at that moment; a leading apostrophe keeps the rest
 * as text. https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member
 * ("If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets
 * this value as a formula.")
 */
function applyInput(cell: Cell, v: unknown) {
  delete cell.formula;
  delete cell.error;
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    return;
  }
  if (typeof v !== "string")
    throw new EmulatorError("InvalidArgument", `Valore non valido: ${JSON.stringify(v)}`);
  if (cell.numberFormat === "@") {
    cell.value = v;
    return;
  }
  if (v === "") {
    cell.value = null;
    return;
  }
  if (v.startsWith("'")) {
    cell.value = v.slice(1);
    return;
  }
  if (NUMBER_TEXT.test(v)) {
    cell.value = Number(v);
    return;
  }
  if (/^(true|false)$/i.test(v)) {
    cell.value = v.toLowerCase() === "true";
    return;
  }
  if (v.length > 1 && v.startsWith("=")) {
    cell.formula = v;
    cell.value = null;
    return;
  }
  if (v.length > 1 && /^[+\-@]/.test(v)) {
    cell.formula = `=${v}`;
    cell.value = null;
    return;
  }
  cell.value = v;
}

function gridShape(rect: Rect, grid: unknown): unknown[][] {
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  if (!Array.isArray(grid)) {
    // A single value is applied to every cell of the range.
    if (rows * cols > 1_000_000) throw notImplemented("valore singolo su più di un milione di celle");
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => grid));
  }
  if (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new EmulatorError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
  return grid as unknown[][];
}

function writeGrid(
  sheet: SheetState,
  rect: Rect,
  grid: unknown,
  kind: "values" | "formulas" | "numberFormat",
) {
  checkWritable(sheet);
  const g = gridShape(rect, grid);
  for (let i = 0; i < g.length; i++) {
    for (let j = 0; j < g[i].length; j++) {
      const v = g[i][j];
      // null leaves the cell as it is; "" clears the value or resets the format to General.
      // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values
      if (v === null || v === undefined) continue;
      const cell = getCell(sheet, rect.r1 + i, rect.c1 + j);
      if (kind === "numberFormat") {
        if (v === "" || v === "General") delete cell.numberFormat;
        else cell.numberFormat = String(v);
      } else applyInput(cell, v);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------------

function eachCell(rects: Rect[], fn: (r: number, c: number) => void) {
  for (const rect of rects) {
    if ((rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1) > 2_000_000) {
      throw notImplemented(`formato di celle su un intervallo così grande (${areaAddress(rect)})`);
    }
    for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) fn(r, c);
  }
}

function fmt(sheet: SheetState, r: number, c: number): CellFormat {
  const cell = getCell(sheet, r, c);
  cell.format ??= {};
  return cell.format;
}

const HALIGN = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
const VALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];

function setFormatProp(sheet: SheetState, rects: Rect[], name: string, v: unknown) {
  switch (name) {
    case "ColumnWidth":
      for (const r of rects) for (let c = r.c1; c <= r.c2; c++) sheet.columnWidths.set(c, Number(v));
      return;
    case "RowHeight":
      for (const r of rects) {
        if (r.r2 - r.r1 > 100_000) throw notImplemented("altezza di più di 100.000 righe");
        for (let row = r.r1; row <= r.r2; row++) sheet.rowHeights.set(row, Number(v));
      }
      return;
    case "HorizontalAlignment":
      if (!HALIGN.includes(String(v))) throw new EmulatorError("InvalidArgument", `HorizontalAlignment ${v}`);
      eachCell(rects, (r, c) => (fmt(sheet, r, c).horizontalAlignment = String(v)));
      return;
    case "VerticalAlignment":
      if (!VALIGN.includes(String(v))) throw new EmulatorError("InvalidArgument", `VerticalAlignment ${v}`);
      eachCell(rects, (r, c) => (fmt(sheet, r, c).verticalAlignment = String(v)));
      return;
    case "WrapText":
      eachCell(rects, (r, c) => (fmt(sheet, r, c).wrapText = Boolean(v)));
      return;
    case "IndentLevel":
      eachCell(rects, (r, c) => (fmt(sheet, r, c).indentLevel = Number(v)));
      return;
  }
  throw notImplemented(`RangeFormat.${name}`);
}

function setFontProp(sheet: SheetState, rects: Rect[], name: string, v: unknown) {
  const key = {
    Name: "fontName",
    Size: "fontSize",
    Bold: "bold",
    Italic: "italic",
    Color: "fontColor",
    Underline: "underline",
  }[name] as keyof CellFormat | undefined;
  if (!key) throw notImplemented(`RangeFont.${name}`);
  eachCell(rects, (r, c) => ((fmt(sheet, r, c) as Record<string, unknown>)[key] = v));
}

function normColor(v: unknown): string {
  const s = String(v);
  if (!/^#[0-9A-Fa-f]{6}$/.test(s)) throw new EmulatorError("InvalidArgument", `Colore non valido: ${s}`);
  return s.toUpperCase();
}

function setBorder(sheet: SheetState, rects: Rect[], index: string, prop: string, v: unknown) {
  const patch = (b: BorderState | undefined): BorderState | undefined => {
    if (prop === "Style" && v === "None") return undefined;
    const cur = b ?? { style: "Continuous", weight: "Thin", color: "#000000" };
    if (prop === "Style") return { ...cur, style: String(v) };
    if (prop === "Weight") return { ...cur, weight: String(v) };
    if (prop === "Color") return { ...cur, color: normColor(v) };
    throw notImplemented(`RangeBorder.${prop}`);
  };
  const apply = (r: number, c: number, side: Side) => {
    const f = fmt(sheet, r, c);
    f.borders ??= {};
    const next = patch(f.borders[side]);
    if (next) f.borders[side] = next;
    else delete f.borders[side];
  };
  for (const rect of rects) {
    eachCell([rect], (r, c) => {
      if (index === "EdgeTop" && r === rect.r1) apply(r, c, "top");
      else if (index === "EdgeBottom" && r === rect.r2) apply(r, c, "bottom");
      else if (index === "EdgeLeft" && c === rect.c1) apply(r, c, "left");
      else if (index === "EdgeRight" && c === rect.c2) apply(r, c, "right");
      else if (index === "InsideHorizontal") {
        if (r > rect.r1) apply(r, c, "top");
        if (r < rect.r2) apply(r, c, "bottom");
      } else if (index === "InsideVertical") {
        if (c > rect.c1) apply(r, c, "left");
        if (c < rect.c2) apply(r, c, "right");
      } else if (!["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"].includes(index)) {
        throw notImplemented(`bordo ${index}`);
      }
    });
  }
}

function setCellProperties(sheet: SheetState, rect: Rect, grid: unknown[][]) {
  const g = gridShape(rect, grid);
  for (let i = 0; i < g.length; i++) {
    for (let j = 0; j < g[i].length; j++) {
      const p = (g[i][j] ?? {}) as Record<string, unknown>;
      for (const k of Object.keys(p)) if (k !== "format") throw notImplemented(`setCellProperties.${k}`);
      const f = (p.format ?? {}) as Record<string, unknown>;
      const cellRects = [rect1(rect.r1 + i, rect.c1 + j)];
      for (const [k, v] of Object.entries(f)) {
        if (k === "font") {
          for (const [fk, fv] of Object.entries(v as object)) setFontProp(sheet, cellRects, pascal(fk), fv);
        } else if (k === "fill") {
          for (const [fk, fv] of Object.entries(v as object)) {
            if (fk !== "color") throw notImplemented(`setCellProperties fill.${fk}`);
            fmt(sheet, rect.r1 + i, rect.c1 + j).fill = normColor(fv);
          }
        } else if (k === "borders") {
          const map: Record<string, string> = {
            top: "EdgeTop",
            bottom: "EdgeBottom",
            left: "EdgeLeft",
            right: "EdgeRight",
          };
          for (const [side, b] of Object.entries(v as Record<string, Record<string, unknown>>)) {
            if (!map[side]) throw notImplemented(`setCellProperties borders.${side}`);
            for (const [bk, bv] of Object.entries(b)) setBorder(sheet, cellRects, map[side], pascal(bk), bv);
          }
        } else {
          setFormatProp(sheet, cellRects, pascal(k), v);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Property writes (ActionType 4)
// ---------------------------------------------------------------------------------------------

function setProperty(wb: WorkbookState, o: Obj, name: string, v: unknown) {
  if (isChartObj(o) && chartSet(o, name, v)) return;
  switch (o.t) {
    case "Range":
      if (name === "Values" || name === "Formulas") return writeGrid(o.sheet, o.rect, v, "values");
      if (name === "NumberFormat") return writeGrid(o.sheet, o.rect, v, "numberFormat");
      break;
    case "RangeFormat":
      checkWritable(o.sheet);
      return setFormatProp(o.sheet, o.rects, name, v);
    case "RangeFont":
      checkWritable(o.sheet);
      return setFontProp(o.sheet, o.rects, name, name === "Color" ? normColor(v) : v);
    case "RangeFill":
      checkWritable(o.sheet);
      if (name === "Color") {
        const color = normColor(v);
        eachCell(o.rects, (r, c) => (fmt(o.sheet, r, c).fill = color));
        return;
      }
      break;
    case "RangeBorder":
      checkWritable(o.sheet);
      return setBorder(o.sheet, o.rects, o.index, name, v);
    case "Worksheet":
      if (name === "Name") {
        validSheetName(wb, String(v), o.sheet);
        renameReferences(wb, o.sheet.name, quoteSheet(String(v)));
        o.sheet.name = String(v);
        return;
      }
      if (name === "Position") {
        const pos = Number(v);
        wb.sheets = wb.sheets.filter((s) => s !== o.sheet);
        wb.sheets.splice(Math.max(0, Math.min(pos, wb.sheets.length)), 0, o.sheet);
        return;
      }
      if (name === "Gridlines" || name === "ShowGridlines") {
        o.sheet.showGridlines = Boolean(v);
        return;
      }
      if (name === "Visibility") {
        o.sheet.visibility = String(v);
        return;
      }
      break;
    case "Table":
      if (name === "Name") {
        const n = String(v);
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(n))
          throw new EmulatorError("InvalidArgument", `Nome di tabella non valido: ${n}`);
        const other = tableByKey(wb, null, n);
        if ((other && other.table !== o.table) || wb.names.has(n.toLowerCase())) {
          throw new EmulatorError("InvalidArgument", `Il nome ${n} è già usato.`);
        }
        o.table.name = n;
        return;
      }
      if (name === "Style") {
        o.table.style = String(v);
        return;
      }
      if (name === "ShowBandedRows" || name === "ShowFilterButton") return;
      break;
    case "NamedItem":
      if (name === "Formula") {
        const item = wb.names.get(o.name);
        if (!item) throw itemNotFound(`nome ${o.name}`);
        item.formula = refersTo(v);
        return;
      }
      break;
    case "PageLayout": {
      checkWritable(o.sheet);
      const pl = o.sheet.pageLayout;
      if (name === "Orientation") return void (pl.orientation = String(v));
      if (name === "PaperSize") return void (pl.paperSize = String(v));
      if (name === "Zoom") return void (pl.zoom = v as typeof pl.zoom);
      if (name === "CenterHorizontally") return void (pl.centerHorizontally = Boolean(v));
      if (/^(Left|Right|Top|Bottom|Header|Footer)Margin$/.test(name))
        return void (pl.margins[name] = Number(v));
      break;
    }
    case "HeaderFooter":
      if (/^(Left|Center|Right)(Header|Footer)$/.test(name)) {
        o.sheet.pageLayout.headersFooters[name] = String(v);
        return;
      }
      break;
    case "HeaderFooterGroup":
      if (name === "State" || name === "UseSheetMargins" || name === "UseSheetScale") return;
      break;
    case "ConditionalFormat":
      if (name === "Priority") return void (o.cf.priority = Number(v));
      if (name === "StopIfTrue") return void (o.cf.props.stopIfTrue = v);
      break;
    case "CFNode":
      o.cf.props[`${o.path}.${name}`] = v;
      return;
    case "DataValidation": {
      checkWritable(o.sheet);
      // One validation per range: setting a part of it on the same range completes that entry.
      const same = (d: { range: Rect }) =>
        d.range.r1 === o.rect.r1 &&
        d.range.r2 === o.rect.r2 &&
        d.range.c1 === o.rect.c1 &&
        d.range.c2 === o.rect.c2;
      let dv = o.sheet.dataValidations.find(same);
      if (!dv) {
        if (o.sheet.dataValidations.some((d) => intersects(d.range, o.rect)))
          throw notImplemented("convalida su un intervallo che ne tocca un'altra");
        dv = { range: { ...o.rect } };
        o.sheet.dataValidations.push(dv);
      }
      if (name === "Rule") return void (dv.rule = v);
      if (name === "ErrorAlert") return void (dv.errorAlert = v as typeof dv.errorAlert);
      if (name === "IgnoreBlanks") return void (dv.ignoreBlanks = Boolean(v));
      break;
    }
  }
  throw notImplemented(`${o.t}.${name}=`);
}

// ---------------------------------------------------------------------------------------------
// Queries (ActionType 2): the answer's keys are the PascalCase property names
// ---------------------------------------------------------------------------------------------

function query(wb: WorkbookState, o: Obj, select: string[] | undefined): unknown {
  if (
    o.t === "WorksheetCollection" ||
    o.t === "TableCollection" ||
    o.t === "NamedItemCollection" ||
    o.t === "TableColumnCollection"
  ) {
    return { _Items: items(wb, o).map((it) => queryObject(wb, it, select)) };
  }
  return queryObject(wb, o, select);
}

function items(wb: WorkbookState, o: Obj): Obj[] {
  switch (o.t) {
    case "WorksheetCollection":
      return wb.sheets.map((sheet) => ({ t: "Worksheet", sheet }));
    case "TableCollection":
      return allTables(wb)
        .filter((x) => !o.sheet || x.sheet === o.sheet)
        .map((x) => ({ t: "Table", sheet: x.sheet, table: x.table }));
    case "NamedItemCollection":
      return [...wb.names.keys()].map((name) => ({ t: "NamedItem", name }));
    case "TableColumnCollection":
      return tableHeaders(o.sheet, o.table).map((_, index) => ({
        t: "TableColumn",
        sheet: o.sheet,
        table: o.table,
        index,
      }));
  }
  throw notImplemented(`${o.t} come collezione`);
}

function queryObject(wb: WorkbookState, o: Obj, select: string[] | undefined): Record<string, unknown> {
  const scalars = scalarProps(wb, o);
  const out: Record<string, unknown> = {};
  const id = scalars.Id;
  if (id !== undefined) out.Id = id;
  if (!select || select.length === 0) {
    for (const [k, get] of Object.entries(scalars))
      if (k !== "$heavy") out[k] = typeof get === "function" ? get() : get;
    return out;
  }
  const nested = new Map<string, string[]>();
  for (const s of select) {
    const [head, ...rest] = s.split("/");
    const key = pascal(head);
    if (rest.length > 0) {
      nested.set(key, [...(nested.get(key) ?? []), rest.join("/")]);
      continue;
    }
    if (!(key in scalars)) throw notImplemented(`lettura di ${o.t}.${head}`);
    const get = scalars[key];
    out[key] = typeof get === "function" ? get() : get;
  }
  for (const [key, sub] of nested) out[key] = queryObject(wb, navigate(wb, o, key), sub);
  return out;
}

type Getter = unknown | (() => unknown);

function scalarProps(wb: WorkbookState, o: Obj): Record<string, Getter> {
  switch (o.t) {
    case "Worksheet":
      return {
        Id: o.sheet.id,
        Name: o.sheet.name,
        Position: wb.sheets.indexOf(o.sheet),
        Visibility: o.sheet.visibility,
        ShowGridlines: o.sheet.showGridlines,
      };
    case "WorksheetProtection":
      return { Protected: o.sheet.protected };
    case "FunctionResult":
      return { Value: o.value, Error: o.error };
    case "Table":
      return {
        Id: o.table.id,
        Name: o.table.name,
        ShowHeaders: o.table.showHeaders,
        Style: o.table.style ?? "",
      };
    case "TableColumn": {
      const names = tableHeaders(o.sheet, o.table);
      return { Id: String(o.index + 1), Name: names[o.index], Index: o.index };
    }
    case "NamedItem": {
      const item = wb.names.get(o.name)!;
      return { Name: item.name, Formula: item.formula, Type: "Range", Visible: true };
    }
    case "Range":
      return rangeProps(o.sheet, o.rect);
    case "RangeAreas": {
      const address = o.rects.map((r) => `${quoteSheet(o.sheet.name)}!${areaAddress(r)}`).join(",");
      return { Address: address, AddressLocal: address, AreaCount: o.rects.length };
    }
    case "PageLayout": {
      const pl = o.sheet.pageLayout;
      return {
        Orientation: pl.orientation ?? "Portrait",
        PaperSize: pl.paperSize ?? "Letter",
        Zoom: pl.zoom ?? { scale: 100 },
        CenterHorizontally: pl.centerHorizontally ?? false,
        ...Object.fromEntries(Object.entries(pl.margins)),
      };
    }
  }
  throw notImplemented(`lettura di ${o.t}`);
}

function rangeProps(sheet: SheetState, rect: Rect): Record<string, Getter> {
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  const grid =
    <T>(fn: (cell: Cell | undefined) => T) =>
    () => {
      if (rows * cols > 5_000_000) throw notImplemented("lettura di più di 5 milioni di celle");
      const out: T[][] = [];
      for (let r = rect.r1; r <= rect.r2; r++) {
        const row: T[] = [];
        for (let c = rect.c1; c <= rect.c2; c++) row.push(fn(sheet.cells.get(cellKey(r, c))));
        out.push(row);
      }
      return out;
    };
  const value = (cell: Cell | undefined): CellValue => {
    if (!cell || cell.value === null) return "";
    return cell.value;
  };
  return {
    Address: `${quoteSheet(sheet.name)}!${areaAddress(rect)}`,
    AddressLocal: `${quoteSheet(sheet.name)}!${areaAddress(rect)}`,
    RowIndex: rect.r1 - 1,
    ColumnIndex: rect.c1 - 1,
    RowCount: rows,
    ColumnCount: cols,
    CellCount: rows * cols,
    Values: grid(value),
    Text: grid((cell) => String(value(cell))),
    Formulas: grid((cell) => cell?.formula ?? value(cell)),
    NumberFormat: grid((cell) => cell?.numberFormat ?? "General"),
    ValueTypes: grid((cell) => {
      if (!cell || cell.value === null || cell.value === "") return "Empty";
      if (cell.error) return "Error";
      if (typeof cell.value === "number") return "Double";
      if (typeof cell.value === "boolean") return "Boolean";
      return "String";
    }),
  };
}
