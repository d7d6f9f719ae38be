// Shared by the end-to-end Scheda tests: run the CLI in-process, read the Scheda sheet back.
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "scheda-test-"));
}

export async function cli(argv: string[], env?: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env ?? {})) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  try {
    const code = await main(argv, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export { loadSampleJson as sampleJson } from "../helpers/sample";

export type Value = string | number | Date | null;

/** The Scheda sheet as rows of anchor-cell values (merged non-anchor cells are null). */
export async function readScheda(
  file: string,
): Promise<{ rows: Map<number, Map<number, Value>>; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Scheda");
  if (!ws) throw new Error("foglio Scheda assente");
  const rows = new Map<number, Map<number, Value>>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const m = new Map<number, Value>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const v = cell.value;
      if (v === null || v === undefined) return;
      if (typeof v === "string" || typeof v === "number" || v instanceof Date) m.set(c, v);
      else m.set(c, JSON.stringify(v)); // formulas, rich text: visible as non-plain values
    });
    if (m.size > 0) rows.set(r, m);
  });
  return { rows, ws };
}

/** Row ranges of each objective in the Scheda: from its first page header to the next objective's. */
export function objectiveRanges(
  rows: Map<number, Map<number, Value>>,
  codes: string[],
): Map<string, { first: number; last: number }> {
  const starts: { code: string; row: number }[] = [];
  const sorted = [...rows.keys()].sort((a, b) => a - b);
  for (const code of codes) {
    const r = sorted.find((row) => rows.get(row)?.get(6) === code);
    if (r !== undefined) starts.push({ code, row: r });
  }
  starts.sort((a, b) => a.row - b.row);
  const ranges = new Map<string, { first: number; last: number }>();
  starts.forEach((s, i) => {
    ranges.set(s.code, {
      first: s.row,
      last: i + 1 < starts.length ? starts[i + 1].row - 1 : sorted[sorted.length - 1],
    });
  });
  return ranges;
}

export const isoOf = (v: Value | undefined): string | null =>
  v instanceof Date ? v.toISOString().slice(0, 10) : null;
