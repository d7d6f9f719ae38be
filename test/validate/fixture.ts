// A small workbook described by its rows, turned either into a Plan directly (to test validatePlan alone)
// or into a RawWorkbook (to test it behind the reader). Sheets have their header on row 1 and their columns
// in the order of docs/reference/workbook.md, so a test can name the cells by hand:
//   Obiettivi  A Codice B Titolo C Assessorato D Centro di Responsabilità E Responsabile F Valore Pubblico
//              G Obiettivo di Mandato H … di Missione I … di Programma J Modalità K Stato di Attuazione
//              L Stato M Peso N Grado Validato % O Motivazione Validazione
//   Fasi       A Obiettivo B Fase C Inizio Previsto D Fine Prevista E Inizio Effettivo F Fine Effettiva
//              G Peso H Avanzamento I Responsabile J Centro di Responsabilità K Note
//   Indicatori A Obiettivo B Descrizione C Tipo D Polarità E Valore Atteso F Valore Raggiunto G Peso H Note
import type { Fase, Indicatore, Obiettivo, Parametri, Plan, SheetLayout } from "../../src/domain/model/model";
import { cellAddress, type RawSheet, type RawValue, type RawWorkbook } from "../../src/domain/model/raw";
import {
  FASI_COLUMNS,
  INDICATORI_COLUMNS,
  OBIETTIVI_COLUMNS,
  PARAMETRI,
  type ColumnDef,
} from "../../src/domain/model/schema";
import type { WorkbookTemplate } from "../../src/domain/model/sheet";

/** A cell the user filled with something unreadable: null in the Plan (and listed as broken), `raw` in the workbook. */
export interface Broken {
  broken: RawValue;
}
export type V<T> = T | null | Broken;

export interface ObjSpec {
  codice: string;
  titolo?: string;
  assessorato?: string | null;
  centroResponsabilita?: string;
  responsabile?: string;
  valorePubblico?: string | null;
  obiettivoMandato?: string | null;
  obiettivoMissione?: string | null;
  obiettivoProgramma?: string | null;
  stato?: string | null;
  peso?: V<number>;
  gradoValidato?: V<number>;
  motivazioneValidazione?: string | null;
}
export interface FaseSpec {
  obiettivo: string;
  titolo?: string;
  inizioPrevisto?: V<string>;
  finePrevista?: V<string>;
  inizioEffettivo?: V<string>;
  fineEffettiva?: V<string>;
  peso?: V<number>;
  avanzamento?: V<number>;
}
export interface IndSpec {
  obiettivo: string;
  descrizione?: string;
  tipo?: string | null;
  polarita?: string | null;
  valoreAtteso?: V<number>;
  valoreRaggiunto?: V<number>;
  peso?: V<number>;
}
export interface WorkbookSpec {
  parametri: { anno: number; dataRiferimento: string; tipiIndicatore?: string[] };
  obiettivi: ObjSpec[];
  fasi: FaseSpec[];
  indicatori: IndSpec[];
}

export const broken = (raw: RawValue): Broken => ({ broken: raw });
const isBroken = (v: unknown): v is Broken => typeof v === "object" && v !== null && "broken" in v;

/** A clean plan: two objectives, two weighted phases (50 + 50) and one indicator each, all inside 2023. */
export function baseSpec(): WorkbookSpec {
  const fasi = (code: string): FaseSpec[] => [
    {
      obiettivo: code,
      titolo: `Prima fase di ${code}`,
      inizioPrevisto: "2023-01-01",
      finePrevista: "2023-06-30",
      inizioEffettivo: "2023-01-10",
      fineEffettiva: "2023-06-30",
      peso: 50,
      avanzamento: 100,
    },
    {
      obiettivo: code,
      titolo: `Seconda fase di ${code}`,
      inizioPrevisto: "2023-07-01",
      finePrevista: "2023-12-31",
      inizioEffettivo: "2023-07-01",
      fineEffettiva: "2023-12-20",
      peso: 50,
      avanzamento: 100,
    },
  ];
  const ind = (code: string): IndSpec => ({
    obiettivo: code,
    descrizione: `Indicatore di ${code}`,
    tipo: "EFFICACIA",
    polarita: "Crescente",
    valoreAtteso: 10,
    valoreRaggiunto: 12,
  });
  return {
    parametri: { anno: 2023, dataRiferimento: "2023-12-31" },
    obiettivi: [{ codice: "O1" }, { codice: "O2" }],
    fasi: [...fasi("O1"), ...fasi("O2")],
    indicatori: [ind("O1"), ind("O2")],
  };
}

const DEFAULT_TIPI = ["EFFICACIA", "EFFICIENZA", "QUANTITATIVO", "QUALITA", "ECONOMICITA", "TEMPORALE"];

function layoutOf<F extends string>(
  sheet: string,
  table: string,
  cols: ColumnDef<F>[],
  n: number,
): SheetLayout<F> {
  const columns: Partial<Record<F, number>> = {};
  const headers: Record<number, string> = {};
  cols.forEach((c, i) => {
    columns[c.key] = i + 1;
    headers[i + 1] = c.header;
  });
  return {
    sheet,
    table,
    headerRow: 1,
    firstRow: 2,
    lastRow: n + 1,
    firstCol: 1,
    lastCol: cols.length,
    columns,
    headers,
    history: [],
  };
}

/** The Plan the reader should build from toRaw(spec), and the broken cells it should list. */
export function toPlan(spec: WorkbookSpec): { plan: Plan; brokenCells: Set<string> } {
  const brokenCells = new Set<string>();
  const value = <T>(
    v: V<T> | undefined,
    sheet: string,
    row: number,
    cols: ColumnDef[],
    key: string,
  ): T | null => {
    if (v === undefined || v === null) return null;
    if (isBroken(v)) {
      brokenCells.add(cellAddress(sheet, row, cols.findIndex((c) => c.key === key) + 1));
      return null;
    }
    return v;
  };
  const obiettivi: Obiettivo[] = spec.obiettivi.map((o, i) => ({
    row: i + 2,
    codice: o.codice,
    titolo: o.titolo ?? `Obiettivo ${o.codice}`,
    assessorato: o.assessorato ?? null,
    centroResponsabilita: o.centroResponsabilita ?? "SETTORE SOCIOEDUCATIVO",
    responsabile: o.responsabile ?? "ROSSI MARIA",
    valorePubblico: o.valorePubblico ?? null,
    obiettivoMandato: o.obiettivoMandato ?? null,
    obiettivoMissione: o.obiettivoMissione ?? null,
    obiettivoProgramma: o.obiettivoProgramma ?? null,
    modalitaAttuazione: null,
    statoAttuazione: null,
    stato: o.stato === undefined ? "In corso" : o.stato,
    peso: value(o.peso, "Obiettivi", i + 2, OBIETTIVI_COLUMNS, "peso"),
    gradoValidato: value(o.gradoValidato, "Obiettivi", i + 2, OBIETTIVI_COLUMNS, "gradoValidato"),
    motivazioneValidazione: o.motivazioneValidazione ?? null,
  }));
  const fasi: Fase[] = spec.fasi.map((f, i) => {
    const v = <T>(x: V<T> | undefined, key: string) => value(x, "Fasi", i + 2, FASI_COLUMNS, key);
    return {
      row: i + 2,
      obiettivo: f.obiettivo,
      titolo: f.titolo ?? `Fase ${i + 1}`,
      inizioPrevisto: v(f.inizioPrevisto, "inizioPrevisto"),
      finePrevista: v(f.finePrevista, "finePrevista"),
      inizioEffettivo: v(f.inizioEffettivo, "inizioEffettivo"),
      fineEffettiva: v(f.fineEffettiva, "fineEffettiva"),
      peso: v(f.peso, "peso"),
      avanzamento: v(f.avanzamento, "avanzamento"),
      responsabile: null,
      centroResponsabilita: null,
      note: null,
    };
  });
  const indicatori: Indicatore[] = spec.indicatori.map((x, i) => {
    const v = <T>(y: V<T> | undefined, key: string) => value(y, "Indicatori", i + 2, INDICATORI_COLUMNS, key);
    return {
      row: i + 2,
      obiettivo: x.obiettivo,
      descrizione: x.descrizione ?? `Indicatore ${i + 1}`,
      tipo: x.tipo ?? null,
      polarita: x.polarita ?? null,
      valoreAtteso: v(x.valoreAtteso, "valoreAtteso"),
      valoreRaggiunto: v(x.valoreRaggiunto, "valoreRaggiunto"),
      storico: [],
      peso: v(x.peso, "peso"),
      note: null,
    };
  });
  const parametri: Parametri = {
    ente: "",
    anno: spec.parametri.anno,
    vista: "",
    livello: "PEG-PIAO-SEZ. 2.2 PERFORMANCE",
    dataRiferimento: spec.parametri.dataRiferimento,
    pesoFasiNelGrado: 50,
    sogliaRaggiunto: 90,
    sogliaParzialmente: 70,
    formulaDecrescente: "T/A",
    tipiIndicatore: spec.parametri.tipiIndicatore ?? DEFAULT_TIPI,
  };
  const plan: Plan = {
    parametri,
    obiettivi,
    fasi,
    indicatori,
    layout: {
      obiettivi: layoutOf("Obiettivi", "tblObiettivi", OBIETTIVI_COLUMNS, obiettivi.length),
      fasi: layoutOf("Fasi", "tblFasi", FASI_COLUMNS, fasi.length),
      indicatori: layoutOf("Indicatori", "tblIndicatori", INDICATORI_COLUMNS, indicatori.length),
      parametri: { sheet: "Parametri", table: "tblParametri", cells: {} },
    },
  };
  return { plan, brokenCells };
}

const date = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};

function rawCell(v: unknown, isDate = false): RawValue {
  if (v === undefined || v === null) return null;
  if (isBroken(v)) return v.broken;
  if (isDate && typeof v === "string") return date(v);
  return v as RawValue;
}

function sheetOf(name: string, table: string, headers: string[], rows: RawValue[][]): RawSheet {
  return {
    name,
    originRow: 1,
    originCol: 1,
    values: [headers, ...rows],
    tables: [{ name: table, headerRow: 1, firstCol: 1, lastCol: headers.length, lastRow: rows.length + 1 }],
  };
}

/** The same workbook as raw cells, as a host would read it (dates as Date, numbers as numbers). */
export function toRaw(spec: WorkbookSpec): RawWorkbook {
  const p = spec.parametri;
  const parametri = PARAMETRI.map((x): RawValue[] => {
    if (x.key === "anno") return [x.label, p.anno];
    if (x.key === "dataRiferimento") return [x.label, date(p.dataRiferimento)];
    if (x.key === "tipiIndicatore" && p.tipiIndicatore) return [x.label, p.tipiIndicatore.join(", ")];
    return [x.label, x.defaultText === "" ? null : x.defaultText];
  });
  const { plan } = toPlan(spec); // defaults of text fields
  const obiettivi = spec.obiettivi.map((o, i): RawValue[] => {
    const t = plan.obiettivi[i];
    return [
      o.codice,
      t.titolo,
      t.assessorato,
      t.centroResponsabilita,
      t.responsabile,
      t.valorePubblico,
      t.obiettivoMandato,
      t.obiettivoMissione,
      t.obiettivoProgramma,
      null,
      null,
      t.stato,
      rawCell(o.peso),
      rawCell(o.gradoValidato),
      t.motivazioneValidazione,
    ];
  });
  const fasi = spec.fasi.map((f, i): RawValue[] => [
    f.obiettivo,
    plan.fasi[i].titolo,
    rawCell(f.inizioPrevisto, true),
    rawCell(f.finePrevista, true),
    rawCell(f.inizioEffettivo, true),
    rawCell(f.fineEffettiva, true),
    rawCell(f.peso),
    rawCell(f.avanzamento),
    null,
    null,
    null,
  ]);
  const indicatori = spec.indicatori.map((x, i): RawValue[] => [
    x.obiettivo,
    plan.indicatori[i].descrizione,
    x.tipo ?? null,
    x.polarita ?? null,
    rawCell(x.valoreAtteso),
    rawCell(x.valoreRaggiunto),
    rawCell(x.peso),
    null,
  ]);
  return {
    sheets: [
      sheetOf("Parametri", "tblParametri", ["Parametro", "Valore"], parametri),
      sheetOf(
        "Obiettivi",
        "tblObiettivi",
        OBIETTIVI_COLUMNS.map((c) => c.header),
        obiettivi,
      ),
      sheetOf(
        "Fasi",
        "tblFasi",
        FASI_COLUMNS.map((c) => c.header),
        fasi,
      ),
      sheetOf(
        "Indicatori",
        "tblIndicatori",
        INDICATORI_COLUMNS.map((c) => c.header),
        indicatori,
      ),
    ],
  };
}

/** The same workbook as a template with rows, for the .xlsx host to write into a real file. */
export function toTemplate(spec: WorkbookSpec): WorkbookTemplate {
  const tables = toRaw(spec).sheets.map((s) => ({
    sheet: s.name,
    table: s.tables[0].name,
    columns: (s.values[0] as string[]).map((header) => ({ header, width: 16 })),
    rows: s.values.slice(1),
  }));
  return { tables, definedNames: [] };
}
