// Hand-built plans and rollups for the Scheda layout tests (no reader, no rollup engine needed).
import type { Fase, Indicatore, Obiettivo, Plan } from "../../src/domain/model/model";
import type { Rollups } from "../../src/domain/rollup/rollup";

export function obiettivo(codice: string, extra: Partial<Obiettivo> = {}): Obiettivo {
  return {
    row: 2,
    codice,
    titolo: `Titolo dell'obiettivo ${codice}`,
    assessorato: "Istruzione - Formazione - Lavoro",
    centroResponsabilita: "SETTORE SOCIOEDUCATIVO",
    responsabile: "CONTI MARIO",
    valorePubblico: "4-BENESS. SOCIO-EDUCATIVO, CULTURALE, ASSOCIATIVO",
    obiettivoMandato: "DUP_05 PERSONE E FAMIGLIA",
    obiettivoMissione: "DUP_05_0401 Valorizzare la scuola",
    obiettivoProgramma: "DUP_05_0401_0101 Scelta educativa",
    modalitaAttuazione: "Modalità breve.",
    statoAttuazione: "Primo paragrafo dello stato.\nSecondo paragrafo dello stato.",
    stato: "In Corso",
    peso: null,
    gradoValidato: null,
    motivazioneValidazione: null,
    ...extra,
  };
}

export function fase(obiettivoCode: string, titolo: string, extra: Partial<Fase> = {}): Fase {
  return {
    row: 2,
    obiettivo: obiettivoCode,
    titolo,
    inizioPrevisto: "2023-01-01",
    finePrevista: "2023-12-31",
    inizioEffettivo: "2023-01-01",
    fineEffettiva: "2023-06-30",
    peso: 50,
    avanzamento: 100,
    responsabile: "BRUSON LAURA",
    centroResponsabilita: "SERV. MINORI, INFANZIA, EDUCAZ",
    note: null,
    ...extra,
  };
}

export function indicatore(
  obiettivoCode: string,
  descrizione: string,
  extra: Partial<Indicatore> = {},
): Indicatore {
  return {
    row: 2,
    obiettivo: obiettivoCode,
    descrizione,
    tipo: "EFFICACIA",
    polarita: "Crescente",
    valoreAtteso: 2,
    valoreRaggiunto: 3,
    storico: [
      { anno: 2022, valore: 1 },
      { anno: 2021, valore: 4 },
    ],
    peso: null,
    note: null,
    ...extra,
  };
}

export function plan(obiettivi: Obiettivo[], fasi: Fase[], indicatori: Indicatore[]): Plan {
  return {
    parametri: {
      ente: "Comune di Prova",
      anno: 2023,
      vista: "DUP_2023_2025 DUP 2023 2025",
      livello: "PEG-PIAO-SEZ. 2.2 PERFORMANCE",
      dataRiferimento: "2023-12-31",
      pesoFasiNelGrado: 50,
      sogliaRaggiunto: 90,
      sogliaParzialmente: 70,
      formulaDecrescente: "T/A",
      tipiIndicatore: ["EFFICACIA", "EFFICIENZA", "QUANTITATIVO", "QUALITA", "ECONOMICITA", "TEMPORALE"],
    },
    obiettivi,
    fasi,
    indicatori,
    layout: { obiettivi: null, fasi: null, indicatori: null, parametri: null },
  };
}

/** Rollups with fixed values per objective (the layout only shows them). */
export function rollups(p: Plan, grado: Record<string, number | null> = {}): Rollups {
  return {
    obiettivi: p.obiettivi.map((o) => {
      const g = o.codice in grado ? grado[o.codice] : 95;
      return {
        codice: o.codice,
        riga: o.row,
        avanzamentoFasi: g,
        raggiungimentoIndicatori: g,
        grado: g,
        gradoValidato: null,
        gradoFinale: g,
        esito:
          g === null
            ? "Non valutabile"
            : g >= 90
              ? "Raggiunto"
              : g >= 70
                ? "Parzialmente raggiunto"
                : "Non raggiunto",
      };
    }),
    fasi: [],
    indicatori: [],
    riepilogo: {
      centroResponsabilita: [],
      assessorato: [],
      obiettivoMandato: [],
      obiettivoMissione: [],
      obiettivoProgramma: [],
      valorePubblico: [],
    },
  };
}

/** A long text of `n` paragraphs of `sentences` sentences each. */
export function longText(n: number, sentences: number): string {
  const s =
    "Nell'arco dell'anno il servizio ha svolto con continuità le attività previste dal piano, coinvolgendo i soggetti del territorio.";
  return Array.from(
    { length: n },
    (_, i) => `Paragrafo ${i + 1}. ` + Array(sentences).fill(s).join(" "),
  ).join("\n");
}
