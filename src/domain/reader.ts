// SPEC §1 reading: raw sheets → typed Plan, with the reading rules of SPEC §2.
import type { IsoDate } from "./dates";
import type { Plan } from "./model";
import type { Problem } from "./problems";
import type { RawWorkbook } from "./raw";

export interface ReadOptions {
  /** Today, for the defaults of Anno and Data di riferimento. */
  today: IsoDate;
}

export interface ReadResult {
  plan: Plan;
  problems: Problem[];
  /** Addresses (e.g. `Fasi!G12`) of cells that yielded a problem and were read as empty. */
  brokenCells: Set<string>;
}

export function readPlan(_wb: RawWorkbook, _options: ReadOptions): ReadResult {
  throw new Error("readPlan: not implemented yet");
}
