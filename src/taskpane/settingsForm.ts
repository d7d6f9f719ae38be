// The Impostazioni form without React: field texts from the sheet, texts → the service's edits, and a
// message per field. Whether a value is acceptable is the reader's verdict (blockingParametriProblems
// runs readPlan on the sheet as it would be after the save); only the wording is the pane's.
import {
  blockingParametriProblems,
  parametriCells,
  parametriProblems,
  type ParametriEdits,
  type ParametroInput,
} from "../app/parametri";
import type { CheckResult } from "../app/service";
import { formatIt, type IsoDate } from "../domain/model/dates";
import { PARAMETRI, type ParametroKey } from "../domain/model/schema";
import { parseParamNumber, parseParamYear } from "../domain/reading/paramText";
import { describeValue, numberToItText } from "../domain/reading/values";
import { paneStrings } from "./strings";

export type FieldKind = "text" | "year" | "percent" | "date" | "formula";

export const FIELD_KIND: Record<ParametroKey, FieldKind> = {
  ente: "text",
  anno: "year",
  vista: "text",
  livello: "text",
  dataRiferimento: "date",
  pesoFasiNelGrado: "percent",
  sogliaRaggiunto: "percent",
  sogliaParzialmente: "percent",
  formulaDecrescente: "formula",
  tipiIndicatore: "text",
};

export type FormValues = Record<ParametroKey, string>;

export interface FieldMessage {
  state: "error" | "warning";
  text: string;
}

const KEYS = PARAMETRI.map((p) => p.key);

/** What each field shows at first: the cell as the reader took it, "" for an empty cell. */
export function initialValues(check: CheckResult, today: IsoDate): FormValues {
  const plan = check.plan;
  const cells = parametriCells(plan, check.raw);
  const invalid = parametriProblems(plan, check.raw, {}, today);
  const out = {} as FormValues;
  for (const key of KEYS) {
    const v = cells[key] ?? null;
    const p = plan.parametri;
    if (v === null || (typeof v === "string" && v.trim() === "")) out[key] = "";
    else if (invalid[key])
      out[key] = FIELD_KIND[key] === "date" || FIELD_KIND[key] === "formula" ? "" : describeValue(v);
    else if (key === "tipiIndicatore") out[key] = p.tipiIndicatore.join(", ");
    else if (key === "dataRiferimento") out[key] = p.dataRiferimento;
    else if (FIELD_KIND[key] === "percent") out[key] = numberToItText(p[key] as number);
    else out[key] = String(p[key]);
  }
  return out;
}

function toInput(key: ParametroKey, text: string): ParametroInput | null {
  if (text.trim() === "") return { kind: "empty" };
  switch (FIELD_KIND[key]) {
    case "year": {
      const n = parseParamYear(text);
      return n === null ? null : { kind: "number", value: n };
    }
    case "percent": {
      const n = parseParamNumber(text);
      return n === null ? null : { kind: "number", value: n };
    }
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { kind: "date", iso: text } : null;
    default:
      return { kind: "text", text };
  }
}

/** The edits (changed fields only) and the fields whose text cannot even be read as their kind. */
export function toEdits(
  values: FormValues,
  initial: FormValues,
): { edits: ParametriEdits; unreadable: ParametroKey[] } {
  const edits: ParametriEdits = {};
  const unreadable: ParametroKey[] = [];
  for (const key of KEYS) {
    if (values[key] === initial[key]) continue;
    const input = toInput(key, values[key]);
    if (input) edits[key] = input;
    else unreadable.push(key);
  }
  return { edits, unreadable };
}

function errorText(key: ParametroKey, values: FormValues, fallback: string): string {
  const E = paneStrings.fieldErrors;
  switch (FIELD_KIND[key]) {
    case "year":
      return E.year;
    case "date":
      return E.date;
    case "formula":
      return E.formula;
    case "percent": {
      const own = parseParamNumber(values[key]);
      if (key === "sogliaParzialmente" && own !== null && own <= 100) {
        return E.thresholds(values.sogliaRaggiunto.trim() || "90");
      }
      return E.percent;
    }
    default:
      return E.other(fallback);
  }
}

/** A message for each field that has one: errors stop the save, warnings describe the sheet as it is. */
export function fieldMessages(
  check: CheckResult,
  values: FormValues,
  initial: FormValues,
  today: IsoDate,
): Partial<Record<ParametroKey, FieldMessage>> {
  const { edits, unreadable } = toEdits(values, initial);
  const out: Partial<Record<ParametroKey, FieldMessage>> = {};
  for (const key of unreadable) out[key] = { state: "error", text: errorText(key, values, "") };
  const blocking = blockingParametriProblems(check.plan, check.raw, edits, today);
  for (const [key, p] of Object.entries(blocking) as [ParametroKey, { message: string }][]) {
    out[key] ??= { state: "error", text: errorText(key, values, p.message) };
  }
  const before = parametriProblems(check.plan, check.raw, {}, today);
  for (const [key, p] of Object.entries(before) as [ParametroKey, { message: string }][]) {
    if (!out[key] && values[key] === initial[key]) {
      out[key] = { state: "warning", text: paneStrings.settingsInvalidCell(p.message) };
    }
  }
  return out;
}

/** The value an empty field stands for. */
export function defaultText(key: ParametroKey, check: CheckResult, values: FormValues): string {
  const anno =
    parseParamYear(values.anno) ?? check.plan.layout.parametri?.defaultAnno ?? check.plan.parametri.anno;
  if (key === "anno") return String(anno);
  if (key === "dataRiferimento") return formatIt(`${anno}-12-31`);
  return PARAMETRI.find((p) => p.key === key)?.defaultText ?? "";
}
