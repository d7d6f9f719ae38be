// Every text the task pane shows, in Excel and on the standalone page. One register: impersonal and
// infinitive ("Verificare i dati", "Correggere la cella"), as in the rest of the add-in.

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const errori = (n: number) => plural(n, "errore", "errori");
const avvisi = (n: number) => plural(n, "avviso", "avvisi");
const obiettivi = (n: number) => plural(n, "obiettivo", "obiettivi");

export const paneStrings = {
  appTitle: "Scheda PEG",
  appSubtitle: "Piano della performance: verifica, calcolo e Scheda Obiettivi",
  guide: "Guida",
  guideLabel: "Guida di Scheda PEG (si apre in una nuova finestra)",
  loading: "Avvio in corso…",
  unexpectedError: (detail: string) => `Si è verificato un errore imprevisto: ${detail}`,
  excelApiMissing:
    "Questa versione di Excel non offre le funzioni richieste (ExcelApi 1.9). Servono Excel per Microsoft 365, Excel 2021 o successivo, oppure Excel per il Web.",

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
  stepDone: "fatto",
  stepAttention: "da controllare",
  nextStepLabel: "Prossimo passo",

  // the next step, as suggested at the top
  next: {
    openWorkbook: "Aprire un file .xlsx oppure creare una cartella nuova.",
    reading: "Lettura della cartella in corso…",
    prepare: "Preparare i fogli vuoti, oppure caricare l'esempio 2023 per provare.",
    prepareMissing: (sheets: string[]) =>
      `${sheets.length === 1 ? "Manca il foglio" : "Mancano i fogli"} ${sheets.join(", ")}: crearli con «Prepara fogli».`,
    check: "Verificare i dati.",
    fixBlocking: "Correggere i problemi di struttura elencati in Verifica, poi verificare di nuovo.",
    fixErrors:
      "Correggere gli errori elencati in Verifica e verificare di nuovo, oppure calcolare subito: le celle con errori contano come vuote.",
    rollup: "Calcolare i risultati.",
    generate: "Generare la Scheda.",
    archiveExcel:
      "Aprire il foglio Scheda per stamparla o esportarla in PDF; poi archiviare il monitoraggio alla Data di riferimento.",
    archiveStandalone:
      "Archiviare il monitoraggio alla Data di riferimento, poi scaricare la cartella con la Scheda.",
    downloadArchive: "Scaricare la cartella, che ora contiene l'archivio.",
    validation:
      "A fine anno il Nucleo di Valutazione (o l'OIV) convalida i gradi: riportarli nel foglio Obiettivi (Grado Validato % e Motivazione Validazione), poi calcolare e generare di nuovo la Scheda.",
    nextMonitoring:
      "Al prossimo monitoraggio aggiornare Avanzamento, Valore Raggiunto e Data di riferimento, poi calcolare, generare la Scheda e archiviare di nuovo.",
  },

  // 0. the workbook (standalone page only)
  workbookTitle: "Cartella di lavoro",
  workbookIntro:
    "Fuori da Excel la pagina lavora su un file .xlsx, che non lascia questo computer. Alla fine scaricare la cartella aggiornata.",
  openFile: "Aprire un file .xlsx…",
  openFileLabel: "Scegliere una cartella di lavoro Excel (.xlsx)",
  newWorkbook: "Creare una cartella nuova",
  noWorkbook: "Nessuna cartella aperta.",
  currentWorkbook: (name: string) => `Cartella aperta: ${name}`,
  newWorkbookName: "nuova cartella",
  download: "Scaricare la cartella",
  downloadHint: "Scarica il file .xlsx con le modifiche fatte finora.",
  openFailed: (detail: string) => `Impossibile aprire il file: ${detail}`,
  notXlsx: "Il file scelto non è una cartella .xlsx.",

  // 1. Prepara
  prepareTitle: "Preparare la cartella",
  prepareDescription:
    "Crea i fogli e le tabelle che mancano (Parametri, Obiettivi, Fasi, Indicatori) senza toccare i dati presenti.",
  prepareButton: "Prepara fogli",
  sampleDescription:
    "In alternativa, per provare: il piano 2023 del Settore Socioeducativo (33 obiettivi, 80 fasi, 48 indicatori).",
  sampleButton: "Carica esempio",
  prepareCreated: (sheets: string[], tables: string[]) =>
    `${sheets.length === 1 ? "Creato il foglio" : "Creati i fogli"} ${sheets.join(", ") || "—"}` +
    (tables.length > 0
      ? ` e ${tables.length === 1 ? "la tabella" : "le tabelle"} ${tables.join(", ")}.`
      : "."),
  prepareTablesOnly: (tables: string[]) =>
    `${tables.length === 1 ? "Creata la tabella" : "Create le tabelle"} ${tables.join(", ")} sui fogli esistenti.`,
  prepareNothing: "Tutti i fogli e le tabelle erano già presenti: nulla da creare.",
  sampleDone: (n: number) => `Esempio caricato: ${obiettivi(n)} con fasi e indicatori.`,
  sampleNotWritten:
    "Dopo il caricamento il foglio Obiettivi risulta vuoto: l'esempio non è stato scritto. Riprovare in una cartella nuova.",
  sampleRefused: "Esempio non caricato",
  prepareSummary: (o: number, f: number, i: number) =>
    `La cartella contiene ${obiettivi(o)}, ${plural(f, "fase", "fasi")}, ${plural(i, "indicatore", "indicatori")}.`,
  reasonNoWorkbook: "Prima aprire o creare una cartella.",
  reasonReading: "Attendere la lettura della cartella.",
  reasonSheetsReady: "I fogli sono già pronti.",
  reasonHasData: "La cartella contiene già dati: l'esempio si carica solo in una cartella senza dati.",
  reasonNoData: "Prima preparare i fogli e inserire i dati, oppure caricare l'esempio.",
  reasonBlocked: "La struttura della cartella va corretta: vedere i problemi in Verifica.",
  reasonBlockedUnchecked:
    "La struttura della cartella va corretta: eseguire Verifica per l'elenco dei problemi.",

  // 2. Verifica
  checkTitle: "Verificare i dati",
  checkDescription: "Controlla i fogli ed elenca i problemi da correggere, per foglio, prima gli errori.",
  checkButton: "Verifica",
  checkClean: "Nessun problema: la cartella è pronta.",
  checkSummary: (errors: number, warnings: number) =>
    `${errors === 0 ? "Nessun errore" : errori(errors)}, ${warnings === 0 ? "nessun avviso" : avvisi(warnings)}`,
  checkFoundTitle: "Problemi trovati",
  errorsBadge: errori,
  warningsBadge: avvisi,
  severityError: "Errore",
  severityWarning: "Avviso",
  goToCell: (cell: string) => `Selezionare la cella ${cell}`,
  showDetails: (cell: string) => `Mostrare i dettagli di ${cell}`,
  wholeSheet: "intero foglio",
  problemsListLabel: (sheet: string) => `Problemi del foglio ${sheet}`,
  selectFailed: (cell: string, detail: string) => `Impossibile selezionare ${cell}: ${detail}`,
  details: {
    sheet: "Foglio",
    cell: "Cella",
    column: "Colonna",
    row: "Riga",
    value: "Valore attuale",
    empty: "(vuota)",
    hint: "Correggere la cella nel file (con Excel o LibreOffice), poi riaprirlo qui e verificare di nuovo.",
  },
  blockedTitle: "Struttura da correggere",
  blockedIntro:
    "La struttura della cartella non si può leggere: Calcola, Genera Scheda e Archivia monitoraggio restano fermi finché questi problemi non sono corretti.",
  announceCheck: (errors: number, warnings: number) =>
    errors + warnings === 0
      ? "Verifica completata: nessun problema."
      : `Verifica completata: ${errori(errors)}, ${avvisi(warnings)}.`,

  // 3. Calcola
  rollupTitle: "Calcolare i risultati",
  rollupDescription:
    "Scrive le colonne calcolate (formule vive) e il foglio Riepilogo con i risultati per gruppo.",
  rollupButton: "Calcola",
  rollupDone: (n: number) => `Calcolati ${obiettivi(n)}; il foglio Riepilogo è aggiornato.`,
  esitoLabel: "Esito degli obiettivi",
  goToRiepilogo: "Aprire il Riepilogo",
  errorsTreatedEmpty: (errors: number) =>
    `${errors === 1 ? "Una cella con errore è trattata" : `${errors} celle con errori sono trattate`} come vuote nei calcoli: vedere Verifica.`,
  blockedAction: "Non eseguito: la struttura della cartella va corretta (vedere i problemi in Verifica).",
  settingsChanged: "Le impostazioni sono cambiate: calcolare di nuovo e rigenerare la Scheda.",
  announceRollup: (n: number) => `Calcolo completato: ${obiettivi(n)}.`,

  // 4. Genera Scheda
  generateTitle: "Generare la Scheda",
  generateDescription:
    "Calcola i risultati e crea il foglio Scheda pronto per la stampa (A4), per tutti gli obiettivi o per quelli scelti.",
  generateButton: "Genera Scheda",
  generateDone: (objectives: number, pages: number) =>
    `Scheda generata: ${obiettivi(objectives)}, ${plural(pages, "pagina", "pagine")}.`,
  goToScheda: "Aprire la Scheda",
  downloadResult: "Scaricare la cartella",
  announceGenerate: (objectives: number, pages: number) =>
    `Scheda generata: ${obiettivi(objectives)}, ${plural(pages, "pagina", "pagine")}.`,

  // 5. Archivia monitoraggio
  archiveTitle: "Archiviare il monitoraggio",
  archiveDescription:
    "Salva nel foglio Monitoraggi i valori di obiettivi, fasi e indicatori alla Data di riferimento: la Scheda di un monitoraggio successivo li mostra accanto a quelli correnti. Una nuova archiviazione alla stessa data sostituisce la precedente.",
  archiveAt: (date: string) => `Data di riferimento attuale: ${date}.`,
  archiveButton: "Archivia monitoraggio",
  archiveWorking: "Archiviazione del monitoraggio in corso…",
  archiveDone: (date: string, o: number, f: number, i: number) =>
    `Monitoraggio al ${date} archiviato nel foglio Monitoraggi: ${obiettivi(o)}, ${plural(f, "fase", "fasi")}, ${plural(i, "indicatore", "indicatori")}.`,
  archiveReplaced: "Il monitoraggio già archiviato a quella data è stato sostituito.",
  archiveDates: (dates: string[]) =>
    `${dates.length === 1 ? "Data archiviata" : "Date archiviate"}: ${dates.join(", ")}.`,
  archiveErrorsEmpty: (errors: number) =>
    `${errors === 1 ? "Una cella con errore è archiviata" : `${errors} celle con errori sono archiviate`} come vuote: vedere Verifica.`,
  archiveSummary: (date: string) => `Monitoraggio al ${date} archiviato.`,
  goToMonitoraggi: "Aprire il foglio Monitoraggi",
  announceArchive: (date: string, replaced: boolean) =>
    `Monitoraggio al ${date} archiviato${replaced ? ", al posto del precedente alla stessa data" : ""}.`,

  // objectives picker of Genera Scheda
  pickerLabel: "Obiettivi da includere",
  pickerPlaceholder: "Cercare per codice o titolo",
  pickerWholeCdr: (n: number) => `Tutto il Centro di Responsabilità (${obiettivi(n)})`,
  pickerNoMatch: "Nessun obiettivo corrisponde alla ricerca.",
  pickerAll: (n: number) => `Tutti gli obiettivi (${n}).`,
  pickerCount: (chosen: number, total: number) =>
    `${chosen === 1 ? "Scelto 1 obiettivo" : `Scelti ${chosen} obiettivi`} su ${total}.`,
  pickerClear: "Includere tutti",
  pickerEmptyPlan: "L'elenco si riempie dopo la lettura della cartella.",

  // Impostazioni
  settingsTitle: "Impostazioni",
  settingsDescription:
    "I valori del foglio Parametri. Un campo vuoto usa il valore predefinito indicato sotto il campo.",
  settingsSave: "Salvare le impostazioni",
  settingsReset: "Annullare le modifiche",
  settingsSaved: "Impostazioni salvate nel foglio Parametri.",
  settingsSavedFile: "Impostazioni salvate nella cartella: scaricarla per conservarle.",
  settingsNoSheet: "Il foglio Parametri non c'è: «Prepara fogli» lo crea con i valori predefiniti.",
  settingsUnavailable: "Le impostazioni compaiono dopo la lettura della cartella.",
  settingsNoRow: (label: string) =>
    `Nel foglio Parametri manca la riga «${label}»: aggiungerla nel foglio per modificarla qui.`,
  settingsInvalidCell: (message: string) => `Valore attuale nel foglio non valido. ${message}`,
  settingsDefault: (value: string) => `Vuoto: si usa ${value}.`,
  settingsChangedCount: (n: number) =>
    n === 0 ? "Nessuna modifica." : n === 1 ? "1 impostazione modificata." : `${n} impostazioni modificate.`,
  settingsFixFirst: "Correggere i campi segnalati prima di salvare.",
  openParametri: "Aprire il foglio Parametri",
  fieldErrors: {
    year: "Scrivere un anno di quattro cifre tra 1900 e 9999, per esempio 2024.",
    percent: "Scrivere un numero tra 0 e 100, per esempio 90 o 62,5.",
    thresholds: (reached: string) => `Non può superare la Soglia raggiunto (${reached}).`,
    date: "Scegliere una data dal 1901 in poi.",
    formula: "Scegliere T/A oppure 2T-A.",
    other: (message: string) => message,
  },
  parametriLabels: {
    ente: "Ente",
    anno: "Anno",
    vista: "Vista",
    livello: "Livello",
    dataRiferimento: "Data di riferimento",
    pesoFasiNelGrado: "Peso fasi nel grado (%)",
    sogliaRaggiunto: "Soglia raggiunto (%)",
    sogliaParzialmente: "Soglia parzialmente raggiunto (%)",
    formulaDecrescente: "Formula decrescente",
    tipiIndicatore: "Tipi indicatore",
  },
  parametriHints: {
    ente: "Il nome stampato in testa alla Scheda.",
    anno: "L'anno del piano.",
    vista: "Per esempio DUP_2023_2025 DUP 2023 2025.",
    livello: "Stampato in ogni pagina della Scheda.",
    dataRiferimento: "La data a cui si valutano i ritardi.",
    pesoFasiNelGrado: "Quanto contano le fasi nel grado; il resto conta per gli indicatori.",
    sogliaRaggiunto: "Grado minimo per «Raggiunto».",
    sogliaParzialmente: "Grado minimo per «Parzialmente raggiunto».",
    formulaDecrescente: "Come si valuta un indicatore decrescente.",
    tipiIndicatore: "Separati da virgola.",
  },
  formulaOptions: {
    "T/A": "T/A (atteso diviso raggiunto)",
    "2T-A": "2T-A (doppio dell'atteso meno il raggiunto)",
  },
  formulaEmpty: "(predefinita: T/A)",
};
