// Why a host stops or fails, in both hosts (the .xlsx file and Excel): each message names the sheet or
// the cells, and says what to do.

/** Why bytes are not a readable workbook (shown alone in the browser, after the file name in the CLI). */
export const fileOpenMessages = {
  openEncrypted:
    "il file è protetto da password (o è nel vecchio formato .xls): salvarlo da Excel come .xlsx senza password e riprovare",
  openNotXlsx: "non è una cartella di lavoro Excel .xlsx",
  openCorrupt: "il file .xlsx è danneggiato e non si può leggere",
  openEmpty: "il file è vuoto",
};

/** Why a host stops before writing; nothing is written when one of these is shown. */
export const hostMessages = {
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
  parametroFormula: (cell: string) =>
    `La cella ${cell} del foglio Parametri contiene una formula: per non perderla, Scheda PEG non la ` +
    "sovrascrive. Modificare il valore nel foglio, oppure cancellare la formula e riprovare: non è stato scritto nulla.",
  layoutChanged: (what: string) =>
    `La struttura della cartella non corrisponde a quella letta (${what}). Forse è stata modificata nel frattempo: ` +
    "eseguire di nuovo Verifica e riprovare.",
};

/** What Excel itself refused (Office.js host only). */
export const excelMessages = {
  apiMissing:
    "Questa versione di Excel non offre le funzioni che servono a Scheda PEG (ExcelApi 1.9). Funziona con Excel per Microsoft 365 (Windows, Mac, iPad), con Excel sul web e con Excel 2021 o successivo; Excel 2016 e Excel 2019 non bastano.",
  protectedUnknown:
    "Excel ha rifiutato la modifica perché un foglio o la cartella sono protetti. Togliere la protezione (Revisione > Rimuovi protezione) e riprovare.",
  tooLarge:
    "Excel ha rifiutato una richiesta troppo grande. Riprovare; se il problema continua, generare la Scheda per un Centro di Responsabilità alla volta.",
  connectionLost:
    "La comunicazione con Excel si è interrotta prima della fine. Il foglio generato in precedenza è rimasto com'era: riprovare.",
  excelRefused: (detail: string) => `Excel ha rifiutato l'operazione: ${detail}`,
  cellAddressInvalid: (address: string) => `Indirizzo di cella non valido: ${address}`,
};

/** Why the Monitoraggi archive cannot be written (both hosts); nothing is written. */
export const archiveHostMessages = {
  tableNameTaken: (table: string, sheet: string) =>
    `Il nome «${table}» è già usato da una tabella del foglio «${sheet}»: è il nome che Scheda PEG dà alla ` +
    "tabella dell'archivio dei monitoraggi. Rinominare quella tabella (Progettazione tabella › Nome tabella) e " +
    "riprovare: non è stato scritto nulla.",
  nameTaken: (name: string) =>
    `Il nome «${name}» è già usato da un nome definito della cartella: è il nome che Scheda PEG dà alla tabella ` +
    "dell'archivio dei monitoraggi. Rinominare o eliminare quel nome (Formule › Gestione nomi) e riprovare: non è " +
    "stato scritto nulla.",
};
