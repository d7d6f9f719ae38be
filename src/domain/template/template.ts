// The empty workbook (`scheda-peg template`, Prepara fogli) and the sample plan laid out the same way.
import type { RawValue } from "../model/raw";
import {
  FASI_COLUMNS,
  HISTORY_HEADER_PREFIX,
  INDICATORI_COLUMNS,
  OBIETTIVI_COLUMNS,
  PARAMETRI,
  PARAMETRI_COLUMNS,
  POLARITA,
  SHEETS,
  TABLES,
  type ColumnDef,
} from "../model/schema";
import type { InputColumnSpec, InputTableSpec, WorkbookTemplate } from "../model/sheet";

/** The reference plan's JSON (assets/piano-2023-settore-socioeducativo.json). */
export interface SamplePlanJson {
  header: { vista: string; livello: string; centro_responsabilita: string };
  obiettivi: {
    codice: string;
    assessorato: string | null;
    centro_responsabilita: string;
    titolo: string;
    responsabile: string;
    valore_pubblico: string | null;
    obiettivo_mandato: { codice: string; descrizione: string } | null;
    obiettivo_missione: { codice: string; descrizione: string } | null;
    obiettivo_programma: { codice: string; descrizione: string } | null;
    modalita_attuazione: string | null;
    stato_attuazione: string | null;
    stato: string | null;
    fasi: {
      titolo: string;
      inizio_previsto: string | null;
      fine_prevista: string | null;
      inizio_effettivo: string | null;
      fine_effettiva: string | null;
      peso: number | null;
      avanzamento: number | null;
      responsabile: string | null;
      centro_responsabilita: string | null;
      note: string | null;
    }[];
    indicatori: {
      descrizione: string;
      tipo: string | null;
      valore_atteso: number | null;
      valore_raggiunto: number | null;
      valore_2022: number | null;
      valore_2021: number | null;
      note: string | null;
    }[];
  }[];
}

export const DATE_FORMAT = "dd/mm/yyyy";
const PERCENT_NUMBER_FORMAT = "0.00";

const WEIGHT: Pick<InputColumnSpec, "numberFormat" | "validation"> = {
  numberFormat: PERCENT_NUMBER_FORMAT,
  validation: { type: "decimal", min: 0, max: 100 },
};
const DATE: Pick<InputColumnSpec, "numberFormat" | "validation"> = {
  numberFormat: DATE_FORMAT,
  validation: { type: "date" },
};

/** Character widths, chosen for the texts of the reference plan. */
const WIDTHS: Record<string, number> = {
  Codice: 16,
  Titolo: 60,
  Assessorato: 40,
  "Centro di Responsabilità": 30,
  Responsabile: 24,
  "Valore Pubblico": 36,
  "Obiettivo di Mandato": 36,
  "Obiettivo di Missione": 36,
  "Obiettivo di Programma": 36,
  "Modalità di Attuazione": 60,
  "Stato di Attuazione": 60,
  Stato: 14,
  Peso: 10,
  "Grado Validato %": 12,
  "Motivazione Validazione": 60,
  Obiettivo: 16,
  Fase: 60,
  "Inizio Previsto": 13,
  "Fine Prevista": 13,
  "Inizio Effettivo": 13,
  "Fine Effettiva": 13,
  Avanzamento: 13,
  Note: 40,
  Descrizione: 60,
  Tipo: 16,
  Polarità: 14,
  "Valore Atteso": 14,
  "Valore Raggiunto": 16,
};

function tipiIndicatore(): string[] {
  const text = PARAMETRI.find((p) => p.key === "tipiIndicatore")?.defaultText ?? "";
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function column(def: ColumnDef): InputColumnSpec {
  const spec: InputColumnSpec = { header: def.header, width: WIDTHS[def.header] ?? 20 };
  if (def.kind === "date") Object.assign(spec, DATE);
  if (def.kind === "percent") Object.assign(spec, WEIGHT);
  if (def.header === "Polarità") spec.validation = { type: "list", values: [...POLARITA] };
  if (def.header === "Tipo") spec.validation = { type: "list", values: tipiIndicatore() };
  return spec;
}

/** Indicatori columns: the schema's, with the history columns right after `Valore Raggiunto`. */
function indicatoriColumns(historyYears: number[]): InputColumnSpec[] {
  const out: InputColumnSpec[] = [];
  for (const def of INDICATORI_COLUMNS) {
    out.push(column(def));
    if (def.key === "valoreRaggiunto") {
      for (const y of historyYears) out.push({ header: `${HISTORY_HEADER_PREFIX} ${y}`, width: 16 });
    }
  }
  return out;
}

/** Parametri values as the template shows them: numbers as numbers, empty as blank. */
function parametriRows(overrides: Partial<Record<string, RawValue>> = {}): RawValue[][] {
  return PARAMETRI.map((p) => {
    if (p.key in overrides) return [p.label, overrides[p.key] ?? null];
    const text = p.defaultText;
    if (text === "") return [p.label, null];
    return [p.label, /^\d+(\.\d+)?$/.test(text) ? Number(text) : text];
  });
}

function layout(rows: {
  parametri: RawValue[][];
  obiettivi: RawValue[][];
  fasi: RawValue[][];
  indicatori: RawValue[][];
  historyYears: number[];
}): WorkbookTemplate {
  const tables: InputTableSpec[] = [
    {
      sheet: SHEETS.parametri,
      table: TABLES.parametri,
      columns: [
        { header: PARAMETRI_COLUMNS.key, width: 32 },
        { header: PARAMETRI_COLUMNS.value, width: 80 },
      ],
      rows: rows.parametri,
    },
    {
      sheet: SHEETS.obiettivi,
      table: TABLES.obiettivi,
      columns: OBIETTIVI_COLUMNS.map(column),
      rows: rows.obiettivi,
    },
    { sheet: SHEETS.fasi, table: TABLES.fasi, columns: FASI_COLUMNS.map(column), rows: rows.fasi },
    {
      sheet: SHEETS.indicatori,
      table: TABLES.indicatori,
      columns: indicatoriColumns(rows.historyYears),
      rows: rows.indicatori,
    },
  ];
  return { tables, definedNames: [] };
}

/**
 * The empty workbook. Indicatori gets history columns for the two years before `year` (the current
 * year by default), most recent first, as the reference report shows them.
 */
export function buildTemplate(year: number = new Date().getFullYear()): WorkbookTemplate {
  return layout({
    parametri: parametriRows(),
    obiettivi: [],
    fasi: [],
    indicatori: [],
    historyYears: [year - 1, year - 2],
  });
}

function isoToDate(iso: string | null): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

function dupLink(link: { codice: string; descrizione: string } | null): string | null {
  if (!link) return null;
  return [link.codice, link.descrizione].filter((s) => s && s.trim()).join(" ") || null;
}

/** The comune whose 2023 plan the sample is (its Ente on the opening page and in the footers). */
export const SAMPLE_ENTE = "Comune di Cinisello Balsamo";

/** The year most phases end in (Anno of the sample), else 2023, the report's year. */
function sampleYear(data: SamplePlanJson): number {
  const counts = new Map<number, number>();
  for (const o of data.obiettivi) {
    for (const f of o.fasi) {
      const y = f.fine_prevista ? Number(f.fine_prevista.slice(0, 4)) : NaN;
      if (Number.isInteger(y)) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best = 2023;
  let bestCount = 0;
  for (const [y, n] of counts) {
    if (n > bestCount) {
      best = y;
      bestCount = n;
    }
  }
  return best;
}

export function buildSample(data: SamplePlanJson): WorkbookTemplate {
  const obiettivi: RawValue[][] = [];
  const fasi: RawValue[][] = [];
  const indicatori: RawValue[][] = [];
  for (const o of data.obiettivi) {
    obiettivi.push([
      o.codice,
      o.titolo,
      o.assessorato,
      o.centro_responsabilita,
      o.responsabile,
      o.valore_pubblico,
      dupLink(o.obiettivo_mandato),
      dupLink(o.obiettivo_missione),
      dupLink(o.obiettivo_programma),
      o.modalita_attuazione,
      o.stato_attuazione,
      o.stato,
      null, // Peso
      null, // Grado Validato %: the Nucleo validates after the year's closing
      null, // Motivazione Validazione
    ]);
    for (const f of o.fasi) {
      fasi.push([
        o.codice,
        f.titolo,
        isoToDate(f.inizio_previsto),
        isoToDate(f.fine_prevista),
        isoToDate(f.inizio_effettivo),
        isoToDate(f.fine_effettiva),
        f.peso,
        f.avanzamento,
        f.responsabile,
        f.centro_responsabilita,
        f.note,
      ]);
    }
    for (const i of o.indicatori) {
      // Columns: Obiettivo, Descrizione, Tipo, Polarità, Valore Atteso, Valore Raggiunto, 2022, 2021, Peso, Note.
      indicatori.push([
        o.codice,
        i.descrizione,
        i.tipo,
        null,
        i.valore_atteso,
        i.valore_raggiunto,
        i.valore_2022,
        i.valore_2021,
        null,
        i.note,
      ]);
    }
  }
  return layout({
    parametri: parametriRows({
      ente: SAMPLE_ENTE,
      anno: sampleYear(data),
      vista: data.header.vista,
      livello: data.header.livello,
    }),
    obiettivi,
    fasi,
    indicatori,
    historyYears: [2022, 2021],
  });
}
