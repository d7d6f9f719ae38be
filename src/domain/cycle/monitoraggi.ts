// The Monitoraggi sheet (docs/reference/workbook.md#monitoraggi): the archive of monitoring snapshots,
// one row per objective, phase and indicator and per Data di riferimento, values not formulas. The
// add-in owns it; this module says what it holds and how it looks, as a host-neutral table that both
// hosts lay out as they lay out the input tables (InputTableSpec).
import type { IsoDate } from "../model/dates";
import type { RawValue } from "../model/raw";
import { MONITORAGGI_COLUMNS, SHEETS, TABLES, type MonitoraggioField } from "../model/schema";
import type { InputColumnSpec, InputTableSpec } from "../model/sheet";
import { DATE_FORMAT } from "../template/template";

/** One row of the archive. */
export interface MonitoraggioRow {
  /** Data di riferimento of the snapshot (null: a row whose date cell cannot be read). */
  data: IsoDate | null;
  /** `Obiettivo` | `Fase` | `Indicatore` for the rows the add-in writes; as read otherwise. */
  tipo: string | null;
  /** The objective's Codice. */
  obiettivo: string | null;
  /** The phase's Fase or the indicator's Descrizione; null for an objective. */
  elemento: string | null;
  /** Phases: Avanzamento; objectives: Avanzamento Fasi %. */
  avanzamento: number | null;
  /** Indicators only. */
  valoreRaggiunto: number | null;
  /** Objectives only: Grado Finale %. */
  grado: number | null;
  esito: string | null;
  archiviatoIl: IsoDate | null;
  /**
   * Rows read back from the sheet: their cells as read, in MONITORAGGI_COLUMNS order, written back
   * unchanged when another date is archived.
   */
  cells?: RawValue[];
}

/** Widths (characters) and number formats of the nine columns. */
const LOOK: Record<MonitoraggioField, Omit<InputColumnSpec, "header">> = {
  data: { width: 14, numberFormat: DATE_FORMAT },
  tipo: { width: 12 },
  obiettivo: { width: 18, numberFormat: "@" },
  elemento: { width: 60, numberFormat: "@" },
  avanzamento: { width: 14, numberFormat: "0.00" },
  valoreRaggiunto: { width: 16, numberFormat: "#,##0.00" },
  grado: { width: 16, numberFormat: "0.00" },
  esito: { width: 22 },
  archiviatoIl: { width: 14, numberFormat: DATE_FORMAT },
};

function dateCell(iso: IsoDate | null): Date | null {
  if (iso === null) return null;
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** The cells of a row in column order: read rows as they were read, new rows from their values. */
export function rowCells(r: MonitoraggioRow): RawValue[] {
  if (r.cells) return r.cells;
  return MONITORAGGI_COLUMNS.map(({ key }) => {
    if (key === "data" || key === "archiviatoIl") return dateCell(r[key]);
    return r[key];
  });
}

/** The whole Monitoraggi sheet as a table: what `Host.writeArchive` lays out, replacing the old one. */
export function monitoraggiTable(rows: MonitoraggioRow[]): InputTableSpec {
  return {
    sheet: SHEETS.monitoraggi,
    table: TABLES.monitoraggi,
    columns: MONITORAGGI_COLUMNS.map((c) => ({ header: c.header, ...LOOK[c.key] })),
    rows: rows.map(rowCells),
  };
}
