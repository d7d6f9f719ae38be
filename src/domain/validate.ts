// SPEC §2 rules that need the whole plan, ranges, dates and indicators (the reading rules live in ./reader.ts).
import type { Plan } from "./model";
import type { Problem } from "./problems";

export function validatePlan(_plan: Plan, _brokenCells: ReadonlySet<string>): Problem[] {
  throw new Error("validatePlan: not implemented yet");
}
