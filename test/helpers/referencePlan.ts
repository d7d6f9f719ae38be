// The reference 2023 plan as the reader must return it, built from the JSON independently of the
// sample writer: one table row per item, starting at worksheet row 2.
import type { Fase, Indicatore, Obiettivo } from "../../src/domain/model/model";
import type { SamplePlanJson } from "../../src/domain/template/template";

export function expectedPlanFromJson(data: SamplePlanJson): {
  obiettivi: Obiettivo[];
  fasi: Fase[];
  indicatori: Indicatore[];
} {
  const link = (l: { codice: string; descrizione: string } | null) =>
    l ? `${l.codice} ${l.descrizione}` : null;
  const obiettivi: Obiettivo[] = [];
  const fasi: Fase[] = [];
  const indicatori: Indicatore[] = [];
  data.obiettivi.forEach((o, i) => {
    obiettivi.push({
      row: i + 2,
      codice: o.codice,
      titolo: o.titolo,
      assessorato: o.assessorato,
      centroResponsabilita: o.centro_responsabilita,
      responsabile: o.responsabile,
      valorePubblico: o.valore_pubblico,
      obiettivoMandato: link(o.obiettivo_mandato),
      obiettivoMissione: link(o.obiettivo_missione),
      obiettivoProgramma: link(o.obiettivo_programma),
      modalitaAttuazione: o.modalita_attuazione,
      statoAttuazione: o.stato_attuazione,
      stato: o.stato,
      peso: null,
      gradoValidato: null,
      motivazioneValidazione: null,
    });
    for (const f of o.fasi) {
      fasi.push({
        row: fasi.length + 2,
        obiettivo: o.codice,
        titolo: f.titolo,
        inizioPrevisto: f.inizio_previsto,
        finePrevista: f.fine_prevista,
        inizioEffettivo: f.inizio_effettivo,
        fineEffettiva: f.fine_effettiva,
        peso: f.peso,
        avanzamento: f.avanzamento,
        responsabile: f.responsabile,
        centroResponsabilita: f.centro_responsabilita,
        note: f.note,
      });
    }
    for (const x of o.indicatori) {
      indicatori.push({
        row: indicatori.length + 2,
        obiettivo: o.codice,
        descrizione: x.descrizione,
        tipo: x.tipo,
        polarita: null,
        valoreAtteso: x.valore_atteso,
        valoreRaggiunto: x.valore_raggiunto,
        storico: [
          { anno: 2022, valore: x.valore_2022 },
          { anno: 2021, valore: x.valore_2021 },
        ],
        peso: null,
        note: x.note,
      });
    }
  });
  return { obiettivi, fasi, indicatori };
}
