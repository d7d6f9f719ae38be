// SPEC §3 rollups in TypeScript. The same numbers are written as live Excel formulas by ./formulas.ts;
// the two must agree (checked against LibreOffice in test/).
import type { Plan } from "./model";
import type { Esito, Tempistica } from "./schema";

export interface IndicatoreRollup {
  obiettivo: string;
  riga: number;
  /** Raggiungimento % (null when T or A is empty). */
  raggiungimento: number | null;
}

export interface FaseRollup {
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

export function computeRollups(_plan: Plan): Rollups {
  throw new Error("computeRollups: not implemented yet");
}
