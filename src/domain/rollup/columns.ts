// The computed columns of Indicatori, Fasi and Obiettivi (docs/reference/formulas.md#the-formulas-in-a-table).
import type { Fase, Indicatore, Obiettivo, Plan, SheetLayout } from "../model/model";
import { type FaseField, type IndicatoreField, type ObiettivoField } from "../model/schema";
import type { ComputedColumn, ComputedTable } from "../model/sheet";
import {
  codeKey,
  criterionFormula,
  criterionOf,
  isKeyless,
  keyFormula,
  keyOf,
  matchKeyFormula,
} from "../reading/keys";
import {
  Built,
  H_ESITO,
  H_F,
  H_FINALE,
  H_G,
  H_R,
  H_RAGG,
  H_SCOSTAMENTO,
  H_TEMPISTICA,
  HELPERS,
  keyColumn,
  keyless,
  makeColumn,
  nameLookup,
  obiettivoKeyColumn,
  orZero,
  rowsOf,
  scaled,
  sumNumeric,
  weightColumns,
} from "./columnParts";
import { PARAM_NAMES } from "./parametriNames";
import { assignColumns, sheetRefs } from "./references";
import { GROUPINGS, type Rollups } from "./rollup";

export function buildIndicatori(plan: Plan, rollups: Rollups): Built | null {
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
  columns.push(
    ...weightColumns(L, H_PR, colOf, refs.here, rCol, (i) => {
      const ind = items[i];
      return ind ? { peso: ind.peso, value: byInd.get(ind) ?? null } : null;
    }),
  );
  columns.push(obiettivoKeyColumn(L, H_KEY, keyCol, refs, items));
  return { table: tableOf(L, columns), refs, colOf };
}

export function buildFasi(plan: Plan, rollups: Rollups): Built | null {
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
  columns.push(obiettivoKeyColumn(L, H_KEY, keyCol, refs, items));
  return { table: tableOf(L, columns), refs, colOf };
}

export function buildObiettivi(
  plan: Plan,
  rollups: Rollups,
  fasi: Built | null,
  ind: Built | null,
): Built | null {
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
    H_FINALE,
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
  const finaleCol = colOf.get(H_FINALE) as number;
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
  const finaleFormula = (row: number) => {
    const G = refs.here(gCol, row);
    const V = c.gradoValidato === undefined ? null : refs.here(c.gradoValidato, row);
    if (V === null) return `IF(${keyless(crit(row))},"",${G})`;
    const validato = scaled(V, L.percentColumns?.gradoValidato === true);
    return `IF(${keyless(crit(row))},"",IF(ISNUMBER(${V}),${validato},${G}))`;
  };
  const esitoFormula = (row: number) => {
    const C = crit(row);
    const G = refs.here(finaleCol, row);
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
    makeColumn(L, H_FINALE, finaleCol, finaleFormula, (i) => res(i)?.gradoFinale ?? null, {
      numberFormat: "0.00",
    }),
    makeColumn(L, H_ESITO, colOf.get(H_ESITO) as number, esitoFormula, (i) => {
      const o = items[i];
      // Rows without a Codice have no Esito in the sheet (the formula shows "").
      return o && !isKeyless(o.codice) ? (res(i)?.esito ?? null) : null;
    }),
  ];
  columns.push(
    ...weightColumns(L, H_PG, colOf, refs.here, finaleCol, (i) => {
      const o = items[i];
      return o ? { peso: o.peso, value: res(i)?.gradoFinale ?? null } : null;
    }),
  );
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
