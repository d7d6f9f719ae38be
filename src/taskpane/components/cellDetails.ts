// A problem's cell as the standalone page describes it: local address and the value it holds now.
import { formatIt } from "../../domain/model/dates";
import { columnIndex, type RawWorkbook } from "../../domain/model/raw";
import type { Problem } from "../../domain/rules/problems";
import { describeValue, isDateFormat, serialToDate } from "../../domain/reading/values";

export function cellDetails(problem: Problem, raw?: RawWorkbook): { local: string; value: string } {
  const local = problem.cell ? problem.cell.slice(problem.cell.lastIndexOf("!") + 1).replace(/\$/g, "") : "";
  const m = /^([A-Z]{1,3})(\d+)$/.exec(local);
  const sheet = raw?.sheets.find((s) => s.name === problem.sheet);
  if (!m || !sheet) return { local, value: "" };
  const row = Number(m[2]) - sheet.originRow;
  const col = columnIndex(m[1]) - sheet.originCol;
  const v = sheet.values[row]?.[col] ?? null;
  if (typeof v === "number" && isDateFormat(sheet.numberFormats?.[row]?.[col])) {
    const iso = serialToDate(v, raw?.date1904 === true);
    if (iso) return { local, value: formatIt(iso) };
  }
  return { local, value: describeValue(v) };
}
