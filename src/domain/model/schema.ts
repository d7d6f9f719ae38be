// The workbook layout of docs/reference/workbook.md: sheet names, table names, input columns and Parametri keys.
// Every module that needs a header or a sheet name takes it from here.

export const SHEETS = {
  parametri: "Parametri",
  obiettivi: "Obiettivi",
  fasi: "Fasi",
  indicatori: "Indicatori",
  riepilogo: "Riepilogo",
  scheda: "Scheda",
  /** The archive of monitoring snapshots (docs/reference/workbook.md#monitoraggi), owned by the add-in. */
  monitoraggi: "Monitoraggi",
} as const;

export const TABLES = {
  parametri: "tblParametri",
  obiettivi: "tblObiettivi",
  fasi: "tblFasi",
  indicatori: "tblIndicatori",
  monitoraggi: "tblMonitoraggi",
} as const;

export type InputSheetKey = "obiettivi" | "fasi" | "indicatori";

/**
 * How a cell of the column is read. `percent` is a number where a percent-formatted 0.33 counts as 33.
 * `key` is text the live formulas match (codes, group labels, Polarità): read as the formulas see it
 * (spaces normalised as in ./keys.ts, a number as its plain digits whatever its format).
 */
export type ColumnKind = "text" | "key" | "number" | "percent" | "date";

export interface ColumnDef<K extends string = string> {
  key: K;
  header: string;
  kind: ColumnKind;
  required: boolean;
  /**
   * The live formulas read this column: the reader warns (FORMULA_DIFFERS) about values they read
   * differently from the TypeScript (numbers or dates typed as text, percent-formatted numbers…).
   */
  formulaInput?: boolean;
}

const obiettiviColumns = [
  { key: "codice", header: "Codice", kind: "key", required: true, formulaInput: true },
  { key: "titolo", header: "Titolo", kind: "text", required: true },
  { key: "assessorato", header: "Assessorato", kind: "key", required: false, formulaInput: true },
  {
    key: "centroResponsabilita",
    header: "Centro di Responsabilità",
    kind: "key",
    required: true,
    formulaInput: true,
  },
  { key: "responsabile", header: "Responsabile", kind: "text", required: true },
  { key: "valorePubblico", header: "Valore Pubblico", kind: "key", required: false, formulaInput: true },
  {
    key: "obiettivoMandato",
    header: "Obiettivo di Mandato",
    kind: "key",
    required: false,
    formulaInput: true,
  },
  {
    key: "obiettivoMissione",
    header: "Obiettivo di Missione",
    kind: "key",
    required: false,
    formulaInput: true,
  },
  {
    key: "obiettivoProgramma",
    header: "Obiettivo di Programma",
    kind: "key",
    required: false,
    formulaInput: true,
  },
  { key: "modalitaAttuazione", header: "Modalità di Attuazione", kind: "text", required: false },
  { key: "statoAttuazione", header: "Stato di Attuazione", kind: "text", required: false },
  { key: "stato", header: "Stato", kind: "text", required: false },
  { key: "peso", header: "Peso", kind: "percent", required: false, formulaInput: true },
  // The grade validated by the Nucleo di Valutazione / OIV: Grado Finale % uses it when it is a number.
  {
    key: "gradoValidato",
    header: "Grado Validato %",
    kind: "percent",
    required: false,
    formulaInput: true,
  },
  { key: "motivazioneValidazione", header: "Motivazione Validazione", kind: "text", required: false },
] as const satisfies readonly ColumnDef[];
export type ObiettivoField = (typeof obiettiviColumns)[number]["key"];
export const OBIETTIVI_COLUMNS: ColumnDef<ObiettivoField>[] = [...obiettiviColumns];

const fasiColumns = [
  { key: "obiettivo", header: "Obiettivo", kind: "key", required: true, formulaInput: true },
  { key: "titolo", header: "Fase", kind: "text", required: true },
  { key: "inizioPrevisto", header: "Inizio Previsto", kind: "date", required: false },
  { key: "finePrevista", header: "Fine Prevista", kind: "date", required: false, formulaInput: true },
  { key: "inizioEffettivo", header: "Inizio Effettivo", kind: "date", required: false },
  { key: "fineEffettiva", header: "Fine Effettiva", kind: "date", required: false, formulaInput: true },
  { key: "peso", header: "Peso", kind: "percent", required: false, formulaInput: true },
  { key: "avanzamento", header: "Avanzamento", kind: "percent", required: false, formulaInput: true },
  { key: "responsabile", header: "Responsabile", kind: "text", required: false },
  { key: "centroResponsabilita", header: "Centro di Responsabilità", kind: "text", required: false },
  { key: "note", header: "Note", kind: "text", required: false },
] as const satisfies readonly ColumnDef[];
export type FaseField = (typeof fasiColumns)[number]["key"];
export const FASI_COLUMNS: ColumnDef<FaseField>[] = [...fasiColumns];

const indicatoriColumns = [
  { key: "obiettivo", header: "Obiettivo", kind: "key", required: true, formulaInput: true },
  { key: "descrizione", header: "Descrizione", kind: "text", required: true },
  { key: "tipo", header: "Tipo", kind: "text", required: false },
  { key: "polarita", header: "Polarità", kind: "key", required: false },
  { key: "valoreAtteso", header: "Valore Atteso", kind: "number", required: false, formulaInput: true },
  { key: "valoreRaggiunto", header: "Valore Raggiunto", kind: "number", required: false, formulaInput: true },
  { key: "peso", header: "Peso", kind: "percent", required: false, formulaInput: true },
  { key: "note", header: "Note", kind: "text", required: false },
] as const satisfies readonly ColumnDef[];
export type IndicatoreField = (typeof indicatoriColumns)[number]["key"];
export const INDICATORI_COLUMNS: ColumnDef<IndicatoreField>[] = [...indicatoriColumns];

/** `Valore Raggiunto <YYYY>`: one history column per previous year, any number of them. */
export const HISTORY_HEADER_PREFIX = "Valore Raggiunto";

export const POLARITA = ["Crescente", "Decrescente"] as const;

/** Computed columns owned by the add-in (docs/reference/formulas.md), appended at the right of each table. */
export const COMPUTED_COLUMNS = {
  obiettivi: [
    "Avanzamento Fasi %",
    "Raggiungimento Indicatori %",
    "Grado di Raggiungimento %",
    "Grado Finale %",
    "Esito",
  ],
  fasi: ["Tempistica", "Scostamento (giorni)"],
  indicatori: ["Raggiungimento %"],
} as const;

export const ESITI = ["Raggiunto", "Parzialmente raggiunto", "Non raggiunto", "Non valutabile"] as const;
export type Esito = (typeof ESITI)[number];

/**
 * Monitoraggi columns (docs/reference/workbook.md#monitoraggi): one row per objective, phase, indicator
 * and date. Required ones are those that identify a row: without them a sheet is not the add-in's archive.
 */
const monitoraggiColumns = [
  { key: "data", header: "Data di riferimento", kind: "date", required: true },
  { key: "tipo", header: "Tipo", kind: "text", required: true },
  { key: "obiettivo", header: "Obiettivo", kind: "key", required: true },
  { key: "elemento", header: "Elemento", kind: "text", required: true },
  { key: "avanzamento", header: "Avanzamento", kind: "number", required: false },
  { key: "valoreRaggiunto", header: "Valore Raggiunto", kind: "number", required: false },
  { key: "grado", header: "Grado di Raggiungimento %", kind: "number", required: false },
  { key: "esito", header: "Esito", kind: "text", required: false },
  { key: "archiviatoIl", header: "Archiviato il", kind: "date", required: false },
] as const satisfies readonly ColumnDef[];
export type MonitoraggioField = (typeof monitoraggiColumns)[number]["key"];
export const MONITORAGGI_COLUMNS: ColumnDef<MonitoraggioField>[] = [...monitoraggiColumns];

/** What a Monitoraggi row describes (its Tipo). */
export const MONITORAGGIO_TIPI = { obiettivo: "Obiettivo", fase: "Fase", indicatore: "Indicatore" } as const;
export type MonitoraggioTipo = (typeof MONITORAGGIO_TIPI)[keyof typeof MONITORAGGIO_TIPI];

export const TEMPISTICHE = ["In anticipo", "Nei tempi", "In ritardo", "In corso"] as const;
export type Tempistica = (typeof TEMPISTICHE)[number];

export const PARAMETRI_COLUMNS = { key: "Parametro", value: "Valore" } as const;

/** Parametri rows in the order the template writes them; `defaultText` is what the template shows. */
const parametriRows = [
  { key: "ente", label: "Ente", defaultText: "" },
  { key: "anno", label: "Anno", defaultText: "" },
  { key: "vista", label: "Vista", defaultText: "" },
  { key: "livello", label: "Livello", defaultText: "PEG-PIAO-SEZ. 2.2 PERFORMANCE" },
  { key: "dataRiferimento", label: "Data di riferimento", defaultText: "" },
  { key: "pesoFasiNelGrado", label: "Peso fasi nel grado", defaultText: "50" },
  { key: "sogliaRaggiunto", label: "Soglia raggiunto", defaultText: "90" },
  { key: "sogliaParzialmente", label: "Soglia parzialmente raggiunto", defaultText: "70" },
  { key: "formulaDecrescente", label: "Formula decrescente", defaultText: "T/A" },
  {
    key: "tipiIndicatore",
    label: "Tipi indicatore",
    defaultText: "EFFICACIA, EFFICIENZA, QUANTITATIVO, QUALITA, ECONOMICITA, TEMPORALE",
  },
] as const;
export type ParametroKey = (typeof parametriRows)[number]["key"];
export const PARAMETRI: { key: ParametroKey; label: string; defaultText: string }[] = [...parametriRows];
