// Hand-built plans for the rollup unit tests (no reader involved).
import type { Fase, Indicatore, Obiettivo, Parametri, Plan, SheetLayout } from "../../src/domain/model/model";

export const PARAMETRI: Parametri = {
  ente: "",
  anno: 2023,
  vista: "",
  livello: "",
  dataRiferimento: "2023-12-31",
  pesoFasiNelGrado: 50,
  sogliaRaggiunto: 90,
  sogliaParzialmente: 70,
  formulaDecrescente: "T/A",
  tipiIndicatore: [],
};

let nextRow = 2;
export function ob(codice: string, extra: Partial<Obiettivo> = {}): Obiettivo {
  return {
    row: nextRow++,
    codice,
    titolo: `Titolo ${codice}`,
    assessorato: null,
    centroResponsabilita: "CDR",
    responsabile: "R",
    valorePubblico: null,
    obiettivoMandato: null,
    obiettivoMissione: null,
    obiettivoProgramma: null,
    modalitaAttuazione: null,
    statoAttuazione: null,
    stato: null,
    peso: null,
    gradoValidato: null,
    motivazioneValidazione: null,
    ...extra,
  };
}

export function fase(
  obiettivo: string,
  peso: number | null,
  avanzamento: number | null,
  extra: Partial<Fase> = {},
): Fase {
  return {
    row: nextRow++,
    obiettivo,
    titolo: "fase",
    inizioPrevisto: null,
    finePrevista: null,
    inizioEffettivo: null,
    fineEffettiva: null,
    peso,
    avanzamento,
    responsabile: null,
    centroResponsabilita: null,
    note: null,
    ...extra,
  };
}

export function ind(
  obiettivo: string,
  t: number | null,
  a: number | null,
  extra: Partial<Indicatore> = {},
): Indicatore {
  return {
    row: nextRow++,
    obiettivo,
    descrizione: "ind",
    tipo: null,
    polarita: null,
    valoreAtteso: t,
    valoreRaggiunto: a,
    storico: [],
    peso: null,
    note: null,
    ...extra,
  };
}

export function plan(
  obiettivi: Obiettivo[],
  fasi: Fase[],
  indicatori: Indicatore[],
  parametri: Partial<Parametri> = {},
): Plan {
  return {
    parametri: { ...PARAMETRI, ...parametri },
    obiettivi,
    fasi,
    indicatori,
    layout: { obiettivi: null, fasi: null, indicatori: null, parametri: null },
  };
}

/** A layout whose columns are the given headers from column 1, data rows firstRow..lastRow. */
export function layoutOf<F extends string>(
  sheet: string,
  table: string | null,
  headers: [F | null, string][],
  firstRow: number,
  lastRow: number,
): SheetLayout<F> {
  const columns: Partial<Record<F, number>> = {};
  const hs: Record<number, string> = {};
  headers.forEach(([key, h], i) => {
    hs[i + 1] = h;
    if (key) columns[key] = i + 1;
  });
  return {
    sheet,
    table,
    headerRow: firstRow - 1,
    firstRow,
    lastRow,
    firstCol: 1,
    lastCol: headers.length,
    columns,
    headers: hs,
    history: [],
  };
}
