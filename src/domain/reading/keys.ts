// The two text normalisations of the product, in one place:
// - normalizeHeader: how people mean a name (headers, sheet names, Parametri labels, Tipo, sì/no):
//   case, accents, apostrophes and repeated spaces do not count. Never used for what formulas match.
// - matchKey: everything the live formulas match by text (Codice ↔ Obiettivo, group labels, Polarità,
//   Formula decrescente), written twice: in TypeScript and as its exact Excel twin.
//
// - matchKey: NBSP, narrow NBSP, tab, CR, LF → space; then Excel's TRIM (leading/trailing spaces
//   removed, inner runs collapsed to one; only U+0020); then upper case. Accents are not folded (Excel
//   cannot fold them). Letters whose upper case differs between engines (ß: Excel keeps it, LibreOffice
//   gives ẞ, JavaScript "SS") and characters outside the BMP (LEN counts them differently) are outside
//   what the formulas are guaranteed to match like the TypeScript.
// - A key ("k" + the first KEY_LENGTH characters of matchKey) is what the helper key columns hold: the
//   prefix keeps a COUNTIFS criterion from ever being a number ("01" vs 1) or an operator ("<>x",
//   "=x"), the cut keeps an escaped criterion under Excel's 255-character limit.
// - Wildcards `~ * ?` in a criterion are escaped with `~` (criterion form), so they match themselves.
// Only Excel 2007 functions (no _xlfn. prefix needed in files): NBSP is written as a literal character.

/** An Excel string literal. */
export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Characters the formulas turn into a space before TRIM, as formula expressions: CHAR for the ASCII
 * controls (a literal CR would not survive XML), literal characters for NBSP and narrow NBSP (CHAR(160)
 * is not NBSP on a Mac, and UNICHAR would need the _xlfn. prefix in files).
 */
const SPACE_LIKE = [quote("\u00a0"), quote("\u202f"), "CHAR(9)", "CHAR(10)", "CHAR(13)"] as const;

const SPACE_LIKE_RE = /[\u00a0\u202f\t\n\r]/g;
const NEEDS_TRIM_RE = /[\u00a0\u202f\t\n\r]| {2}|^ | $/;

/** Characters of a key kept after the prefix (an escaped key stays within 1 + 2·125 < 255). */
export const KEY_LENGTH = 125;
const KEY_PREFIX = "k";

/** Excel's TRIM after turning NBSP, tab, CR, LF into spaces (case kept): how a key cell reads as text. */
export function excelTrim(text: string): string {
  // Fast path: most cells have nothing to normalise (the reader calls this on every key cell).
  if (!NEEDS_TRIM_RE.test(text)) return text;
  return text.replace(SPACE_LIKE_RE, " ").replace(/ +/g, " ").replace(/^ | $/g, "");
}

/** The normalised text the formulas compare: excelTrim, then upper case. */
export function matchKey(text: string): string {
  return excelTrim(text).toUpperCase();
}

/** Helper key of a Codice / Obiettivo / group label ("k" for an empty one). */
export function keyOf(text: string | null): string {
  return KEY_PREFIX + (text === null ? "" : matchKey(text).slice(0, KEY_LENGTH));
}

/** A key as a COUNTIFS criterion value: `~ * ?` escaped. */
export function criterionOf(key: string): string {
  return key.replace(/[~*?]/g, (c) => "~" + c);
}

// ---------------------------------------------------------------------------------------------
// Formula twins
// ---------------------------------------------------------------------------------------------

/** `UPPER(TRIM(SUBSTITUTE(…)))` of a cell or expression: matchKey in a formula. */
export function matchKeyFormula(x: string): string {
  let s = x;
  for (const ch of SPACE_LIKE) s = `SUBSTITUTE(${s},${ch}," ")`;
  return `UPPER(TRIM(${s}))`;
}

/** The helper key of a cell: "k" & LEFT(matchKey, 125); an error value gives "k" (as empty). */
export function keyFormula(x: string): string {
  return `"${KEY_PREFIX}"&IFERROR(LEFT(${matchKeyFormula(x)},${KEY_LENGTH}),"")`;
}

/** Criterion form of a key expression: `~ * ?` escaped with `~`. */
export function criterionFormula(key: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${key},"~","~~"),"*","~*"),"?","~?")`;
}

/** Lower case, no accents, no apostrophes, single spaces, trimmed. */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’‘`´ʼ]/g, "")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .toLowerCase();
}

/**
 * A group label with case, accents, spaces and punctuation folded away (normalizeHeader, then only
 * letters and digits kept): spellings a person means as one label (LABEL_NEAR_DUPLICATE). Never used
 * for what formulas match.
 */
export function foldLabel(text: string): string {
  return normalizeHeader(text).replace(/[^\p{L}\p{N}]+/gu, "");
}

/** How formulas match an Obiettivo to a Codice: equal helper keys (./keys.ts). */
export function codeKey(code: string): string {
  return keyOf(code);
}

/** An objective without a Codice: the formulas give it no value (and the reader leaves it out). */
export function isKeyless(code: string): boolean {
  return matchKey(code) === "";
}

/** Polarità as the formula tests it: its match key is DECRESCENTE. */
export function isDecrescente(polarita: string | null): boolean {
  return polarita !== null && matchKey(polarita) === "DECRESCENTE";
}
