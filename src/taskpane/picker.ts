// The objectives picker of Genera Scheda, without React: groups by Centro di Responsabilità, search as
// the user types, whole-CdR selection, and the SchedaFilter a selection stands for.
import type { Obiettivo, Plan } from "../domain/model/model";
import { normalizeHeader } from "../domain/reading/headers";
import type { SchedaFilter } from "../domain/scheda/layout";

export interface CdrGroup {
  cdr: string;
  obiettivi: Obiettivo[];
}

/** Objectives grouped by CdR, both in the order of the Obiettivi sheet. */
export function groupByCdr(plan: Plan | null): CdrGroup[] {
  const groups = new Map<string, CdrGroup>();
  for (const o of plan?.obiettivi ?? []) {
    let g = groups.get(o.centroResponsabilita);
    if (!g) groups.set(o.centroResponsabilita, (g = { cdr: o.centroResponsabilita, obiettivi: [] }));
    g.obiettivi.push(o);
  }
  return [...groups.values()];
}

/** Every word of the query must appear in the code, the title or the CdR (case and accents aside). */
export function searchGroups(groups: CdrGroup[], query: string): CdrGroup[] {
  const words = normalizeHeader(query).split(" ").filter(Boolean);
  if (words.length === 0) return groups;
  const out: CdrGroup[] = [];
  for (const g of groups) {
    const cdr = normalizeHeader(g.cdr);
    const hits = g.obiettivi.filter((o) => {
      const text = `${normalizeHeader(o.codice)} ${normalizeHeader(o.titolo)} ${cdr}`;
      return words.every((w) => text.includes(w));
    });
    if (hits.length > 0) out.push({ cdr: g.cdr, obiettivi: hits });
  }
  return out;
}

export const CDR_PREFIX = "cdr:";

/** The selection after the user toggled an option (a code, or `cdr:NAME` for a whole CdR). */
export function toggle(groups: CdrGroup[], selection: string[], value: string): string[] {
  const chosen = new Set(selection);
  if (value.startsWith(CDR_PREFIX)) {
    const g = groups.find((x) => x.cdr === value.slice(CDR_PREFIX.length));
    if (!g) return selection;
    const all = g.obiettivi.every((o) => chosen.has(o.codice));
    for (const o of g.obiettivi) {
      if (all) chosen.delete(o.codice);
      else chosen.add(o.codice);
    }
  } else if (chosen.has(value)) chosen.delete(value);
  else chosen.add(value);
  return selection.filter((c) => chosen.has(c)).concat([...chosen].filter((c) => !selection.includes(c)));
}

/** Option values shown as selected: the chosen codes, and `cdr:NAME` for each CdR chosen entirely. */
export function selectedOptions(groups: CdrGroup[], selection: string[]): string[] {
  const chosen = new Set(selection);
  const whole = groups
    .filter((g) => g.obiettivi.length > 0 && g.obiettivi.every((o) => chosen.has(o.codice)))
    .map((g) => CDR_PREFIX + g.cdr);
  return [...selection, ...whole];
}

/**
 * The filter for the service: nothing chosen → everything; otherwise the CdRs involved (the Scheda's
 * opening page names them) and, unless those CdRs are chosen entirely, the codes.
 */
export function toFilter(plan: Plan, selection: string[]): SchedaFilter {
  const chosen = new Set(selection);
  const picked = plan.obiettivi.filter((o) => chosen.has(o.codice));
  if (picked.length === 0) return { cdr: [], obiettivi: [] };
  const cdr = [...new Set(picked.map((o) => o.centroResponsabilita))];
  const whole = plan.obiettivi
    .filter((o) => cdr.includes(o.centroResponsabilita))
    .every((o) => chosen.has(o.codice));
  if (picked.length === plan.obiettivi.length) return { cdr: [], obiettivi: [] };
  return { cdr, obiettivi: whole ? [] : picked.map((o) => o.codice) };
}
