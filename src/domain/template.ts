// The empty workbook (`scheda-peg template`, Prepara fogli) and the sample plan laid out the same way.
import type { WorkbookTemplate } from "./sheet";

/** The reference plan's JSON (assets/piano-2023-settore-socioeducativo.json). */
export interface SamplePlanJson {
  header: { vista: string; livello: string; centro_responsabilita: string };
  obiettivi: {
    codice: string;
    assessorato: string | null;
    centro_responsabilita: string;
    titolo: string;
    responsabile: string;
    valore_pubblico: string | null;
    obiettivo_mandato: { codice: string; descrizione: string } | null;
    obiettivo_missione: { codice: string; descrizione: string } | null;
    obiettivo_programma: { codice: string; descrizione: string } | null;
    modalita_attuazione: string | null;
    stato_attuazione: string | null;
    stato: string | null;
    fasi: {
      titolo: string;
      inizio_previsto: string | null;
      fine_prevista: string | null;
      inizio_effettivo: string | null;
      fine_effettiva: string | null;
      peso: number | null;
      avanzamento: number | null;
      responsabile: string | null;
      centro_responsabilita: string | null;
      note: string | null;
    }[];
    indicatori: {
      descrizione: string;
      tipo: string | null;
      valore_atteso: number | null;
      valore_raggiunto: number | null;
      valore_2022: number | null;
      valore_2021: number | null;
      note: string | null;
    }[];
  }[];
}

export function buildTemplate(): WorkbookTemplate {
  throw new Error("buildTemplate: not implemented yet");
}

export function buildSample(_data: SamplePlanJson): WorkbookTemplate {
  throw new Error("buildSample: not implemented yet");
}
