// docs/reference/rules.md rules that need the whole plan, ranges, dates and indicators (the reading rules live in ./reader.ts).
//
// One function per rule, each a single pass over the rows (maps, no nested scans), so validation stays
// linear in the size of the plan. Messages come from `problemMessages` in ./messages.ts.
//
// Broken cells (already reported by the reader, read as empty): no rule here reports a problem whose
// verdict depends on a broken cell being empty. So a NUMBER_INVALID Valore Atteso gives no TARGET_MISSING,
// a DATE_INVALID Fine Effettiva no EFFECTIVE_END_MISSING / PHASE_LATE, a NUMBER_INVALID Avanzamento no
// PROGRESS_INCOMPLETE / PHASE_LATE, and a broken phase Peso no WEIGHT_SUM for its objective (the sum is
// unknown). Rules on filled values simply do not see a broken cell, because its value is null.
import type { Plan } from "../model/model";
import { Ctx } from "./context";
import {
  dateInFuture,
  dateOrder,
  dateOutsideYear,
  effectiveEndMissing,
  effectiveStartMissing,
  phaseLate,
  progressIncomplete,
  progressRange,
  weightRange,
} from "./dateRules";
import {
  labelNearDuplicate,
  objectiveWeightSum,
  validatedRange,
  validationReasonMissing,
} from "./cycleRules";
import { actualMissing, polarityInvalid, targetMissing, typeUnknown } from "./indicatorRules";
import { codeDuplicate, noIndicators, noPhases, objectiveUnknown, weightSum } from "./planRules";
import { type Problem } from "./problems";

export function validatePlan(plan: Plan, brokenCells: ReadonlySet<string>): Problem[] {
  const ctx = new Ctx(plan, brokenCells);
  // whole plan
  codeDuplicate(ctx);
  objectiveUnknown(ctx);
  weightSum(ctx);
  noPhases(ctx);
  noIndicators(ctx);
  // ranges and dates
  weightRange(ctx);
  progressRange(ctx);
  dateOrder(ctx);
  dateOutsideYear(ctx);
  dateInFuture(ctx);
  phaseLate(ctx);
  effectiveEndMissing(ctx);
  effectiveStartMissing(ctx);
  progressIncomplete(ctx);
  // indicators
  polarityInvalid(ctx);
  targetMissing(ctx);
  actualMissing(ctx);
  typeUnknown(ctx);
  // the year's cycle
  validatedRange(ctx);
  validationReasonMissing(ctx);
  objectiveWeightSum(ctx);
  labelNearDuplicate(ctx);
  return ctx.problems;
}
