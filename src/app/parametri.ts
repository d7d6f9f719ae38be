// Editing the Parametri from the pane: what the user chose → the value cells to write, and the
// reader's own verdict on the sheet as it would be after the write. The pane and the service ask the
// reader (readPlan) instead of repeating its rules, so the pane accepts exactly what the reader accepts.
import { isoToSerial, type IsoDate } from "../domain/model/dates";
import type { ParametroCell, Plan } from "../domain/model/model";
import { cellAddress, type RawSheet, type RawValue, type RawWorkbook } from "../domain/model/raw";
import { PARAMETRI, type ParametroKey } from "../domain/model/schema";
import { readPlan } from "../domain/reading/reader";
import { DATE1904_OFFSET, isDateFormat, isPercentFormat } from "../domain/reading/values";
import type { Problem } from "../domain/rules/problems";
import { DATE_FORMAT } from "../domain/template/template";
import type { ParametriWrite, ParametroCellWrite } from "./host";

/** One parameter as the pane sends it: a text, a number, a date, or nothing (the default applies). */
export type ParametroInput =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "date"; iso: IsoDate }
  | { kind: "empty" };

export type ParametriEdits = Partial<Record<ParametroKey, ParametroInput>>;

/** Parameters the reader reads as a number 0–100 (a percent-formatted cell counts ×100). */
const PERCENT_KEYS: ReadonlySet<ParametroKey> = new Set([
  "pesoFasiNelGrado",
  "sogliaRaggiunto",
  "sogliaParzialmente",
]);

/** The value and, when needed, the number format a cell gets so that the reader reads `input` back. */
export function cellWrite(
  key: ParametroKey,
  input: ParametroInput,
  at: ParametroCell,
  date1904: boolean,
): ParametroCellWrite {
  const base = { key, row: at.row, col: at.col };
  switch (input.kind) {
    case "empty":
      return { ...base, value: null };
    case "text":
      return { ...base, value: input.text === "" ? null : input.text };
    case "date": {
      const serial = isoToSerial(input.iso) - (date1904 ? DATE1904_OFFSET : 0);
      return isDateFormat(at.numberFormat)
        ? { ...base, value: serial }
        : { ...base, value: serial, numberFormat: DATE_FORMAT };
    }
    case "number": {
      // A date format would turn the number into a date; a percent format keeps the user's look.
      if (isDateFormat(at.numberFormat)) return { ...base, value: input.value, numberFormat: "General" };
      if (isPercentFormat(at.numberFormat)) {
        if (!PERCENT_KEYS.has(key)) return { ...base, value: input.value, numberFormat: "General" };
        return { ...base, value: parseFloat((input.value / 100).toPrecision(15)) };
      }
      return { ...base, value: input.value };
    }
  }
}

/** Parameters that have no row in the Parametri sheet (they cannot be written from the pane). */
export function missingRows(plan: Plan): ParametroKey[] {
  const cells = plan.layout.parametri?.cells ?? {};
  return PARAMETRI.map((p) => p.key).filter((k) => !cells[k]);
}

/** The cells to write for `edits` (keys without a row are left out: see missingRows). */
export function parametriWrite(plan: Plan, edits: ParametriEdits): ParametriWrite | null {
  const layout = plan.layout.parametri;
  if (!layout) return null;
  const cells: ParametroCellWrite[] = [];
  for (const p of PARAMETRI) {
    const input = edits[p.key];
    const at = layout.cells[p.key];
    if (input && at) cells.push(cellWrite(p.key, input, at, plan.layout.date1904 === true));
  }
  return { sheet: layout.sheet, cells };
}

/** The raw value of every parameter's value cell (null when the row is missing or the cell empty). */
export function parametriCells(
  plan: Plan,
  raw: RawWorkbook | undefined,
): Partial<Record<ParametroKey, RawValue>> {
  const layout = plan.layout.parametri;
  const sheet = layout ? raw?.sheets.find((s) => s.name === layout.sheet) : undefined;
  const out: Partial<Record<ParametroKey, RawValue>> = {};
  if (!layout || !sheet) return out;
  for (const p of PARAMETRI) {
    const at = layout.cells[p.key];
    if (at) out[p.key] = sheet.values[at.row - sheet.originRow]?.[at.col - sheet.originCol] ?? null;
  }
  return out;
}

/** A copy of the sheet with one cell changed (the grid grows when the cell lies outside it). */
function withCell(sheet: RawSheet, w: ParametroCellWrite, format: string | undefined): RawSheet {
  const top = Math.min(sheet.originRow, w.row);
  const left = Math.min(sheet.originCol, w.col);
  const width = Math.max(
    sheet.originCol + (sheet.values[0]?.length ?? 0) - 1,
    ...sheet.values.map((r) => sheet.originCol + r.length - 1),
    w.col,
  );
  const bottom = Math.max(sheet.originRow + sheet.values.length - 1, w.row);
  const values: RawValue[][] = [];
  const formats: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const vr: RawValue[] = [];
    const fr: string[] = [];
    for (let c = left; c <= width; c++) {
      vr.push(sheet.values[r - sheet.originRow]?.[c - sheet.originCol] ?? null);
      fr.push(sheet.numberFormats?.[r - sheet.originRow]?.[c - sheet.originCol] ?? "General");
    }
    values.push(vr);
    formats.push(fr);
  }
  values[w.row - top][w.col - left] = w.value;
  if (format !== undefined) formats[w.row - top][w.col - left] = format;
  return { ...sheet, originRow: top, originCol: left, values, numberFormats: formats };
}

/** The reader's problems on the Parametri value cells, by parameter, for the sheet after `edits`. */
export function parametriProblems(
  plan: Plan,
  raw: RawWorkbook | undefined,
  edits: ParametriEdits,
  today: IsoDate,
): Partial<Record<ParametroKey, Problem>> {
  const layout = plan.layout.parametri;
  let sheet = layout ? raw?.sheets.find((s) => s.name === layout.sheet) : undefined;
  if (!layout || !sheet) return {};
  const write = parametriWrite(plan, edits);
  for (const w of write?.cells ?? []) {
    const current = layout.cells[w.key]?.numberFormat;
    sheet = withCell(sheet, w, w.numberFormat ?? current);
  }
  const date1904 = plan.layout.date1904 === true;
  const read = readPlan({ sheets: [sheet], date1904 }, { today });
  const byCell = new Map<string, ParametroKey>();
  for (const p of PARAMETRI) {
    const at = layout.cells[p.key];
    if (at) byCell.set(cellAddress(layout.sheet, at.row, at.col), p.key);
  }
  const out: Partial<Record<ParametroKey, Problem>> = {};
  for (const problem of read.problems) {
    const key = problem.cell ? byCell.get(problem.cell) : undefined;
    if (key && !out[key]) out[key] = problem;
  }
  return out;
}

/**
 * What stops a save: a problem on an edited parameter, or a problem the edits cause on another one
 * (Soglia raggiunto lowered under Soglia parzialmente raggiunto). Problems already in the sheet on
 * parameters left alone do not stop it.
 */
export function blockingParametriProblems(
  plan: Plan,
  raw: RawWorkbook | undefined,
  edits: ParametriEdits,
  today: IsoDate,
): Partial<Record<ParametroKey, Problem>> {
  const before = parametriProblems(plan, raw, {}, today);
  const after = parametriProblems(plan, raw, edits, today);
  const out: Partial<Record<ParametroKey, Problem>> = {};
  for (const [key, problem] of Object.entries(after) as [ParametroKey, Problem][]) {
    if (edits[key] || !before[key]) out[key] = problem;
  }
  return out;
}
