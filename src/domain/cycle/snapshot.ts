// Archivia monitoraggio (docs/reference/workbook.md#monitoraggi): the snapshot of every objective, phase
// and indicator at the workbook's Data di riferimento, and the archive with it (that date replaced,
// the others kept).
import type { IsoDate } from "../model/dates";
import type { Fase, Indicatore, Plan } from "../model/model";
import { MONITORAGGIO_TIPI } from "../model/schema";
import { codeKey } from "../reading/keys";
import type { Rollups } from "../rollup/rollup";
import { push } from "../rules/context";
import type { MonitoraggioRow } from "./monitoraggi";

export interface Snapshot {
  date: IsoDate;
  rows: MonitoraggioRow[];
  objectives: number;
  phases: number;
  indicators: number;
}

/**
 * One row per objective (Avanzamento Fasi %, Grado Finale %, Esito), followed by its phases
 * (Avanzamento) and its indicators (Valore Raggiunto), in the order of the sheets. Phases and
 * indicators go with the first objective of their Codice (match key); those of no objective
 * (OBJECTIVE_UNKNOWN) come last, so every row of Fasi and Indicatori is there once.
 */
export function buildSnapshot(plan: Plan, rollups: Rollups, archivedOn: IsoDate): Snapshot {
  const date = plan.parametri.dataRiferimento;
  const base = { data: date, archiviatoIl: archivedOn };
  const phaseRow = (f: Fase): MonitoraggioRow => ({
    ...base,
    tipo: MONITORAGGIO_TIPI.fase,
    obiettivo: f.obiettivo,
    elemento: f.titolo,
    avanzamento: f.avanzamento,
    valoreRaggiunto: null,
    grado: null,
    esito: null,
  });
  const indicatorRow = (i: Indicatore): MonitoraggioRow => ({
    ...base,
    tipo: MONITORAGGIO_TIPI.indicatore,
    obiettivo: i.obiettivo,
    elemento: i.descrizione,
    avanzamento: null,
    valoreRaggiunto: i.valoreRaggiunto,
    grado: null,
    esito: null,
  });
  const phasesOf = new Map<string, Fase[]>();
  for (const f of plan.fasi) push(phasesOf, codeKey(f.obiettivo), f);
  const indicatorsOf = new Map<string, Indicatore[]>();
  for (const i of plan.indicatori) push(indicatorsOf, codeKey(i.obiettivo), i);

  const rows: MonitoraggioRow[] = [];
  plan.obiettivi.forEach((o, n) => {
    const r = rollups.obiettivi[n];
    rows.push({
      ...base,
      tipo: MONITORAGGIO_TIPI.obiettivo,
      obiettivo: o.codice,
      elemento: null,
      avanzamento: r.avanzamentoFasi,
      valoreRaggiunto: null,
      grado: r.gradoFinale,
      esito: r.esito,
    });
    const key = codeKey(o.codice);
    // A repeated Codice (CODE_DUPLICATE) lists its phases and indicators once, under the first one.
    rows.push(...(phasesOf.get(key) ?? []).map(phaseRow), ...(indicatorsOf.get(key) ?? []).map(indicatorRow));
    phasesOf.delete(key);
    indicatorsOf.delete(key);
  });
  for (const list of phasesOf.values()) rows.push(...list.map(phaseRow));
  for (const list of indicatorsOf.values()) rows.push(...list.map(indicatorRow));
  return {
    date,
    rows,
    objectives: plan.obiettivi.length,
    phases: plan.fasi.length,
    indicators: plan.indicatori.length,
  };
}

/**
 * The archive with the snapshot in it: rows of the snapshot's date replaced, every other row kept as
 * read; rows sorted by date (stable: each date keeps its order), rows whose date cannot be read last.
 */
export function mergeSnapshot(
  archive: MonitoraggioRow[],
  snapshot: Snapshot,
): { rows: MonitoraggioRow[]; replaced: number; dates: IsoDate[] } {
  const kept = archive.filter((r) => r.data !== snapshot.date);
  const rows = [...kept, ...snapshot.rows]
    .map((r, i) => ({ r, i }))
    .sort((a, b) => order(a.r.data, b.r.data) || a.i - b.i)
    .map(({ r }) => r);
  const dates = [...new Set(rows.map((r) => r.data).filter((d): d is IsoDate => d !== null))];
  return { rows, replaced: archive.length - kept.length, dates };
}

function order(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
