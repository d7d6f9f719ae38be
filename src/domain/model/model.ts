// The typed plan the reader builds from the workbook. Every item remembers its worksheet row,
// and the layout remembers where each column is, so later steps can name cells.
import type { IsoDate } from "./dates";
import type { FaseField, IndicatoreField, InputSheetKey, ObiettivoField, ParametroKey } from "./schema";

export interface Obiettivo {
  /** Worksheet row (as Excel shows it). */
  row: number;
  codice: string;
  titolo: string;
  assessorato: string | null;
  centroResponsabilita: string;
  responsabile: string;
  valorePubblico: string | null;
  /** DUP links: code and label in one text, e.g. "DUP_04 PRIMA LA NOSTRA GENTE". */
  obiettivoMandato: string | null;
  obiettivoMissione: string | null;
  obiettivoProgramma: string | null;
  modalitaAttuazione: string | null;
  statoAttuazione: string | null;
  stato: string | null;
  peso: number | null;
  /** Grado Validato % by the Nucleo di Valutazione / OIV (null when not validated). */
  gradoValidato: number | null;
  motivazioneValidazione: string | null;
}

export interface Fase {
  row: number;
  /** The objective's Codice. */
  obiettivo: string;
  titolo: string;
  inizioPrevisto: IsoDate | null;
  finePrevista: IsoDate | null;
  inizioEffettivo: IsoDate | null;
  fineEffettiva: IsoDate | null;
  /** Empty Peso = sub-item. */
  peso: number | null;
  avanzamento: number | null;
  responsabile: string | null;
  centroResponsabilita: string | null;
  note: string | null;
}

export interface ValoreStorico {
  anno: number;
  valore: number | null;
}

export interface Indicatore {
  row: number;
  obiettivo: string;
  descrizione: string;
  tipo: string | null;
  /** As written in the cell (trimmed); validation decides whether it is Crescente/Decrescente. */
  polarita: string | null;
  valoreAtteso: number | null;
  valoreRaggiunto: number | null;
  /** History columns `Valore Raggiunto <YYYY>`, in the order of the sheet's columns. */
  storico: ValoreStorico[];
  peso: number | null;
  note: string | null;
}

export type FormulaDecrescente = "T/A" | "2T-A";

export interface Parametri {
  ente: string;
  anno: number;
  vista: string;
  livello: string;
  dataRiferimento: IsoDate;
  pesoFasiNelGrado: number;
  sogliaRaggiunto: number;
  sogliaParzialmente: number;
  formulaDecrescente: FormulaDecrescente;
  tipiIndicatore: string[];
}

/** Where a sheet's data sits: header row, column of each known field, history columns, table. */
export interface SheetLayout<F extends string = string> {
  sheet: string;
  /** Table name when the data is an Excel table, else null (plain range). */
  table: string | null;
  headerRow: number;
  /** First and last data rows (lastRow < firstRow when there is no data). */
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
  /** 1-based worksheet column of each field found. */
  columns: Partial<Record<F, number>>;
  /** Header text as written in the sheet, per column number (all columns, known and unknown). */
  headers: Record<number, string>;
  /**
   * Names formulas use for the columns of the Excel table, per column number: the table's column names
   * exactly as the table part holds them (RawTable.columns), else the header cell's text untrimmed
   * (Excel names a table column after it). Absent: `headers`.
   */
  columnNames?: Record<number, string>;
  /**
   * Percent columns (Peso, Avanzamento) whose numbers are percent-formatted: the formulas read them ×100,
   * as the reader reads each percent cell (0.33 shown as 33% counts as 33).
   */
  percentColumns?: Partial<Record<F, true>>;
  /** Indicatori only: `Valore Raggiunto <YYYY>` columns. */
  history: { anno: number; col: number }[];
}

export interface ParametroCell {
  row: number;
  col: number;
  /** Number format of the value cell as read ("0%", "dd/mm/yyyy"…), when the host knows it. */
  numberFormat?: string;
  /** The cell holds a formula saved without its value (FORMULA_NO_VALUE): formulas must not read it. */
  uncached?: boolean;
}

export interface ParametriLayout {
  sheet: string;
  table: string | null;
  /** Worksheet row and column of each parameter's value cell, when the parameter is in the sheet. */
  cells: Partial<Record<ParametroKey, ParametroCell>>;
  /** The Anno the reader uses when the Anno cell is empty or invalid (most common year of Fine Prevista…). */
  defaultAnno?: number;
}

interface WorkbookLayout {
  obiettivi: SheetLayout<ObiettivoField> | null;
  fasi: SheetLayout<FaseField> | null;
  indicatori: SheetLayout<IndicatoreField> | null;
  parametri: ParametriLayout | null;
  /** The workbook counts date serials from 1904 (RawWorkbook.date1904). */
  date1904?: boolean;
}

export interface Plan {
  parametri: Parametri;
  obiettivi: Obiettivo[];
  fasi: Fase[];
  indicatori: Indicatore[];
  layout: WorkbookLayout;
}

export type { InputSheetKey };

/** Most common year of Fine Prevista (ties → the later year); null without dates. */
export function mostCommonYear(fasi: Fase[]): number | null {
  const counts = new Map<number, number>();
  for (const f of fasi) {
    if (f.finePrevista === null) continue;
    const y = Number(f.finePrevista.slice(0, 4));
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && y > best)) {
      best = y;
      bestCount = n;
    }
  }
  return best;
}
