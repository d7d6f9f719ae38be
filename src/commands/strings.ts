// The ribbon command "Genera Scheda" and its notification.

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
