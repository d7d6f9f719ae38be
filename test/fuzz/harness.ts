// Differential harness: the real pipeline (file host + SchedaService.rollup) writes the live formulas
// and their TypeScript values into each workbook; LibreOffice recalculates every workbook in one run;
// every computed cell must equal the TypeScript value within 1e-6, except cells that a reported
// problem explains (a cell the formulas cannot read like the TypeScript, and what is derived from it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Host } from "../../src/app/host";
import { SchedaService } from "../../src/app/service";
import { buildRollupWritePlan } from "../../src/domain/rollup/formulas";
import { rollupStrings } from "../../src/domain/messages";
import type { Problem } from "../../src/domain/rules/problems";
import { columnLetter, type RawWorkbook } from "../../src/domain/model/raw";
import { groupCriteriaKeys, GROUPINGS } from "../../src/domain/rollup/rollup";
import type { RollupWritePlan } from "../../src/domain/model/sheet";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { convertManyWithLibreOffice } from "../helpers/libreoffice";
import { readXlsxCells, type XBook } from "../rollup/oracle";
import type { FuzzCase } from "./generator";

export const TODAY = "2024-06-30";
const TOL = 1e-6;

/** The file host with the table column names hidden: the reader's fallback (header text, untrimmed). */
function withoutTableColumns(host: XlsxHost): Host {
  return {
    kind: host.kind,
    readWorkbook: async (): Promise<RawWorkbook> => {
      const raw = await host.readWorkbook();
      for (const sheet of raw.sheets) for (const t of sheet.tables) delete t.columns;
      return raw;
    },
    writeRollups: (plan) => host.writeRollups(plan),
    renderSheet: (desc) => host.renderSheet(desc),
    prepareSheets: (t, o) => host.prepareSheets(t, o),
    isEmptyWorkbook: () => host.isEmptyWorkbook(),
  };
}

// ---------------------------------------------------------------------------------------------
// Pipeline, LibreOffice, comparison
// ---------------------------------------------------------------------------------------------

export interface RolledCase {
  fuzz: FuzzCase;
  bytes: Uint8Array;
  problems: Problem[];
  writePlan: RollupWritePlan;
}

export async function rollupCase(fuzz: FuzzCase): Promise<RolledCase> {
  // One case in three without RawTable.columns: the reader's fallback (header text untrimmed).
  const file = await XlsxHost.fromBuffer(fuzz.bytes);
  const host = fuzz.seed % 3 !== 0 ? file : withoutTableColumns(file);
  const result = await new SchedaService(host, { today: () => TODAY }).rollup();
  if (!result.rollups) {
    throw new Error(
      `seed ${fuzz.seed}: rollup bloccato: ${result.check.blocking.map((p) => p.message).join(" | ")}`,
    );
  }
  return {
    fuzz,
    bytes: await file.toBuffer(),
    problems: result.check.problems,
    writePlan: buildRollupWritePlan(result.check.plan, result.rollups),
  };
}

/** LibreOffice recalculates every workbook in one soffice run. */
export async function recalcAll(cases: RolledCase[]): Promise<XBook[]> {
  const dir = mkdtempSync(join(tmpdir(), "scheda-fuzz-"));
  try {
    const inputs = cases.map((c, i) => {
      const file = join(dir, `caso-${i}-seme-${c.fuzz.seed}.xlsx`);
      writeFileSync(file, c.bytes);
      return file;
    });
    const { work, outputs } = await convertManyWithLibreOffice(inputs, "xlsx");
    try {
      return await Promise.all(outputs.map(async (o) => readXlsxCells(readFileSync(o))));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Outcome {
  compared: number;
  /** Differences a reported problem explains (allowed). */
  explained: number;
  /** Differences nothing explains: must be none. */
  unexplained: string[];
  /** Dirty cells whose expected problem was not reported: must be none. */
  unreported: string[];
}

const KEY_HEADERS = new Set<string>([
  rollupStrings.helperHeaders.obiettivi.codice,
  rollupStrings.helperHeaders.fasi.obiettivo,
  rollupStrings.helperHeaders.indicatori.obiettivo,
]);
const EXPLAINING = new Set(["FORMULA_NO_VALUE", "FORMULA_DIFFERS"]);

const unescapeCriterion = (s: string) => s.replace(/~(.)/g, "$1");
/** A group helper key with "(non indicato)" folded into the empty group, as the Riepilogo counts it. */
const NOT_GIVEN = groupCriteriaKeys(rollupStrings.groupNotGiven);
const foldKey = (k: string) => (k === NOT_GIVEN[1] ? NOT_GIVEN[0] : k);

function same(want: number | string | null, got: unknown): boolean {
  const w = want === null ? "" : want;
  if (typeof w === "number") return typeof got === "number" && Math.abs(got - w) <= TOL;
  return (got === null || got === undefined ? "" : got) === w;
}

export function compareCase(rc: RolledCase, book: XBook): Outcome {
  const { writePlan: wp, problems, fuzz } = rc;
  const out: Outcome = { compared: 0, explained: 0, unexplained: [], unreported: [] };

  // 1. The reader reported every dirty cell with the expected rule.
  const reported = new Set(problems.map((p) => `${p.rule} ${p.cell}`));
  for (const d of fuzz.dirty) {
    const cell = d.cell.replace(
      /^([^!]+)!/,
      (_, s: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(s) ? s : `'${s}'`) + "!",
    );
    if (!reported.has(`${d.rule} ${cell}`)) out.unreported.push(`${d.rule} ${cell}`);
  }

  // 2. Rows whose input a problem says the formulas read differently.
  const tainted = new Map<string, Set<number>>();
  for (const p of problems) {
    if (p.row === null || p.cell === null) continue;
    if (!EXPLAINING.has(p.rule) && !fuzz.numericInvalid.has(p.cell)) continue;
    if (!tainted.has(p.sheet)) tainted.set(p.sheet, new Set());
    tainted.get(p.sheet)!.add(p.row);
  }
  const valueAt = (sheet: string, col: number, row: number) =>
    book.get(sheet)?.get(`${columnLetter(col)}${row}`)?.value ?? null;
  // The match keys of tainted phases and indicators, as TypeScript and LibreOffice computed them.
  const taintedKeys = new Set<string>();
  const obTable = wp.computed.find((t) =>
    t.columns.some((c) => c.header === rollupStrings.helperHeaders.obiettivi.codice),
  );
  for (const t of wp.computed) {
    if (t === obTable) continue;
    const keyCol = t.columns.find((c) => KEY_HEADERS.has(c.header));
    const rows = tainted.get(t.sheet);
    if (!keyCol || !rows) continue;
    for (const row of rows) {
      const i = row - t.firstRow;
      if (i < 0 || i >= keyCol.results.length) continue;
      taintedKeys.add(String(keyCol.results[i]));
      taintedKeys.add(String(valueAt(t.sheet, keyCol.col, row)));
    }
  }
  // Objectives: tainted by their own row, or by a tainted phase or indicator with their key.
  const taintedOb = new Set<number>();
  const groupKeysOf = new Map<string, Set<string>>(); // grouping header → tainted group keys
  if (obTable) {
    const keyCol = obTable.columns.find((c) => c.header === rollupStrings.helperHeaders.obiettivi.codice)!;
    const own = tainted.get(obTable.sheet) ?? new Set<number>();
    for (let row = obTable.firstRow; row <= obTable.lastRow; row++) {
      const i = row - obTable.firstRow;
      const ts = unescapeCriterion(String(keyCol.results[i] ?? ""));
      const lo = unescapeCriterion(String(valueAt(obTable.sheet, keyCol.col, row) ?? ""));
      if (own.has(row) || taintedKeys.has(ts) || taintedKeys.has(lo)) taintedOb.add(row);
    }
    for (const g of GROUPINGS) {
      const header = rollupStrings.helperHeaders.obiettivi[g.key];
      const col = obTable.columns.find((c) => c.header === header);
      const keys = new Set<string>();
      for (const row of taintedOb) {
        if (!col) {
          keys.add("*"); // no such column: one group, the whole table
          continue;
        }
        keys.add(foldKey(String(col.results[row - obTable.firstRow])));
        keys.add(foldKey(String(valueAt(obTable.sheet, col.col, row) ?? "")));
      }
      groupKeysOf.set(g.key, keys);
    }
  }

  // 3. Compare every computed cell.
  const check = (
    sheet: string,
    address: string,
    want: number | string | null,
    explained: boolean,
    what: string,
  ) => {
    out.compared++;
    const cell = book.get(sheet)?.get(address);
    if (cell?.formula && same(want, cell.value)) return;
    if (explained && !fuzz.strict) {
      out.explained++;
      return;
    }
    out.unexplained.push(
      `seme ${fuzz.seed}: ${sheet}!${address} (${what}): TypeScript ${JSON.stringify(want)}, LibreOffice ` +
        `${JSON.stringify(cell?.value ?? null)}${cell?.formula ? "" : " (nessuna formula)"}` +
        (fuzz.features.length ? ` [${fuzz.features.join("; ")}]` : ""),
    );
  };
  for (const t of wp.computed) {
    const rows = t === obTable ? taintedOb : (tainted.get(t.sheet) ?? new Set<number>());
    for (const c of t.columns) {
      c.results.forEach((v, i) => {
        const row = t.firstRow + i;
        check(t.sheet, `${columnLetter(c.col)}${row}`, v, rows.has(row), c.header);
      });
    }
  }
  // Riepilogo: group rows in layout order; a row is explained when its group holds a tainted objective.
  let grouping = -1;
  const labels = new Map<number, { grouping: number; gruppo: string }>();
  const cells = [...wp.riepilogo.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const totals = new Map<number, number>(); // Totale row → grouping
  for (const c of cells) {
    if (c.col !== 1 || c.content.kind !== "text") continue;
    if (c.style === "groupTitle") grouping++;
    else if (c.style === "gruppo") labels.set(c.row, { grouping, gruppo: c.content.text });
    else if (c.style === "totaleLabel") totals.set(c.row, grouping);
  }
  for (const c of cells) {
    if (c.content.kind !== "formula") continue;
    const label = labels.get(c.row);
    let explained = false;
    if (label) {
      const keys = groupKeysOf.get(GROUPINGS[label.grouping].key) ?? new Set<string>();
      explained = keys.has("*") || groupCriteriaKeys(label.gruppo).some((k) => keys.has(foldKey(k)));
    }
    // A Totale row counts every objective: any tainted one explains it.
    const total = totals.get(c.row);
    if (total !== undefined) explained = (groupKeysOf.get(GROUPINGS[total].key)?.size ?? 0) > 0;
    const result = c.content.result;
    check(
      wp.riepilogo.name,
      `${columnLetter(c.col)}${c.row}`,
      typeof result === "boolean" ? Number(result) : result,
      explained,
      `Riepilogo ${label?.gruppo ?? ""}`,
    );
  }
  return out;
}
