// SPEC §4: the Scheda sheet as a host-neutral description (cells, styles, merges, heights, pages).
import type { IsoDate } from "../dates";
import type { Plan } from "../model";
import type { Rollups } from "../rollup";
import type { SheetDescription } from "../sheet";

export interface SchedaFilter {
  /** Centri di Responsabilità to keep (empty = all). */
  cdr: string[];
  /** Codici to keep (empty = all). */
  obiettivi: string[];
}

export interface SchedaOptions {
  filter: SchedaFilter;
  /** Date printed as generation date. */
  generatedOn: IsoDate;
}

export function layoutScheda(_plan: Plan, _rollups: Rollups, _options: SchedaOptions): SheetDescription {
  throw new Error("layoutScheda: not implemented yet");
}
