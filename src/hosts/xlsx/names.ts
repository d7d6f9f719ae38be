// Workbook defined names. exceljs keeps names only as cell ranges: a name pointing at a cell or range
// goes through its API; anything else (a formula, a structured reference) is appended to the model
// exceljs serialises, so it is written verbatim.
import type * as ExcelJS from "exceljs";
import { definedNamesOf } from "./internals";

const RANGE = /^(?:'[^']+(?:''[^']*)*'|[^!'=]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/i;

interface FormulaNames {
  __formulaNames?: Map<string, string>;
}

export function applyDefinedNames(wb: ExcelJS.Workbook, names: { name: string; refersTo: string }[]): void {
  const dn = definedNamesOf(wb);
  const extra = formulaNames(wb);
  for (const { name, refersTo } of names) {
    const text = refersTo.startsWith("=") ? refersTo.slice(1) : refersTo;
    // Replace any earlier definition of the same name (case-insensitive, as Excel compares names).
    for (const existing of Object.keys(dn.matrixMap)) {
      if (existing.toLowerCase() === name.toLowerCase()) delete dn.matrixMap[existing];
    }
    for (const existing of [...extra.keys()]) {
      if (existing.toLowerCase() === name.toLowerCase()) extra.delete(existing);
    }
    if (RANGE.test(text)) dn.add(text, name);
    else extra.set(name, text);
  }
}

/** Names written verbatim, installed once per workbook on top of exceljs's own model getter. */
function formulaNames(wb: ExcelJS.Workbook): Map<string, string> {
  const holder = wb.definedNames as unknown as FormulaNames;
  if (holder.__formulaNames) return holder.__formulaNames;
  const map = new Map<string, string>();
  holder.__formulaNames = map;
  const proto = Object.getPrototypeOf(wb.definedNames) as object;
  const base = Object.getOwnPropertyDescriptor(proto, "model");
  Object.defineProperty(wb.definedNames, "model", {
    configurable: true,
    get() {
      const own = (base?.get?.call(this) ?? []) as { name: string; ranges: string[] }[];
      return [...own, ...[...map].map(([name, text]) => ({ name, ranges: [text] }))];
    },
    set(value: unknown) {
      base?.set?.call(this, value);
    },
  });
  return map;
}

/** One or more plain ranges separated by commas: what exceljs can keep. */
export function isPlainRangeList(text: string): boolean {
  return text.split(",").every((part) => RANGE.test(part.trim()));
}

/**
 * exceljs parses a formula name (`=IF(Parametri!$B$3>0,…)`) into fragments of ranges and writes those
 * back: a broken name Excel repairs. Put back, verbatim, every workbook-level name that is not a
 * plain range list, as the file had it.
 */
export function restoreFormulaNames(wb: ExcelJS.Workbook, names: { name: string; text: string }[]): void {
  const formulas = names.filter((n) => !n.name.startsWith("_xlnm.") && !isPlainRangeList(n.text));
  if (formulas.length > 0)
    applyDefinedNames(
      wb,
      formulas.map((n) => ({ name: n.name, refersTo: n.text })),
    );
}

/** The names as the workbook will write them (range names and verbatim ones). */
export function listDefinedNames(wb: ExcelJS.Workbook): { name: string; refersTo: string }[] {
  return definedNamesOf(wb).model.map((n) => ({ name: n.name, refersTo: "=" + n.ranges.join(",") }));
}
