// Tolerant reading of one cell (docs/reference/workbook.md "Cell values"). Every function here accepts any input and
// never throws: a workbook may hold anything, and the reader must report it, not crash on it.
import { readerTexts } from "../messages";
import { formatIt, type IsoDate } from "../model/dates";
import {
  isCellError,
  isUncachedFormula,
  type CellErrorValue,
  type RawValue,
  type UncachedFormulaValue,
} from "../model/raw";
import type { ColumnKind } from "../model/schema";
import { excelTrim, normalizeHeader } from "./keys";

/**
 * Excel error literals. Office.js returns error cells as these strings, so a string that is exactly
 * one of them is an error value, not text.
 */
export const EXCEL_ERROR_LITERALS: ReadonlySet<string> = new Set([
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#DIV/0!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#EXTERNAL!",
  "#PYTHON!",
]);

/** Serial of 01/01/1970. */
const EXCEL_EPOCH_OFFSET = 25569;
/** Last Excel serial (31/12/9999). */
const MAX_SERIAL = 2958465;
/** Days between the 1904 and the 1900 date systems (a 1904 serial + 1462 = the 1900 serial). */
export const DATE1904_OFFSET = 1462;

/**
 * Brings whatever a host put in a cell to a RawValue. Hosts should already do this; the reader does it
 * again so that exceljs-style objects (rich text, hyperlinks, formulas) or `undefined` never break it.
 */
export function toRawValue(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return v;
  if (v instanceof Date) return v;
  if (typeof v === "bigint") return Number(v);
  if (isCellError(v)) return { error: v.error };
  if (isUncachedFormula(v)) return { uncachedFormula: v.uncachedFormula };
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return o.richText.map((part) => (typeof part?.text === "string" ? part.text : "")).join("");
    }
    if ("result" in o) return toRawValue(o.result);
    if (typeof o.text === "string") return o.text;
    if ("formula" in o || "sharedFormula" in o) return null;
  }
  return null;
}

export function isBlank(v: unknown): boolean {
  const r = toRawValue(v);
  return r === null || (typeof r === "string" && r.trim() === "");
}

/** The error text when the cell holds an error value (object or literal string), else null. */
export function errorOf(v: RawValue): string | null {
  if (isCellError(v)) return v.error;
  if (typeof v === "string") {
    const t = v.trim();
    if (t.startsWith("#") && EXCEL_ERROR_LITERALS.has(t)) return t;
  }
  return null;
}

/** Removes quoted literals, escapes and [..] sections so only the format codes remain. */
function formatCodes(fmt: string | undefined): string {
  if (!fmt) return "";
  return fmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

export function isPercentFormat(fmt: string | undefined): boolean {
  return formatCodes(fmt).includes("%");
}

/** "dd/mm/yyyy", "d-mmm-yy"… (Office.js hands dates as serial numbers with such a format). */
export function isDateFormat(fmt: string | undefined): boolean {
  const codes = formatCodes(fmt).toLowerCase();
  if (codes === "" || codes.startsWith("general")) return false;
  return /[dy]/.test(codes);
}

/**
 * Number typed as text. Accepted: `33`, `-2,5`, `1150.5`, `1.150,00`, `1,150.00`, `1 150`, `33%` (→ 33),
 * `1e3`. A single separator (`1,5`, `1.5`, also `1,150`) is read as the decimal separator; a
 * separator is a thousands separator only in a full grouping (`1.150,00`, `1.150.000`, `1,150.00`).
 */
export function parseNumberText(text: string): number | null {
  const m = /^([+\-\u2212\u2013]?)\s*(.*?)\s*(%?)$/.exec(text.trim());
  if (!m) return null;
  const sign = m[1] === "" || m[1] === "+" ? 1 : -1;
  let body = m[2];
  let normalized: string | null = null;
  if (/^\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/.test(body)) body = body.replace(/[ \u00a0\u202f]/g, "");
  if (/^\d*[.,]?\d+$/.test(body)) normalized = body.replace(",", ".");
  else if (/^\d+[.,]$/.test(body)) normalized = body.slice(0, -1);
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(body)) normalized = body.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) normalized = body.replace(/,/g, "");
  else if (/^\d+([.,]\d+)?[eE][+-]?\d+$/.test(body)) normalized = body.replace(",", ".");
  if (normalized === null) return null;
  const n = Number(normalized);
  if (!Number.isFinite(n)) return null;
  return sign * n + 0; // + 0 turns -0 into 0
}

/** si / sì / no (any case), the yes/no of indicator values. */
function parseYesNo(text: string): number | null {
  const t = normalizeHeader(text);
  if (t === "si") return 1;
  if (t === "no") return 0;
  return null;
}

const TIME_SUFFIX = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const DMY = new RegExp(String.raw`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})${TIME_SUFFIX}$`);
const YMD = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME_SUFFIX}$`);

// Date helpers without Date objects: the reader converts tens of thousands of dates.
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function isoOf(y: number, m: number, d: number): IsoDate {
  return `${y < 1000 ? String(y).padStart(4, "0") : y}-${pad2(m)}-${pad2(d)}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** ISO date of y/m/d, or null when the day or month does not exist. */
function validIso(y: number, m: number, d: number): IsoDate | null {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return isoOf(y, m, d);
}

/** Days since 1970-01-01 → ISO date (H. Hinnant's civil_from_days). */
function isoFromEpochDays(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return isoOf(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** `dd/mm/yyyy`, `d/m/yyyy` (also with `-` or `.`), `yyyy-mm-dd`; null when not a valid date. */
export function parseDateText(text: string): IsoDate | null {
  const t = text.trim();
  let m = DMY.exec(t);
  if (m) return validIso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = YMD.exec(t);
  if (m) return validIso(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** Date object → ISO of its UTC calendar day (exceljs hands dates as UTC midnight). */
export function dateToIso(d: Date): IsoDate | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  return validIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Excel serial → ISO date; the time of day is dropped. 1900 system: 1 (01/01/1900) to 31/12/9999;
 * 1904 system (`date1904`): 0 (01/01/1904) to 31/12/9999.
 */
export function serialToDate(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const s = date1904 ? serial + DATE1904_OFFSET : serial;
  if (s < (date1904 ? DATE1904_OFFSET : 1) || s >= MAX_SERIAL + 1) return null;
  return isoFromEpochDays(Math.floor(s) - EXCEL_EPOCH_OFFSET);
}

/** Serial number of a Date (time of day included), as Excel's formulas see the cell. */
function dateToSerial(d: Date, date1904 = false): number | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  return t / 86400000 + EXCEL_EPOCH_OFFSET - (date1904 ? DATE1904_OFFSET : 0);
}

/** A number as text without float noise: 2023 → "2023", 0.1 + 0.2 → "0.3". */
export function numberToText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n + 0);
  return String(parseFloat(n.toPrecision(15)));
}

/** A number as an Italian user reads it: 33,5. */
export function numberToItText(n: number): string {
  return numberToText(n).replace(".", ",");
}

/** Removes float noise from arithmetic such as 0.07 × 100. */
function clean(n: number): number {
  return parseFloat(n.toPrecision(15)) + 0;
}

type InvalidRule = "CELL_ERROR" | "NUMBER_INVALID" | "DATE_INVALID" | "FORMULA_NO_VALUE";

export type CellRead<T> =
  { status: "empty" } | { status: "ok"; value: T } | { status: "invalid"; rule: InvalidRule; found: string };

const EMPTY = { status: "empty" } as const;
const ok = <T>(value: T): CellRead<T> => ({ status: "ok", value });
const invalid = (rule: InvalidRule, found: string): CellRead<never> => ({ status: "invalid", rule, found });

/** The value as the user sees it, for messages (long text shortened). */
export function describeValue(v: RawValue): string {
  if (v === null) return "";
  if (typeof v === "string") {
    const t = v.trim();
    return t.length > 60 ? `${t.slice(0, 57)}...` : t;
  }
  if (typeof v === "number") return numberToText(v);
  if (typeof v === "boolean") return v ? readerTexts.booleanTrue : readerTexts.booleanFalse;
  if (v instanceof Date) {
    const iso = dateToIso(v);
    return iso ? formatIt(iso) : readerTexts.invalidDate;
  }
  if (isUncachedFormula(v)) return `=${v.uncachedFormula}`;
  return v.error;
}

/** A formula saved without its value: the reader cannot know it (FORMULA_NO_VALUE, read as empty). */
type Settled = Exclude<RawValue, null | CellErrorValue | UncachedFormulaValue>;

/**
 * What every reader does first: an empty cell is empty, a formula saved without its value and an error
 * value are problems; anything else is the value to read.
 */
function settle(input: unknown): CellRead<never> | Settled {
  const v = toRawValue(input);
  if (v === null) return EMPTY;
  if (isUncachedFormula(v)) return invalid("FORMULA_NO_VALUE", describeValue(v));
  const err = errorOf(v);
  if (err !== null) return invalid("CELL_ERROR", err);
  return v as Settled;
}

function isRead(v: CellRead<never> | Settled): v is CellRead<never> {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "status" in v;
}

export function readText(input: unknown, fmt?: string, date1904 = false): CellRead<string> {
  const v = settle(input);
  if (isRead(v)) return v;
  if (typeof v === "string") {
    const t = v.trim();
    return t === "" ? EMPTY : ok(t);
  }
  if (typeof v === "number") {
    if (isDateFormat(fmt)) {
      const iso = serialToDate(v, date1904);
      if (iso) return ok(formatIt(iso));
    }
    // as the user sees it: 0.33 shown as 33% is "33%"
    if (isPercentFormat(fmt)) return ok(`${numberToText(clean(v * 100))}%`);
    return ok(numberToText(v));
  }
  if (typeof v === "boolean") return ok(v ? readerTexts.booleanTrue : readerTexts.booleanFalse);
  if (v instanceof Date) {
    const iso = dateToIso(v);
    return iso ? ok(formatIt(iso)) : invalid("DATE_INVALID", readerTexts.invalidDate);
  }
  return EMPTY;
}

/**
 * Number columns. `percent` (Peso, Avanzamento): a percent-formatted cell counts ×100, a date is
 * invalid, yes/no is invalid. `number` (indicator values): si/no → 1/0, and a date counts as its
 * serial number, as Excel's formulas see it (a TEMPORALE indicator may hold dates).
 * Booleans are never numbers (Excel's SUM ignores them too).
 */
export function readNumber(
  input: unknown,
  kind: "number" | "percent",
  fmt?: string,
  date1904 = false,
): CellRead<number> {
  const v = settle(input);
  if (isRead(v)) return v;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return invalid("NUMBER_INVALID", String(v));
    if (kind === "percent") {
      if (isPercentFormat(fmt)) return ok(clean(v * 100));
      if (isDateFormat(fmt)) {
        const iso = serialToDate(v, date1904);
        return invalid("NUMBER_INVALID", iso ? formatIt(iso) : numberToText(v));
      }
    }
    return ok(v + 0);
  }
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "") return EMPTY;
    const n = parseNumberText(t);
    if (n !== null) return ok(n);
    if (kind === "number") {
      const yn = parseYesNo(t);
      if (yn !== null) return ok(yn);
    }
    return invalid("NUMBER_INVALID", describeValue(t));
  }
  if (v instanceof Date) {
    const serial = kind === "number" ? dateToSerial(v, date1904) : null;
    return serial !== null ? ok(serial) : invalid("NUMBER_INVALID", describeValue(v));
  }
  if (typeof v === "boolean") return invalid("NUMBER_INVALID", describeValue(v));
  return EMPTY;
}

/** Date columns: date cells, serial numbers (1900 or 1904 system), text dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd. */
export function readDate(input: unknown, date1904 = false): CellRead<IsoDate> {
  const v = settle(input);
  if (isRead(v)) return v;
  if (v instanceof Date) {
    const iso = dateToIso(v);
    return iso ? ok(iso) : invalid("DATE_INVALID", readerTexts.invalidDate);
  }
  if (typeof v === "number") {
    const iso = serialToDate(v, date1904);
    return iso ? ok(iso) : invalid("DATE_INVALID", describeValue(v));
  }
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "") return EMPTY;
    const iso = parseDateText(t);
    return iso ? ok(iso) : invalid("DATE_INVALID", describeValue(t));
  }
  if (typeof v === "boolean") return invalid("DATE_INVALID", describeValue(v));
  return EMPTY;
}

/**
 * A cell the live formulas match as text (kind `key`): spaces normalised as the formulas do
 * (`excelTrim`), a number as its plain digits whatever its format (what TRIM gives in a formula), a
 * date cell as its serial number, TRUE/FALSE as VERO/FALSO.
 */
export function readKeyText(input: unknown, date1904 = false): CellRead<string> {
  const v = settle(input);
  if (isRead(v)) return v;
  let t = "";
  if (typeof v === "string") t = excelTrim(v);
  else if (typeof v === "number") t = numberToText(v);
  else if (typeof v === "boolean") t = v ? readerTexts.booleanTrue : readerTexts.booleanFalse;
  else if (v instanceof Date) {
    const serial = dateToSerial(v, date1904);
    t = serial === null ? "" : numberToText(serial);
  }
  return t === "" ? EMPTY : ok(t);
}

/**
 * True when a formula turns this key cell into text that depends on Excel's language and settings
 * (decimal separator, VERO/TRUE, scientific notation), so it may not match what the TypeScript read.
 */
export function isLocaleDependentKey(input: unknown, date1904 = false): boolean {
  const v = toRawValue(input);
  if (typeof v === "boolean") return true;
  const n = v instanceof Date ? dateToSerial(v, date1904) : typeof v === "number" ? v : null;
  return n !== null && (!Number.isInteger(n) || Math.abs(n) >= 1e15);
}

export type CellValue = string | number;

export function readByKind(
  input: unknown,
  kind: ColumnKind,
  fmt?: string,
  date1904 = false,
): CellRead<CellValue> {
  switch (kind) {
    case "text":
      return readText(input, fmt, date1904);
    case "key":
      return readKeyText(input, date1904);
    case "number":
    case "percent":
      return readNumber(input, kind, fmt, date1904);
    case "date":
      return readDate(input, date1904);
  }
}
