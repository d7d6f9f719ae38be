// docs/reference/formulas.md rollups in TypeScript. The same numbers are written as live Excel formulas by ./formulas.ts;
// the two must agree (checked against LibreOffice in test/rollup).
//
// Choices where docs/reference/formulas.md is silent, mirrored exactly by the formulas:
// - a phase or indicator belongs to an objective when the match keys of its Obiettivo and of the Codice
//   are equal (./keys.ts: spaces and NBSP normalised, case ignored, first 125 characters), which is what
//   the formulas compare through the helper key columns;
// - Esito compares G rounded to 9 decimals with the thresholds, so a G that is mathematically 90 but
//   89.99999999999997 in floating point still counts as 90 in both engines;
// - Decrescente `T/A` with T < 0 and A = 0: T/A tends to −∞, clamped to 0 (no division by zero);
// - group rollups: objectives with an empty group value (or one written "(non indicato)") form the group
//   "(non indicato)"; group values are compared by their match keys and shown as first written; a group
//   is weighted by objective Peso when every objective of the group has Peso > 0 (the same "> 0" test R
//   uses for p);
// - Grado Finale is Grado Validato % whenever that cell holds a number, out of range included (like a
//   Peso out of range, it is used as it is and VALIDATED_RANGE says so); Esito and the groups use it.
import { rollupStrings } from "../messages";
import { daysBetween } from "../model/dates";
import type { Fase, Indicatore, Obiettivo, Parametri, Plan } from "../model/model";
import type { Esito, Tempistica } from "../model/schema";
import { codeKey, isDecrescente, isKeyless, keyOf } from "../reading/keys";

interface IndicatoreRollup {
  obiettivo: string;
  riga: number;
  /** Raggiungimento % (null when T or A is empty). */
  raggiungimento: number | null;
}

interface FaseRollup {
  obiettivo: string;
  riga: number;
  tempistica: Tempistica | null;
  scostamentoGiorni: number | null;
}

export interface ObiettivoRollup {
  codice: string;
  riga: number;
  avanzamentoFasi: number | null;
  raggiungimentoIndicatori: number | null;
  grado: number | null;
  /** Grado Validato % as read (null when the Nucleo / OIV has not validated the objective). */
  gradoValidato: number | null;
  /** Grado Finale %: Grado Validato when it is a number, else Grado di Raggiungimento. Esito uses it. */
  gradoFinale: number | null;
  esito: Esito;
}

export interface GroupRollup {
  gruppo: string;
  obiettivi: number;
  gradoMedio: number | null;
  raggiunti: number;
  parzialmenteRaggiunti: number;
  nonRaggiunti: number;
  nonValutabili: number;
}

export type GroupKey =
  | "centroResponsabilita"
  | "assessorato"
  | "obiettivoMandato"
  | "obiettivoMissione"
  | "obiettivoProgramma"
  | "valorePubblico";

export interface Rollups {
  obiettivi: ObiettivoRollup[];
  fasi: FaseRollup[];
  indicatori: IndicatoreRollup[];
  riepilogo: Record<GroupKey, GroupRollup[]>;
}

/** The six groupings of the Riepilogo, in reference order, with the Obiettivi header each one reads. */
export const GROUPINGS: { key: GroupKey; header: string; title: string }[] = [
  { key: "centroResponsabilita", header: "Centro di Responsabilità", title: rollupStrings.groupTitles[0] },
  { key: "assessorato", header: "Assessorato", title: rollupStrings.groupTitles[1] },
  { key: "obiettivoMandato", header: "Obiettivo di Mandato", title: rollupStrings.groupTitles[2] },
  { key: "obiettivoMissione", header: "Obiettivo di Missione", title: rollupStrings.groupTitles[3] },
  { key: "obiettivoProgramma", header: "Obiettivo di Programma", title: rollupStrings.groupTitles[4] },
  { key: "valorePubblico", header: "Valore Pubblico", title: rollupStrings.groupTitles[5] },
];

function clamp(x: number): number {
  return Math.min(100, Math.max(0, x));
}

/** Indicator achievement r (docs/reference/formulas.md); null when T or A is empty. Operation order matches the formula. */
export function raggiungimento(
  t: number | null,
  a: number | null,
  decrescente: boolean,
  formula: Parametri["formulaDecrescente"],
): number | null {
  if (t === null || a === null) return null;
  if (!decrescente) {
    if (t > 0) return clamp((a / t) * 100);
    return a >= t ? 100 : 0;
  }
  if (formula === "2T-A") {
    if (t > 0) return clamp(((2 * t - a) / t) * 100);
    return a <= t ? 100 : 0;
  }
  if (a <= t) return 100;
  // Here a > t; a = 0 only when t < 0, where T/A → −∞ and clamps to 0.
  if (a === 0) return 0;
  return clamp((t / a) * 100);
}

/** Avanzamento Fasi % F: weighted by Peso over phases with Peso > 0, else the plain mean (empty a = 0). */
export function avanzamentoFasi(fasi: Pick<Fase, "peso" | "avanzamento">[]): number | null {
  if (fasi.length === 0) return null;
  let sumW = 0;
  let sumWA = 0;
  let sumA = 0;
  for (const f of fasi) {
    const a = f.avanzamento ?? 0;
    sumA += a;
    if (f.peso !== null && f.peso > 0) {
      sumW += f.peso;
      sumWA += f.peso * a;
    }
  }
  return sumW > 0 ? sumWA / sumW : sumA / fasi.length;
}

/** Raggiungimento Indicatori % R from the indicators' r and weight p. */
export function raggiungimentoIndicatori(items: { r: number | null; peso: number | null }[]): number | null {
  const valued = items.filter((i): i is { r: number; peso: number | null } => i.r !== null);
  if (valued.length === 0) return null;
  if (valued.every((i) => i.peso !== null && i.peso > 0)) {
    let sumP = 0;
    let sumPR = 0;
    for (const i of valued) {
      sumP += i.peso as number;
      sumPR += (i.peso as number) * i.r;
    }
    return sumPR / sumP;
  }
  return valued.reduce((s, i) => s + i.r, 0) / valued.length;
}

/** Grado di Raggiungimento % G. */
export function grado(f: number | null, r: number | null, pesoFasi: number): number | null {
  if (f !== null && r !== null) return (pesoFasi * f + (100 - pesoFasi) * r) / 100;
  return f ?? r;
}

/** Grado Finale %: the validated grade when there is one, else G. */
export function gradoFinale(g: number | null, validato: number | null): number | null {
  return validato ?? g;
}

/** G rounded to 9 decimals for the threshold tests (ROUND(G,9) in the formula). */
function roundForThreshold(g: number): number {
  return Math.round(g * 1e9) / 1e9;
}

export function esito(g: number | null, sogliaRaggiunto: number, sogliaParzialmente: number): Esito {
  if (g === null) return "Non valutabile";
  const x = roundForThreshold(g);
  if (x >= sogliaRaggiunto) return "Raggiunto";
  if (x >= sogliaParzialmente) return "Parzialmente raggiunto";
  return "Non raggiunto";
}

/** Tempistica and Scostamento (giorni) of one phase, with D = Data di riferimento. */
export function tempistica(
  f: Pick<Fase, "finePrevista" | "fineEffettiva" | "avanzamento">,
  dataRiferimento: string,
): { tempistica: Tempistica | null; scostamentoGiorni: number | null } {
  const fp = f.finePrevista;
  if (fp === null) return { tempistica: null, scostamentoGiorni: null };
  const fe = f.fineEffettiva;
  if (fe !== null) {
    const d = daysBetween(fp, fe);
    return { tempistica: d < 0 ? "In anticipo" : d === 0 ? "Nei tempi" : "In ritardo", scostamentoGiorni: d };
  }
  const late = daysBetween(fp, dataRiferimento);
  if ((f.avanzamento ?? 0) < 100 && late > 0) return { tempistica: "In ritardo", scostamentoGiorni: late };
  return { tempistica: "In corso", scostamentoGiorni: null };
}

/** Helper key of the "(non indicato)" group: an empty group cell. */
const NOT_GIVEN_KEY = keyOf(null);
/** A group cell literally written "(non indicato)" joins the empty ones. */
const NOT_GIVEN_TEXT_KEY = keyOf(rollupStrings.groupNotGiven);

/** The helper key of a group cell, with "(non indicato)" folded into the empty group. */
export function groupKey(value: string | null): string {
  const k = keyOf(value);
  return k === NOT_GIVEN_TEXT_KEY ? NOT_GIVEN_KEY : k;
}

/** The helper keys the Riepilogo row of a group counts (two for "(non indicato)"). */
export function groupCriteriaKeys(gruppo: string): string[] {
  return gruppo === rollupStrings.groupNotGiven ? [NOT_GIVEN_KEY, NOT_GIVEN_TEXT_KEY] : [groupKey(gruppo)];
}

/** Group rollups of one grouping, groups in order of first appearance. */
export function groupRollups(
  obiettivi: Obiettivo[],
  results: Map<Obiettivo, ObiettivoRollup>,
  key: GroupKey,
): GroupRollup[] {
  const groups = new Map<string, { name: string; members: Obiettivo[] }>();
  for (const o of obiettivi) {
    if (isKeyless(o.codice)) continue; // the formulas give such rows no Esito, so no group counts them
    const v = o[key];
    const k = groupKey(v);
    let g = groups.get(k);
    if (!g) {
      g = { name: k === NOT_GIVEN_KEY || v === null ? rollupStrings.groupNotGiven : v, members: [] };
      groups.set(k, g);
    }
    g.members.push(o);
  }
  return [...groups.values()].map(({ name, members }) => {
    const rs = members.map((o) => results.get(o) as ObiettivoRollup);
    const valued = members
      .map((o, i) => ({ g: rs[i].gradoFinale, peso: o.peso }))
      .filter((x): x is { g: number; peso: number | null } => x.g !== null);
    let gradoMedio: number | null = null;
    if (valued.length > 0) {
      if (members.every((o) => o.peso !== null && o.peso > 0)) {
        let sp = 0;
        let spg = 0;
        for (const v of valued) {
          sp += v.peso as number;
          spg += (v.peso as number) * v.g;
        }
        gradoMedio = spg / sp;
      } else {
        gradoMedio = valued.reduce((s, v) => s + v.g, 0) / valued.length;
      }
    }
    const count = (e: Esito) => rs.filter((r) => r.esito === e).length;
    return {
      gruppo: name,
      obiettivi: members.length,
      gradoMedio,
      raggiunti: count("Raggiunto"),
      parzialmenteRaggiunti: count("Parzialmente raggiunto"),
      nonRaggiunti: count("Non raggiunto"),
      nonValutabili: count("Non valutabile"),
    };
  });
}

function byCode<T extends { obiettivo: string }>(items: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = codeKey(it.obiettivo);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

export function computeRollups(plan: Plan): Rollups {
  const p = plan.parametri;
  const indicatori: IndicatoreRollup[] = plan.indicatori.map((i) => ({
    obiettivo: i.obiettivo,
    riga: i.row,
    raggiungimento: raggiungimento(
      i.valoreAtteso,
      i.valoreRaggiunto,
      isDecrescente(i.polarita),
      p.formulaDecrescente,
    ),
  }));
  const rOf = new Map<Indicatore, number | null>(
    plan.indicatori.map((i, n) => [i, indicatori[n].raggiungimento]),
  );
  const fasi: FaseRollup[] = plan.fasi.map((f) => ({
    obiettivo: f.obiettivo,
    riga: f.row,
    ...tempistica(f, p.dataRiferimento),
  }));

  const fasiOf = byCode(plan.fasi);
  const indOf = byCode(plan.indicatori);
  const results = new Map<Obiettivo, ObiettivoRollup>();
  const obiettivi = plan.obiettivi.map((o) => {
    const empty = isKeyless(o.codice);
    const F = empty ? null : avanzamentoFasi(fasiOf.get(codeKey(o.codice)) ?? []);
    const R = empty
      ? null
      : raggiungimentoIndicatori(
          (indOf.get(codeKey(o.codice)) ?? []).map((i) => ({ r: rOf.get(i) ?? null, peso: i.peso })),
        );
    const G = grado(F, R, p.pesoFasiNelGrado);
    const V = empty ? null : o.gradoValidato;
    const finale = gradoFinale(G, V);
    const res: ObiettivoRollup = {
      codice: o.codice,
      riga: o.row,
      avanzamentoFasi: F,
      raggiungimentoIndicatori: R,
      grado: G,
      gradoValidato: V,
      gradoFinale: finale,
      esito: esito(finale, p.sogliaRaggiunto, p.sogliaParzialmente),
    };
    results.set(o, res);
    return res;
  });

  const riepilogo = Object.fromEntries(
    GROUPINGS.map((g) => [g.key, groupRollups(plan.obiettivi, results, g.key)]),
  ) as Record<GroupKey, GroupRollup[]>;
  return { obiettivi, fasi, indicatori, riepilogo };
}
