// SPEC §3 as live Excel formulas: computed columns, defined names for Parametri, the Riepilogo sheet.
import type { Plan } from "./model";
import type { Rollups } from "./rollup";
import type { RollupWritePlan } from "./sheet";

export function buildRollupWritePlan(_plan: Plan, _rollups: Rollups): RollupWritePlan {
  throw new Error("buildRollupWritePlan: not implemented yet");
}
