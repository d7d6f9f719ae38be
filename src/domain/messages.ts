// Every Italian text the product shows: problem messages, CLI output, task pane and ribbon strings.
// One module, so wording is reviewed in one place. Sections are kept apart by owner area.

// ---------------------------------------------------------------------------------------------
// Problem messages (SPEC §2): each says what is wrong, the value found and what is expected.
// ---------------------------------------------------------------------------------------------
export const problemMessages = {
  // reading rules (SHEET_MISSING … PARAM_INVALID) — filled by the reader
  // whole-plan and range rules — filled by validation
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
