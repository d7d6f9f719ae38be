// The earlier snapshot the Scheda shows beside the current values (docs/reference/scheda.md): the
// latest archived date before the current Data di riferimento in the same Anno. Objectives are matched
// by Codice (match key, as the rollups match them), phases and indicators by Obiettivo and Fase /
// Descrizione compared as headers are (case, accents, apostrophes, spaces); an element with no match
// has no earlier value.
import { formatIt, type IsoDate } from "../model/dates";
import type { Fase, Indicatore, Obiettivo, Plan } from "../model/model";
import type { RawWorkbook } from "../model/raw";
import { MONITORAGGIO_TIPI } from "../model/schema";
import { codeKey, normalizeHeader } from "../reading/keys";
import { push } from "../rules/context";
import { readArchive } from "./archive";
import type { MonitoraggioRow } from "./monitoraggi";

export interface EarlierSnapshot {
  date: IsoDate;
  /** `dd/mm` of the date, for the Scheda's labels (cycleTexts.phaseColumn…). */
  label: string;
  objectives: Map<Obiettivo, MonitoraggioRow>;
  phases: Map<Fase, MonitoraggioRow>;
  indicators: Map<Indicatore, MonitoraggioRow>;
}

/** The latest archived date before Data di riferimento within Anno, matched to the plan; null when none. */
export function earlierSnapshot(plan: Plan, archive: MonitoraggioRow[]): EarlierSnapshot | null {
  const { anno, dataRiferimento } = plan.parametri;
  let date: IsoDate | null = null;
  for (const r of archive) {
    const d = r.data;
    if (d !== null && d < dataRiferimento && Number(d.slice(0, 4)) === anno && (date === null || d > date))
      date = d;
  }
  if (date === null) return null;
  const rows = archive.filter((r) => r.data === date);
  const ofTipo = (tipo: string) => {
    const wanted = normalizeHeader(tipo);
    return rows.filter((r) => r.tipo !== null && normalizeHeader(r.tipo) === wanted);
  };
  const objectives = new Map<Obiettivo, MonitoraggioRow>();
  const byCode = new Map<string, MonitoraggioRow>();
  for (const r of ofTipo(MONITORAGGIO_TIPI.obiettivo)) {
    const key = codeKey(r.obiettivo ?? "");
    if (!byCode.has(key)) byCode.set(key, r);
  }
  for (const o of plan.obiettivi) {
    const r = byCode.get(codeKey(o.codice));
    if (r) objectives.set(o, r);
  }
  return {
    date,
    label: formatIt(date).slice(0, 5),
    objectives,
    phases: matchElements(ofTipo(MONITORAGGIO_TIPI.fase), plan.fasi, (f) => f.titolo),
    indicators: matchElements(ofTipo(MONITORAGGIO_TIPI.indicatore), plan.indicatori, (i) => i.descrizione),
  };
}

/**
 * The earlier snapshot of the archive the host handed over (`RawWorkbook.monitoraggi`), for the Scheda.
 * None when the host did not hand it over, the workbook has none, or the sheet called Monitoraggi is
 * not the archive (someone's own sheet: the Scheda is generated without it, as archiving refuses it).
 */
export function earlierFromWorkbook(plan: Plan, wb: RawWorkbook): EarlierSnapshot | null {
  if (!wb.monitoraggi) return null;
  const archive = readArchive(wb);
  return archive.unusable === null ? earlierSnapshot(plan, archive.rows) : null;
}

/**
 * Elements matched by Obiettivo and name; when an objective has two elements of the same name, the
 * first archived goes with the first in the sheet, the second with the second.
 */
function matchElements<T extends { obiettivo: string }>(
  rows: MonitoraggioRow[],
  items: T[],
  name: (item: T) => string,
): Map<T, MonitoraggioRow> {
  const keyOf = (obiettivo: string, elemento: string) =>
    `${codeKey(obiettivo)}\u0000${normalizeHeader(elemento)}`;
  const archived = new Map<string, MonitoraggioRow[]>();
  for (const r of rows) push(archived, keyOf(r.obiettivo ?? "", r.elemento ?? ""), r);
  const used = new Map<string, number>();
  const out = new Map<T, MonitoraggioRow>();
  for (const item of items) {
    const key = keyOf(item.obiettivo, name(item));
    const n = used.get(key) ?? 0;
    used.set(key, n + 1);
    const r = archived.get(key)?.[n];
    if (r) out.set(item, r);
  }
  return out;
}
