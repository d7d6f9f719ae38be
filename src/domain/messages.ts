// The Italian texts the domain itself produces: problem messages, the labels of the sheets it lays out
// (Scheda, Riepilogo, template validations) and why a write would touch cells the add-in does not own.
// Texts of the shells live with them: src/app/messages.ts, src/hosts/messages.ts, src/cli/messages.ts,
// src/taskpane/strings.ts, src/commands/strings.ts.

// ---------------------------------------------------------------------------------------------
// Problem messages (docs/reference/rules.md): each says what is wrong, the value found and what is expected.
// ---------------------------------------------------------------------------------------------
export const problemMessages = {
  // reading rules (SHEET_MISSING … PARAM_INVALID) — filled by the reader
  // (READER area, src/domain/reader.ts)
  SHEET_MISSING: (sheet: string) =>
    `Manca il foglio "${sheet}": la cartella deve contenere i fogli Obiettivi, Fasi e Indicatori ` +
    `(per crearli usare "Prepara fogli" o il comando template).`,
  COLUMN_MISSING: (sheet: string, column: string, headerRow: number) =>
    `Nel foglio ${sheet} manca la colonna obbligatoria "${column}": aggiungerla alla riga di intestazione ` +
    `(riga ${headerRow}).`,
  COLUMN_DUPLICATE: (column: string, firstCell: string) =>
    `La colonna "${column}" compare due volte (la prima è in ${firstCell}): ogni intestazione deve essere ` +
    `unica: rinominare o eliminare questa colonna.`,
  REQUIRED: (column: string) =>
    `La colonna ${column} è obbligatoria ma la cella è vuota: scrivere un valore.`,
  REQUIRED_KEY: (column: string) =>
    `La colonna ${column} è obbligatoria ma la cella è vuota: la riga non viene considerata finché non ` +
    `vi si scrive il codice dell'obiettivo.`,
  CELL_ERROR: (column: string, error: string) =>
    `La cella della colonna ${column} contiene l'errore ${error}: correggere la formula o scrivere un valore.`,
  NUMBER_INVALID: (column: string, found: string) =>
    `Il valore "${found}" nella colonna ${column} non è un numero: scrivere un numero come 33 o 33,5.`,
  NUMBER_INVALID_YES_NO: (column: string, found: string) =>
    `Il valore "${found}" nella colonna ${column} non è un numero: scrivere un numero come 33 o 33,5 ` +
    `(per sì/no, 1 o 0 oppure si/no).`,
  DATE_INVALID: (column: string, found: string) =>
    `Il valore "${found}" nella colonna ${column} non è una data valida: scrivere una data come 31/12/2023.`,
  PARAM_INVALID_ANNO: (found: string, used: number) =>
    `Il parametro Anno vale "${found}": serve un anno di quattro cifre, come 2023. Si usa ${used}.`,
  // (values already formatted by the reader: numbers with comma decimals, dates dd/mm/yyyy)
  PARAM_INVALID_DATE: (found: string, used: string) =>
    `Il parametro Data di riferimento vale "${found}", che non è una data: scrivere una data come ` +
    `31/12/2023. Si usa ${used}.`,
  PARAM_INVALID_PERCENT: (label: string, found: string, used: string) =>
    `Il parametro ${label} vale "${found}": serve un numero tra 0 e 100. Si usa ${used}.`,
  PARAM_INVALID_THRESHOLDS: (partial: string, reached: string, used: string) =>
    `La Soglia parzialmente raggiunto (${partial}) è maggiore della Soglia raggiunto ` +
    `(${reached}): deve essere uguale o minore. Si usa ${used}.`,
  PARAM_INVALID_FORMULA: (found: string) =>
    `Il parametro Formula decrescente vale "${found}": scrivere T/A oppure 2T-A. Si usa T/A.`,
  PARAM_INVALID_REPEATED: (label: string, firstCell: string) =>
    `Il parametro ${label} è ripetuto: vale solo la prima riga (${firstCell}); eliminare questa riga.`,
  // A formula cell saved without its value (openpyxl and other generators write formulas that way).
  FORMULA_NO_VALUE: (column: string, formula: string) =>
    `La cella della colonna ${column} contiene la formula ${formula}, ma il file è stato salvato senza i ` +
    `valori calcolati: la cella è trattata come vuota. Aprire il file in Excel o LibreOffice e salvarlo ` +
    `(così le formule vengono calcolate), oppure scrivere il valore al posto della formula.`,
  // Values the live formulas of the sheet read differently from the Scheda (FORMULA_DIFFERS).
  FORMULA_DIFFERS_TEXT_NUMBER: (column: string, found: string, read: string) =>
    `Il valore "${found}" nella colonna ${column} è scritto come testo: la Scheda lo legge come ${read}, ` +
    `ma le formule del foglio lo considerano vuoto e i loro risultati possono essere diversi. Scrivere ` +
    `il numero come numero (senza apostrofo, con la virgola per i decimali).`,
  FORMULA_DIFFERS_PERCENT: (column: string, found: string, read: string) =>
    `La cella della colonna ${column} è in formato percentuale (${found}): la Scheda la legge come ${read}, ` +
    `ma le formule del foglio leggono il valore della cella (${read} diviso 100) e i loro risultati ` +
    `possono essere diversi. Togliere il formato percentuale e scrivere ${read}.`,
  FORMULA_DIFFERS_NOT_PERCENT: (column: string, read: string, formula: string) =>
    `La colonna ${column} è in formato percentuale ma questa cella no: la Scheda la legge come ${read}, ` +
    `ma le formule del foglio, che leggono la colonna in percentuale, la leggono come ${formula}. ` +
    `Dare alla cella il formato percentuale della colonna e riscrivere il valore.`,
  FORMULA_DIFFERS_TEXT_DATE: (column: string, found: string) =>
    `La data "${found}" nella colonna ${column} è scritta come testo: la Scheda la legge, ma le formule ` +
    `del foglio la considerano vuota e i loro risultati possono essere diversi. Scrivere la data come ` +
    `data (per esempio 31/12/2023 in una cella in formato data).`,
  FORMULA_DIFFERS_KEY: (column: string, found: string) =>
    `Il valore "${found}" nella colonna ${column} è un numero con decimali, molto grande o un valore ` +
    `VERO/FALSO: le formule del foglio lo confrontano come testo secondo la lingua di Excel e possono ` +
    `non abbinarlo come fa la Scheda. Scriverlo come testo (per esempio con un apostrofo iniziale).`,
  // whole-plan and range rules — filled by validation (VALIDATE area, src/domain/validate.ts)
  CODE_DUPLICATE: (code: string, firstCell: string) =>
    `Il Codice "${code}" è già usato in ${firstCell}: ogni obiettivo deve avere un Codice diverso.`,
  OBJECTIVE_UNKNOWN: (code: string) =>
    `L'obiettivo "${code}" non esiste nel foglio Obiettivi: indicare il Codice di un obiettivo presente.`,
  WEIGHT_SUM: (code: string, sum: number, phases: { row: number; peso: number }[]) =>
    `La somma dei pesi delle fasi dell'obiettivo ${code} è ${itNumber(sum)} ` +
    `(${phases.map((p) => `riga ${p.row}: ${itNumber(p.peso)}`).join(", ")}): deve essere 100.`,
  NO_PHASES: (code: string) =>
    `L'obiettivo ${code} non ha fasi: aggiungere nel foglio Fasi almeno una riga con Obiettivo ${code}.`,
  NO_INDICATORS: (code: string) =>
    `L'obiettivo ${code} non ha indicatori: aggiungere nel foglio Indicatori almeno una riga con Obiettivo ${code}.`,
  WEIGHT_RANGE: (value: number) => `Peso ${itNumber(value)} fuori intervallo: deve essere tra 0 e 100.`,
  PROGRESS_RANGE: (value: number) =>
    `Avanzamento ${itNumber(value)} fuori intervallo: deve essere tra 0 e 100.`,
  DATE_ORDER: (endLabel: string, end: string, startLabel: string, start: string) =>
    `${endLabel} ${itDate(end)} precede ${startLabel} ${itDate(start)}: ` +
    `la fine deve essere uguale o successiva all'inizio.`,
  DATE_OUTSIDE_YEAR: (label: string, date: string, anno: number) =>
    `${label} ${itDate(date)} è fuori dall'anno del piano (${anno}): ` +
    `la data dovrebbe essere tra 01/01/${anno} e 31/12/${anno}.`,
  DATE_IN_FUTURE: (label: string, date: string, reference: string) =>
    `${label} ${itDate(date)} è successiva alla Data di riferimento ${itDate(reference)}: ` +
    `una data effettiva non può essere nel futuro.`,
  PHASE_LATE_CLOSED: (end: string, planned: string, days: number) =>
    `Fase conclusa in ritardo: Fine Effettiva ${itDate(end)} dopo la Fine Prevista ${itDate(planned)} ` +
    `(${days} ${days === 1 ? "giorno" : "giorni"}).`,
  PHASE_LATE_OPEN: (planned: string, reference: string, avanzamento: number | null, days: number) =>
    `Fase in ritardo: alla Data di riferimento ${itDate(reference)} la Fine Prevista ${itDate(planned)} ` +
    `è superata di ${days} ${days === 1 ? "giorno" : "giorni"}, l'Avanzamento è ` +
    `${avanzamento === null ? "vuoto" : itNumber(avanzamento)} e manca la Fine Effettiva.`,
  EFFECTIVE_END_MISSING: () =>
    "Avanzamento 100 ma Fine Effettiva vuota: scrivere la data in cui la fase si è conclusa.",
  PROGRESS_INCOMPLETE: (avanzamento: number | null, end: string) =>
    `Avanzamento ${avanzamento === null ? "vuoto" : itNumber(avanzamento)} ma Fine Effettiva ${itDate(end)} ` +
    `indicata: una fase conclusa ha Avanzamento 100.`,
  EFFECTIVE_START_MISSING: (end: string) =>
    `Inizio Effettivo vuoto ma Fine Effettiva ${itDate(end)} indicata: scrivere la data in cui la fase è iniziata.`,
  POLARITY_INVALID: (value: string) =>
    `Polarità "${value}" non valida: scrivere Crescente o Decrescente (vuota vale Crescente).`,
  TARGET_MISSING: () =>
    "Valore Atteso vuoto: senza questo numero il raggiungimento dell'indicatore non si calcola.",
  ACTUAL_MISSING: () =>
    "Valore Raggiunto vuoto: senza questo numero il raggiungimento dell'indicatore non si calcola.",
  TYPE_UNKNOWN: (value: string, known: string[]) =>
    `Tipo "${value}" non previsto: i tipi ammessi sono i Tipi indicatore del foglio Parametri (${known.join(", ")}).`,
  // the year's cycle (src/domain/rules/cycleRules.ts)
  VALIDATION_REASON_MISSING: (code: string, grade: number, columnPresent: boolean) =>
    `Grado Validato ${itNumber(grade)} indicato per l'obiettivo ${code} ma senza Motivazione Validazione: ` +
    (columnPresent
      ? "scrivere la motivazione con cui il Nucleo di Valutazione (o l'OIV) ha validato il grado."
      : "aggiungere al foglio Obiettivi la colonna Motivazione Validazione e scrivervi la motivazione " +
        "con cui il Nucleo di Valutazione (o l'OIV) ha validato il grado."),
  VALIDATED_RANGE: (value: number) =>
    `Grado Validato ${itNumber(value)} fuori intervallo: deve essere tra 0 e 100. Finché non viene ` +
    "corretto, il Grado Finale e l'Esito usano questo valore.",
  OBJECTIVE_WEIGHT_SUM: (
    cdr: string,
    sum: number,
    objectives: { codice: string; peso: number | null }[],
    more: number,
  ) =>
    `La somma dei pesi degli obiettivi del Centro di Responsabilità "${cdr}" è ${itNumber(sum)} ` +
    `(${objectives.map((o) => `${o.codice}: ${o.peso === null ? "vuoto" : itNumber(o.peso)}`).join(", ")}` +
    `${more > 0 ? ` e altri ${more}` : ""}): deve essere 100. Correggere la colonna Peso del foglio ` +
    "Obiettivi (un Peso vuoto vale 0).",
  LABEL_NEAR_DUPLICATE: (
    column: string,
    found: string,
    foundCount: number,
    main: string,
    mainCount: number,
  ) =>
    `Nella colonna ${column} "${found}" (${objectivesText(foundCount)}) e "${main}" ` +
    `(${objectivesText(mainCount)}) differiscono solo per maiuscole, accenti, spazi o punteggiatura: nel ` +
    `Riepilogo contano come due gruppi. Se indicano la stessa voce, riscrivere questa cella come "${main}".`,
};

function objectivesText(n: number): string {
  return `${n} ${n === 1 ? "obiettivo" : "obiettivi"}`;
}

// Number and date formats of the validation messages (Italian: decimal comma, dd/mm/yyyy).
function itNumber(n: number): string {
  return String(Math.round(n * 1e6) / 1e6).replace(".", ",");
}
function itDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

// Words the reader uses when it turns cell values into text (READER area).
export const readerTexts = {
  booleanTrue: "VERO",
  booleanFalse: "FALSO",
  invalidDate: "data non valida",
};

/** Data validation texts written into the template's sheets (Excel shows them while typing). */
export const validationMessages = {
  listTitle: "Valore non previsto",
  list: (values: string[]) => `Valori previsti: ${values.join(", ")}.`,
  decimalTitle: "Numero non valido",
  decimal: (min: number, max: number) => `Inserire un numero tra ${min} e ${max}.`,
  dateTitle: "Data non valida",
  date: "Inserire una data (gg/mm/aaaa).",
};

/** Why a write stops (both hosts): a computed column would cover cells the add-in does not own. */
export const ownershipMessages = {
  cellsInTheWay: (sheet: string, cells: string[], more: number) =>
    `Sul foglio «${sheet}» ${cells.length + more === 1 ? "la cella" : "le celle"} ${cells.join(", ")}` +
    `${more > 0 ? ` e altre ${more}` : ""} ${cells.length + more === 1 ? "contiene" : "contengono"} dati dove Scheda PEG deve ` +
    "scrivere le colonne calcolate. Spostare quei dati (o la tabella) e riprovare: non è stato scritto nulla.",
  tableInTheWay: (table: string, sheet: string, where: string) =>
    `La tabella «${table}» sul foglio «${sheet}» (${where}) occupa le celle dove Scheda PEG deve scrivere le colonne ` +
    "calcolate. Spostarla o eliminarla e riprovare: non è stato scritto nulla.",
  mergeInTheWay: (sheet: string, where: string) =>
    `Sul foglio «${sheet}» le celle unite ${where} toccano le colonne calcolate di Scheda PEG. Separarle ` +
    "(Home › Unisci e allinea al centro) e riprovare: non è stato scritto nulla.",
  noRoomRight: (sheet: string, header: string) =>
    `Sul foglio «${sheet}» non c'è spazio a destra dei dati per la colonna «${header}»: la tabella arriva all'ultima ` +
    "colonna del foglio (XFD). Spostare i dati più a sinistra e riprovare: non è stato scritto nulla.",
};

// ---------------------------------------------------------------------------------------------
// Scheda sheet (docs/reference/scheda.md): labels and headings, as in the reference report
// ---------------------------------------------------------------------------------------------
export const schedaLabels = {
  title: "SCHEDA OBIETTIVI",
  continued: "(segue)",
  parametriSelezionati: "Parametri selezionati:",
  vista: "Vista",
  livello: "Livello",
  centroResponsabilita: "Centro di Responsabilità",
  tutti: "Tutti",
  obiettiviFiltro: "Obiettivi",
  dataRiferimento: "Data di riferimento",
  dataGenerazione: "Data di generazione",
  riepilogo: "OBIETTIVI DELLA SCHEDA",
  nessunObiettivo: "Nessun obiettivo corrisponde alla selezione.",
  indexHeader: ["Obiettivo", "Codice", "Pagina", "Fasi %", "Indicatori %", "Grado %", "Esito"],
  assessorato: "Assessorato",
  responsabile: "Responsabile",
  valorePubblico: "VALORE PUBBLICO",
  collegatoA: "Collegato a",
  mandato: "OBIETTIVO DI MANDATO:",
  missione: "OBIETTIVO DI MISSIONE:",
  programma: "OBIETTIVO DI PROGRAMMA:",
  modalita: "Modalità di Attuazione",
  statoAttuazione: "STATO DI ATTUAZIONE",
  stato: "Stato",
  fasi: "FASI - ATTIVITA'",
  phaseHeader: [
    "FASE",
    "Inizio Previsto",
    "Fine Prevista",
    "Peso",
    "Avanzamento",
    "Responsabile",
    "Centro di Responsabilità",
    "Note",
  ],
  phaseHeaderEffective: ["Inizio Effettivo", "Fine Effettiva"],
  noPhases: "Nessuna fase",
  indicatori: "INDICATORI",
  indicatorHeader: ["Descrizione", "Tipo", "Valore Atteso", "Valore Raggiunto", "Note"],
  noIndicators: "Nessun indicatore",
  sintesi: "SINTESI",
  sintesiLabels: ["Avanzamento Fasi %", "Raggiungimento Indicatori %", "Grado di Raggiungimento %", "Esito"],
  notAvailable: "n.d.",
};

// ---------------------------------------------------------------------------------------------
// Rollups and Riepilogo (docs/reference/formulas.md)
// ---------------------------------------------------------------------------------------------
export const rollupStrings = {
  /** Group of the objectives whose grouping cell is empty. */
  groupNotGiven: "(non indicato)",
  groupTitles: [
    "Per Centro di Responsabilità",
    "Per Assessorato",
    "Per Obiettivo di Mandato",
    "Per Obiettivo di Missione",
    "Per Obiettivo di Programma",
    "Per Valore Pubblico",
  ],
  riepilogoTitle: "RIEPILOGO DEGLI OBIETTIVI",
  riepilogoNote:
    "Valori calcolati con formule dai fogli Obiettivi, Fasi, Indicatori e Parametri: si aggiornano da soli quando cambiano i dati.",
  /** docs/reference/formulas.md column headers of every Riepilogo table. */
  columns: [
    "Gruppo",
    "Obiettivi",
    "Grado medio %",
    "Raggiunti",
    "Parzialmente raggiunti",
    "Non raggiunti",
    "Non valutabili",
  ],
  noObjectives: "Nessun obiettivo nel foglio Obiettivi",
  /** Riepilogo title block, Totale rows and charts. */
  infoLabels: { anno: "Anno", dataRiferimento: "Data di riferimento", generatoIl: "Generato il" },
  totale: "Totale",
  chartGrado: "Grado medio % per Centro di Responsabilità",
  chartEsiti: "Esiti degli obiettivi",
  /**
   * Helper columns the formulas read (owned by the add-in, like the computed columns): the Peso × value
   * products the weighted means sum, and the match keys of codes and group labels (see keys.ts).
   */
  helperHeaders: {
    obiettivi: {
      pesoGrado: "Peso x Grado (calcolo)",
      codice: "Chiave Codice (calcolo)",
      centroResponsabilita: "Chiave CdR (calcolo)",
      assessorato: "Chiave Assessorato (calcolo)",
      obiettivoMandato: "Chiave Mandato (calcolo)",
      obiettivoMissione: "Chiave Missione (calcolo)",
      obiettivoProgramma: "Chiave Programma (calcolo)",
      valorePubblico: "Chiave Valore Pubblico (calcolo)",
    },
    fasi: { pesoAvanzamento: "Peso x Avanzamento (calcolo)", obiettivo: "Chiave Obiettivo (calcolo)" },
    indicatori: {
      pesoRaggiungimento: "Peso x Raggiungimento (calcolo)",
      obiettivo: "Chiave Obiettivo (calcolo)",
    },
  },
};

// ---------------------------------------------------------------------------------------------
// The year's cycle (docs/reference/workbook.md#monitoraggi): the Monitoraggi archive and the earlier
// snapshot the Scheda shows beside the current values
// ---------------------------------------------------------------------------------------------
export const cycleTexts = {
  /** A sheet called Monitoraggi that is not the add-in's archive: archiving would overwrite it. */
  notAnArchive: (sheet: string, missing: string[]) =>
    `Il foglio «${sheet}» non è l'archivio dei monitoraggi di Scheda PEG (mancano le colonne ` +
    `${missing.map((h) => `«${h}»`).join(", ")}): archiviare lo sovrascriverebbe. Rinominare quel foglio ` +
    "e riprovare: non è stato scritto nulla.",
  /** Column and SINTESI labels of the earlier snapshot in the Scheda, e.g. "Avanz. al 30/06". */
  phaseColumn: (ddmm: string) => `Avanz. al ${ddmm}`,
  indicatorColumn: (ddmm: string) => `Valore al ${ddmm}`,
  sintesiLine: (ddmm: string) => `Grado al ${ddmm}`,
  /** SINTESI lines of the Nucleo's validation. */
  validatedLine: "Grado validato dal Nucleo",
  reasonLine: "Motivazione",
};
