// The year's cycle (docs/reference/rules.md): the grade validated by the Nucleo di Valutazione / OIV,
// the weights of the objectives of each Centro di Responsabilità, and group labels spelt two ways.
//
// Choices where the contract is open (docs/decisions.md "The year's cycle"):
// - a broken Grado Validato % (NUMBER_INVALID…) is empty for these rules, as for every later step;
// - OBJECTIVE_WEIGHT_SUM groups objectives by their CdR as the Riepilogo does (match key), is skipped
//   for a CdR whose objectives have a broken Peso (the sum is unknown), and is reported at the Peso
//   cell of the CdR's first objective, even an empty one;
// - LABEL_NEAR_DUPLICATE compares spellings that the Riepilogo counts as different groups (different
//   match keys) but that are equal once case, accents, spaces and punctuation are folded (foldLabel);
//   the most frequent spelling is the reference (a tie: the one met first), and every cell holding
//   another one is reported.
import { problemMessages as msg, rollupStrings } from "../messages";
import type { Obiettivo } from "../model/model";
import { foldLabel } from "../reading/keys";
import { groupKey, type GroupKey } from "../rollup/rollup";
import { Ctx, header, push } from "./context";
import { outOfRange } from "./dateRules";
import { WEIGHT_SUM_TOLERANCE } from "./planRules";

/** Objectives listed in an OBJECTIVE_WEIGHT_SUM message at most (the others are counted). */
const MAX_LISTED = 12;

/** The group columns whose spellings LABEL_NEAR_DUPLICATE compares, in sheet order. */
const LABEL_COLUMNS: GroupKey[] = [
  "assessorato",
  "centroResponsabilita",
  "valorePubblico",
  "obiettivoMandato",
  "obiettivoMissione",
  "obiettivoProgramma",
];

/** VALIDATION_REASON_MISSING: a validated grade without the Nucleo's reason. */
export function validationReasonMissing(ctx: Ctx): void {
  const columnPresent = ctx.hasColumn("obiettivi", "motivazioneValidazione");
  for (const o of ctx.plan.obiettivi) {
    if (o.gradoValidato === null || o.motivazioneValidazione !== null) continue;
    if (ctx.isBroken("obiettivi", "motivazioneValidazione", o.row)) continue;
    const message = msg.VALIDATION_REASON_MISSING(o.codice, o.gradoValidato, columnPresent);
    ctx.report("VALIDATION_REASON_MISSING", "obiettivi", "motivazioneValidazione", o.row, o.codice, message);
  }
}

/** VALIDATED_RANGE: Grado Validato % below 0 or above 100. */
export function validatedRange(ctx: Ctx): void {
  for (const o of ctx.plan.obiettivi) {
    if (outOfRange(o.gradoValidato)) {
      const message = msg.VALIDATED_RANGE(o.gradoValidato);
      ctx.report("VALIDATED_RANGE", "obiettivi", "gradoValidato", o.row, o.codice, message);
    }
  }
}

/**
 * OBJECTIVE_WEIGHT_SUM: in a Centro di Responsabilità where some objective has a Peso, the Pesi of its
 * objectives (empty = 0) must sum to 100 ± 0.01.
 */
export function objectiveWeightSum(ctx: Ctx): void {
  if (!ctx.hasColumn("obiettivi", "peso")) return;
  const byCdr = new Map<string, Obiettivo[]>();
  for (const o of ctx.plan.obiettivi) push(byCdr, groupKey(o.centroResponsabilita), o);
  for (const members of byCdr.values()) {
    if (members.every((o) => o.peso === null)) continue;
    if (members.some((o) => ctx.isBroken("obiettivi", "peso", o.row))) continue;
    const sum = members.reduce((s, o) => s + (o.peso ?? 0), 0);
    if (Math.abs(sum - 100) <= WEIGHT_SUM_TOLERANCE + 1e-9) continue;
    const first = members[0];
    const listed = members.slice(0, MAX_LISTED).map((o) => ({ codice: o.codice, peso: o.peso }));
    // Empty CdR cells (REQUIRED) form the Riepilogo's "(non indicato)" group: named so here too.
    const message = msg.OBJECTIVE_WEIGHT_SUM(
      groupKey(first.centroResponsabilita) === groupKey(null)
        ? rollupStrings.groupNotGiven
        : first.centroResponsabilita,
      sum,
      listed,
      members.length - listed.length,
    );
    ctx.report("OBJECTIVE_WEIGHT_SUM", "obiettivi", "peso", first.row, first.codice, message);
  }
}

interface Spelling {
  text: string;
  members: Obiettivo[];
}

/** LABEL_NEAR_DUPLICATE: one label spelt so that it makes two groups of the Riepilogo. */
export function labelNearDuplicate(ctx: Ctx): void {
  for (const field of LABEL_COLUMNS) {
    // folded label → the spellings (one per group key) in order of first appearance
    const byFold = new Map<string, Map<string, Spelling>>();
    for (const o of ctx.plan.obiettivi) {
      const text = o[field];
      if (text === null) continue;
      const fold = foldLabel(text);
      if (fold === "") continue; // punctuation alone is no label
      let spellings = byFold.get(fold);
      if (!spellings) byFold.set(fold, (spellings = new Map()));
      const key = groupKey(text);
      const s = spellings.get(key);
      if (s) s.members.push(o);
      else spellings.set(key, { text, members: [o] });
    }
    for (const spellings of byFold.values()) {
      if (spellings.size < 2) continue;
      const all = [...spellings.values()];
      const main = all.reduce((best, s) => (s.members.length > best.members.length ? s : best));
      for (const s of all) {
        if (s === main) continue;
        for (const o of s.members) {
          const message = msg.LABEL_NEAR_DUPLICATE(
            header("obiettivi", field),
            s.text,
            s.members.length,
            main.text,
            main.members.length,
          );
          ctx.report("LABEL_NEAR_DUPLICATE", "obiettivi", field, o.row, o.codice, message);
        }
      }
    }
  }
}
