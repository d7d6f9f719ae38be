// Every text the task pane shows, in Excel and on the standalone page.

export const paneStrings = {
  appTitle: "Scheda PEG",
  appSubtitle: "Piano della performance: verifica, calcolo e Scheda Obiettivi",
  loading: "Avvio in corso…",
  busy: "Un'operazione è in corso: attendi che finisca.",
  unexpectedError: (detail: string) => `Si è verificato un errore imprevisto: ${detail}`,
  excelApiMissing:
    "Questa versione di Excel non supporta ExcelApi 1.9, richiesta dal componente aggiuntivo. Aggiorna Excel o usa Excel per il Web.",

  // progress steps of the service
  steps: {
    lettura: "Lettura della cartella…",
    verifica: "Verifica dei dati…",
    calcolo: "Calcolo dei risultati…",
    scrittura: "Scrittura nella cartella…",
    impaginazione: "Impaginazione della Scheda…",
    fine: "Completato",
  },
  working: "Operazione in corso…",

  // standalone page
  standaloneTitle: "Cartella di lavoro",
  standaloneIntro:
    "Fuori da Excel la pagina lavora su un file .xlsx: aprilo oppure parti dall'esempio. Il file non lascia il tuo computer; alla fine scarica la cartella aggiornata.",
  openFile: "Apri file .xlsx…",
  openFileLabel: "Scegli una cartella di lavoro Excel (.xlsx)",
  startFromSample: "Parti dall'esempio 2023",
  startEmpty: "Cartella vuota",
  noWorkbook: "Nessuna cartella aperta.",
  currentWorkbook: (name: string) => `Cartella aperta: ${name}`,
  emptyWorkbookName: "nuova cartella",
  sampleWorkbookName: "esempio 2023",
  download: "Scarica la cartella",
  downloadHint: "Scarica il file .xlsx con le modifiche fatte finora.",
  openFailed: (detail: string) => `Impossibile aprire il file: ${detail}`,
  notXlsx: "Il file scelto non è una cartella .xlsx.",

  // 1. Prepara fogli
  prepareTitle: "1. Prepara fogli",
  prepareDescription:
    "Crea i fogli e le tabelle che mancano (Parametri, Obiettivi, Fasi, Indicatori). I dati già presenti non vengono toccati.",
  prepareButton: "Prepara fogli",
  prepareCreated: (sheets: string[], tables: string[]) =>
    `Creati ${sheets.length === 1 ? "il foglio" : "i fogli"} ${sheets.join(", ") || "—"}` +
    (tables.length > 0
      ? ` e ${tables.length === 1 ? "la tabella" : "le tabelle"} ${tables.join(", ")}.`
      : "."),
  prepareTablesOnly: (tables: string[]) =>
    `Create ${tables.length === 1 ? "la tabella" : "le tabelle"} ${tables.join(", ")} sui fogli esistenti.`,
  prepareNothing: "Tutti i fogli e le tabelle erano già presenti: nulla da creare.",

  // 2. Carica esempio
  sampleTitle: "2. Carica esempio",
  sampleDescription:
    "Carica il piano 2023 del Settore Socioeducativo (33 obiettivi, 80 fasi, 48 indicatori). Solo in una cartella senza dati.",
  sampleButton: "Carica esempio",
  sampleDone: (n: number) => `Esempio caricato: ${n} obiettivi con fasi e indicatori.`,
  sampleNotWritten:
    "Dopo il caricamento il foglio Obiettivi risulta vuoto: l'esempio non è stato scritto. Riprova in una cartella nuova.",
  sampleRefused: "Esempio non caricato",

  // 3. Verifica
  checkTitle: "3. Verifica",
  checkDescription: "Controlla i fogli e elenca i problemi da correggere, per foglio, prima gli errori.",
  checkButton: "Verifica",
  checkClean: "Nessun problema: la cartella è pronta.",
  checkSummary: (errors: number, warnings: number) =>
    `${errors} ${errors === 1 ? "errore" : "errori"}, ${warnings} ${warnings === 1 ? "avviso" : "avvisi"}`,
  checkFoundTitle: "Problemi trovati",
  sheetCounts: (errors: number, warnings: number) =>
    `${errors} ${errors === 1 ? "errore" : "errori"}, ${warnings} ${warnings === 1 ? "avviso" : "avvisi"}`,
  errorsBadge: (n: number) => `${n} ${n === 1 ? "errore" : "errori"}`,
  warningsBadge: (n: number) => `${n} ${n === 1 ? "avviso" : "avvisi"}`,
  severityError: "Errore",
  severityWarning: "Avviso",
  goToCell: (cell: string) => `Vai alla cella ${cell}`,
  wholeSheet: "intero foglio",
  problemsListLabel: (sheet: string) => `Problemi del foglio ${sheet}`,
  selectFailed: (cell: string, detail: string) => `Impossibile selezionare ${cell}: ${detail}`,
  errorsTreatedEmpty: "Le celle con errori sono trattate come vuote nei calcoli: correggile e ricalcola.",

  // 4. Calcola
  rollupTitle: "4. Calcola",
  rollupDescription:
    "Scrive le colonne calcolate (formule vive) e il foglio Riepilogo con i risultati per gruppo.",
  rollupButton: "Calcola",
  rollupDone: (n: number) => `Calcolati ${n} obiettivi; il foglio Riepilogo è aggiornato.`,
  esitoLabel: "Esito degli obiettivi",
  goToRiepilogo: "Vai al Riepilogo",
  blockedTitle: "Impossibile procedere",
  blockedIntro: "La struttura della cartella non si può leggere. Correggi prima questi problemi:",

  // 5. Genera Scheda
  generateTitle: "5. Genera Scheda",
  generateDescription:
    "Calcola i risultati e crea il foglio Scheda pronto per la stampa (A4). Puoi limitarla ad alcuni Centri di Responsabilità o obiettivi.",
  generateButton: "Genera Scheda",
  cdrFilterLabel: "Centro di Responsabilità",
  cdrFilterPlaceholder: "Tutti",
  objectivesFilterLabel: "Obiettivi",
  objectivesFilterPlaceholder: "Tutti",
  filtersHint: "Gli elenchi si riempiono dopo la lettura della cartella (Verifica).",
  generateDone: (objectives: number, pages: number) =>
    `Scheda generata: ${objectives} ${objectives === 1 ? "obiettivo" : "obiettivi"}, ${pages} ${pages === 1 ? "pagina" : "pagine"}.`,
  goToScheda: "Vai alla Scheda",
  downloadResult: "Scarica",
  clearFilters: "Azzera filtri",

  // Parametri
  parametriTitle: "Impostazioni (foglio Parametri)",
  parametriDescription:
    "Le impostazioni sono nel foglio Parametri: modifica i valori lì e ripeti Calcola o Genera Scheda.",
  parametriOpen: "Apri il foglio Parametri",
  parametriUnknown: "Le impostazioni compaiono dopo la lettura della cartella.",
  parametriLabels: {
    ente: "Ente",
    anno: "Anno",
    vista: "Vista",
    livello: "Livello",
    dataRiferimento: "Data di riferimento",
    pesoFasiNelGrado: "Peso fasi nel grado",
    sogliaRaggiunto: "Soglia raggiunto",
    sogliaParzialmente: "Soglia parzialmente raggiunto",
    formulaDecrescente: "Formula decrescente",
    tipiIndicatore: "Tipi indicatore",
  },
  emptyValue: "(vuoto)",
};
