// SPEC §3 as live Excel formulas: computed columns, defined names for Parametri, the Riepilogo sheet.
//
// Design (each formula mirrors a function of ./rollup.ts; test/rollup checks them against LibreOffice):
// - Parametri reach the formulas through workbook names (pegPesoFasi, pegSogliaRaggiunto, …) whose
//   definitions apply the reader's defaults and range checks, so an empty, invalid or error cell gives
//   the value the TypeScript used and editing a valid value updates every number.
// - Per-objective sums are SUMIFS/COUNTIFS over whole table columns plus one helper column per table
//   (Peso × value), never SUMPRODUCT: Excel evaluates them fast on thousands of rows.
// - Inside Excel tables, references are structured in the form Excel stores in files
//   (`tblFasi[[#This Row],[Peso]]`, `tblFasi[Obiettivo]`); plain ranges get absolute A1 ranges.
// - Nothing errors: every input is tested with ISNUMBER / IFERROR first; an empty result is "".
//
// Known differences, by design (the TypeScript reader is more tolerant than a formula can be):
// - numbers stored as text ("33,00"), percent-formatted Peso/Avanzamento (0.33 shown as 33%) and dates
//   stored as text are numbers/dates for the TypeScript but not for the formulas (they count as empty
//   there) until the user retypes them as real numbers or dates; the validation lists such cells;
// - a Codice or group value is matched by COUNTIFS, which ignores case (so does the TypeScript) but
//   reads `*`, `?`, `~` in a Codice as wildcards and does not trim spaces the reader trims.
import { mostCommonYear } from "./reader";
import { isoToSerial } from "./dates";
import { normalizeHeader } from "./headers";
import { rollupStrings } from "./messages";
import type { Fase, Indicatore, Obiettivo, Plan, SheetLayout } from "./model";
import { columnLetter } from "./raw";
import { buildRiepilogo } from "./riepilogo";
import { codeKey, isDecrescente, type GroupKey, type Rollups } from "./rollup";
import {
  COMPUTED_COLUMNS,
  type FaseField,
  type IndicatoreField,
  type ObiettivoField,
  type ParametroKey,
} from "./schema";
import type { ComputedColumn, ComputedTable, RollupWritePlan } from "./sheet";

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
const H_PG = rollupStrings.helperHeaders.obiettivi;
const H_PA = rollupStrings.helperHeaders.fasi;
const H_PR = rollupStrings.helperHeaders.indicatori;

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

// Characters after which Excel needs the inner brackets even in a whole-column reference.
const SPECIAL_COLUMN_CHARS = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/@!()%~`;?|\\]/;

/** An Excel string literal. */
export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
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
  headerOf: (col: number) => string,
): SheetRefs {
  if (layout.table) {
    const t = layout.table;
    return {
      structured: true,
      column(col) {
        const name = escapeColumnName(headerOf(col));
        return SPECIAL_COLUMN_CHARS.test(headerOf(col)) ? `${t}[[${name}]]` : `${t}[${name}]`;
      },
      here(col) {
        return `${t}[[#This Row],[${escapeColumnName(headerOf(col))}]]`;
      },
    };
  }
  const last = Math.max(layout.firstRow, layout.lastRow);
  const s = sheetRef(layout.sheet);
  return {
    structured: false,
    column(col) {
      const l = columnLetter(col);
      return `${s}!$${l}$${layout.firstRow}:$${l}$${last}`;
    },
    here(col, row) {
      return `$${columnLetter(col)}${row}`;
    },
  };
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

/** Default Anno the reader would use without a valid Anno cell (most common Fine Prevista year). */
function dataYear(plan: Plan): number {
  return mostCommonYear(plan.fasi) ?? plan.parametri.anno;
}

function num(n: number): string {
  return String(n);
}

/**
 * Definitions of the Parametri names. A parameter present in the sheet is read live with the reader's
 * rules (empty → default; out of range → default; text the formula cannot read → the value the
 * TypeScript read); an absent parameter is the constant the TypeScript used.
 */
export function parameterNames(plan: Plan): { name: string; refersTo: string }[] {
  const p = plan.parametri;
  const layout = plan.layout.parametri;
  const cellOf = (key: ParametroKey): string | null => {
    const c = layout?.cells[key];
    return c && layout ? `${sheetRef(layout.sheet)}!$${columnLetter(c.col)}$${c.row}` : null;
  };
  const names: { name: string; refersTo: string }[] = [];

  const anno = cellOf("anno");
  const defaultAnno = dataYear(plan);
  names.push({
    name: PARAM_NAMES.anno,
    refersTo: anno
      ? `=IFERROR(IF(ISNUMBER(${anno}),IF(AND(${anno}>=1900,${anno}<=9999,${anno}=INT(${anno})),${anno},${defaultAnno}),` +
        `IF(${anno}="",${defaultAnno},${p.anno})),${defaultAnno})`
      : `=${p.anno}`,
  });

  const data = cellOf("dataRiferimento");
  const dataSerial = isoToSerial(p.dataRiferimento);
  names.push({
    name: PARAM_NAMES.dataRiferimento,
    refersTo: data
      ? `=IFERROR(IF(ISNUMBER(${data}),INT(${data}),IF(${data}="",DATE(${PARAM_NAMES.anno},12,31),${dataSerial})),` +
        `DATE(${PARAM_NAMES.anno},12,31))`
      : `=DATE(${PARAM_NAMES.anno},12,31)`,
  });

  const percent = (key: ParametroKey, def: number, used: number): string => {
    const c = cellOf(key);
    if (!c) return `=${num(used)}`;
    return `=IFERROR(IF(ISNUMBER(${c}),IF(AND(${c}>=0,${c}<=100),${c},${def}),IF(${c}="",${def},${num(used)})),${def})`;
  };
  names.push({
    name: PARAM_NAMES.pesoFasiNelGrado,
    refersTo: percent("pesoFasiNelGrado", 50, p.pesoFasiNelGrado),
  });
  names.push({
    name: PARAM_NAMES.sogliaRaggiunto,
    refersTo: percent("sogliaRaggiunto", 90, p.sogliaRaggiunto),
  });
  // The reader lowers an inverted Soglia parzialmente to min(70, Soglia raggiunto).
  const parziale = percent("sogliaParzialmente", 70, p.sogliaParzialmente).slice(1);
  names.push({
    name: PARAM_NAMES.sogliaParzialmente,
    refersTo: cellOf("sogliaParzialmente")
      ? `=IF(${parziale}>${PARAM_NAMES.sogliaRaggiunto},MIN(70,${PARAM_NAMES.sogliaRaggiunto}),${parziale})`
      : `=${num(p.sogliaParzialmente)}`,
  });

  const formula = cellOf("formulaDecrescente");
  names.push({
    name: PARAM_NAMES.formulaDecrescente,
    refersTo: formula
      ? `=IFERROR(IF(UPPER(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${formula}," ",""),"\u2212","-"),"\u2013","-"),"\u2014","-"))="2T-A","2T-A","T/A"),"T/A")`
      : `=${quote(p.formulaDecrescente)}`,
  });
  return names;
}

// ---------------------------------------------------------------------------------------------
// Computed columns
// ---------------------------------------------------------------------------------------------

/** `IFERROR(TRIM(x)="",TRUE)`: the reader leaves out rows whose key is empty, blank or an error. */
function keyEmpty(x: string): string {
  return `IFERROR(TRIM(${x})="",TRUE)`;
}

/** A number or 0 (empty, text and error cells count as empty). */
function orZero(x: string): string {
  return `IF(ISNUMBER(${x}),${x},0)`;
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
): ComputedColumn {
  return makeColumn(
    layout,
    header,
    col,
    (row) => {
      const p = here(weightCol, row);
      const v = here(valueCol, row);
      return `IF(ISNUMBER(${v}),IF(ISNUMBER(${p}),IF(${p}>0,${p}*${v},0),0),0)`;
    },
    (i) => {
      const x = item(i);
      return x && x.value !== null && x.peso !== null && x.peso > 0 ? x.peso * x.value : 0;
    },
    { numberFormat: "0.00", helper: true },
  );
}

function headerLookup(layout: SheetLayout, colOf: Map<string, number>): (col: number) => string {
  const byCol = new Map([...colOf].map(([h, c]) => [c, h]));
  return (col) => byCol.get(col) ?? layout.headers[col] ?? "";
}

function buildIndicatori(plan: Plan, rollups: Rollups): Built | null {
  const L = plan.layout.indicatori as SheetLayout<IndicatoreField> | null;
  if (!L) return null;
  const c = L.columns;
  const hasPeso = c.peso !== undefined;
  const colOf = assignColumns(L, hasPeso ? [H_RAGG, H_PR] : [H_RAGG]);
  const refs = sheetRefs(L, headerLookup(L, colOf));
  const at = (col: number | undefined, row: number) => (col === undefined ? null : refs.here(col, row));
  const rCol = colOf.get(H_RAGG) as number;
  const items = rowsOf(L, plan.indicatori);
  const byInd = new Map<Indicatore, number | null>(
    plan.indicatori.map((ind, n) => [ind, rollups.indicatori[n].raggiungimento]),
  );
  const fd = PARAM_NAMES.formulaDecrescente;

  const rFormula = (row: number) => {
    const T = at(c.valoreAtteso, row);
    const A = at(c.valoreRaggiunto, row);
    const key = at(c.obiettivo, row) as string;
    if (T === null || A === null) return `""`;
    const crescente = `IF(${T}>0,MIN(100,MAX(0,${A}/${T}*100)),IF(${A}>=${T},100,0))`;
    const due = `IF(${T}>0,MIN(100,MAX(0,(2*${T}-${A})/${T}*100)),IF(${A}<=${T},100,0))`;
    const ta = `IF(${A}<=${T},100,IF(${A}=0,0,MIN(100,MAX(0,${T}/${A}*100))))`;
    const P = at(c.polarita, row);
    const body = P
      ? `IF(IFERROR(UPPER(TRIM(${P}))="DECRESCENTE",FALSE),IF(${fd}="2T-A",${due},${ta}),${crescente})`
      : crescente;
    return `IF(${keyEmpty(key)},"",IF(AND(ISNUMBER(${T}),ISNUMBER(${A})),${body},""))`;
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
      weightedColumn(L, H_PR, colOf.get(H_PR) as number, refs.here, pCol, rCol, (i) => {
        const ind = items[i];
        return ind ? { peso: ind.peso, value: byInd.get(ind) ?? null } : null;
      }),
    );
  }
  return { table: tableOf(L, columns), refs, colOf };
}

function buildFasi(plan: Plan, rollups: Rollups): Built | null {
  const L = plan.layout.fasi as SheetLayout<FaseField> | null;
  if (!L) return null;
  const c = L.columns;
  const hasPeso = c.peso !== undefined;
  const colOf = assignColumns(
    L,
    hasPeso ? [H_TEMPISTICA, H_SCOSTAMENTO, H_PA] : [H_TEMPISTICA, H_SCOSTAMENTO],
  );
  const refs = sheetRefs(L, headerLookup(L, colOf));
  const at = (col: number | undefined, row: number) => (col === undefined ? null : refs.here(col, row));
  const items = rowsOf(L, plan.fasi);
  const byFase = new Map<Fase, (typeof rollups.fasi)[number]>(plan.fasi.map((f, n) => [f, rollups.fasi[n]]));
  const D = PARAM_NAMES.dataRiferimento;

  const parts = (row: number) => {
    const key = at(c.obiettivo, row) as string;
    const FP = at(c.finePrevista, row);
    const FE = at(c.fineEffettiva, row);
    const a = at(c.avanzamento, row);
    const open = `AND(${a ? orZero(a) : "0"}<100,${D}>INT(${FP}))`;
    return { key, FP, FE, open };
  };
  const tempFormula = (row: number) => {
    const { key, FP, FE, open } = parts(row);
    if (FP === null) return `""`;
    const closed = FE
      ? `IF(ISNUMBER(${FE}),IF(INT(${FE})<INT(${FP}),"In anticipo",IF(INT(${FE})=INT(${FP}),"Nei tempi","In ritardo")),`
      : "";
    return `IF(${keyEmpty(key)},"",IF(ISNUMBER(${FP}),${closed}IF(${open},"In ritardo","In corso")${FE ? ")" : ""},""))`;
  };
  const scostFormula = (row: number) => {
    const { key, FP, FE, open } = parts(row);
    if (FP === null) return `""`;
    const closed = FE ? `IF(ISNUMBER(${FE}),INT(${FE})-INT(${FP}),` : "";
    return `IF(${keyEmpty(key)},"",IF(ISNUMBER(${FP}),${closed}IF(${open},${D}-INT(${FP}),"")${FE ? ")" : ""},""))`;
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
          return `IF(ISNUMBER(${w}),IF(${w}>0,${w}*${a ? orZero(a) : "0"},0),0)`;
        },
        (i) => {
          const f = items[i];
          return f && f.peso !== null && f.peso > 0 ? f.peso * (f.avanzamento ?? 0) : 0;
        },
        { numberFormat: "0.00", helper: true },
      ),
    );
  }
  return { table: tableOf(L, columns), refs, colOf };
}

function buildObiettivi(plan: Plan, rollups: Rollups, fasi: Built | null, ind: Built | null): Built | null {
  const L = plan.layout.obiettivi as SheetLayout<ObiettivoField> | null;
  if (!L) return null;
  const c = L.columns;
  const hasPeso = c.peso !== undefined;
  const colOf = assignColumns(L, hasPeso ? [H_F, H_R, H_G, H_ESITO, H_PG] : [H_F, H_R, H_G, H_ESITO]);
  const refs = sheetRefs(L, headerLookup(L, colOf));
  const items = rowsOf(L, plan.obiettivi);
  const byOb = new Map<Obiettivo, (typeof rollups.obiettivi)[number]>(
    plan.obiettivi.map((o, n) => [o, rollups.obiettivi[n]]),
  );
  const res = (i: number) => {
    const o = items[i];
    return o ? byOb.get(o) : undefined;
  };
  const codeCol = c.codice as number;
  const fCol = colOf.get(H_F) as number;
  const rCol = colOf.get(H_R) as number;
  const gCol = colOf.get(H_G) as number;

  const fFormula = (row: number) => {
    const C = refs.here(codeCol, row);
    const FL = plan.layout.fasi;
    if (!fasi || !FL || FL.columns.obiettivo === undefined) return `""`;
    const FO = fasi.refs.column(FL.columns.obiettivo);
    const crit = `${FO},${C}`;
    const n = `COUNTIFS(${crit})`;
    const mean =
      FL.columns.avanzamento !== undefined
        ? `${sumNumeric(fasi.refs.column(FL.columns.avanzamento), crit)}/${n}`
        : "0";
    let body = mean;
    if (FL.columns.peso !== undefined) {
      const FW = fasi.refs.column(FL.columns.peso);
      const sw = `SUMIFS(${FW},${crit},${FW},">0")`;
      const FH = fasi.refs.column(fasi.colOf.get(H_PA) as number);
      body = `IF(${sw}>0,SUMIFS(${FH},${crit})/${sw},${mean})`;
    }
    return `IF(${keyEmpty(C)},"",IF(${n}=0,"",${body}))`;
  };
  const rFormula = (row: number) => {
    const C = refs.here(codeCol, row);
    const IL = plan.layout.indicatori;
    if (!ind || !IL || IL.columns.obiettivo === undefined) return `""`;
    const IO = ind.refs.column(IL.columns.obiettivo);
    const IR = ind.refs.column(ind.colOf.get(H_RAGG) as number);
    const crit = `${IO},${C},${IR},">=0"`;
    const n = `COUNTIFS(${crit})`;
    const mean = `SUMIFS(${IR},${IO},${C})/${n}`;
    let body = mean;
    if (IL.columns.peso !== undefined) {
      const IP = ind.refs.column(IL.columns.peso);
      const IH = ind.refs.column(ind.colOf.get(H_PR) as number);
      body = `IF(COUNTIFS(${crit},${IP},">0")=${n},SUMIFS(${IH},${IO},${C})/SUMIFS(${IP},${crit},${IP},">0"),${mean})`;
    }
    return `IF(${keyEmpty(C)},"",IF(${n}=0,"",${body}))`;
  };
  const gFormula = (row: number) => {
    const F = refs.here(fCol, row);
    const R = refs.here(rCol, row);
    const w = PARAM_NAMES.pesoFasiNelGrado;
    return `IF(AND(ISNUMBER(${F}),ISNUMBER(${R})),(${w}*${F}+(100-${w})*${R})/100,IF(ISNUMBER(${F}),${F},IF(ISNUMBER(${R}),${R},"")))`;
  };
  const esitoFormula = (row: number) => {
    const C = refs.here(codeCol, row);
    const G = refs.here(gCol, row);
    return (
      `IF(${keyEmpty(C)},"",IF(ISNUMBER(${G}),IF(ROUND(${G},9)>=${PARAM_NAMES.sogliaRaggiunto},"Raggiunto",` +
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
      const r = res(i);
      // Rows without a Codice have no Esito in the sheet (the formula shows "").
      return o && r && o.codice.trim() !== "" ? r.esito : null;
    }),
  ];
  if (hasPeso) {
    const pCol = c.peso as number;
    columns.push(
      weightedColumn(L, H_PG, colOf.get(H_PG) as number, refs.here, pCol, gCol, (i) => {
        const o = items[i];
        return o ? { peso: o.peso, value: res(i)?.grado ?? null } : null;
      }),
    );
  }
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
  /** Whole column of a grouping, or null when the sheet has no such column. */
  group: (key: GroupKey) => string | null;
  esito: string;
  grado: string;
  peso: string | null;
  pesoGrado: string | null;
}

export function buildRollupWritePlan(plan: Plan, rollups: Rollups): RollupWritePlan {
  const ind = buildIndicatori(plan, rollups);
  const fasi = buildFasi(plan, rollups);
  const ob = buildObiettivi(plan, rollups, fasi, ind);
  const computed = [ob, fasi, ind].filter((b): b is Built => b !== null).map((b) => b.table);
  let obRefs: ObiettiviRefs | null = null;
  const L = plan.layout.obiettivi;
  if (ob && L) {
    obRefs = {
      group: (key) => {
        const col = L.columns[key];
        return col === undefined ? null : ob.refs.column(col);
      },
      esito: ob.refs.column(ob.colOf.get(H_ESITO) as number),
      grado: ob.refs.column(ob.colOf.get(H_G) as number),
      peso: L.columns.peso !== undefined ? ob.refs.column(L.columns.peso) : null,
      pesoGrado: ob.colOf.has(H_PG) ? ob.refs.column(ob.colOf.get(H_PG) as number) : null,
    };
  }
  return {
    computed,
    definedNames: parameterNames(plan),
    riepilogo: buildRiepilogo(rollups, obRefs),
  };
}

// Re-exported for tests that check the TypeScript side of a formula case by case.
export { codeKey, isDecrescente };
