// Indicators: polarity, target and actual values, indicator types.
import { problemMessages as msg } from "../messages";
import { POLARITA } from "../model/schema";
import { matchKey, normalizeHeader } from "../reading/keys";
import { Ctx } from "./context";

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

/** Polarità as the formulas test it (its match key, see isDecrescente in ./rollup): no accent folding. */
const POLARITA_KEYS = new Set(POLARITA.map(matchKey));

/** Membership of the normalized text, memoized: a column holds few distinct values and NFD is not cheap. */
function memoIn(known: Set<string>): (text: string) => boolean {
  const seen = new Map<string, boolean>();
  return (text) => {
    let ok = seen.get(text);
    if (ok === undefined) {
      ok = known.has(normalizeHeader(text));
      seen.set(text, ok);
    }
    return ok;
  };
}

/**
 * POLARITY_INVALID: Polarità filled with something other than Crescente/Decrescente (any case, spaces
 * trimmed). Exactly what the rollups accept, so a value they would silently read as Crescente is reported.
 */
export function polarityInvalid(ctx: Ctx): void {
  for (const i of ctx.plan.indicatori) {
    if (i.polarita !== null && matchKey(i.polarita) !== "" && !POLARITA_KEYS.has(matchKey(i.polarita))) {
      ctx.reportRow("POLARITY_INVALID", "indicatori", "polarita", i, msg.POLARITY_INVALID(i.polarita));
    }
  }
}

/** TARGET_MISSING: no Valore Atteso (a broken cell already has its problem). */
export function targetMissing(ctx: Ctx): void {
  for (const i of ctx.plan.indicatori) {
    if (i.valoreAtteso === null && !ctx.isBroken("indicatori", "valoreAtteso", i.row)) {
      ctx.reportRow("TARGET_MISSING", "indicatori", "valoreAtteso", i, msg.TARGET_MISSING());
    }
  }
}

/** ACTUAL_MISSING: no Valore Raggiunto (a broken cell already has its problem). */
export function actualMissing(ctx: Ctx): void {
  for (const i of ctx.plan.indicatori) {
    if (i.valoreRaggiunto === null && !ctx.isBroken("indicatori", "valoreRaggiunto", i.row)) {
      ctx.reportRow("ACTUAL_MISSING", "indicatori", "valoreRaggiunto", i, msg.ACTUAL_MISSING());
    }
  }
}

/** TYPE_UNKNOWN: a filled Tipo not among Parametri Tipi indicatore (empty Tipo is allowed). */
export function typeUnknown(ctx: Ctx): void {
  const known = ctx.plan.parametri.tipiIndicatore;
  const valid = memoIn(new Set(known.map(normalizeHeader)));
  for (const i of ctx.plan.indicatori) {
    if (i.tipo !== null && i.tipo.trim() !== "" && !valid(i.tipo)) {
      ctx.reportRow("TYPE_UNKNOWN", "indicatori", "tipo", i, msg.TYPE_UNKNOWN(i.tipo, known));
    }
  }
}
