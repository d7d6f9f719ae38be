// An archive row as the Monitoraggi sheet holds it, for tests that hand an archive in directly:
// the value goes where the Tipo keeps it (Avanzamento, Valore Raggiunto, Grado).
import type { MonitoraggioRow } from "../../src/domain/cycle/monitoraggi";

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
