// docs/reference/workbook.md reading: raw sheets → typed Plan, with the reading rules of docs/reference/rules.md.
//
// Decisions the contract leaves open (documented here because other modules rely on them):
// - A row whose key (Obiettivi: Codice; Fasi, Indicatori: Obiettivo) is empty or broken is reported
//   (REQUIRED, or the cell's own problem) and left out of the plan: without a key it cannot belong to
//   anything. Only invalid cells of such a row are reported besides the key, not its other empty
//   required cells. An empty Titolo / Fase / Descrizione / Centro di Responsabilità / Responsabile
//   keeps the row, with "" as value, and is reported as REQUIRED.
// - When a required column is missing, the rows are still read if the key column is present (so the
//   other cells are checked); without the key column no row of that sheet is read.
// - COLUMN_DUPLICATE is reported for the known columns, the history years and the computed columns
//   (the headers the add-in reads or writes); repeated unknown headers are harmless and ignored.
// - In a plain range (no Excel table) the data ends at the last non-blank row of the used range; in a
//   table it ends at the table's last row.
// - Anno default: the most common year among Fine Prevista; on a tie the later year; no dates → the
//   year of `today`. Soglia parzialmente > Soglia raggiunto → PARAM_INVALID and Soglia parzialmente
//   falls back to its default, lowered to Soglia raggiunto when the default is still above it.
// - One truth with the live formulas (docs/reference/formulas.md): key columns (codes, group labels, Polarità) are read as
//   the formulas see them (./keys.ts); a formula cell saved without its value is FORMULA_NO_VALUE and
//   read as empty; a value the formulas read differently (a number or date typed as text, a
//   percent-formatted Peso/Avanzamento, a key the formulas turn into text by Excel's language) keeps
//   the tolerant reading and gets a FORMULA_DIFFERS warning; Parametri typed as text are accepted only
//   in the forms the workbook names can parse too (./paramText.ts); serials follow the workbook's date
//   system (1900 or 1904).
import { type IsoDate } from "../model/dates";
import type { Fase, Indicatore, Obiettivo, Plan } from "../model/model";
import { type RawWorkbook } from "../model/raw";
import {
  FASI_COLUMNS,
  INDICATORI_COLUMNS,
  OBIETTIVI_COLUMNS,
  type FaseField,
  type IndicatoreField,
  type ObiettivoField,
} from "../model/schema";
import { type Problem } from "../rules/problems";
import { Collector } from "./grid";
import { readParametri } from "./parametri";
import { num, readInputSheet, str } from "./rows";
interface ReadOptions {
  /** Today, for the defaults of Anno and Data di riferimento. */
  today: IsoDate;
}

interface ReadResult {
  plan: Plan;
  problems: Problem[];
  /** Addresses (e.g. `Fasi!G12`) of cells that yielded a problem and were read as empty. */
  brokenCells: Set<string>;
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

export function readPlan(wb: RawWorkbook, options: ReadOptions): ReadResult {
  const out = new Collector();

  const ob = readInputSheet<ObiettivoField>(wb, "obiettivi", OBIETTIVI_COLUMNS, "codice", out);
  const obiettivi: Obiettivo[] = ob.rows.map(({ row, key, values: v }) => ({
    row,
    codice: key,
    titolo: str(v.titolo) ?? "",
    assessorato: str(v.assessorato),
    centroResponsabilita: str(v.centroResponsabilita) ?? "",
    responsabile: str(v.responsabile) ?? "",
    valorePubblico: str(v.valorePubblico),
    obiettivoMandato: str(v.obiettivoMandato),
    obiettivoMissione: str(v.obiettivoMissione),
    obiettivoProgramma: str(v.obiettivoProgramma),
    modalitaAttuazione: str(v.modalitaAttuazione),
    statoAttuazione: str(v.statoAttuazione),
    stato: str(v.stato),
    peso: num(v.peso),
    gradoValidato: num(v.gradoValidato),
    motivazioneValidazione: str(v.motivazioneValidazione),
  }));

  const fa = readInputSheet<FaseField>(wb, "fasi", FASI_COLUMNS, "obiettivo", out);
  const fasi: Fase[] = fa.rows.map(({ row, key, values: v }) => ({
    row,
    obiettivo: key,
    titolo: str(v.titolo) ?? "",
    inizioPrevisto: str(v.inizioPrevisto),
    finePrevista: str(v.finePrevista),
    inizioEffettivo: str(v.inizioEffettivo),
    fineEffettiva: str(v.fineEffettiva),
    peso: num(v.peso),
    avanzamento: num(v.avanzamento),
    responsabile: str(v.responsabile),
    centroResponsabilita: str(v.centroResponsabilita),
    note: str(v.note),
  }));

  const ind = readInputSheet<IndicatoreField>(wb, "indicatori", INDICATORI_COLUMNS, "obiettivo", out);
  const indicatori: Indicatore[] = ind.rows.map(({ row, key, values: v, history }) => ({
    row,
    obiettivo: key,
    descrizione: str(v.descrizione) ?? "",
    tipo: str(v.tipo),
    polarita: str(v.polarita),
    valoreAtteso: num(v.valoreAtteso),
    valoreRaggiunto: num(v.valoreRaggiunto),
    storico: history,
    peso: num(v.peso),
    note: str(v.note),
  }));

  const par = readParametri(wb, fasi, options.today, out);

  return {
    plan: {
      parametri: par.parametri,
      obiettivi,
      fasi,
      indicatori,
      layout: {
        obiettivi: ob.layout,
        fasi: fa.layout,
        indicatori: ind.layout,
        parametri: par.layout,
        ...(wb?.date1904 === true ? { date1904: true } : {}),
      },
    },
    problems: out.problems,
    brokenCells: out.brokenCells,
  };
}
