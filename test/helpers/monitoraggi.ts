// An archive row as the Monitoraggi sheet holds it, for tests that hand an archive in directly:
// the value goes where the Tipo keeps it (Avanzamento, Valore Raggiunto, Grado).
import type { MonitoraggioRow } from "../../src/domain/cycle/monitoraggi";
import { isoToSerial } from "../../src/domain/model/dates";

export function archived(
  data: string,
  tipo: string,
  obiettivo: string,
  elemento: string | null,
  v: number | null,
): MonitoraggioRow {
  return {
    data,
    tipo,
    obiettivo,
    elemento,
    avanzamento: tipo === "Indicatore" ? null : v,
    valoreRaggiunto: tipo === "Indicatore" ? v : null,
    grado: tipo === "Obiettivo" ? v : null,
    esito: null,
    archiviatoIl: null,
  };
}

/** The archive's headers as docs/reference/workbook.md lists them (written here, not taken from src). */
export const ARCHIVE_HEADERS = [
  "Data di riferimento",
  "Tipo",
  "Obiettivo",
  "Elemento",
  "Avanzamento",
  "Valore Raggiunto",
  "Grado di Raggiungimento %",
  "Esito",
  "Archiviato il",
];

/** The sample's first objective archived at 30/06 on 05/07 (all its phases done, all targets met). */
export function sampleFirstObjectiveRow(codice: string): unknown[] {
  return [
    isoToSerial("2023-06-30"),
    "Obiettivo",
    codice,
    null,
    100,
    null,
    100,
    "Raggiunto",
    isoToSerial("2023-07-05"),
  ];
}
