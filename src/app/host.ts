// The one interface both hosts implement (Office.js in Excel, exceljs on .xlsx files).
// The application service talks only to this; it never sees Office.js or exceljs.
import type { RawWorkbook } from "../domain/model/raw";
import type { ParametroKey } from "../domain/model/schema";
import type {
  InputTableSpec,
  RollupWritePlan,
  SheetDescription,
  WorkbookTemplate,
} from "../domain/model/sheet";

export interface PrepareResult {
  /** Sheets created (those already present are left as they are). */
  createdSheets: string[];
  /** Tables created over existing sheets or new sheets. */
  createdTables: string[];
}

export interface ReadWorkbookOptions {
  /** Also hand over the Monitoraggi sheet (`RawWorkbook.monitoraggi`, null when absent). */
  monitoraggi?: boolean;
}

/** One Valore cell of the Parametri sheet (worksheet row and column, as the reader located it). */
export interface ParametroCellWrite {
  key: ParametroKey;
  row: number;
  col: number;
  /** Text (kept as text), a number (a date as the workbook's serial), or null to empty the cell. */
  value: string | number | null;
  /** Number format for the cell, when its own would make the reader read the value differently. */
  numberFormat?: string;
}

export interface ParametriWrite {
  sheet: string;
  cells: ParametroCellWrite[];
}

export interface Host {
  readonly kind: "excel" | "xlsx";
  /** Reads Parametri, Obiettivi, Fasi, Indicatori (whatever of them exists) as raw values. */
  readWorkbook(options?: ReadWorkbookOptions): Promise<RawWorkbook>;
  /** Writes computed columns (formulas + cached results), defined names and the Riepilogo sheet. */
  writeRollups(plan: RollupWritePlan): Promise<void>;
  /** Replaces (or creates) the sheet named desc.name with exactly what the description says. */
  renderSheet(desc: SheetDescription): Promise<void>;
  /**
   * Creates the template's sheets and tables that are missing, never touching existing ones.
   * With `fillRows` the tables' rows are written too (sample data: only into an empty workbook).
   */
  prepareSheets(template: WorkbookTemplate, options: { fillRows: boolean }): Promise<PrepareResult>;
  /** True when none of the input sheets holds any data row (Carica esempio is allowed). */
  isEmptyWorkbook(): Promise<boolean>;
  /**
   * Replaces (or creates) the add-in's Monitoraggi sheet with exactly this one table, values only
   * (docs/reference/workbook.md#monitoraggi). Refuses, writing nothing, what renderSheet refuses (a
   * protected or renamed sheet). Both hosts have it; a host without it (a test double), or one that
   * did not hand the archive over, makes the service refuse rather than wipe the archive.
   */
  writeArchive?(table: InputTableSpec): Promise<void>;
  /**
   * Writes the given Parametri value cells and nothing else. Refuses before writing (AppError) when
   * the sheet is protected or a target cell holds a formula.
   */
  writeParametri?(write: ParametriWrite): Promise<void>;
  /** Selects a cell such as `Fasi!G12` (Excel only; the file host may ignore it). */
  selectCell?(address: string): Promise<void>;
  /** Activates a sheet (Excel only). */
  activateSheet?(name: string): Promise<void>;
}
