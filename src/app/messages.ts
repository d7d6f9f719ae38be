// What the application service says to every shell (CLI, task pane, ribbon).

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
  archiveUnavailable:
    "Archivia monitoraggio non è ancora disponibile qui: usare la pagina autonoma su una copia del file, " +
    "oppure il comando scheda-peg archivia.",
};
