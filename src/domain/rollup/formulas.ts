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
import { todayIso, type IsoDate } from "../model/dates";
import type { Plan } from "../model/model";
import type { RollupWritePlan } from "../model/sheet";
import { quote } from "../reading/keys";
import { buildRiepilogo, type ObiettiviRefs } from "../riepilogo/riepilogo";
import { Built, H_ESITO, H_FINALE, HELPERS } from "./columnParts";
import { buildFasi, buildIndicatori, buildObiettivi } from "./columns";
import { parameterNames } from "./parametriNames";
import { type Rollups } from "./rollup";
export { quote };

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
      // Grado medio and the Esito counts follow the Nucleo's grade where there is one (Grado Finale).
      grado: ob.refs.column(ob.colOf.get(H_FINALE) as number),
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
