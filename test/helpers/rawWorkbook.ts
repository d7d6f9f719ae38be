// Builds RawWorkbook objects by hand, the way a host would hand them to the reader.
import type { RawSheet, RawTable, RawValue, RawWorkbook } from "../../src/domain/model/raw";
import { FASI_COLUMNS, INDICATORI_COLUMNS, OBIETTIVI_COLUMNS } from "../../src/domain/model/schema";
import type { SamplePlanJson } from "../../src/domain/template/template";

export const HEADERS = {
  obiettivi: OBIETTIVI_COLUMNS.map((c) => c.header),
  fasi: FASI_COLUMNS.map((c) => c.header),
  indicatori: INDICATORI_COLUMNS.map((c) => c.header),
};

export interface PlainOptions {
  originRow?: number;
  originCol?: number;
  numberFormats?: string[][];
  tables?: RawTable[];
}

/** A sheet whose used range starts at (originRow, originCol) and holds `rows`. */
export function plainSheet(name: string, rows: RawValue[][], opts: PlainOptions = {}): RawSheet {
  return {
    name,
    originRow: opts.originRow ?? 1,
    originCol: opts.originCol ?? 1,
    values: rows,
    numberFormats: opts.numberFormats,
    tables: opts.tables ?? [],
  };
}

export interface TableOptions {
  /** Worksheet row of the header (default 1); rows above it are filled with `above`. */
  headerRow?: number;
  /** Worksheet column of the first header (default 1). */
  firstCol?: number;
  above?: RawValue[][];
  /** Rows below the table (outside it). */
  below?: RawValue[][];
  /** Number formats of the body rows, same shape as body. */
  bodyFormats?: string[][];
}

/** A sheet holding one Excel table (header + body), used range starting at A1. */
export function tableSheet(
  name: string,
  table: string,
  headers: string[],
  body: RawValue[][],
  opts: TableOptions = {},
): RawSheet {
  const headerRow = opts.headerRow ?? 1;
  const firstCol = opts.firstCol ?? 1;
  const pad = (r: RawValue[]) => [...Array<RawValue>(firstCol - 1).fill(null), ...r];
  const rows: RawValue[][] = [];
  for (let r = 1; r < headerRow; r++) rows.push(opts.above?.[r - 1] ?? []);
  rows.push(pad(headers));
  for (const b of body) rows.push(pad(b));
  for (const b of opts.below ?? []) rows.push(pad(b));
  let numberFormats: string[][] | undefined;
  if (opts.bodyFormats) {
    numberFormats = rows.map((_, i) => {
      const bi = i - headerRow;
      const f = bi >= 0 ? opts.bodyFormats?.[bi] : undefined;
      return f ? [...Array<string>(firstCol - 1).fill("General"), ...f] : [];
    });
  }
  return {
    name,
    originRow: 1,
    originCol: 1,
    values: rows,
    numberFormats,
    tables: [
      {
        name: table,
        headerRow,
        firstCol,
        lastCol: firstCol + headers.length - 1,
        lastRow: headerRow + body.length,
      },
    ],
  };
}

export function workbook(...sheets: RawSheet[]): RawWorkbook {
  return { sheets };
}

/** Row for a header list from a partial record keyed by header. */
export function rowOf(headers: string[], values: Record<string, RawValue>): RawValue[] {
  return headers.map((h) => (h in values ? values[h] : null));
}

/** A small valid plan: objectives OB1, OB2 with one phase and one indicator each. */
export function smallWorkbook(): RawWorkbook {
  const ob = (codice: string) =>
    rowOf(HEADERS.obiettivi, {
      Codice: codice,
      Titolo: `Titolo ${codice}`,
      "Centro di Responsabilità": "SETTORE A",
      Responsabile: "ROSSI MARIO",
    });
  const fa = (codice: string) =>
    rowOf(HEADERS.fasi, {
      Obiettivo: codice,
      Fase: `Fase di ${codice}`,
      "Fine Prevista": new Date(Date.UTC(2024, 11, 31)),
      Peso: 100,
      Avanzamento: 50,
    });
  const ind = (codice: string) =>
    rowOf(HEADERS.indicatori, {
      Obiettivo: codice,
      Descrizione: `Indicatore ${codice}`,
      "Valore Atteso": 10,
    });
  return workbook(
    tableSheet("Obiettivi", "tblObiettivi", HEADERS.obiettivi, [ob("OB1"), ob("OB2")]),
    tableSheet("Fasi", "tblFasi", HEADERS.fasi, [fa("OB1"), fa("OB2")]),
    tableSheet("Indicatori", "tblIndicatori", HEADERS.indicatori, [ind("OB1"), ind("OB2")]),
  );
}

const utc = (iso: string | null): Date | null => {
  if (iso === null) return null;
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};

const dup = (link: { codice: string; descrizione: string } | null) =>
  link ? `${link.codice} ${link.descrizione}` : null;

/** The reference plan laid out as raw rows: one table per sheet, history as Valore Raggiunto 2022/2021. */
export function referenceWorkbook(data: SamplePlanJson): RawWorkbook {
  const obRows: RawValue[][] = [];
  const faRows: RawValue[][] = [];
  const inRows: RawValue[][] = [];
  const inHeaders = [
    ...HEADERS.indicatori.slice(0, 6),
    "Valore Raggiunto 2022",
    "Valore Raggiunto 2021",
    "Peso",
    "Note",
  ];
  for (const o of data.obiettivi) {
    obRows.push(
      rowOf(HEADERS.obiettivi, {
        Codice: o.codice,
        Titolo: o.titolo,
        Assessorato: o.assessorato,
        "Centro di Responsabilità": o.centro_responsabilita,
        Responsabile: o.responsabile,
        "Valore Pubblico": o.valore_pubblico,
        "Obiettivo di Mandato": dup(o.obiettivo_mandato),
        "Obiettivo di Missione": dup(o.obiettivo_missione),
        "Obiettivo di Programma": dup(o.obiettivo_programma),
        "Modalità di Attuazione": o.modalita_attuazione,
        "Stato di Attuazione": o.stato_attuazione,
        Stato: o.stato,
      }),
    );
    for (const f of o.fasi) {
      faRows.push(
        rowOf(HEADERS.fasi, {
          Obiettivo: o.codice,
          Fase: f.titolo,
          "Inizio Previsto": utc(f.inizio_previsto),
          "Fine Prevista": utc(f.fine_prevista),
          "Inizio Effettivo": utc(f.inizio_effettivo),
          "Fine Effettiva": utc(f.fine_effettiva),
          Peso: f.peso,
          Avanzamento: f.avanzamento,
          Responsabile: f.responsabile,
          "Centro di Responsabilità": f.centro_responsabilita,
          Note: f.note,
        }),
      );
    }
    for (const i of o.indicatori) {
      inRows.push(
        rowOf(inHeaders, {
          Obiettivo: o.codice,
          Descrizione: i.descrizione,
          Tipo: i.tipo,
          "Valore Atteso": i.valore_atteso,
          "Valore Raggiunto": i.valore_raggiunto,
          "Valore Raggiunto 2022": i.valore_2022,
          "Valore Raggiunto 2021": i.valore_2021,
          Note: i.note,
        }),
      );
    }
  }
  return workbook(
    tableSheet(
      "Parametri",
      "tblParametri",
      ["Parametro", "Valore"],
      [
        ["Ente", "Comune di Esempio"],
        ["Anno", 2023],
        ["Vista", data.header.vista],
        ["Livello", data.header.livello],
      ],
    ),
    tableSheet("Obiettivi", "tblObiettivi", HEADERS.obiettivi, obRows),
    tableSheet("Fasi", "tblFasi", HEADERS.fasi, faRows),
    tableSheet("Indicatori", "tblIndicatori", inHeaders, inRows),
  );
}
