// Parametri typed as text (a text-formatted cell, or "80%" / "31/12/2023" where Excel did not turn them
// into a number). The reader accepts exactly the forms below, and the workbook names (pegSoglia…,
// pegDataRiferimento, pegAnno) read them with the formula twin of each parser, so the sheet follows a
// later edit of the text just as the next run of the add-in would. Any other text is PARAM_INVALID for
// the reader and gives the default in the formula. Spaces around are removed as Excel's TRIM does
// (ASCII spaces only: a non-breaking space makes the text invalid for both).
//
// - number: digits, optionally one "," or "." followed by digits, optionally a trailing "%" (a unit:
//   "80%" is 80). No sign, no thousands separators, no exponent.
// - date: dd/mm/yyyy or yyyy/mm/dd with two-digit day and month and separators "/", "-" or "." (mixed
//   allowed); a real calendar date from 1901 (from 1904 in a 1904 workbook, whose DATE cannot go earlier).
//   Fixed positions keep the formula short (a defined name cannot hold a formula of any length).
// - year (Anno): digits only.
// Only Excel 2007 functions; the decimal separator of Excel's language comes from MID(1/2,2,1).
import { isoFromParts, type IsoDate } from "../model/dates";

const DIGITS = /^\d+$/;

/** Excel's TRIM: leading and trailing spaces removed, inner runs collapsed to one space. */
function excelTrimSpaces(text: string): string {
  return text.replace(/ +/g, " ").replace(/^ | $/g, "");
}

/** Text of a number parameter → its value, or null when it is not in the accepted form. */
export function parseParamNumber(text: string): number | null {
  let t = excelTrimSpaces(text);
  if (t.endsWith("%")) t = excelTrimSpaces(t.slice(0, -1));
  t = t.replace(/,/g, ".");
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** Text of the Anno parameter → the number, or null when it is not only digits. */
export function parseParamYear(text: string): number | null {
  const t = excelTrimSpaces(text);
  return DIGITS.test(t) ? Number(t) : null;
}

/** Text of a date parameter → ISO date, or null when it is not in the accepted form. */
export function parseParamDate(text: string, date1904 = false): IsoDate | null {
  const s = excelTrimSpaces(text).replace(/[-.]/g, "/");
  let m = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(s);
  let iso: IsoDate | null = null;
  if (m) iso = isoFromParts(Number(m[3]), Number(m[2]), Number(m[1]));
  else if ((m = /^(\d{4})\/(\d\d)\/(\d\d)$/.exec(s)))
    iso = isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  if (iso === null || Number(iso.slice(0, 4)) < (date1904 ? 1904 : 1901)) return null;
  return iso;
}

// ---------------------------------------------------------------------------------------------
// Formula twins. `cell` is an absolute reference; the result is an expression that gives the value,
// or `fallback` when the text is not in the accepted form.
// ---------------------------------------------------------------------------------------------

/** The text with every digit removed (10 nested SUBSTITUTE). */
function nonDigits(x: string): string {
  let s = x;
  for (let d = 0; d <= 9; d++) s = `SUBSTITUTE(${s},"${d}","")`;
  return s;
}

/** A number typed as text (parseParamNumber) up to `max`, as a formula; `fallback` otherwise. */
export function paramNumberFormula(cell: string, fallback: string, max = Infinity): string {
  const t = `TRIM(${cell})`;
  const u = `SUBSTITUTE(IF(RIGHT(${t},1)="%",TRIM(LEFT(${t},LEN(${t})-1)),${t}),",",".")`;
  const nd = nonDigits(u);
  const valid = `AND(LEN(${u})>0,OR(${nd}="",AND(${nd}=".",LEFT(${u},1)<>".",RIGHT(${u},1)<>".")))`;
  const value = `--SUBSTITUTE(${u},".",MID(1/2,2,1))`;
  const inRange = Number.isFinite(max) ? `IF(${value}<=${max},${value},${fallback})` : value;
  return `IF(${valid},${inRange},${fallback})`;
}

/** The Anno typed as text (parseParamYear), as a formula; `fallback` otherwise. */
export function paramYearFormula(cell: string, fallback: string): string {
  const t = `TRIM(${cell})`;
  return `IF(AND(LEN(${t})>0,${nonDigits(t)}=""),--${t},${fallback})`;
}

/** A date typed as text (parseParamDate), as a formula giving its serial; `fallback` otherwise. */
export function paramDateFormula(cell: string, fallback: string, date1904 = false): string {
  const s = `SUBSTITUTE(SUBSTITUTE(TRIM(${cell}),"-","/"),".","/")`;
  // dd/mm/yyyy or yyyy/mm/dd: ten characters, digits but for two separators at fixed places.
  const dmy = `AND(MID(${s},3,1)="/",MID(${s},6,1)="/")`;
  const ymd = `AND(MID(${s},5,1)="/",MID(${s},8,1)="/")`;
  const shape = `AND(LEN(${s})=10,${nonDigits(s)}="//",OR(${dmy},${ymd}))`;
  // q = 1 for dd/mm/yyyy, 0 for yyyy/mm/dd: each part is one MID at a position that depends on q.
  const q = `(MID(${s},3,1)="/")`;
  const d = `--MID(${s},9-8*${q},2)`;
  const m = `--MID(${s},6-2*${q},2)`;
  const y = `--MID(${s},1+6*${q},4)`;
  const date = `DATE(${y},${m},${d})`;
  const real = `AND(${y}>=${date1904 ? 1904 : 1901},MONTH(${date})=${m},DAY(${date})=${d})`;
  return `IFERROR(IF(${shape},IF(${real},${date},${fallback}),${fallback}),${fallback})`;
}
