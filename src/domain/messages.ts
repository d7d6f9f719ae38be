// Every Italian text the product shows: problem messages, CLI output, task pane and ribbon strings.
// One module, so wording is reviewed in one place. Sections are kept apart by owner area.

// ---------------------------------------------------------------------------------------------
// Problem messages (SPEC §2): each says what is wrong, the value found and what is expected.
// ---------------------------------------------------------------------------------------------
export const problemMessages = {
  // reading rules (SHEET_MISSING … PARAM_INVALID) — filled by the reader
  // (READER area, src/domain/reader.ts)
  SHEET_MISSING: (sheet: string) =>
    `Manca il foglio "${sheet}": la cartella deve contenere i fogli Obiettivi, Fasi e Indicatori ` +
    `(usa "Prepara fogli" o il comando template per crearli).`,
  COLUMN_MISSING: (sheet: string, column: string, headerRow: number) =>
    `Nel foglio ${sheet} manca la colonna obbligatoria "${column}": aggiungila alla riga di intestazione ` +
    `(riga ${headerRow}).`,
  COLUMN_DUPLICATE: (column: string, firstCell: string) =>
    `La colonna "${column}" compare due volte (la prima è in ${firstCell}): ogni intestazione deve essere ` +
    `unica, rinomina o elimina questa colonna.`,
  REQUIRED: (column: string) => `La colonna ${column} è obbligatoria ma la cella è vuota: scrivi un valore.`,
  REQUIRED_KEY: (column: string) =>
    `La colonna ${column} è obbligatoria ma la cella è vuota: la riga non viene considerata finché non ` +
    `scrivi il codice dell'obiettivo.`,
  CELL_ERROR: (column: string, error: string) =>
    `La cella della colonna ${column} contiene l'errore ${error}: correggi la formula o scrivi un valore.`,
  NUMBER_INVALID: (column: string, found: string) =>
    `Il valore "${found}" nella colonna ${column} non è un numero: scrivi un numero come 33 o 33,5.`,
  NUMBER_INVALID_YES_NO: (column: string, found: string) =>
    `Il valore "${found}" nella colonna ${column} non è un numero: scrivi un numero come 33 o 33,5 ` +
    `(per sì/no scrivi 1 o 0, oppure si/no).`,
  DATE_INVALID: (column: string, found: string) =>
    `Il valore "${found}" nella colonna ${column} non è una data valida: scrivi una data come 31/12/2023.`,
  PARAM_INVALID_ANNO: (found: string, used: number) =>
    `Il parametro Anno vale "${found}": atteso un anno di quattro cifre come 2023. Uso ${used}.`,
  // (values already formatted by the reader: numbers with comma decimals, dates dd/mm/yyyy)
  PARAM_INVALID_DATE: (found: string, used: string) =>
    `Il parametro Data di riferimento vale "${found}", che non è una data: scrivi una data come ` +
    `31/12/2023. Uso ${used}.`,
  PARAM_INVALID_PERCENT: (label: string, found: string, used: string) =>
    `Il parametro ${label} vale "${found}": atteso un numero tra 0 e 100. Uso ${used}.`,
  PARAM_INVALID_THRESHOLDS: (partial: string, reached: string, used: string) =>
    `La Soglia parzialmente raggiunto (${partial}) è maggiore della Soglia raggiunto ` +
    `(${reached}): deve essere uguale o minore. Uso ${used}.`,
  PARAM_INVALID_FORMULA: (found: string) =>
    `Il parametro Formula decrescente vale "${found}": scrivi T/A oppure 2T-A. Uso T/A.`,
  PARAM_INVALID_REPEATED: (label: string, firstCell: string) =>
    `Il parametro ${label} è ripetuto: vale solo la prima riga (${firstCell}); elimina questa riga.`,
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
    `L'obiettivo "${code}" non esiste nel foglio Obiettivi: indica il Codice di un obiettivo presente.`,
  WEIGHT_SUM: (code: string, sum: number, phases: { row: number; peso: number }[]) =>
    `La somma dei pesi delle fasi dell'obiettivo ${code} è ${itNumber(sum)} ` +
    `(${phases.map((p) => `riga ${p.row}: ${itNumber(p.peso)}`).join(", ")}): deve essere 100.`,
  NO_PHASES: (code: string) =>
    `L'obiettivo ${code} non ha fasi: nel foglio Fasi attesa almeno una riga con Obiettivo ${code}.`,
  NO_INDICATORS: (code: string) =>
    `L'obiettivo ${code} non ha indicatori: nel foglio Indicatori attesa almeno una riga con Obiettivo ${code}.`,
  WEIGHT_RANGE: (value: number) => `Peso ${itNumber(value)} fuori intervallo: deve essere tra 0 e 100.`,
  PROGRESS_RANGE: (value: number) =>
    `Avanzamento ${itNumber(value)} fuori intervallo: deve essere tra 0 e 100.`,
  DATE_ORDER: (endLabel: string, end: string, startLabel: string, start: string) =>
    `${endLabel} ${itDate(end)} precede ${startLabel} ${itDate(start)}: ` +
    `la fine deve essere uguale o successiva all'inizio.`,
  DATE_OUTSIDE_YEAR: (label: string, date: string, anno: number) =>
    `${label} ${itDate(date)} è fuori dall'anno del piano (${anno}): ` +
    `attesa una data tra 01/01/${anno} e 31/12/${anno}.`,
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
    "Avanzamento 100 ma Fine Effettiva vuota: attesa la data in cui la fase si è conclusa.",
  PROGRESS_INCOMPLETE: (avanzamento: number | null, end: string) =>
    `Avanzamento ${avanzamento === null ? "vuoto" : itNumber(avanzamento)} ma Fine Effettiva ${itDate(end)} ` +
    `indicata: una fase conclusa ha Avanzamento 100.`,
  EFFECTIVE_START_MISSING: (end: string) =>
    `Inizio Effettivo vuoto ma Fine Effettiva ${itDate(end)} indicata: attesa la data in cui la fase è iniziata.`,
  POLARITY_INVALID: (value: string) =>
    `Polarità "${value}" non valida: attesa Crescente o Decrescente (vuota vale Crescente).`,
  TARGET_MISSING: () =>
    "Valore Atteso vuoto: atteso un numero, senza il quale il raggiungimento dell'indicatore non si calcola.",
  ACTUAL_MISSING: () =>
    "Valore Raggiunto vuoto: atteso un numero, senza il quale il raggiungimento dell'indicatore non si calcola.",
  TYPE_UNKNOWN: (value: string, known: string[]) =>
    `Tipo "${value}" non previsto: attesi i Tipi indicatore del foglio Parametri (${known.join(", ")}).`,
};

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

// ---------------------------------------------------------------------------------------------
// Application service (shared by every shell)
// ---------------------------------------------------------------------------------------------
export const appMessages = {
  sampleUnavailable: "I dati di esempio non sono disponibili in questa versione.",
  sampleNeedsEmpty:
    "L'esempio si carica solo in una cartella vuota: i fogli Obiettivi, Fasi e Indicatori contengono già dati. Apri una cartella nuova e riprova.",
  unknownCdr: (unknown: string[], known: string[]) =>
    `Centro di Responsabilità non trovato: ${unknown.join(", ")}. Quelli presenti nel foglio Obiettivi sono: ${known.join("; ")}.`,
  unknownCodes: (unknown: string[], known: string[]) =>
    `Codice obiettivo non trovato: ${unknown.join(", ")}. I codici presenti nel foglio Obiettivi sono: ${known.join(", ")}.`,
};

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------
export const cliMessages = {
  programDescription:
    "Scheda PEG: verifica il piano della performance, calcola i risultati e genera la Scheda Obiettivi.",
  templateDescription: "crea una cartella vuota con i fogli Parametri, Obiettivi, Fasi e Indicatori",
  sampleDescription: "crea la cartella di esempio (piano 2023, 33 obiettivi)",
  validateDescription: "verifica la cartella e elenca i problemi",
  rollupDescription: "scrive le colonne calcolate e il foglio Riepilogo",
  generateDescription: "calcola i risultati e genera il foglio Scheda pronto per la stampa",
  outputOption: "file da scrivere",
  jsonOption: "risultato in formato JSON",
  forceOption: "scrive anche se la cartella contiene parti che andrebbero perse, o sovrascrive il file",
  cdrOption: "solo questo Centro di Responsabilità (ripetibile)",
  obiettiviOption: "solo questi codici obiettivo, separati da virgola",
  pdfOption: "stampa anche la Scheda in PDF con LibreOffice",
};

// ---------------------------------------------------------------------------------------------
// `scheda-peg validate` human-readable report (VALIDATE area, src/cli/validate.ts)
// ---------------------------------------------------------------------------------------------
const errori = (n: number) => `${n} ${n === 1 ? "errore" : "errori"}`;
const avvisi = (n: number) => `${n} ${n === 1 ? "avviso" : "avvisi"}`;
export const validateCliMessages = {
  sheetHeading: (sheet: string, errors: number, warnings: number) =>
    `Foglio ${sheet}: ${errori(errors)}, ${avvisi(warnings)}`,
  errorsHeading: "Errori",
  warningsHeading: "Avvisi",
  noCell: (sheet: string, row: number | null) => (row === null ? `${sheet}` : `${sheet}, riga ${row}`),
  noProblems: "Nessun problema: la cartella è pronta.",
  totals: (errors: number, warnings: number) => `Totale: ${errori(errors)}, ${avvisi(warnings)}`,
};

// ---------------------------------------------------------------------------------------------
// Files and workbooks (XLSX area): opening .xlsx files, CLI file handling, template and sample
// ---------------------------------------------------------------------------------------------
export const fileMessages = {
  // Reasons why bytes are not a readable workbook (shown alone in the browser, after the file name in the CLI).
  openEncrypted:
    "il file è protetto da password (o è nel vecchio formato .xls): salvalo da Excel come .xlsx senza password e riprova",
  openNotXlsx: "non è una cartella di lavoro Excel .xlsx",
  openCorrupt: "il file .xlsx è danneggiato e non si può leggere",
  openEmpty: "il file è vuoto",
  cannotOpen: (file: string, reason: string) => `Impossibile aprire "${file}": ${reason}.`,
  fileMissing: (file: string) => `Impossibile aprire "${file}": il file non esiste.`,
  isDirectory: (file: string) => `Impossibile aprire "${file}": è una cartella, non un file.`,
  unreadable: (file: string, detail: string) => `Impossibile leggere "${file}": ${detail}.`,
  wouldLose: (file: string, parts: string[]) =>
    `"${file}" contiene ${parts.join(", ")}, che andrebbero persi riscrivendo la cartella. ` +
    "Scrivi il risultato in un altro file con -o, oppure usa --force per procedere comunque.",
  partCharts: "grafici",
  partPivot: "tabelle pivot",
  partMacros: "macro VBA",
  cannotWrite: (file: string, detail: string) => `Impossibile scrivere "${file}": ${detail}.`,
  outputExists: (file: string) =>
    `Il file "${file}" esiste già: scegli un altro nome con -o oppure usa --force per sovrascriverlo.`,
  written: (file: string) => `Scritto ${file}\n`,
  assetMissing: (file: string) => `Dati di esempio non trovati (${file}): l'installazione è incompleta.`,
};

/** Why a host stops before writing (both hosts: the file and Excel). Each names the cells. */
export const hostMessages = {
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
  protectedSheet: (sheet: string) =>
    `Il foglio «${sheet}» è protetto e Scheda PEG non può scriverci. Togliere la protezione (Revisione › Rimuovi ` +
    "protezione foglio) e riprovare: non è stato scritto nulla.",
  renamedSheet: (expected: string, actual: string) =>
    `Il foglio «${actual}» è il foglio «${expected}» generato in precedenza, poi rinominato. Per non sovrascriverlo, ` +
    `Scheda PEG si ferma: rinominarlo di nuovo «${expected}» oppure eliminarlo, poi riprovare.`,
  notAWorksheet: (sheet: string) =>
    `«${sheet}» è un foglio grafico o di dialogo, non un foglio di lavoro: Scheda PEG non può scriverci. Rinominarlo e riprovare.`,
  sheetTooLarge: (sheet: string, lastCell: string) =>
    `Il foglio «${sheet}» ha contenuto fino alla cella ${lastCell}: un'area troppo grande da leggere. Eliminare le ` +
    "righe e colonne vuote oltre i dati (o il contenuto lasciato in fondo al foglio) e riprovare.",
  sheetCorrupt: (sheet: string) =>
    `Il foglio «${sheet}» del file è danneggiato e non si può leggere: aprire il file in Excel o LibreOffice, ` +
    "lasciare che lo ripari e salvarlo di nuovo.",
  sheetMissing: (sheet: string) =>
    `Il foglio «${sheet}» non esiste più. Eseguire di nuovo Verifica e riprovare.`,
  layoutChanged: (what: string) =>
    `La struttura della cartella non corrisponde a quella letta (${what}). Forse è stata modificata nel frattempo: ` +
    "eseguire di nuovo Verifica e riprovare.",
  macroNeedsXlsm: (file: string) =>
    `La cartella contiene macro: il risultato va scritto in un file .xlsm, non in "${file}".`,
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

// ---------------------------------------------------------------------------------------------
// Task pane and ribbon
// ---------------------------------------------------------------------------------------------
export const uiStrings = {};

// ---------------------------------------------------------------------------------------------
// Task pane (UI-PANE area): every text the React pane shows, in Excel and on the standalone page
// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
// Ribbon command "Genera Scheda" and its notification (UI-SHELL, src/commands)
// ---------------------------------------------------------------------------------------------
export const ribbonMessages = {
  successTitle: "Scheda generata",
  success: (objectives: number, pages: number) =>
    `La Scheda contiene ${objectives} ${objectives === 1 ? "obiettivo" : "obiettivi"} su ${pages} ${pages === 1 ? "pagina" : "pagine"}: la trovi nel foglio Scheda.`,
  successWithProblems: (errors: number, warnings: number) =>
    `La verifica ha trovato ${errors} ${errors === 1 ? "errore" : "errori"} e ${warnings} ${warnings === 1 ? "avviso" : "avvisi"}: apri il riquadro Scheda PEG e usa Verifica per vederli.`,
  blockedTitle: "Scheda non generata",
  blocked: (count: number) =>
    `La cartella non ha la struttura attesa (${count} ${count === 1 ? "problema bloccante" : "problemi bloccanti"}). Primi problemi:`,
  blockedMore: (count: number) =>
    `…e altri ${count}. Apri il riquadro Scheda PEG e usa Verifica per l'elenco completo.`,
  errorTitle: "Scheda non generata",
  unexpected: (detail: string) => `Si è verificato un errore imprevisto: ${detail}`,
  errorCode: (code: string) => `(codice ${code})`,
  retryHint:
    "Il foglio Scheda precedente, se c'era, resta com'era. Riprova; se l'errore si ripete, apri il riquadro Scheda PEG.",
  unsupportedTitle: "Versione di Excel non supportata",
  unsupported:
    "Scheda PEG richiede Excel con ExcelApi 1.9 (Microsoft 365, Excel sul web, Excel 2019 o successivi). Aggiorna Excel e riprova.",
  close: "Chiudi",
  pageTitle: "Scheda PEG",
};

// ---------------------------------------------------------------------------------------------
// Scheda sheet (SPEC §4): labels and headings, as in the reference report — owner: SCHEDA
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

/** `scheda-peg generate` and its PDF printing — owner: SCHEDA */
export const generateMessages = {
  blocked: "La Scheda non è stata generata: la struttura della cartella non si può leggere.",
  written: (file: string, objectives: number, pages: number) =>
    `Scritto ${file}: Scheda con ${objectives} ${objectives === 1 ? "obiettivo" : "obiettivi"}, ${pages} ${pages === 1 ? "pagina" : "pagine"} A4.\n`,
  withErrors: (errors: number) =>
    `Attenzione: la cartella contiene ${errors} ${errors === 1 ? "errore" : "errori"}; i valori interessati sono trattati come vuoti. Dettagli con: scheda-peg validate FILE\n`,
  pdfWritten: (file: string) => `Scritto ${file} (stampa della Scheda con LibreOffice).\n`,
  noLibreOffice: (xlsx: string) =>
    `PDF non creato: serve LibreOffice (comando soffice), che non è installato su questo computer. ` +
    `Installalo da https://www.libreoffice.org (su Debian/Ubuntu: apt-get install libreoffice-calc) e riprova, ` +
    `oppure apri "${xlsx}" in Excel e stampa il foglio Scheda in PDF.`,
  pdfFailed: (xlsx: string, detail: string) =>
    `PDF non creato: LibreOffice non è riuscito a stampare la Scheda (${detail}). La cartella è stata scritta in "${xlsx}".`,
};

// ---------------------------------------------------------------------------------------------
// Rollups and Riepilogo (ROLLUP area: src/domain/rollup.ts, formulas.ts, riepilogo.ts, src/cli/rollup.ts)
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
  /** SPEC §3 column headers of every Riepilogo table. */
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
  cliBlocked: "Impossibile calcolare: la struttura della cartella non si può leggere.",
  cliWritten: (path: string, obiettivi: number) =>
    `Scritto ${path}: colonne calcolate e foglio Riepilogo per ${obiettivi} ${obiettivi === 1 ? "obiettivo" : "obiettivi"}.\n`,
  cliSummary: (raggiunti: number, parziali: number, non: number, nonValutabili: number) =>
    `Esiti: ${raggiunti} raggiunti, ${parziali} parzialmente raggiunti, ${non} non raggiunti, ${nonValutabili} non valutabili.\n`,
};

// ---------------------------------------------------------------------------------------------
// Excel host (Office.js): what the user reads when Excel refuses or the workbook does not fit
// ---------------------------------------------------------------------------------------------
export const excelMessages = {
  apiMissing:
    "Questa versione di Excel non offre le funzioni che servono a Scheda PEG (ExcelApi 1.9). Funziona con Excel per Microsoft 365 (Windows, Mac, iPad), con Excel sul web e con Excel 2021 o successivo; Excel 2016 e Excel 2019 non bastano.",
  protectedSheet: (sheet: string) =>
    `Il foglio «${sheet}» è protetto e Scheda PEG non può scriverci. Togli la protezione (Revisione > Rimuovi protezione foglio) e riprova.`,
  protectedUnknown:
    "Excel ha rifiutato la modifica perché un foglio o la cartella sono protetti. Togli la protezione (Revisione > Rimuovi protezione) e riprova.",
  renamedSheet: (expected: string, actual: string) =>
    `Il foglio «${actual}» è il foglio «${expected}» generato in precedenza, poi rinominato. Per non sovrascriverlo, Scheda PEG si ferma: rinominalo di nuovo «${expected}» oppure eliminalo (o spostalo in un'altra cartella), poi riprova.`,
  tableInTheWay: (table: string, sheet: string, where: string) =>
    `La tabella «${table}» sul foglio «${sheet}» occupa le celle ${where}, dove Scheda PEG deve scrivere. Spostala o eliminala e riprova.`,
  cellsInTheWay: (sheet: string, where: string) =>
    `Sul foglio «${sheet}» le celle ${where} contengono dati, ma lì Scheda PEG deve aggiungere le colonne calcolate. Sposta quei dati e riprova.`,
  layoutChanged: (what: string) =>
    `La struttura della cartella non corrisponde a quella letta (${what}). Forse è stata modificata nel frattempo: esegui di nuovo Verifica e riprova.`,
  sheetMissing: (sheet: string) => `Il foglio «${sheet}» non esiste più. Esegui di nuovo Verifica e riprova.`,
  tooLarge:
    "Excel ha rifiutato una richiesta troppo grande. Riprova; se il problema continua, genera la Scheda per un Centro di Responsabilità alla volta.",
  connectionLost:
    "La comunicazione con Excel si è interrotta prima della fine. Il foglio generato in precedenza è rimasto com'era: riprova.",
  excelRefused: (detail: string) => `Excel ha rifiutato l'operazione: ${detail}`,
  cellAddressInvalid: (address: string) => `Indirizzo di cella non valido: ${address}`,
};
