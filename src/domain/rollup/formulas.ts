// docs/reference/formulas.md as live Excel formulas: computed columns, defined names for Parametri, the Riepilogo sheet.
//
// Design (each formula mirrors a function of ./rollup.ts; test/rollup and test/fuzz check them against
// LibreOffice on clean and dirty workbooks):
// - Parametri reach the formulas through workbook names (pegPesoFasi, pegSogliaRaggiunto, …) whose
//   definitions read the cell exactly as the reader does: numbers (a percent-formatted one ×100, a
//   date-formatted one invalid, as the reader saw the format), text in the forms of ./paramText.ts,
//   defaults and range checks; a cell saved without its value is ignored (the constant the reader used).
// - Codes and group labels are matched through helper key columns ("k" & the match key, ./keys.ts):
//   spaces/NBSP and case never split a match, and a criterion is never a number, an operator or a
//   wildcard. Per row O(1); per objective and per group SUMIFS/COUNTIFS over whole columns (O(N)), never
//   SUMPRODUCT: Excel evaluates them fast on tens of thousands of rows.
// - Inside Excel tables, references are structured in the form Excel stores in files
//   (`tblFasi[[#This Row],[Peso]]`, `tblFasi[Obiettivo]`) with the table's own column names (trailing
//   spaces and all); a name ending in an apostrophe ("POLARITA'") is addressed in A1 form instead,
//   because LibreOffice cannot parse `[POLARITA'']`. Plain ranges get absolute A1 ranges.
// - Only Excel 2007 functions, so files need no _xlfn. prefixes.
// - Nothing errors: every input is tested with ISNUMBER / IFERROR first; an empty result is "".
//
// What the formulas cannot reproduce, the reader reports on its cell (docs/decisions.md): numbers and
// dates typed as text and percent-formatted Peso/Avanzamento (FORMULA_DIFFERS: the formulas see text as
// empty and a percent cell as its fraction), formula cells saved without a value (FORMULA_NO_VALUE).
import { criterionFormula, criterionOf, keyFormula, keyOf, matchKeyFormula, quote } from "../reading/keys";
import { normalizeHeader } from "../reading/headers";
import { rollupStrings } from "../messages";
import type { Fase, Indicatore, Obiettivo, ParametroCell, Plan, SheetLayout } from "../model/model";
import { paramDateFormula, paramNumberFormula, paramYearFormula } from "../reading/paramText";
import { columnLetter } from "../model/raw";
import { todayIso, type IsoDate } from "../model/dates";
import { mostCommonYear } from "../reading/reader";
import { buildRiepilogo } from "../riepilogo/riepilogo";
import { codeKey, GROUPINGS, isDecrescente, isKeyless, type GroupKey, type Rollups } from "./rollup";
import {
  COMPUTED_COLUMNS,
  type FaseField,
  type IndicatoreField,
  type ObiettivoField,
  type ParametroKey,
} from "../model/schema";
import type { ComputedColumn, ComputedTable, RollupWritePlan } from "../model/sheet";
import { isDateFormat, isPercentFormat } from "../reading/values";

export { quote };

/** Workbook names the formulas use for the Parametri values. */
export const PARAM_NAMES = {
  anno: "pegAnno",
  dataRiferimento: "pegDataRiferimento",
  pesoFasiNelGrado: "pegPesoFasi",
  sogliaRaggiunto: "pegSogliaRaggiunto",
  sogliaParzialmente: "pegSogliaParziale",
  formulaDecrescente: "pegFormulaDecrescente",
} as const;

const [H_F, H_R, H_G, H_ESITO] = COMPUTED_COLUMNS.obiettivi;
const [H_TEMPISTICA, H_SCOSTAMENTO] = COMPUTED_COLUMNS.fasi;
const [H_RAGG] = COMPUTED_COLUMNS.indicatori;
const HELPERS = rollupStrings.helperHeaders;

// ---------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------

/** A sheet name as formulas write it (quoted when it is not a plain identifier). */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Excel's escape for a column name inside a structured reference: `'`, `#`, `[`, `]` get a `'`. */
export function escapeColumnName(name: string): string {
  return name.replace(/['#[\]]/g, (c) => `'${c}`);
}

// Characters after which Excel needs the inner brackets even in a whole-column reference (and any
// whitespace but a plain inner space: leading/trailing spaces would read as formatting).
const SPECIAL_COLUMN_CHARS = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/@!()%~`;?|\\\u00a0\u202f]|^\s|\s$/;

/** A column LibreOffice cannot address by name: `[NAME'']` (an escaped apostrophe before `]`). */
function unaddressable(name: string): boolean {
  return name.endsWith("'");
}

/** How formulas address the data of one sheet: whole columns and the cell of the current row. */
export interface SheetRefs {
  /** Whole data column (table column or absolute range over the data rows). */
  column(col: number): string;
  /** The cell of `row` in column `col` (same sheet as the formula). */
  here(col: number, row: number): string;
  /** True when formulas are equal on every row (an Excel table, where they form a calculated column). */
  readonly structured: boolean;
}

export function sheetRefs(
  layout: Pick<SheetLayout, "sheet" | "table" | "firstRow" | "lastRow">,
  nameOf: (col: number) => string,
): SheetRefs {
  const last = Math.max(layout.firstRow, layout.lastRow);
  const s = sheetRef(layout.sheet);
  const a1Column = (col: number) => {
    const l = columnLetter(col);
    return `${s}!$${l}$${layout.firstRow}:$${l}$${last}`;
  };
  const a1Here = (col: number, row: number) => `$${columnLetter(col)}${row}`;
  if (layout.table) {
    const t = layout.table;
    return {
      structured: true,
      column(col) {
        const name = nameOf(col);
        if (unaddressable(name)) return a1Column(col);
        const escaped = escapeColumnName(name);
        return SPECIAL_COLUMN_CHARS.test(name) ? `${t}[[${escaped}]]` : `${t}[${escaped}]`;
      },
      here(col, row) {
        const name = nameOf(col);
        return unaddressable(name) ? a1Here(col, row) : `${t}[[#This Row],[${escapeColumnName(name)}]]`;
      },
    };
  }
  return { structured: false, column: a1Column, here: a1Here };
}

/** Places the computed columns: where the header already is, else appended right of the last column. */
export function assignColumns(
  layout: Pick<SheetLayout, "lastCol" | "headers">,
  headers: string[],
): Map<string, number> {
  const existing = new Map<string, number>();
  for (const [col, text] of Object.entries(layout.headers)) {
    const k = normalizeHeader(text);
    if (k !== "" && !existing.has(k)) existing.set(k, Number(col));
  }
  const out = new Map<string, number>();
  let next = Math.max(layout.lastCol, ...Object.keys(layout.headers).map(Number)) + 1;
  for (const h of headers) {
    const found = existing.get(normalizeHeader(h));
    out.set(h, found ?? next++);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parametri names
// ---------------------------------------------------------------------------------------------

/** Default Anno the reader used for an empty or invalid Anno cell. */
function defaultAnno(plan: Plan): number {
  return plan.layout.parametri?.defaultAnno ?? mostCommonYear(plan.fasi) ?? plan.parametri.anno;
}

function num(n: number): string {
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
    return { ref: `${sheetRef(layout.sheet)}!$${columnLetter(c.col)}$${c.row}`, cell: c };
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

// ---------------------------------------------------------------------------------------------
// Computed columns
// ---------------------------------------------------------------------------------------------

/** A helper key cell of a row without a key: "k" (empty), or "" from an error — never a criterion. */
function keyless(k: string): string {
  return `LEN(${k})<2`;
}

/** A number or 0 (empty, text and error cells count as empty). */
function orZero(x: string): string {
  return `IF(ISNUMBER(${x}),${x},0)`;
}

/** A value of a percent column read ×100 (layout.percentColumns), as the reader reads it. */
function scaled(x: string, percent: boolean): string {
  return percent ? `(100*${x})` : x;
}

/** Sum of the numeric cells of `sumRange` where the criteria hold (text and errors skipped). */
function sumNumeric(sumRange: string, criteria: string): string {
  return `(SUMIFS(${sumRange},${criteria},${sumRange},">0")+SUMIFS(${sumRange},${criteria},${sumRange},"<0"))`;
}

interface Built {
  table: ComputedTable;
  refs: SheetRefs;
  colOf: Map<string, number>;
}

function rowsOf<T extends { row: number }>(layout: SheetLayout, items: T[]): (T | undefined)[] {
  const byRow = new Map(items.map((i) => [i.row, i]));
  const out: (T | undefined)[] = [];
  for (let r = layout.firstRow; r <= layout.lastRow; r++) out.push(byRow.get(r));
  return out;
}

function makeColumn(
  layout: SheetLayout,
  header: string,
  col: number,
  formula: (row: number) => string,
  result: (i: number) => number | string | null,
  extra: Partial<ComputedColumn> = {},
): ComputedColumn {
  const formulas: string[] = [];
  const results: (number | string | null)[] = [];
  for (let r = layout.firstRow, i = 0; r <= layout.lastRow; r++, i++) {
    formulas.push("=" + formula(r));
    results.push(result(i));
  }
  return { header, col, formulas, results, ...extra };
}

/**
 * Helper column Peso × value (0 unless both are numbers and Peso > 0): what SUMIFS adds up for the
 * weighted means of R (indicators) and of Grado medio (objectives).
 */
function weightedColumn(
  layout: SheetLayout,
  header: string,
  col: number,
  here: (col: number, row: number) => string,
  weightCol: number,
  valueCol: number,
  item: (i: number) => { peso: number | null; value: number | null } | null,
  weightPercent: boolean,
): ComputedColumn {
  return makeColumn(
    layout,
    header,
    col,
    (row) => {
      const p = here(weightCol, row);
      const v = here(valueCol, row);
      return `IF(ISNUMBER(${v}),IF(ISNUMBER(${p}),IF(${p}>0,${scaled(p, weightPercent)}*${v},0),0),0)`;
    },
    (i) => {
      const x = item(i);
      return x && x.value !== null && x.peso !== null && x.peso > 0 ? x.peso * x.value : 0;
    },
    { numberFormat: "0.00", helper: true },
  );
}

/**
 * Helper column of match keys (helper style). No "@" format: Excel stores a formula typed into a
 * text-formatted cell as text.
 */
function keyColumn(
  layout: SheetLayout,
  header: string,
  col: number,
  formula: (row: number) => string,
  result: (i: number) => string,
): ComputedColumn {
  return makeColumn(layout, header, col, formula, result, { helper: true });
}

/** Names formulas use for the columns: ours by their header, the user's as the table names them. */
function nameLookup(layout: SheetLayout, colOf: Map<string, number>): (col: number) => string {
  const byCol = new Map([...colOf].map(([h, c]) => [c, h]));
  return (col) => byCol.get(col) ?? layout.columnNames?.[col] ?? layout.headers[col] ?? "";
}

function buildIndicatori(plan: Plan, rollups: Rollups): Built | null {
  const L = plan.layout.indicatori as SheetLayout<IndicatoreField> | null;
  if (!L) return null;
  const c = L.columns;
  const hasPeso = c.peso !== undefined;
  const H_PR = HELPERS.indicatori.pesoRaggiungimento;
  const H_KEY = HELPERS.indicatori.obiettivo;
  const colOf = assignColumns(L, hasPeso ? [H_RAGG, H_PR, H_KEY] : [H_RAGG, H_KEY]);
  const refs = sheetRefs(L, nameLookup(L, colOf));
  const at = (col: number | undefined, row: number) => (col === undefined ? null : refs.here(col, row));
  const rCol = colOf.get(H_RAGG) as number;
  const keyCol = colOf.get(H_KEY) as number;
  const items = rowsOf(L, plan.indicatori);
  const byInd = new Map<Indicatore, number | null>(
    plan.indicatori.map((ind, n) => [ind, rollups.indicatori[n].raggiungimento]),
  );
  const fd = PARAM_NAMES.formulaDecrescente;

  const rFormula = (row: number) => {
    const T = at(c.valoreAtteso, row);
    const A = at(c.valoreRaggiunto, row);
    const K = refs.here(keyCol, row);
    if (T === null || A === null) return `""`;
    const crescente = `IF(${T}>0,MIN(100,MAX(0,${A}/${T}*100)),IF(${A}>=${T},100,0))`;
    const due = `IF(${T}>0,MIN(100,MAX(0,(2*${T}-${A})/${T}*100)),IF(${A}<=${T},100,0))`;
    const ta = `IF(${A}<=${T},100,IF(${A}=0,0,MIN(100,MAX(0,${T}/${A}*100))))`;
    const P = at(c.polarita, row);
    const body = P
      ? `IF(IFERROR(${matchKeyFormula(P)}="DECRESCENTE",FALSE),IF(${fd}="2T-A",${due},${ta}),${crescente})`
      : crescente;
    return `IF(${keyless(K)},"",IF(AND(ISNUMBER(${T}),ISNUMBER(${A})),${body},""))`;
  };
  const columns: ComputedColumn[] = [
    makeColumn(
      L,
      H_RAGG,
      rCol,
      rFormula,
      (i) => {
        const ind = items[i];
        return ind ? (byInd.get(ind) ?? null) : null;
      },
      { numberFormat: "0.00" },
    ),
  ];
  if (hasPeso) {
    const pCol = c.peso as number;
    columns.push(
      weightedColumn(
        L,
        H_PR,
        colOf.get(H_PR) as number,
        refs.here,
        pCol,
        rCol,
        (i) => {
          const ind = items[i];
          return ind ? { peso: ind.peso, value: byInd.get(ind) ?? null } : null;
        },
        L.percentColumns?.peso === true,
      ),
    );
  }
  columns.push(
    keyColumn(
      L,
      H_KEY,
      keyCol,
      (row) => keyFormula(refs.here(c.obiettivo as number, row)),
      (i) => codeKey(items[i]?.obiettivo ?? ""),
    ),
  );
  return { table: tableOf(L, columns), refs, colOf };
}

function buildFasi(plan: Plan, rollups: Rollups): Built | null {
  const L = plan.layout.fasi as SheetLayout<FaseField> | null;
  if (!L) return null;
  const c = L.columns;
  const hasPeso = c.peso !== undefined;
  const H_PA = HELPERS.fasi.pesoAvanzamento;
  const H_KEY = HELPERS.fasi.obiettivo;
  const colOf = assignColumns(
    L,
    hasPeso ? [H_TEMPISTICA, H_SCOSTAMENTO, H_PA, H_KEY] : [H_TEMPISTICA, H_SCOSTAMENTO, H_KEY],
  );
  const refs = sheetRefs(L, nameLookup(L, colOf));
  const at = (col: number | undefined, row: number) => (col === undefined ? null : refs.here(col, row));
  const keyCol = colOf.get(H_KEY) as number;
  const items = rowsOf(L, plan.fasi);
  const byFase = new Map<Fase, (typeof rollups.fasi)[number]>(plan.fasi.map((f, n) => [f, rollups.fasi[n]]));
  const D = PARAM_NAMES.dataRiferimento;
  const pesoPercent = L.percentColumns?.peso === true;
  const avanzamentoPercent = L.percentColumns?.avanzamento === true;

  const parts = (row: number) => {
    const K = refs.here(keyCol, row);
    const FP = at(c.finePrevista, row);
    const FE = at(c.fineEffettiva, row);
    const a = at(c.avanzamento, row);
    const open = `AND(${a ? scaled(orZero(a), avanzamentoPercent) : "0"}<100,${D}>INT(${FP}))`;
    return { K, FP, FE, open };
  };
  const tempFormula = (row: number) => {
    const { K, FP, FE, open } = parts(row);
    if (FP === null) return `""`;
    const closed = FE
      ? `IF(ISNUMBER(${FE}),IF(INT(${FE})<INT(${FP}),"In anticipo",IF(INT(${FE})=INT(${FP}),"Nei tempi","In ritardo")),`
      : "";
    return `IF(${keyless(K)},"",IF(ISNUMBER(${FP}),${closed}IF(${open},"In ritardo","In corso")${FE ? ")" : ""},""))`;
  };
  const scostFormula = (row: number) => {
    const { K, FP, FE, open } = parts(row);
    if (FP === null) return `""`;
    const closed = FE ? `IF(ISNUMBER(${FE}),INT(${FE})-INT(${FP}),` : "";
    return `IF(${keyless(K)},"",IF(ISNUMBER(${FP}),${closed}IF(${open},${D}-INT(${FP}),"")${FE ? ")" : ""},""))`;
  };
  const fr = (i: number) => {
    const f = items[i];
    return f ? byFase.get(f) : undefined;
  };
  const columns: ComputedColumn[] = [
    makeColumn(
      L,
      H_TEMPISTICA,
      colOf.get(H_TEMPISTICA) as number,
      tempFormula,
      (i) => fr(i)?.tempistica ?? null,
    ),
    makeColumn(
      L,
      H_SCOSTAMENTO,
      colOf.get(H_SCOSTAMENTO) as number,
      scostFormula,
      (i) => fr(i)?.scostamentoGiorni ?? null,
      { numberFormat: "0" },
    ),
  ];
  if (hasPeso) {
    const wCol = c.peso as number;
    columns.push(
      makeColumn(
        L,
        H_PA,
        colOf.get(H_PA) as number,
        (row) => {
          const w = refs.here(wCol, row);
          const a = at(c.avanzamento, row);
          const A = a ? scaled(orZero(a), avanzamentoPercent) : "0";
          return `IF(${keyless(refs.here(keyCol, row))},0,IF(ISNUMBER(${w}),IF(${w}>0,${scaled(w, pesoPercent)}*${A},0),0))`;
        },
        (i) => {
          const f = items[i];
          return f && f.peso !== null && f.peso > 0 ? f.peso * (f.avanzamento ?? 0) : 0;
        },
        { numberFormat: "0.00", helper: true },
      ),
    );
  }
  columns.push(
    keyColumn(
      L,
      H_KEY,
      keyCol,
      (row) => keyFormula(refs.here(c.obiettivo as number, row)),
      (i) => codeKey(items[i]?.obiettivo ?? ""),
    ),
  );
  return { table: tableOf(L, columns), refs, colOf };
}

function buildObiettivi(plan: Plan, rollups: Rollups, fasi: Built | null, ind: Built | null): Built | null {
  const L = plan.layout.obiettivi as SheetLayout<ObiettivoField> | null;
  if (!L) return null;
  const c = L.columns;
  const hasPeso = c.peso !== undefined;
  const H_PG = HELPERS.obiettivi.pesoGrado;
  const H_KEY = HELPERS.obiettivi.codice;
  const groupings = GROUPINGS.filter((g) => c[g.key] !== undefined);
  const groupHeaders = groupings.map((g) => HELPERS.obiettivi[g.key]);
  const colOf = assignColumns(L, [
    H_F,
    H_R,
    H_G,
    H_ESITO,
    ...(hasPeso ? [H_PG] : []),
    H_KEY,
    ...groupHeaders,
  ]);
  const refs = sheetRefs(L, nameLookup(L, colOf));
  const items = rowsOf(L, plan.obiettivi);
  const byOb = new Map<Obiettivo, (typeof rollups.obiettivi)[number]>(
    plan.obiettivi.map((o, n) => [o, rollups.obiettivi[n]]),
  );
  const res = (i: number) => {
    const o = items[i];
    return o ? byOb.get(o) : undefined;
  };
  const fCol = colOf.get(H_F) as number;
  const rCol = colOf.get(H_R) as number;
  const gCol = colOf.get(H_G) as number;
  const keyCol = colOf.get(H_KEY) as number;
  /** This row's Codice key in criterion form (the helper holds it escaped). */
  const crit = (row: number) => refs.here(keyCol, row);

  const fFormula = (row: number) => {
    const C = crit(row);
    const FL = plan.layout.fasi;
    if (!fasi || !FL) return `""`;
    const FK = fasi.refs.column(fasi.colOf.get(HELPERS.fasi.obiettivo) as number);
    const criteria = `${FK},${C}`;
    const n = `COUNTIFS(${criteria})`;
    const mean =
      FL.columns.avanzamento !== undefined
        ? `${scaled(sumNumeric(fasi.refs.column(FL.columns.avanzamento), criteria), FL.percentColumns?.avanzamento === true)}/${n}`
        : "0";
    let body = mean;
    if (FL.columns.peso !== undefined) {
      const FW = fasi.refs.column(FL.columns.peso);
      const sw = scaled(`SUMIFS(${FW},${criteria},${FW},">0")`, FL.percentColumns?.peso === true);
      const FH = fasi.refs.column(fasi.colOf.get(HELPERS.fasi.pesoAvanzamento) as number);
      body = `IF(${sw}>0,SUMIFS(${FH},${criteria})/${sw},${mean})`;
    }
    return `IF(${keyless(C)},"",IF(${n}=0,"",${body}))`;
  };
  const rFormula = (row: number) => {
    const C = crit(row);
    const IL = plan.layout.indicatori;
    if (!ind || !IL) return `""`;
    const IK = ind.refs.column(ind.colOf.get(HELPERS.indicatori.obiettivo) as number);
    const IR = ind.refs.column(ind.colOf.get(H_RAGG) as number);
    const criteria = `${IK},${C},${IR},">=0"`;
    const n = `COUNTIFS(${criteria})`;
    const mean = `SUMIFS(${IR},${IK},${C})/${n}`;
    let body = mean;
    if (IL.columns.peso !== undefined) {
      const IP = ind.refs.column(IL.columns.peso);
      const IH = ind.refs.column(ind.colOf.get(HELPERS.indicatori.pesoRaggiungimento) as number);
      const sp = scaled(`SUMIFS(${IP},${criteria},${IP},">0")`, IL.percentColumns?.peso === true);
      body = `IF(COUNTIFS(${criteria},${IP},">0")=${n},SUMIFS(${IH},${IK},${C})/(${sp}),${mean})`;
    }
    return `IF(${keyless(C)},"",IF(${n}=0,"",${body}))`;
  };
  const gFormula = (row: number) => {
    const F = refs.here(fCol, row);
    const R = refs.here(rCol, row);
    const w = PARAM_NAMES.pesoFasiNelGrado;
    return `IF(AND(ISNUMBER(${F}),ISNUMBER(${R})),(${w}*${F}+(100-${w})*${R})/100,IF(ISNUMBER(${F}),${F},IF(ISNUMBER(${R}),${R},"")))`;
  };
  const esitoFormula = (row: number) => {
    const C = crit(row);
    const G = refs.here(gCol, row);
    return (
      `IF(${keyless(C)},"",IF(ISNUMBER(${G}),IF(ROUND(${G},9)>=${PARAM_NAMES.sogliaRaggiunto},"Raggiunto",` +
      `IF(ROUND(${G},9)>=${PARAM_NAMES.sogliaParzialmente},"Parzialmente raggiunto","Non raggiunto")),"Non valutabile"))`
    );
  };
  const columns: ComputedColumn[] = [
    makeColumn(L, H_F, fCol, fFormula, (i) => res(i)?.avanzamentoFasi ?? null, { numberFormat: "0.00" }),
    makeColumn(L, H_R, rCol, rFormula, (i) => res(i)?.raggiungimentoIndicatori ?? null, {
      numberFormat: "0.00",
    }),
    makeColumn(L, H_G, gCol, gFormula, (i) => res(i)?.grado ?? null, { numberFormat: "0.00" }),
    makeColumn(L, H_ESITO, colOf.get(H_ESITO) as number, esitoFormula, (i) => {
      const o = items[i];
      // Rows without a Codice have no Esito in the sheet (the formula shows "").
      return o && !isKeyless(o.codice) ? (res(i)?.esito ?? null) : null;
    }),
  ];
  if (hasPeso) {
    const pCol = c.peso as number;
    columns.push(
      weightedColumn(
        L,
        H_PG,
        colOf.get(H_PG) as number,
        refs.here,
        pCol,
        gCol,
        (i) => {
          const o = items[i];
          return o ? { peso: o.peso, value: res(i)?.grado ?? null } : null;
        },
        L.percentColumns?.peso === true,
      ),
    );
  }
  columns.push(
    keyColumn(
      L,
      H_KEY,
      keyCol,
      (row) => criterionFormula(keyFormula(refs.here(c.codice as number, row))),
      (i) => criterionOf(codeKey(items[i]?.codice ?? "")),
    ),
  );
  groupings.forEach((g, n) => {
    const header = groupHeaders[n];
    columns.push(
      keyColumn(
        L,
        header,
        colOf.get(header) as number,
        // Rows without a Codice have no Esito, so no group counts them: their group key is "k".
        (row) => `IF(${keyless(crit(row))},"k",${keyFormula(refs.here(c[g.key] as number, row))})`,
        (i) => {
          const o = items[i];
          return o ? keyOf(o[g.key]) : keyOf(null);
        },
      ),
    );
  });
  return { table: tableOf(L, columns), refs, colOf };
}

function tableOf(L: SheetLayout, columns: ComputedColumn[]): ComputedTable {
  return {
    sheet: L.sheet,
    table: L.table,
    headerRow: L.headerRow,
    firstRow: L.firstRow,
    lastRow: L.lastRow,
    columns,
  };
}

/** Where the Riepilogo formulas find the Obiettivi columns they count. */
export interface ObiettiviRefs {
  /** Whole helper key column of a grouping, or null when the sheet has no such column. */
  group: (key: GroupKey) => string | null;
  esito: string;
  grado: string;
  peso: string | null;
  /** The Peso column is read ×100 (percent-formatted). */
  pesoPercent: boolean;
  pesoGrado: string | null;
}

export function buildRollupWritePlan(
  plan: Plan,
  rollups: Rollups,
  generatedOn: IsoDate = todayIso(),
): RollupWritePlan {
  const ind = buildIndicatori(plan, rollups);
  const fasi = buildFasi(plan, rollups);
  const ob = buildObiettivi(plan, rollups, fasi, ind);
  const computed = [ob, fasi, ind].filter((b): b is Built => b !== null).map((b) => b.table);
  let obRefs: ObiettiviRefs | null = null;
  const L = plan.layout.obiettivi;
  if (ob && L) {
    obRefs = {
      group: (key) => {
        const col = ob.colOf.get(HELPERS.obiettivi[key]);
        return col === undefined ? null : ob.refs.column(col);
      },
      esito: ob.refs.column(ob.colOf.get(H_ESITO) as number),
      grado: ob.refs.column(ob.colOf.get(H_G) as number),
      peso: L.columns.peso !== undefined ? ob.refs.column(L.columns.peso) : null,
      pesoPercent: L.percentColumns?.peso === true,
      pesoGrado: ob.colOf.has(HELPERS.obiettivi.pesoGrado)
        ? ob.refs.column(ob.colOf.get(HELPERS.obiettivi.pesoGrado) as number)
        : null,
    };
  }
  return {
    computed,
    definedNames: parameterNames(plan),
    riepilogo: buildRiepilogo(rollups, obRefs, { plan, generatedOn }),
  };
}

// Re-exported for tests that check the TypeScript side of a formula case by case.
export { codeKey, isDecrescente };
