// Problem shape and rule codes of docs/reference/rules.md. Messages are in ./messages.ts.

export type Severity = "error" | "warning";

export const RULES = {
  SHEET_MISSING: "error",
  COLUMN_MISSING: "error",
  COLUMN_DUPLICATE: "error",
  REQUIRED: "error",
  CELL_ERROR: "error",
  NUMBER_INVALID: "error",
  DATE_INVALID: "error",
  CODE_DUPLICATE: "error",
  OBJECTIVE_UNKNOWN: "error",
  WEIGHT_RANGE: "error",
  WEIGHT_SUM: "error",
  PROGRESS_RANGE: "error",
  DATE_ORDER: "error",
  POLARITY_INVALID: "error",
  PARAM_INVALID: "error",
  // Not in docs/reference/rules.md's table (documented departure, docs/decisions.md): a formula cell saved without its
  // value, and a value the live formulas read differently from the TypeScript.
  FORMULA_NO_VALUE: "error",
  FORMULA_DIFFERS: "warning",
  NO_PHASES: "warning",
  NO_INDICATORS: "warning",
  DATE_OUTSIDE_YEAR: "warning",
  EFFECTIVE_END_MISSING: "warning",
  PROGRESS_INCOMPLETE: "warning",
  EFFECTIVE_START_MISSING: "warning",
  DATE_IN_FUTURE: "warning",
  PHASE_LATE: "warning",
  TARGET_MISSING: "warning",
  ACTUAL_MISSING: "warning",
  TYPE_UNKNOWN: "warning",
  // The year's cycle (docs/reference/rules.md): the Nucleo's grade, objective weights per CdR, label hygiene.
  VALIDATION_REASON_MISSING: "error",
  VALIDATED_RANGE: "error",
  OBJECTIVE_WEIGHT_SUM: "warning",
  LABEL_NEAR_DUPLICATE: "warning",
} as const satisfies Record<string, Severity>;

export type RuleCode = keyof typeof RULES;

export interface Problem {
  severity: Severity;
  rule: RuleCode;
  sheet: string;
  /** Worksheet row as Excel shows it; null for a whole sheet. */
  row: number | null;
  /** Header name of the column; null for a whole sheet or row. */
  column: string | null;
  /** e.g. `Fasi!G12`; null when no single cell is meant. */
  cell: string | null;
  /** Codice of the objective concerned, when known. */
  objective: string | null;
  message: string;
}

/** A problem of `rule`, with the severity the rule has (every problem is built here). */
export function problem(rule: RuleCode, where: Omit<Problem, "severity" | "rule">): Problem {
  return { severity: RULES[rule], rule, ...where };
}

/** Problems after which the workbook cannot be laid out at all (generation stops and shows them). */
const BLOCKING_RULES: ReadonlySet<RuleCode> = new Set<RuleCode>([
  "SHEET_MISSING",
  "COLUMN_MISSING",
  "COLUMN_DUPLICATE",
]);

export function isBlocking(p: Problem): boolean {
  return p.severity === "error" && BLOCKING_RULES.has(p.rule);
}

const SHEET_ORDER = ["Parametri", "Obiettivi", "Fasi", "Indicatori"];

/** Stable order for reports: sheet (workbook order), errors first, then row, then column. */
export function sortProblems(problems: Problem[]): Problem[] {
  const sheetRank = (s: string) => {
    const i = SHEET_ORDER.indexOf(s);
    return i < 0 ? SHEET_ORDER.length : i;
  };
  return [...problems].sort(
    (a, b) =>
      sheetRank(a.sheet) - sheetRank(b.sheet) ||
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.cell ?? "").localeCompare(b.cell ?? ""),
  );
}
