// Synthetic plans of any size for benchmarks and property tests: n objectives × 3 phases × 2 indicators,
// with texts as long as the real ones (taken from the 2023 sample when its JSON is passed in).
// Pure TypeScript (no node: imports) so the browser build can use it too. Deterministic for a seed.
import type { RawSheet, RawValue, RawWorkbook } from "../src/domain/model/raw";
import {
  FASI_COLUMNS,
  INDICATORI_COLUMNS,
  OBIETTIVI_COLUMNS,
  PARAMETRI,
  PARAMETRI_COLUMNS,
  SHEETS,
  TABLES,
} from "../src/domain/model/schema";
import type { InputTableSpec, WorkbookTemplate } from "../src/domain/model/sheet";
import type { SamplePlanJson } from "../src/domain/template/template";

/** Text pools the generator draws from. */
export interface SyntheticTexts {
  titoli: string[];
  assessorati: string[];
  centri: string[];
  responsabili: string[];
  valoriPubblici: string[];
  dup: string[];
  modalita: string[];
  statiAttuazione: string[];
  fasi: string[];
  indicatori: string[];
  note: string[];
}

/** A defect the generator put in on purpose, where a validator should find it. */
export interface SyntheticDefect {
  rule: string;
  sheet: string;
  /** Worksheet row (1-based; header on row 1). */
  row: number;
  column: string;
}

export interface SyntheticOptions {
  seed: number;
  /**
   * Share of objectives given one defect each (WEIGHT_SUM, DATE_ORDER, OBJECTIVE_UNKNOWN, NUMBER_INVALID,
   * CELL_ERROR, POLARITY_INVALID, TARGET_MISSING…); `true` = 0.1. Default: none, a plan with no errors.
   */
  broken?: boolean | number;
  /** Texts to reuse, e.g. `syntheticTextsFromSample(json)`; default: short built-in pools. */
  texts?: SyntheticTexts;
  year?: number;
  phasesPerObjective?: number;
  indicatorsPerObjective?: number;
}

/** Rows of the four input sheets (header row first in each), ready for a RawWorkbook or a template. */
export interface SyntheticPlan {
  parametri: RawValue[][];
  obiettivi: RawValue[][];
  fasi: RawValue[][];
  indicatori: RawValue[][];
  defects: SyntheticDefect[];
}

const DEFAULT_TEXTS: SyntheticTexts = {
  titoli: [
    "Migliorare la capacità di riscossione per affitti e spese di alloggi comunali e avviare procedure di recupero crediti.",
    "Potenziare i servizi educativi per la prima infanzia ampliando l'offerta dei posti nido e semplificando le iscrizioni online.",
    "Sostenere le famiglie fragili con interventi coordinati tra servizio sociale, terzo settore e centri per l'impiego.",
  ],
  assessorati: ["Centralità della persona (Famiglia - Terzo Settore - Politiche Abitative - Integrazione)"],
  centri: ["SETTORE SOCIOEDUCATIVO", "SERVIZIO CENTRALITA' PERSONA", "SERVIZIO ISTRUZIONE"],
  responsabili: ["CONTI MARIO", "DAL PIAZ BARBARA", "BRUSON LAURA", "CAMPI SILVIA"],
  valoriPubblici: [
    "3 - BENESS. ECONOMICO,LAVORO, EQUITA',SOLIDARIETA'",
    "4-BENESS. SOCIO-EDUCATIVO, CULTURALE, ASSOCIATIVO",
  ],
  dup: [
    "DUP_04 PRIMA LA NOSTRA GENTE",
    "DUP_04_1201 Equità abitativa",
    "DUP_04_1201_0601 Risposte ai bisogni abitativi",
  ],
  modalita: [
    "L'obiettivo è perseguito attraverso un costante monitoraggio delle situazioni e mediante colloqui mirati a conoscerne le cause, anche con il supporto di opportune valutazioni da parte del Servizio Sociale. ".repeat(
      3,
    ),
  ],
  statiAttuazione: [
    "Nel corso dell'anno sono stati effettuati i colloqui previsti e redatti i piani di rientro concordati; il report annuale è stato aggiornato e condiviso con il Servizio Sociale. ".repeat(
      4,
    ),
  ],
  fasi: [
    "Colloqui con gli utenti per conoscere le cause che hanno determinato la situazione ed eventuale stesura concordata di piani di intervento.",
    "Aggiornamento annuale del report sulle situazioni più critiche, integrato con le opportune valutazioni del Servizio Sociale.",
    "Promuovere e gestire il contributo regionale di solidarietà finalizzato al sostegno dei nuclei economicamente più fragili.",
  ],
  indicatori: [
    "Assegnare il totale delle risorse relative al contributo regionale in rapporto al numero di beneficiari individuati (%)",
    "Numero di colloqui effettuati con i nuclei in situazione di morosità rispetto ai nuclei segnalati",
  ],
  note: ["", "Dato aggiornato al 31/12", "Fonte: gestionale del servizio"],
};

const nonEmpty = (xs: (string | null | undefined)[]): string[] =>
  xs.filter((x): x is string => typeof x === "string" && x.trim() !== "");

/** Text pools from the reference plan's JSON (assets/piano-2023-settore-socioeducativo.json). */
export function syntheticTextsFromSample(data: SamplePlanJson): SyntheticTexts {
  const o = data.obiettivi;
  const dup = o.flatMap((x) =>
    [x.obiettivo_mandato, x.obiettivo_missione, x.obiettivo_programma].map((d) =>
      d ? `${d.codice} ${d.descrizione}` : null,
    ),
  );
  const pick = (xs: (string | null | undefined)[], fallback: string[]) => {
    const list = [...new Set(nonEmpty(xs))];
    return list.length > 0 ? list : fallback;
  };
  return {
    titoli: pick(
      o.map((x) => x.titolo),
      DEFAULT_TEXTS.titoli,
    ),
    assessorati: pick(
      o.map((x) => x.assessorato),
      DEFAULT_TEXTS.assessorati,
    ),
    centri: pick(
      o.flatMap((x) => [x.centro_responsabilita, ...x.fasi.map((f) => f.centro_responsabilita)]),
      DEFAULT_TEXTS.centri,
    ),
    responsabili: pick(
      o.flatMap((x) => [x.responsabile, ...x.fasi.map((f) => f.responsabile)]),
      DEFAULT_TEXTS.responsabili,
    ),
    valoriPubblici: pick(
      o.map((x) => x.valore_pubblico),
      DEFAULT_TEXTS.valoriPubblici,
    ),
    dup: pick(dup, DEFAULT_TEXTS.dup),
    modalita: pick(
      o.map((x) => x.modalita_attuazione),
      DEFAULT_TEXTS.modalita,
    ),
    statiAttuazione: pick(
      o.map((x) => x.stato_attuazione),
      DEFAULT_TEXTS.statiAttuazione,
    ),
    fasi: pick(
      o.flatMap((x) => x.fasi.map((f) => f.titolo)),
      DEFAULT_TEXTS.fasi,
    ),
    indicatori: pick(
      o.flatMap((x) => x.indicatori.map((i) => i.descrizione)),
      DEFAULT_TEXTS.indicatori,
    ),
    note: pick(
      o.flatMap((x) => [...x.fasi.map((f) => f.note), ...x.indicatori.map((i) => i.note)]),
      DEFAULT_TEXTS.note,
    ),
  };
}

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const DEFECTS = [
  "WEIGHT_SUM",
  "DATE_ORDER",
  "OBJECTIVE_UNKNOWN",
  "NUMBER_INVALID",
  "CELL_ERROR",
  "POLARITY_INVALID",
  "TARGET_MISSING",
  "PROGRESS_RANGE",
  "CODE_DUPLICATE",
] as const;

/** The rows of a synthetic plan of n objectives, with the defects put in (when `broken`). */
export function syntheticPlan(n: number, options: SyntheticOptions): SyntheticPlan {
  const random = rng(options.seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(xs: T[]): T => xs[int(xs.length)];
  const t = options.texts ?? DEFAULT_TEXTS;
  const year = options.year ?? 2023;
  const nPhases = options.phasesPerObjective ?? 3;
  const nIndicators = options.indicatorsPerObjective ?? 2;
  const brokenShare = options.broken === true ? 0.1 : typeof options.broken === "number" ? options.broken : 0;
  const defects: SyntheticDefect[] = [];

  const parametri: RawValue[][] = [
    [PARAMETRI_COLUMNS.key, PARAMETRI_COLUMNS.value],
    ...PARAMETRI.map((p): RawValue[] => {
      if (p.key === "ente") return [p.label, "Comune di Esempio"];
      if (p.key === "anno") return [p.label, year];
      if (p.key === "dataRiferimento") return [p.label, utc(year, 12, 31)];
      if (p.key === "pesoFasiNelGrado" || p.key.startsWith("soglia")) return [p.label, Number(p.defaultText)];
      return [p.label, p.defaultText === "" ? null : p.defaultText];
    }),
  ];
  const obiettivi: RawValue[][] = [OBIETTIVI_COLUMNS.map((c) => c.header)];
  const fasi: RawValue[][] = [FASI_COLUMNS.map((c) => c.header)];
  const indicatori: RawValue[][] = [INDICATORI_COLUMNS.map((c) => c.header)];
  const col = (cols: { header: string }[], header: string) => cols.findIndex((c) => c.header === header);

  for (let k = 0; k < n; k++) {
    const codice = `${year}_SYN_${String(k + 1).padStart(5, "0")}`;
    const objRow: RawValue[] = [
      codice,
      pick(t.titoli),
      pick(t.assessorati),
      pick(t.centri),
      pick(t.responsabili),
      pick(t.valoriPubblici),
      pick(t.dup),
      pick(t.dup),
      pick(t.dup),
      pick(t.modalita),
      pick(t.statiAttuazione),
      random() < 0.9 ? "In Corso" : "Concluso",
      null,
    ];
    // Weights summing to exactly 100 in hundredths.
    const cents: number[] = [];
    let left = 10000;
    for (let p = 0; p < nPhases; p++) {
      const c = p === nPhases - 1 ? left : Math.round(10000 / nPhases);
      cents.push(c);
      left -= c;
    }
    const phaseRows: RawValue[][] = cents.map((c) => {
      const startMonth = 1 + int(6);
      const endMonth = startMonth + int(13 - startMonth);
      const endDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
      const done = random() < 0.6;
      return [
        codice,
        pick(t.fasi),
        utc(year, startMonth, 1),
        done ? utc(year, endMonth, endDay) : utc(year, 12, 31),
        done ? utc(year, startMonth, 1 + int(10)) : random() < 0.5 ? utc(year, startMonth, 1) : null,
        done ? utc(year, endMonth, endDay - int(10)) : null,
        c / 100,
        done ? 100 : int(100),
        pick(t.responsabili),
        pick(t.centri),
        random() < 0.2 ? pick(t.note) || null : null,
      ];
    });
    const indRows: RawValue[][] = [];
    for (let i = 0; i < nIndicators; i++) {
      const target = 1 + int(200);
      indRows.push([
        codice,
        pick(t.indicatori),
        pick(["EFFICACIA", "EFFICIENZA", "QUANTITATIVO", "QUALITA"]),
        random() < 0.8 ? "Crescente" : "Decrescente",
        target,
        Math.round(target * (0.5 + random()) * 100) / 100,
        null,
        random() < 0.2 ? pick(t.note) || null : null,
      ]);
    }

    if (random() < brokenShare) {
      const kind = pick([...DEFECTS]);
      const firstPhaseRow = fasi.length + 1; // worksheet row of this objective's first phase
      const firstIndRow = indicatori.length + 1;
      const peso = col(FASI_COLUMNS, "Peso");
      switch (kind) {
        case "WEIGHT_SUM":
          phaseRows[0][peso] = (phaseRows[0][peso] as number) + 5;
          defects.push({ rule: kind, sheet: SHEETS.fasi, row: firstPhaseRow, column: "Peso" });
          break;
        case "DATE_ORDER": {
          const ip = col(FASI_COLUMNS, "Inizio Previsto");
          const fp = col(FASI_COLUMNS, "Fine Prevista");
          phaseRows[1][ip] = utc(year, 12, 31);
          phaseRows[1][fp] = utc(year, 1, 31);
          defects.push({ rule: kind, sheet: SHEETS.fasi, row: firstPhaseRow + 1, column: "Fine Prevista" });
          break;
        }
        case "OBJECTIVE_UNKNOWN":
          indRows.push([...indRows[0]]);
          indRows[indRows.length - 1][0] = `${codice}_X`;
          defects.push({
            rule: kind,
            sheet: SHEETS.indicatori,
            row: firstIndRow + indRows.length - 1,
            column: "Obiettivo",
          });
          break;
        case "NUMBER_INVALID":
          indRows[0][col(INDICATORI_COLUMNS, "Valore Raggiunto")] = "n.d.";
          defects.push({
            rule: kind,
            sheet: SHEETS.indicatori,
            row: firstIndRow,
            column: "Valore Raggiunto",
          });
          break;
        case "CELL_ERROR":
          phaseRows[2 % nPhases][col(FASI_COLUMNS, "Avanzamento")] = { error: "#DIV/0!" };
          defects.push({
            rule: kind,
            sheet: SHEETS.fasi,
            row: firstPhaseRow + (2 % nPhases),
            column: "Avanzamento",
          });
          break;
        case "POLARITY_INVALID":
          indRows[1 % nIndicators][col(INDICATORI_COLUMNS, "Polarità")] = "Positiva";
          defects.push({
            rule: kind,
            sheet: SHEETS.indicatori,
            row: firstIndRow + (1 % nIndicators),
            column: "Polarità",
          });
          break;
        case "TARGET_MISSING":
          indRows[0][col(INDICATORI_COLUMNS, "Valore Atteso")] = null;
          defects.push({ rule: kind, sheet: SHEETS.indicatori, row: firstIndRow, column: "Valore Atteso" });
          break;
        case "PROGRESS_RANGE":
          phaseRows[0][col(FASI_COLUMNS, "Avanzamento")] = 150;
          defects.push({ rule: kind, sheet: SHEETS.fasi, row: firstPhaseRow, column: "Avanzamento" });
          break;
        case "CODE_DUPLICATE":
          if (k > 0) {
            objRow[0] = obiettivi[1][0];
            defects.push({
              rule: kind,
              sheet: SHEETS.obiettivi,
              row: obiettivi.length + 1,
              column: "Codice",
            });
            // Its phases and indicators now belong to the first objective: keep that objective's weights right.
            phaseRows.length = 0;
            indRows.length = 0;
          }
          break;
      }
    }
    obiettivi.push(objRow);
    fasi.push(...phaseRows);
    indicatori.push(...indRows);
  }
  return { parametri, obiettivi, fasi, indicatori, defects };
}

function rawSheet(name: string, table: string, rows: RawValue[][]): RawSheet {
  return {
    name,
    originRow: 1,
    originCol: 1,
    values: rows,
    tables: [{ name: table, headerRow: 1, firstCol: 1, lastCol: rows[0].length, lastRow: rows.length }],
  };
}

/** The synthetic plan as a host would hand it to the reader (header on row 1, one Excel table per sheet). */
export function syntheticWorkbook(n: number, options: SyntheticOptions): RawWorkbook {
  return toRawWorkbook(syntheticPlan(n, options));
}

export function toRawWorkbook(plan: SyntheticPlan): RawWorkbook {
  return {
    sheets: [
      rawSheet(SHEETS.parametri, TABLES.parametri, plan.parametri),
      rawSheet(SHEETS.obiettivi, TABLES.obiettivi, plan.obiettivi),
      rawSheet(SHEETS.fasi, TABLES.fasi, plan.fasi),
      rawSheet(SHEETS.indicatori, TABLES.indicatori, plan.indicatori),
    ],
  };
}

/**
 * The synthetic plan in the template's form, for hosts that write it into a real workbook. The .xlsx host's
 * prepareSheets writes error values as empty cells, so CELL_ERROR defects do not reach the file.
 */
export function syntheticTemplate(n: number, options: SyntheticOptions): WorkbookTemplate {
  const p = syntheticPlan(n, options);
  const table = (sheet: string, name: string, rows: RawValue[][]): InputTableSpec => ({
    sheet,
    table: name,
    columns: (rows[0] as string[]).map((header) => ({ header, width: 18 })),
    rows: rows.slice(1),
  });
  return {
    tables: [
      table(SHEETS.parametri, TABLES.parametri, p.parametri),
      table(SHEETS.obiettivi, TABLES.obiettivi, p.obiettivi),
      table(SHEETS.fasi, TABLES.fasi, p.fasi),
      table(SHEETS.indicatori, TABLES.indicatori, p.indicatori),
    ],
    definedNames: [],
  };
}
