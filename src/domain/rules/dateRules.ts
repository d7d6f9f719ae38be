// Ranges and dates: weights and progress in 0–100, date order, dates outside Anno or after Data di riferimento, late and unfinished phases.
import { problemMessages as msg } from "../messages";
import { daysBetween, type IsoDate } from "../model/dates";
import type { Fase } from "../model/model";
import { Ctx, header } from "./context";

// ---------------------------------------------------------------------------------------------
// Ranges and dates
// ---------------------------------------------------------------------------------------------

type DateField = "inizioPrevisto" | "finePrevista" | "inizioEffettivo" | "fineEffettiva";

export const outOfRange = (v: number | null): v is number => v !== null && (v < 0 || v > 100);

/** WEIGHT_RANGE: any Peso (Obiettivi, Fasi, Indicatori) below 0 or above 100. */
export function weightRange(ctx: Ctx): void {
  for (const o of ctx.plan.obiettivi) {
    if (outOfRange(o.peso)) {
      ctx.report("WEIGHT_RANGE", "obiettivi", "peso", o.row, o.codice, msg.WEIGHT_RANGE(o.peso));
    }
  }
  for (const f of ctx.plan.fasi) {
    if (outOfRange(f.peso)) {
      ctx.reportRow("WEIGHT_RANGE", "fasi", "peso", f, msg.WEIGHT_RANGE(f.peso));
    }
  }
  for (const i of ctx.plan.indicatori) {
    if (outOfRange(i.peso)) {
      ctx.reportRow("WEIGHT_RANGE", "indicatori", "peso", i, msg.WEIGHT_RANGE(i.peso));
    }
  }
}

/** PROGRESS_RANGE: Avanzamento below 0 or above 100. */
export function progressRange(ctx: Ctx): void {
  for (const f of ctx.plan.fasi) {
    if (outOfRange(f.avanzamento)) {
      ctx.reportRow("PROGRESS_RANGE", "fasi", "avanzamento", f, msg.PROGRESS_RANGE(f.avanzamento));
    }
  }
}

/** DATE_ORDER: an end date before its start date (planned or effective), at the end cell. */
export function dateOrder(ctx: Ctx): void {
  const check = (f: Fase, startField: DateField, endField: DateField) => {
    const start = f[startField];
    const end = f[endField];
    if (start !== null && end !== null && end < start) {
      const message = msg.DATE_ORDER(header("fasi", endField), end, header("fasi", startField), start);
      ctx.reportRow("DATE_ORDER", "fasi", endField, f, message);
    }
  };
  for (const f of ctx.plan.fasi) {
    check(f, "inizioPrevisto", "finePrevista");
    check(f, "inizioEffettivo", "fineEffettiva");
  }
}

/** DATE_OUTSIDE_YEAR: a planned date whose year is not Parametri Anno. */
export function dateOutsideYear(ctx: Ctx): void {
  const anno = ctx.plan.parametri.anno;
  const prefix = `${String(anno).padStart(4, "0")}-`; // ISO dates: the year is the prefix
  for (const f of ctx.plan.fasi) {
    for (const field of ["inizioPrevisto", "finePrevista"] as const) {
      const date = f[field];
      if (date !== null && !date.startsWith(prefix)) {
        ctx.reportRow(
          "DATE_OUTSIDE_YEAR",
          "fasi",
          field,
          f,
          msg.DATE_OUTSIDE_YEAR(header("fasi", field), date, anno),
        );
      }
    }
  }
}

/** DATE_IN_FUTURE: an effective date after Data di riferimento. */
export function dateInFuture(ctx: Ctx): void {
  const ref = ctx.plan.parametri.dataRiferimento;
  for (const f of ctx.plan.fasi) {
    for (const field of ["inizioEffettivo", "fineEffettiva"] as const) {
      const date = f[field];
      if (date !== null && date > ref) {
        ctx.reportRow(
          "DATE_IN_FUTURE",
          "fasi",
          field,
          f,
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
export function phaseLate(ctx: Ctx): void {
  const ref: IsoDate = ctx.plan.parametri.dataRiferimento;
  for (const f of ctx.plan.fasi) {
    const fp = f.finePrevista;
    const fe = f.fineEffettiva;
    if (fp === null) continue;
    if (fe !== null) {
      if (fe > fp) {
        ctx.reportRow(
          "PHASE_LATE",
          "fasi",
          "fineEffettiva",
          f,
          msg.PHASE_LATE_CLOSED(fe, fp, daysBetween(fp, fe)),
        );
      }
      continue;
    }
    if (ctx.isBroken("fasi", "fineEffettiva", f.row) || ctx.isBroken("fasi", "avanzamento", f.row)) continue;
    if ((f.avanzamento ?? 0) < 100 && ref > fp) {
      ctx.reportRow(
        "PHASE_LATE",
        "fasi",
        "finePrevista",
        f,
        msg.PHASE_LATE_OPEN(fp, ref, f.avanzamento, daysBetween(fp, ref)),
      );
    }
  }
}

/** EFFECTIVE_END_MISSING: Avanzamento 100 and Fine Effettiva empty. */
export function effectiveEndMissing(ctx: Ctx): void {
  for (const f of ctx.plan.fasi) {
    if (f.avanzamento === 100 && f.fineEffettiva === null && !ctx.isBroken("fasi", "fineEffettiva", f.row)) {
      ctx.reportRow("EFFECTIVE_END_MISSING", "fasi", "fineEffettiva", f, msg.EFFECTIVE_END_MISSING());
    }
  }
}

/** EFFECTIVE_START_MISSING: Fine Effettiva filled and Inizio Effettivo empty. */
export function effectiveStartMissing(ctx: Ctx): void {
  for (const f of ctx.plan.fasi) {
    if (
      f.fineEffettiva !== null &&
      f.inizioEffettivo === null &&
      !ctx.isBroken("fasi", "inizioEffettivo", f.row)
    ) {
      ctx.reportRow(
        "EFFECTIVE_START_MISSING",
        "fasi",
        "inizioEffettivo",
        f,
        msg.EFFECTIVE_START_MISSING(f.fineEffettiva),
      );
    }
  }
}

/**
 * PROGRESS_INCOMPLETE: Fine Effettiva filled and Avanzamento < 100 (empty counts as 0, as in the rollups).
 * An Avanzamento below 0 already has PROGRESS_RANGE on the same cell, so it gets no second problem.
 */
export function progressIncomplete(ctx: Ctx): void {
  for (const f of ctx.plan.fasi) {
    if (f.fineEffettiva === null || ctx.isBroken("fasi", "avanzamento", f.row)) continue;
    const a = f.avanzamento;
    if (a === null || (a >= 0 && a < 100)) {
      ctx.reportRow(
        "PROGRESS_INCOMPLETE",
        "fasi",
        "avanzamento",
        f,
        msg.PROGRESS_INCOMPLETE(a, f.fineEffettiva),
      );
    }
  }
}
