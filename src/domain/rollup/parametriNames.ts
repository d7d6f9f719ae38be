// The peg* workbook names: each Parametro read by a formula exactly as the reader reads the cell (docs/reference/formulas.md).
import type { ParametroCell, Plan } from "../model/model";
import { mostCommonYear } from "../model/model";
import { columnLetter, quoteSheetName } from "../model/raw";
import { type ParametroKey } from "../model/schema";
import { quote } from "../reading/keys";
import { paramDateFormula, paramNumberFormula, paramYearFormula } from "../reading/paramText";
import { isDateFormat, isPercentFormat } from "../reading/values";

/** Workbook names the formulas use for the Parametri values. */
export const PARAM_NAMES = {
  anno: "pegAnno",
  dataRiferimento: "pegDataRiferimento",
  pesoFasiNelGrado: "pegPesoFasi",
  sogliaRaggiunto: "pegSogliaRaggiunto",
  sogliaParzialmente: "pegSogliaParziale",
  formulaDecrescente: "pegFormulaDecrescente",
} as const;

// ---------------------------------------------------------------------------------------------
// Parametri names
// ---------------------------------------------------------------------------------------------

/** Default Anno the reader used for an empty or invalid Anno cell. */
export function defaultAnno(plan: Plan): number {
  return plan.layout.parametri?.defaultAnno ?? mostCommonYear(plan.fasi) ?? plan.parametri.anno;
}

export function num(n: number): string {
  return String(n);
}

/** Last serial + 1 and first serial of a date cell the reader accepts, per date system. */
const SERIAL_RANGE = { d1900: [1, 2958466], d1904: [0, 2958466 - 1462] } as const;

/**
 * Definitions of the Parametri names. A parameter present in the sheet is read live with the reader's
 * rules (see the module comment); an absent one, or a cell saved without its value, is the constant
 * the TypeScript used (the default).
 */
export function parameterNames(plan: Plan): { name: string; refersTo: string }[] {
  const p = plan.parametri;
  const layout = plan.layout.parametri;
  const date1904 = plan.layout.date1904 === true;
  const cellOf = (key: ParametroKey): { ref: string; cell: ParametroCell } | null => {
    const c = layout?.cells[key];
    if (!c || !layout || c.uncached) return null;
    return { ref: `${quoteSheetName(layout.sheet)}!$${columnLetter(c.col)}$${c.row}`, cell: c };
  };
  /** Number, empty or text cell: the three ways the reader reads a parameter (errors → default). */
  const live = (c: string, number: string, text: string, def: string) =>
    `=IFERROR(IF(ISNUMBER(${c}),${number},IF(TRIM(${c})="",${def},${text})),${def})`;
  const names: { name: string; refersTo: string }[] = [];

  const anno = cellOf("anno");
  const defAnno = num(defaultAnno(plan));
  const inYears = (v: string) => `IF(AND(${v}>=1900,${v}<=9999,${v}=INT(${v})),${v},${defAnno})`;
  names.push({
    name: PARAM_NAMES.anno,
    refersTo: anno
      ? live(anno.ref, inYears(anno.ref), inYears(paramYearFormula(anno.ref, "0")), defAnno)
      : `=${p.anno}`,
  });

  const data = cellOf("dataRiferimento");
  const d31 = `DATE(${PARAM_NAMES.anno},12,31)`;
  const [lo, hi] = date1904 ? SERIAL_RANGE.d1904 : SERIAL_RANGE.d1900;
  names.push({
    name: PARAM_NAMES.dataRiferimento,
    refersTo: data
      ? live(
          data.ref,
          `IF(AND(${data.ref}>=${lo},${data.ref}<${hi}),INT(${data.ref}),${d31})`,
          paramDateFormula(data.ref, d31, date1904),
          d31,
        )
      : `=${d31}`,
  });

  /** A 0–100 parameter; the number branch follows the format the reader saw. */
  const percentExpr = (key: ParametroKey, def: number): string | null => {
    const c = cellOf(key);
    if (!c) return null;
    const fmt = c.cell.numberFormat;
    const d = num(def);
    let number: string;
    if (isPercentFormat(fmt)) {
      const x = `ROUND(${c.ref}*100,9)`;
      number = `IF(AND(${x}>=0,${x}<=100),${x},${d})`;
    } else if (isDateFormat(fmt)) number = d;
    else number = `IF(AND(${c.ref}>=0,${c.ref}<=100),${c.ref},${d})`;
    return live(c.ref, number, paramNumberFormula(c.ref, d, 100), d);
  };
  names.push({
    name: PARAM_NAMES.pesoFasiNelGrado,
    refersTo: percentExpr("pesoFasiNelGrado", 50) ?? `=${num(p.pesoFasiNelGrado)}`,
  });
  names.push({
    name: PARAM_NAMES.sogliaRaggiunto,
    refersTo: percentExpr("sogliaRaggiunto", 90) ?? `=${num(p.sogliaRaggiunto)}`,
  });
  // The reader lowers an inverted Soglia parzialmente (or the default 70) to min(70, Soglia raggiunto).
  const parziale = percentExpr("sogliaParzialmente", 70);
  const sr = PARAM_NAMES.sogliaRaggiunto;
  names.push({
    name: PARAM_NAMES.sogliaParzialmente,
    refersTo: parziale
      ? `=IF(${parziale.slice(1)}>${sr},MIN(70,${sr}),${parziale.slice(1)})`
      : `=MIN(70,${sr})`,
  });

  const formula = cellOf("formulaDecrescente");
  let squeezed = formula ? formula.ref : "";
  for (const ch of [`" "`, `"\u00a0"`, `"\u202f"`, "CHAR(9)", "CHAR(10)", "CHAR(13)"])
    squeezed = `SUBSTITUTE(${squeezed},${ch},"")`;
  for (const dash of ["\u2212", "\u2013", "\u2014"]) squeezed = `SUBSTITUTE(${squeezed},"${dash}","-")`;
  names.push({
    name: PARAM_NAMES.formulaDecrescente,
    refersTo: formula
      ? `=IFERROR(IF(UPPER(${squeezed})="2T-A","2T-A","T/A"),"T/A")`
      : `=${quote(p.formulaDecrescente)}`,
  });
  return names;
}
