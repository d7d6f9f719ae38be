// What the application service says to every shell (CLI, task pane, ribbon).

// ---------------------------------------------------------------------------------------------
// Application service (shared by every shell)
// ---------------------------------------------------------------------------------------------
export const appMessages = {
  sampleUnavailable: "I dati di esempio non sono disponibili in questa versione.",
  sampleNeedsEmpty:
    "L'esempio si carica solo in una cartella senza dati: i fogli Obiettivi, Fasi e Indicatori contengono già dati. Aprire una cartella nuova e riprovare.",
  unknownCdr: (unknown: string[], known: string[]) =>
    `Centro di Responsabilità non trovato: ${unknown.join(", ")}. Quelli presenti nel foglio Obiettivi sono: ${known.join("; ")}.`,
  unknownCodes: (unknown: string[], known: string[]) =>
    `Codice obiettivo non trovato: ${unknown.join(", ")}. I codici presenti nel foglio Obiettivi sono: ${known.join(", ")}.`,
  archiveUnavailable:
    "Archivia monitoraggio non è disponibile in questo ambiente: l'archivio dei monitoraggi non si può leggere. " +
    "Non è stato scritto nulla.",
  parametriUnsupported: "Qui le impostazioni non si possono modificare: modificarle nel foglio Parametri.",
  parametriSheetMissing:
    "Il foglio Parametri non c'è: crearlo con «Prepara fogli», poi modificare le impostazioni.",
  parametriRowMissing: (labels: string[]) =>
    `Nel foglio Parametri ${labels.length === 1 ? "manca la riga" : "mancano le righe"} ${labels.map((l) => `«${l}»`).join(", ")}: ` +
    "aggiungerle nel foglio (colonna Parametro), poi riprovare. Non è stato scritto nulla.",
  parametriInvalid: (messages: string[]) =>
    `Impostazioni non salvate: ${messages.join(" ")} Non è stato scritto nulla.`,
};
