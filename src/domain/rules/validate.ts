// docs/reference/rules.md rules that need the whole plan, ranges, dates and indicators (the reading rules live in ./reader.ts).
//
// One function per rule, each a single pass over the rows (maps, no nested scans), so validation stays
// linear in the size of the plan. Messages come from `problemMessages` in ./messages.ts.
//
// Broken cells (already reported by the reader, read as empty): no rule here reports a problem whose
// verdict depends on a broken cell being empty. So a NUMBER_INVALID Valore Atteso gives no TARGET_MISSING,
// a DATE_INVALID Fine Effettiva no EFFECTIVE_END_MISSING / PHASE_LATE, a NUMBER_INVALID Avanzamento no
// PROGRESS_INCOMPLETE / PHASE_LATE, and a broken phase Peso no WEIGHT_SUM for its objective (the sum is
// unknown). Rules on filled values simply do not see a broken cell, because its value is null.
import { daysBetween, type IsoDate } from "../model/dates";
import { problemMessages as msg } from "../messages";
import type { Fase, Indicatore, Obiettivo, Plan, SheetLayout } from "../model/model";
import { RULES, type Problem, type RuleCode } from "./problems";
import { cellAddress, columnIndex } from "../model/raw";
import { matchKey } from "../reading/keys";
import { codeKey, isKeyless } from "../rollup/rollup";
import {
  FASI_COLUMNS,
  INDICATORI_COLUMNS,
  OBIETTIVI_COLUMNS,
  POLARITA,
  SHEETS,
  type ColumnDef,
  type FaseField,
  type IndicatoreField,
  type ObiettivoField,
} from "../model/schema";

/** Weight sums within this distance of 100 are accepted (docs/reference/rules.md WEIGHT_SUM). */
export const WEIGHT_SUM_TOLERANCE = 0.01;

export function validatePlan(plan: Plan, brokenCells: ReadonlySet<string>): Problem[] {
  const ctx = new Ctx(plan, brokenCells);
  // whole plan
  codeDuplicate(ctx);
  objectiveUnknown(ctx);
  weightSum(ctx);
  noPhases(ctx);
  noIndicators(ctx);
  // ranges and dates
  weightRange(ctx);
  progressRange(ctx);
  dateOrder(ctx);
  dateOutsideYear(ctx);
  dateInFuture(ctx);
  phaseLate(ctx);
  effectiveEndMissing(ctx);
  effectiveStartMissing(ctx);
  progressIncomplete(ctx);
  // indicators
  polarityInvalid(ctx);
  targetMissing(ctx);
  actualMissing(ctx);
  typeUnknown(ctx);
  return ctx.problems;
}

// ---------------------------------------------------------------------------------------------
// Where a problem is: sheet, canonical header and cell of a field on a row
// ---------------------------------------------------------------------------------------------

type SheetKind = "obiettivi" | "fasi" | "indicatori";
type FieldOf<K extends SheetKind> = K extends "obiettivi"
  ? ObiettivoField
  : K extends "fasi"
    ? FaseField
    : IndicatoreField;

const COLUMNS: { [K in SheetKind]: ColumnDef<FieldOf<K>>[] } = {
  obiettivi: OBIETTIVI_COLUMNS,
  fasi: FASI_COLUMNS,
  indicatori: INDICATORI_COLUMNS,
};

function header<K extends SheetKind>(kind: K, field: FieldOf<K>): string {
  const def = (COLUMNS[kind] as ColumnDef<string>[]).find((c) => c.key === field);
  return def ? def.header : field;
}

class Ctx {
  readonly problems: Problem[] = [];
  /**
   * Objectives by Codice (first occurrence), phases and indicators grouped by their Obiettivo, all keyed by
   * codeKey: a Codice matches by its match key (spaces, NBSP and case ignored), as the rollups and their
   * COUNTIFS/SUMIFS formulas do.
   */
  readonly objectiveByCode = new Map<string, Obiettivo>();
  readonly phasesByCode = new Map<string, Fase[]>();
  readonly indicatorsByCode = new Map<string, Indicatore[]>();
  /** codeKey of each row's Codice / Obiettivo, computed once (parallel to plan.obiettivi, fasi, indicatori). */
  readonly objectiveKeys: string[];
  readonly phaseKeys: string[];
  readonly indicatorKeys: string[];

  /** Broken cells per sheet as row/column keys, parsed once (a per-row address string would cost more). */
  private readonly brokenKeys: Record<SheetKind, Set<number>> = {
    obiettivi: new Set(),
    fasi: new Set(),
    indicatori: new Set(),
  };

  constructor(
    readonly plan: Plan,
    broken: ReadonlySet<string>,
  ) {
    for (const kind of ["obiettivi", "fasi", "indicatori"] as const) {
      const layout = plan.layout[kind];
      if (!layout || broken.size === 0) continue;
      const prefix = cellAddress(layout.sheet, 1, 1).slice(0, -2); // "Fasi!" or "'Le fasi'!"
      for (const address of broken) {
        if (!address.startsWith(prefix)) continue;
        const m = /^([A-Z]+)(\d+)$/.exec(address.slice(prefix.length));
        if (m) this.brokenKeys[kind].add(cellKey(Number(m[2]), columnIndex(m[1])));
      }
    }
    this.objectiveKeys = plan.obiettivi.map((o) => codeKey(o.codice));
    this.phaseKeys = plan.fasi.map((f) => codeKey(f.obiettivo));
    this.indicatorKeys = plan.indicatori.map((i) => codeKey(i.obiettivo));
    plan.obiettivi.forEach((o, n) => {
      const key = this.objectiveKeys[n];
      if (!isKeyless(o.codice) && !this.objectiveByCode.has(key)) this.objectiveByCode.set(key, o);
    });
    plan.fasi.forEach((f, n) => push(this.phasesByCode, this.phaseKeys[n], f));
    plan.indicatori.forEach((i, n) => push(this.indicatorsByCode, this.indicatorKeys[n], i));
  }

  private layout<K extends SheetKind>(kind: K): SheetLayout<FieldOf<K>> | null {
    return this.plan.layout[kind] as SheetLayout<FieldOf<K>> | null;
  }

  sheet(kind: SheetKind): string {
    return this.layout(kind)?.sheet ?? SHEETS[kind];
  }

  hasColumn<K extends SheetKind>(kind: K, field: FieldOf<K>): boolean {
    return this.layout(kind)?.columns[field] !== undefined;
  }

  /** Address of a field's cell on a row, or null when the column is not in the sheet. */
  cell<K extends SheetKind>(kind: K, field: FieldOf<K>, row: number): string | null {
    const layout = this.layout(kind);
    const col = layout?.columns[field];
    return layout && col !== undefined ? cellAddress(layout.sheet, row, col) : null;
  }

  isBroken<K extends SheetKind>(kind: K, field: FieldOf<K>, row: number): boolean {
    const col = this.layout(kind)?.columns[field];
    return col !== undefined && this.brokenKeys[kind].has(cellKey(row, col));
  }

  report<K extends SheetKind>(
    rule: RuleCode,
    kind: K,
    field: FieldOf<K>,
    row: number,
    objective: string | null,
    message: string,
  ): void {
    this.problems.push({
      severity: RULES[rule],
      rule,
      sheet: this.sheet(kind),
      row,
      column: header(kind, field),
      cell: this.cell(kind, field, row),
      objective: objective || null,
      message,
    });
  }
}

const cellKey = (row: number, col: number) => row * 16385 + col;

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// ---------------------------------------------------------------------------------------------
// Rules that need the whole plan
// ---------------------------------------------------------------------------------------------

/** CODE_DUPLICATE: each later occurrence of a Codice (case-insensitive, as the rollup formulas match it). */
function codeDuplicate(ctx: Ctx): void {
  const first = new Map<string, Obiettivo>();
  for (const [n, o] of ctx.plan.obiettivi.entries()) {
    if (isKeyless(o.codice)) continue;
    const key = ctx.objectiveKeys[n];
    const prev = first.get(key);
    if (!prev) first.set(key, o);
    else {
      const firstCell =
        ctx.cell("obiettivi", "codice", prev.row) ?? `${ctx.sheet("obiettivi")}, riga ${prev.row}`;
      ctx.report(
        "CODE_DUPLICATE",
        "obiettivi",
        "codice",
        o.row,
        o.codice,
        msg.CODE_DUPLICATE(o.codice, firstCell),
      );
    }
  }
}

/** OBJECTIVE_UNKNOWN: a Fasi/Indicatori row whose Obiettivo is not a Codice of the Obiettivi sheet. */
function objectiveUnknown(ctx: Ctx): void {
  // Without an Obiettivi sheet or its Codice column (SHEET_MISSING, COLUMN_MISSING) every row would be
  // unknown: that is one problem, already reported, not many.
  if (!ctx.hasColumn("obiettivi", "codice")) return;
  const check = (kind: "fasi" | "indicatori", rows: { row: number; obiettivo: string }[], keys: string[]) => {
    for (const [n, r] of rows.entries()) {
      if (isKeyless(r.obiettivo) || ctx.objectiveByCode.has(keys[n])) continue;
      ctx.report(
        "OBJECTIVE_UNKNOWN",
        kind,
        "obiettivo",
        r.row,
        r.obiettivo,
        msg.OBJECTIVE_UNKNOWN(r.obiettivo),
      );
    }
  };
  check("fasi", ctx.plan.fasi, ctx.phaseKeys);
  check("indicatori", ctx.plan.indicatori, ctx.indicatorKeys);
}

/**
 * WEIGHT_SUM: the weighted phases (Peso not empty) of an objective must sum to 100 ± 0.01.
 * Reported at the Peso of the objective's first weighted phase (the first phase may be a sub-item).
 */
function weightSum(ctx: Ctx): void {
  for (const [key, phases] of ctx.phasesByCode) {
    const objective = ctx.objectiveByCode.get(key);
    if (!objective) continue;
    const code = objective.codice;
    const weighted = phases.filter((f) => f.peso !== null);
    if (weighted.length === 0) continue;
    if (phases.some((f) => ctx.isBroken("fasi", "peso", f.row))) continue;
    const sum = weighted.reduce((s, f) => s + (f.peso as number), 0);
    // The epsilon keeps 33.33 × 3 = 99.99 (99.99000000000001 in binary) within the tolerance.
    if (Math.abs(sum - 100) <= WEIGHT_SUM_TOLERANCE + 1e-9) continue;
    const parts = weighted.map((f) => ({ row: f.row, peso: f.peso as number }));
    ctx.report("WEIGHT_SUM", "fasi", "peso", weighted[0].row, code, msg.WEIGHT_SUM(code, sum, parts));
  }
}

/** NO_PHASES: an objective no Fasi row points to. */
function noPhases(ctx: Ctx): void {
  if (!ctx.hasColumn("fasi", "obiettivo")) return; // SHEET_MISSING / COLUMN_MISSING already says it
  for (const [n, o] of ctx.plan.obiettivi.entries()) {
    if (!isKeyless(o.codice) && !ctx.phasesByCode.has(ctx.objectiveKeys[n])) {
      ctx.report("NO_PHASES", "obiettivi", "codice", o.row, o.codice, msg.NO_PHASES(o.codice));
    }
  }
}

/** NO_INDICATORS: an objective no Indicatori row points to. */
function noIndicators(ctx: Ctx): void {
  if (!ctx.hasColumn("indicatori", "obiettivo")) return; // SHEET_MISSING / COLUMN_MISSING already says it
  for (const [n, o] of ctx.plan.obiettivi.entries()) {
    if (!isKeyless(o.codice) && !ctx.indicatorsByCode.has(ctx.objectiveKeys[n])) {
      ctx.report("NO_INDICATORS", "obiettivi", "codice", o.row, o.codice, msg.NO_INDICATORS(o.codice));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges and dates
// ---------------------------------------------------------------------------------------------

type DateField = "inizioPrevisto" | "finePrevista" | "inizioEffettivo" | "fineEffettiva";

const outOfRange = (v: number | null): v is number => v !== null && (v < 0 || v > 100);

/** WEIGHT_RANGE: any Peso (Obiettivi, Fasi, Indicatori) below 0 or above 100. */
function weightRange(ctx: Ctx): void {
  for (const o of ctx.plan.obiettivi) {
    if (outOfRange(o.peso)) {
      ctx.report("WEIGHT_RANGE", "obiettivi", "peso", o.row, o.codice, msg.WEIGHT_RANGE(o.peso));
    }
  }
  for (const f of ctx.plan.fasi) {
    if (outOfRange(f.peso)) {
      ctx.report("WEIGHT_RANGE", "fasi", "peso", f.row, f.obiettivo, msg.WEIGHT_RANGE(f.peso));
    }
  }
  for (const i of ctx.plan.indicatori) {
    if (outOfRange(i.peso)) {
      ctx.report("WEIGHT_RANGE", "indicatori", "peso", i.row, i.obiettivo, msg.WEIGHT_RANGE(i.peso));
    }
  }
}

/** PROGRESS_RANGE: Avanzamento below 0 or above 100. */
function progressRange(ctx: Ctx): void {
  for (const f of ctx.plan.fasi) {
    if (outOfRange(f.avanzamento)) {
      ctx.report(
        "PROGRESS_RANGE",
        "fasi",
        "avanzamento",
        f.row,
        f.obiettivo,
        msg.PROGRESS_RANGE(f.avanzamento),
      );
    }
  }
}

/** DATE_ORDER: an end date before its start date (planned or effective), at the end cell. */
function dateOrder(ctx: Ctx): void {
  const check = (f: Fase, startField: DateField, endField: DateField) => {
    const start = f[startField];
    const end = f[endField];
    if (start !== null && end !== null && end < start) {
      const message = msg.DATE_ORDER(header("fasi", endField), end, header("fasi", startField), start);
      ctx.report("DATE_ORDER", "fasi", endField, f.row, f.obiettivo, message);
    }
  };
  for (const f of ctx.plan.fasi) {
    check(f, "inizioPrevisto", "finePrevista");
    check(f, "inizioEffettivo", "fineEffettiva");
  }
}

/** DATE_OUTSIDE_YEAR: a planned date whose year is not Parametri Anno. */
function dateOutsideYear(ctx: Ctx): void {
  const anno = ctx.plan.parametri.anno;
  const prefix = `${String(anno).padStart(4, "0")}-`; // ISO dates: the year is the prefix
  for (const f of ctx.plan.fasi) {
    for (const field of ["inizioPrevisto", "finePrevista"] as const) {
      const date = f[field];
      if (date !== null && !date.startsWith(prefix)) {
        ctx.report(
          "DATE_OUTSIDE_YEAR",
          "fasi",
          field,
          f.row,
          f.obiettivo,
          msg.DATE_OUTSIDE_YEAR(header("fasi", field), date, anno),
        );
      }
    }
  }
}

/** DATE_IN_FUTURE: an effective date after Data di riferimento. */
function dateInFuture(ctx: Ctx): void {
  const ref = ctx.plan.parametri.dataRiferimento;
  for (const f of ctx.plan.fasi) {
    for (const field of ["inizioEffettivo", "fineEffettiva"] as const) {
      const date = f[field];
      if (date !== null && date > ref) {
        ctx.report(
          "DATE_IN_FUTURE",
          "fasi",
          field,
          f.row,
          f.obiettivo,
          msg.DATE_IN_FUTURE(header("fasi", field), date, ref),
        );
      }
    }
  }
}

/**
 * PHASE_LATE (as the Tempistica `In ritardo` of docs/reference/formulas.md): Fine Effettiva after Fine Prevista (at Fine
 * Effettiva), or no Fine Effettiva, Avanzamento < 100 (empty = 0) and Data di riferimento after Fine
 * Prevista (at Fine Prevista).
 */
function phaseLate(ctx: Ctx): void {
  const ref: IsoDate = ctx.plan.parametri.dataRiferimento;
  for (const f of ctx.plan.fasi) {
    const fp = f.finePrevista;
    const fe = f.fineEffettiva;
    if (fp === null) continue;
    if (fe !== null) {
      if (fe > fp) {
        ctx.report(
          "PHASE_LATE",
          "fasi",
          "fineEffettiva",
          f.row,
          f.obiettivo,
          msg.PHASE_LATE_CLOSED(fe, fp, daysBetween(fp, fe)),
        );
      }
      continue;
    }
    if (ctx.isBroken("fasi", "fineEffettiva", f.row) || ctx.isBroken("fasi", "avanzamento", f.row)) continue;
    if ((f.avanzamento ?? 0) < 100 && ref > fp) {
      ctx.report(
        "PHASE_LATE",
        "fasi",
        "finePrevista",
        f.row,
        f.obiettivo,
        msg.PHASE_LATE_OPEN(fp, ref, f.avanzamento, daysBetween(fp, ref)),
      );
    }
  }
}

/** EFFECTIVE_END_MISSING: Avanzamento 100 and Fine Effettiva empty. */
function effectiveEndMissing(ctx: Ctx): void {
  for (const f of ctx.plan.fasi) {
    if (f.avanzamento === 100 && f.fineEffettiva === null && !ctx.isBroken("fasi", "fineEffettiva", f.row)) {
      ctx.report(
        "EFFECTIVE_END_MISSING",
        "fasi",
        "fineEffettiva",
        f.row,
        f.obiettivo,
        msg.EFFECTIVE_END_MISSING(),
      );
    }
  }
}

/** EFFECTIVE_START_MISSING: Fine Effettiva filled and Inizio Effettivo empty. */
function effectiveStartMissing(ctx: Ctx): void {
  for (const f of ctx.plan.fasi) {
    if (
      f.fineEffettiva !== null &&
      f.inizioEffettivo === null &&
      !ctx.isBroken("fasi", "inizioEffettivo", f.row)
    ) {
      ctx.report(
        "EFFECTIVE_START_MISSING",
        "fasi",
        "inizioEffettivo",
        f.row,
        f.obiettivo,
        msg.EFFECTIVE_START_MISSING(f.fineEffettiva),
      );
    }
  }
}

/**
 * PROGRESS_INCOMPLETE: Fine Effettiva filled and Avanzamento < 100 (empty counts as 0, as in the rollups).
 * An Avanzamento below 0 already has PROGRESS_RANGE on the same cell, so it gets no second problem.
 */
function progressIncomplete(ctx: Ctx): void {
  for (const f of ctx.plan.fasi) {
    if (f.fineEffettiva === null || ctx.isBroken("fasi", "avanzamento", f.row)) continue;
    const a = f.avanzamento;
    if (a === null || (a >= 0 && a < 100)) {
      ctx.report(
        "PROGRESS_INCOMPLETE",
        "fasi",
        "avanzamento",
        f.row,
        f.obiettivo,
        msg.PROGRESS_INCOMPLETE(a, f.fineEffettiva),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

/**
 * Text compared the way users mean it: case-, accent- and apostrophe-insensitive, spaces collapsed
 * (QUALITÀ = QUALITA = QUALITA' = Qualità).
 */
export function normalizeWord(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’`´]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toUpperCase();
}

/** Polarità as the formulas test it (its match key, see isDecrescente in ./rollup): no accent folding. */
const POLARITA_KEYS = new Set(POLARITA.map(matchKey));

/** Membership of the normalized text, memoized: a column holds few distinct values and NFD is not cheap. */
function memoIn(known: Set<string>): (text: string) => boolean {
  const seen = new Map<string, boolean>();
  return (text) => {
    let ok = seen.get(text);
    if (ok === undefined) {
      ok = known.has(normalizeWord(text));
      seen.set(text, ok);
    }
    return ok;
  };
}

/**
 * POLARITY_INVALID: Polarità filled with something other than Crescente/Decrescente (any case, spaces
 * trimmed). Exactly what the rollups accept, so a value they would silently read as Crescente is reported.
 */
function polarityInvalid(ctx: Ctx): void {
  for (const i of ctx.plan.indicatori) {
    if (i.polarita !== null && matchKey(i.polarita) !== "" && !POLARITA_KEYS.has(matchKey(i.polarita))) {
      ctx.report(
        "POLARITY_INVALID",
        "indicatori",
        "polarita",
        i.row,
        i.obiettivo,
        msg.POLARITY_INVALID(i.polarita),
      );
    }
  }
}

/** TARGET_MISSING: no Valore Atteso (a broken cell already has its problem). */
function targetMissing(ctx: Ctx): void {
  for (const i of ctx.plan.indicatori) {
    if (i.valoreAtteso === null && !ctx.isBroken("indicatori", "valoreAtteso", i.row)) {
      ctx.report("TARGET_MISSING", "indicatori", "valoreAtteso", i.row, i.obiettivo, msg.TARGET_MISSING());
    }
  }
}

/** ACTUAL_MISSING: no Valore Raggiunto (a broken cell already has its problem). */
function actualMissing(ctx: Ctx): void {
  for (const i of ctx.plan.indicatori) {
    if (i.valoreRaggiunto === null && !ctx.isBroken("indicatori", "valoreRaggiunto", i.row)) {
      ctx.report("ACTUAL_MISSING", "indicatori", "valoreRaggiunto", i.row, i.obiettivo, msg.ACTUAL_MISSING());
    }
  }
}

/** TYPE_UNKNOWN: a filled Tipo not among Parametri Tipi indicatore (empty Tipo is allowed). */
function typeUnknown(ctx: Ctx): void {
  const known = ctx.plan.parametri.tipiIndicatore;
  const valid = memoIn(new Set(known.map(normalizeWord)));
  for (const i of ctx.plan.indicatori) {
    if (i.tipo !== null && i.tipo.trim() !== "" && !valid(i.tipo)) {
      ctx.report("TYPE_UNKNOWN", "indicatori", "tipo", i.row, i.obiettivo, msg.TYPE_UNKNOWN(i.tipo, known));
    }
  }
}
