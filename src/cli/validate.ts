// `scheda-peg validate FILE [--json]` (docs/reference/cli.md): exit 0 without errors, 1 with error-severity problems,
// 2 when the file cannot be opened (one Italian line on stderr).
import { SchedaService, type CheckResult } from "../app/service";
import type { Problem } from "../domain/rules/problems";
import { openInput, reportFailure } from "./files";
import { validateCliMessages as text } from "./messages";
import type { CliIo } from "./io";

export async function runValidate(file: string, opts: { json?: boolean }, io: CliIo): Promise<number> {
  let result: CheckResult;
  try {
    const host = await openInput(file);
    result = await new SchedaService(host).check();
  } catch (err) {
    return reportFailure(err, io);
  }
  io.stdout(opts.json ? formatJson(result) : formatHuman(result));
  return result.errors > 0 ? 1 : 0;
}

/** `{"errors", "warnings", "problems": [{severity, rule, sheet, row, column, cell, objective, message}]}`. */
function formatJson(result: Pick<CheckResult, "errors" | "warnings" | "problems">): string {
  const problems = result.problems.map((p) => ({
    severity: p.severity,
    rule: p.rule,
    sheet: p.sheet,
    row: p.row,
    column: p.column,
    cell: p.cell,
    objective: p.objective,
    message: p.message,
  }));
  return `${JSON.stringify({ errors: result.errors, warnings: result.warnings, problems }, null, 2)}\n`;
}

/** Per sheet (workbook order) a heading with its counts, errors then warnings; the totals last. */
function formatHuman(result: Pick<CheckResult, "errors" | "warnings" | "problems">): string {
  const bySheet = new Map<string, Problem[]>();
  for (const p of result.problems) {
    const list = bySheet.get(p.sheet);
    if (list) list.push(p);
    else bySheet.set(p.sheet, [p]);
  }
  const lines: string[] = [];
  for (const [sheet, problems] of bySheet) {
    const errors = problems.filter((p) => p.severity === "error");
    const warnings = problems.filter((p) => p.severity === "warning");
    const where = (p: Problem) => p.cell ?? text.noCell(p.sheet, p.row);
    const width = Math.max(...problems.map((p) => where(p).length));
    const ruleWidth = Math.max(...problems.map((p) => p.rule.length));
    const line = (p: Problem) => `    ${where(p).padEnd(width)}  ${p.rule.padEnd(ruleWidth)}  ${p.message}`;
    lines.push(text.sheetHeading(sheet, errors.length, warnings.length));
    if (errors.length > 0) lines.push(`  ${text.errorsHeading}`, ...errors.map(line));
    if (warnings.length > 0) lines.push(`  ${text.warningsHeading}`, ...warnings.map(line));
    lines.push("");
  }
  if (result.problems.length === 0) lines.push(text.noProblems);
  lines.push(text.totals(result.errors, result.warnings));
  return `${lines.join("\n")}\n`;
}
