// Differential harness: the real pipeline (file host + SchedaService.rollup) writes the live formulas
// and their TypeScript values into each workbook; LibreOffice recalculates every workbook in one run;
// every computed cell must equal the TypeScript value within 1e-6, except cells that a reported
// problem explains (a cell the formulas cannot read like the TypeScript, and what is derived from it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { SchedaService } from "../../src/app/service";
import { buildRollupWritePlan } from "../../src/domain/formulas";
import { rollupStrings } from "../../src/domain/messages";
import type { Problem } from "../../src/domain/problems";
import { columnIndex, columnLetter, type RawWorkbook } from "../../src/domain/raw";
import { groupCriteriaKeys, GROUPINGS } from "../../src/domain/rollup";
import type { RollupWritePlan } from "../../src/domain/sheet";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { convertManyWithLibreOffice } from "../helpers/libreoffice";
import { readXlsxCells, type XBook } from "../rollup/oracle";
import type { FuzzCase } from "./generator";

export const TODAY = "2024-06-30";
const TOL = 1e-6;

// ---------------------------------------------------------------------------------------------
// What a host must tell the reader (RawTable.columns, RawWorkbook.date1904, uncached formulas),
// taken from the package XML. The exceljs file host does not hand these yet (the new file host
// will); the probe reads them the way that host must, so the domain is tested with them now.
// ---------------------------------------------------------------------------------------------

interface Probe {
  date1904: boolean;
  /** Sheet name → table name (lower case) → column names as the table part holds them. */
  tableColumns: Map<string, Map<string, string[]>>;
  /** Sheet name → uncached formula cells. */
  uncached: Map<string, { row: number; col: number; formula: string }[]>;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
const attr = (attrs: string, name: string) => {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decode(m[1]) : null;
};
const relsOf = (xml: string) => {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], "Id");
    const target = attr(m[1], "Target");
    if (id && target) out.set(id, target);
  }
  return out;
};
const resolve = (base: string, target: string) => {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
};

export async function probeXlsx(bytes: Uint8Array): Promise<Probe> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const wbXml = await text("xl/workbook.xml");
  const pr = /<workbookPr\b([^>]*)>/.exec(wbXml);
  const d1904 = pr ? attr(pr[1], "date1904") : null;
  const probe: Probe = {
    date1904: d1904 === "1" || d1904 === "true",
    tableColumns: new Map(),
    uncached: new Map(),
  };
  const wbRels = relsOf(await text("xl/_rels/workbook.xml.rels"));
  for (const m of wbXml.matchAll(/<sheet\b([^>]*)\/>/g)) {
    const name = attr(m[1], "name") as string;
    const path = resolve("xl/workbook.xml", wbRels.get(attr(m[1], "r:id") as string) as string);
    const xml = await text(path);
    const cells: { row: number; col: number; formula: string }[] = [];
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const body = c[2] ?? "";
      const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body);
      if (!f || /<v[\s>/]/.test(body)) continue;
      const ref = /^([A-Z]+)(\d+)$/.exec(attr(c[1], "r") as string)!;
      cells.push({ row: Number(ref[2]), col: columnIndex(ref[1]), formula: decode(f[1]) });
    }
    probe.uncached.set(name, cells);
    const relsPath = path.replace(/([^/]+)$/, "_rels/$1.rels");
    const tables = new Map<string, string[]>();
    for (const [, target] of relsOf(await text(relsPath))) {
      if (!/tables\//.test(target)) continue;
      const t = await text(resolve(path, target));
      const head = /<table\b([^>]*)>/.exec(t);
      if (!head) continue;
      const tname = attr(head[1], "displayName") ?? attr(head[1], "name") ?? "";
      const cols = [...t.matchAll(/<tableColumn\b([^>]*?)\/?>/g)].map((x) => attr(x[1], "name") ?? "");
      tables.set(tname.toLowerCase(), cols);
    }
    probe.tableColumns.set(name, tables);
  }
  return probe;
}

/** The file host, plus what the probe reads from the package. */
export class ProbeHost extends XlsxHost {
  private probe: Probe | null = null;
  /** Hand RawTable.columns (else the reader falls back to the header cells' text). */
  private withColumns = true;

  static async open(bytes: Uint8Array, options: { tableColumns?: boolean } = {}): Promise<ProbeHost> {
    const base = await XlsxHost.fromBuffer(bytes);
    const host = new ProbeHost(base.workbook);
    host.probe = await probeXlsx(bytes);
    host.withColumns = options.tableColumns ?? true;
    return host;
  }

  override async readWorkbook(): Promise<RawWorkbook> {
    const raw = await super.readWorkbook();
    const probe = this.probe;
    if (!probe) return raw;
    raw.date1904 = probe.date1904;
    for (const sheet of raw.sheets) {
      const tables = probe.tableColumns.get(sheet.name);
      for (const t of sheet.tables) {
        const cols = tables?.get(t.name.toLowerCase());
        if (cols && this.withColumns) t.columns = cols;
      }
      for (const u of probe.uncached.get(sheet.name) ?? []) {
        const row = sheet.values[u.row - sheet.originRow];
        const i = u.col - sheet.originCol;
        if (!row || i < 0 || i >= row.length) {
          throw new Error(
            `cella con formula senza valore fuori dall'area letta: ${sheet.name} ${u.row},${u.col}`,
          );
        }
        row[i] = { uncachedFormula: u.formula };
      }
    }
    return raw;
  }
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
  const host = await ProbeHost.open(fuzz.bytes, { tableColumns: fuzz.seed % 3 !== 0 });
  const result = await new SchedaService(host, { today: () => TODAY }).rollup();
  if (!result.rollups) {
    throw new Error(
      `seed ${fuzz.seed}: rollup bloccato: ${result.check.blocking.map((p) => p.message).join(" | ")}`,
    );
  }
  return {
    fuzz,
    bytes: await host.toBuffer(),
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
  for (const c of cells) {
    if (c.col !== 1 || c.content.kind !== "text") continue;
    if (c.style === "groupTitle") grouping++;
    else if (c.style === "gruppo") labels.set(c.row, { grouping, gruppo: c.content.text });
  }
  for (const c of cells) {
    if (c.content.kind !== "formula") continue;
    const label = labels.get(c.row);
    let explained = false;
    if (label) {
      const keys = groupKeysOf.get(GROUPINGS[label.grouping].key) ?? new Set<string>();
      explained = keys.has("*") || groupCriteriaKeys(label.gruppo).some((k) => keys.has(foldKey(k)));
    }
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
