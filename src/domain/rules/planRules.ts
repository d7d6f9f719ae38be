// Rules that need the whole plan: duplicate codes, unknown objectives, phase weights, objectives without phases or indicators.
import { problemMessages as msg } from "../messages";
import type { Obiettivo } from "../model/model";
import { isKeyless } from "../reading/keys";
import { Ctx } from "./context";

/** Weight sums within this distance of 100 are accepted (docs/reference/rules.md WEIGHT_SUM). */
export const WEIGHT_SUM_TOLERANCE = 0.01;

// ---------------------------------------------------------------------------------------------
// Rules that need the whole plan
// ---------------------------------------------------------------------------------------------

/** CODE_DUPLICATE: each later occurrence of a Codice (case-insensitive, as the rollup formulas match it). */
export function codeDuplicate(ctx: Ctx): void {
  const first = new Map<string, Obiettivo>();
  for (const [n, o] of ctx.plan.obiettivi.entries()) {
    if (isKeyless(o.codice)) continue;
    const key = ctx.objectiveKeys[n];
    const prev = first.get(key);
    if (!prev) first.set(key, o);
    else {
      const firstCell =
        ctx.cell("obiettivi", "codice", prev.row) ?? `${ctx.sheet("obiettivi")}, riga ${prev.row}`;
      ctx.report(
        "CODE_DUPLICATE",
        "obiettivi",
        "codice",
        o.row,
        o.codice,
        msg.CODE_DUPLICATE(o.codice, firstCell),
      );
    }
  }
}

/** OBJECTIVE_UNKNOWN: a Fasi/Indicatori row whose Obiettivo is not a Codice of the Obiettivi sheet. */
export function objectiveUnknown(ctx: Ctx): void {
  // Without an Obiettivi sheet or its Codice column (SHEET_MISSING, COLUMN_MISSING) every row would be
  // unknown: that is one problem, already reported, not many.
  if (!ctx.hasColumn("obiettivi", "codice")) return;
  const check = (kind: "fasi" | "indicatori", rows: { row: number; obiettivo: string }[], keys: string[]) => {
    for (const [n, r] of rows.entries()) {
      if (isKeyless(r.obiettivo) || ctx.objectiveByCode.has(keys[n])) continue;
      ctx.report(
        "OBJECTIVE_UNKNOWN",
        kind,
        "obiettivo",
        r.row,
        r.obiettivo,
        msg.OBJECTIVE_UNKNOWN(r.obiettivo),
      );
    }
  };
  check("fasi", ctx.plan.fasi, ctx.phaseKeys);
  check("indicatori", ctx.plan.indicatori, ctx.indicatorKeys);
}

/**
 * WEIGHT_SUM: the weighted phases (Peso not empty) of an objective must sum to 100 ± 0.01.
 * Reported at the Peso of the objective's first weighted phase (the first phase may be a sub-item).
 */
export function weightSum(ctx: Ctx): void {
  for (const [key, phases] of ctx.phasesByCode) {
    const objective = ctx.objectiveByCode.get(key);
    if (!objective) continue;
    const code = objective.codice;
    const weighted = phases.filter((f) => f.peso !== null);
    if (weighted.length === 0) continue;
    if (phases.some((f) => ctx.isBroken("fasi", "peso", f.row))) continue;
    const sum = weighted.reduce((s, f) => s + (f.peso as number), 0);
    // The epsilon keeps 33.33 × 3 = 99.99 (99.99000000000001 in binary) within the tolerance.
    if (Math.abs(sum - 100) <= WEIGHT_SUM_TOLERANCE + 1e-9) continue;
    const parts = weighted.map((f) => ({ row: f.row, peso: f.peso as number }));
    ctx.report("WEIGHT_SUM", "fasi", "peso", weighted[0].row, code, msg.WEIGHT_SUM(code, sum, parts));
  }
}

/** NO_PHASES: an objective no Fasi row points to. */
export function noPhases(ctx: Ctx): void {
  if (!ctx.hasColumn("fasi", "obiettivo")) return; // SHEET_MISSING / COLUMN_MISSING already says it
  for (const [n, o] of ctx.plan.obiettivi.entries()) {
    if (!isKeyless(o.codice) && !ctx.phasesByCode.has(ctx.objectiveKeys[n])) {
      ctx.report("NO_PHASES", "obiettivi", "codice", o.row, o.codice, msg.NO_PHASES(o.codice));
    }
  }
}

/** NO_INDICATORS: an objective no Indicatori row points to. */
export function noIndicators(ctx: Ctx): void {
  if (!ctx.hasColumn("indicatori", "obiettivo")) return; // SHEET_MISSING / COLUMN_MISSING already says it
  for (const [n, o] of ctx.plan.obiettivi.entries()) {
    if (!isKeyless(o.codice) && !ctx.indicatorsByCode.has(ctx.objectiveKeys[n])) {
      ctx.report("NO_INDICATORS", "obiettivi", "codice", o.row, o.codice, msg.NO_INDICATORS(o.codice));
    }
  }
}
