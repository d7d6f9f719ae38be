// The ribbon command "Genera Scheda" and its notification.

export const ribbonMessages = {
  successTitle: "Scheda generata",
  success: (objectives: number, pages: number) =>
    `La Scheda contiene ${objectives} ${objectives === 1 ? "obiettivo" : "obiettivi"} su ${pages} ${pages === 1 ? "pagina" : "pagine"}: si trova nel foglio Scheda.`,
  successWithProblems: (errors: number, warnings: number) =>
    `La verifica ha trovato ${errors} ${errors === 1 ? "errore" : "errori"} e ${warnings} ${warnings === 1 ? "avviso" : "avvisi"}: per vederli, aprire il riquadro Scheda PEG e usare Verifica.`,
  blockedTitle: "Scheda non generata",
  blocked: (count: number) =>
    `La cartella non ha la struttura attesa (${count} ${count === 1 ? "problema bloccante" : "problemi bloccanti"}). Primi problemi:`,
  blockedMore: (count: number) =>
    `…e altri ${count}. Per l'elenco completo, aprire il riquadro Scheda PEG e usare Verifica.`,
  errorTitle: "Scheda non generata",
  unexpected: (detail: string) => `Si è verificato un errore imprevisto: ${detail}`,
  errorCode: (code: string) => `(codice ${code})`,
  retryHint:
    "Il foglio Scheda precedente, se c'era, resta com'era. Riprovare; se l'errore si ripete, aprire il riquadro Scheda PEG.",
  unsupportedTitle: "Versione di Excel non supportata",
  unsupported:
    "Scheda PEG richiede Excel con ExcelApi 1.9: Excel per Microsoft 365, Excel 2021 o successivo, oppure Excel per il Web. Aggiornare Excel e riprovare.",
  close: "Chiudi",
  pageTitle: "Scheda PEG",
};
