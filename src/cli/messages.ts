// What `scheda-peg` prints: help, file handling, the validate report, rollup and generate outcomes.

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------
export const cliMessages = {
  programDescription:
    "Scheda PEG: verifica il piano della performance, calcola i risultati e genera la Scheda Obiettivi.",
  templateDescription: "crea una cartella vuota con i fogli Parametri, Obiettivi, Fasi e Indicatori",
  sampleDescription: "crea la cartella di esempio (piano 2023, 33 obiettivi)",
  validateDescription: "verifica la cartella ed elenca i problemi",
  rollupDescription: "scrive le colonne calcolate e il foglio Riepilogo",
  generateDescription: "calcola i risultati e genera il foglio Scheda pronto per la stampa",
  outputOption: "file da scrivere",
  jsonOption: "risultato in formato JSON",
  forceOption: "sovrascrive il file da scrivere, se esiste già",
  cdrOption: "solo questo Centro di Responsabilità (ripetibile)",
  obiettiviOption: "solo questi codici obiettivo, separati da virgola",
  pdfOption: "stampa anche la Scheda in PDF con LibreOffice",
  fileArgument: "la cartella di lavoro Excel (.xlsx o .xlsm)",
  helpOption: "mostra questo aiuto",
  helpCommand: "mostra l'aiuto di un comando",
};

/** commander's own texts (help headings, usage errors), in Italian. */
export const commanderTexts = {
  headings: [
    [/^Usage: /m, "Uso: "],
    [/^Arguments:$/m, "Argomenti:"],
    [/^Options:$/m, "Opzioni:"],
    [/^Global Options:$/m, "Opzioni generali:"],
    [/^Commands:$/m, "Comandi:"],
  ] as [RegExp, string][],
  usageWords: [
    [/\[options\]/g, "[opzioni]"],
    [/\[command\]/g, "[comando]"],
    [/\(default: /g, "(predefinito: "],
  ] as [RegExp, string][],
  errors: [
    [/^error: unknown option '(.+?)'/m, "errore: opzione sconosciuta '$1'"],
    [/^error: unknown command '(.+?)'/m, "errore: comando sconosciuto '$1'"],
    [/^error: missing required argument '(.+?)'/m, "errore: manca l'argomento obbligatorio '$1'"],
    [/^error: option '(.+?)' argument missing/m, "errore: l'opzione '$1' richiede un valore"],
    [/^error: required option '(.+?)' not specified/m, "errore: manca l'opzione obbligatoria '$1'"],
    [
      /^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./m,
      "errore: troppi argomenti ($2 previsti, $3 ricevuti).",
    ],
    [/\(Did you mean one of (.+?)\?\)/, "(Forse si intendeva uno tra $1?)"],
    [/\(Did you mean (.+?)\?\)/, "(Forse si intendeva $1?)"],
    [/^error: /m, "errore: "],
  ] as [RegExp, string][],
};

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

/** Opening, naming and writing files. */
export const fileMessages = {
  cannotOpen: (file: string, reason: string) => `Impossibile aprire "${file}": ${reason}.`,
  fileMissing: (file: string) => `Impossibile aprire "${file}": il file non esiste.`,
  isDirectory: (file: string) => `Impossibile aprire "${file}": è una cartella, non un file.`,
  unreadable: (file: string, detail: string) => `Impossibile leggere "${file}": ${detail}.`,
  cannotWrite: (file: string, detail: string) => `Impossibile scrivere "${file}": ${detail}.`,
  outputExists: (file: string) =>
    `Il file "${file}" esiste già: scegliere un altro nome con -o, oppure usare --force per sovrascriverlo.`,
  written: (file: string) => `Scritto ${file}\n`,
  assetMissing: (file: string) => `Dati di esempio non trovati (${file}): l'installazione è incompleta.`,
  macroNeedsXlsm: (file: string) =>
    `La cartella contiene macro: il risultato va scritto in un file .xlsm, non in "${file}".`,
};

/** `scheda-peg rollup`. */
export const rollupCliMessages = {
  blocked: "Impossibile calcolare: la struttura della cartella non si può leggere.",
  written: (path: string, obiettivi: number) =>
    `Scritto ${path}: colonne calcolate e foglio Riepilogo per ${obiettivi} ${obiettivi === 1 ? "obiettivo" : "obiettivi"}.\n`,
  summary: (raggiunti: number, parziali: number, non: number, nonValutabili: number) =>
    `Esiti: ${raggiunti} raggiunti, ${parziali} parzialmente raggiunti, ${non} non raggiunti, ${nonValutabili} non valutabili.\n`,
};

/** `scheda-peg generate` and its PDF printing — owner: SCHEDA */
export const generateMessages = {
  blocked: "La Scheda non è stata generata: la struttura della cartella non si può leggere.",
  written: (file: string, objectives: number, pages: number) =>
    `Scritto ${file}: Scheda con ${objectives} ${objectives === 1 ? "obiettivo" : "obiettivi"}, ${pages} ${pages === 1 ? "pagina" : "pagine"} A4.\n`,
  withErrors: (errors: number) =>
    `Attenzione: la cartella contiene ${errors} ${errors === 1 ? "errore" : "errori"}; i valori interessati sono trattati come vuoti. Dettagli con: scheda-peg validate FILE\n`,
  pdfWritten: (file: string, pages: number) =>
    `Scritto ${file} (stampa della Scheda con LibreOffice, ${pages} ${pages === 1 ? "pagina" : "pagine"} A4).\n`,
  noLibreOffice: (xlsx: string) =>
    `PDF non creato: serve LibreOffice (comando soffice), che non è installato su questo computer. ` +
    `Installarlo da https://www.libreoffice.org (su Debian/Ubuntu: apt-get install libreoffice-calc) e riprovare, ` +
    `oppure aprire "${xlsx}" in Excel e stampare il foglio Scheda in PDF.`,
  pdfFailed: (xlsx: string, detail: string) =>
    `PDF non creato: ${detail} La cartella è stata scritta in "${xlsx}": si può aprire in Excel e stampare il foglio Scheda in PDF.`,
};

/** Why LibreOffice did not print (src/cli/pdf.ts); each is a sentence that ends with a full stop. */
export const pdfMessages = {
  cannotStart: (soffice: string) => `non è stato possibile avviare LibreOffice ("${soffice}").`,
  timeout: "LibreOffice non ha finito la stampa entro 3 minuti ed è stato fermato.",
  failed: (code: number | null, detail: string) =>
    `LibreOffice si è interrotto senza stampare la Scheda${code === null ? "" : ` (codice ${code})`}.` +
    (detail ? ` Messaggio di LibreOffice: ${detail}` : ""),
  noOutput: "LibreOffice è terminato senza produrre il PDF.",
  cannotWrite: (file: string, detail: string) => `impossibile scrivere "${file}" (${detail}).`,
};

/** `scheda-peg archivia` and `generate --per-cdr` (the year's cycle). */
export const cycleCliMessages = {
  archiviaDescription:
    "archivia nel foglio Monitoraggi i valori di obiettivi, fasi e indicatori alla Data di riferimento",
  perCdrOption: "una Scheda (e un PDF con --pdf) per ogni Centro di Responsabilità, in file separati",
  archiveBlocked: "Monitoraggio non archiviato: la struttura della cartella non si può leggere.",
  archived: (file: string, date: string, o: number, f: number, i: number, replaced: boolean) =>
    `Scritto ${file}: monitoraggio al ${date} archiviato nel foglio Monitoraggi (${o} obiettivi, ${f} fasi, ` +
    `${i} indicatori)${replaced ? ", al posto di quello già archiviato alla stessa data" : ""}.\n`,
  archiveDates: (dates: string[]) => `Date archiviate: ${dates.join(", ")}.\n`,
  archiveWithErrors: (errors: number) =>
    `Attenzione: la cartella contiene ${errors} ${errors === 1 ? "errore" : "errori"}; i valori interessati ` +
    "sono archiviati come vuoti. Dettagli con: scheda-peg validate FILE\n",
  perCdrAlone:
    "--per-cdr sceglie da sé i Centri di Responsabilità e i nomi dei file: non si usa con --cdr, " +
    "--obiettivi o -o.",
  perCdrNone: "Nessun Centro di Responsabilità nel foglio Obiettivi: nessuna Scheda da generare.",
  perCdrDone: (n: number) =>
    `Generate ${n} ${n === 1 ? "Scheda" : "Schede"}, una per Centro di Responsabilità.\n`,
  perCdrNoLibreOffice: (n: number) =>
    `PDF non creati: serve LibreOffice (comando soffice), che non è installato su questo computer. Le ${n} ` +
    "cartelle sono state scritte; installare LibreOffice da https://www.libreoffice.org (su Debian/Ubuntu: " +
    "apt-get install libreoffice-calc) e riprovare, oppure stampare il foglio Scheda di ciascuna da Excel.",
};
