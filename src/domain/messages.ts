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
  // whole-plan and range rules — filled by validation
};

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
// Task pane and ribbon
// ---------------------------------------------------------------------------------------------
export const uiStrings = {};
