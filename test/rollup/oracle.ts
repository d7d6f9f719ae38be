// Independent-engine harness: reads the cells of an .xlsx straight from its XML (exceljs drops a
// cached result of 0 when it reads, so it cannot tell 0 from "no result"), and compares the
// formula cells LibreOffice recalculated with the TypeScript values of a RollupWritePlan.
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
// jszip comes with exceljs (tests only).
import JSZip from "jszip";
import { columnLetter } from "../../src/domain/model/raw";
import type { RollupWritePlan } from "../../src/domain/model/sheet";
import { cleanup, convertWithLibreOffice } from "../helpers/libreoffice";

export type XValue = number | string | boolean | { error: string } | null;
export interface XCell {
  formula: string | null;
  value: XValue;
  style: string | null;
}
export type XBook = Map<string, Map<string, XCell>>;

function decode(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decode(m[1]) : null;
}

/** Every cell of every sheet: formula text (without "="), cached value, style index. */
export async function readXlsxCells(bytes: Uint8Array | Buffer): Promise<XBook> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const wbXml = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const relTarget = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], "Id");
    const target = attr(m[1], "Target");
    if (id && target) relTarget.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  const shared: string[] = [];
  const sst = await text("xl/sharedStrings.xml");
  for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    shared.push([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => decode(t[1])).join(""));
  }
  const book: XBook = new Map();
  for (const m of wbXml.matchAll(/<sheet\b([^>]*)\/>/g)) {
    const name = attr(m[1], "name") as string;
    const rid = attr(m[1], "r:id") as string;
    const xml = await text("xl/" + relTarget.get(rid));
    const cells = new Map<string, XCell>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const a = c[1];
      const body = c[2] ?? "";
      const ref = attr(a, "r") as string;
      const t = attr(a, "t");
      const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body);
      const v = /<v>([\s\S]*?)<\/v>/.exec(body);
      const is = /<is>([\s\S]*?)<\/is>/.exec(body);
      let value: XValue = null;
      if (t === "s" && v) value = shared[Number(v[1])];
      else if (t === "str") value = v ? decode(v[1]) : "";
      else if (t === "inlineStr" && is)
        value = [...is[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((x) => decode(x[1])).join("");
      else if (t === "b" && v) value = v[1] === "1";
      else if (t === "e" && v) value = { error: decode(v[1]) };
      else if (v) value = Number(v[1]);
      cells.set(ref, { formula: f ? decode(f[1]) : null, value, style: attr(a, "s") });
    }
    book.set(name, cells);
  }
  return book;
}

/** LibreOffice recalculates every formula (fresh profile, see tooling.md); returns the new cells. */
export async function recalcWithLibreOffice(bytes: Uint8Array): Promise<XBook> {
  const dir = mkdtempSync(join(tmpdir(), "scheda-rollup-"));
  const input = join(dir, "piano.xlsx");
  writeFileSync(input, bytes);
  const { outDir, output } = await convertWithLibreOffice(input, "xlsx");
  try {
    return await readXlsxCells(readFileSync(output));
  } finally {
    cleanup(outDir.replace(/\/out$/, ""));
    cleanup(dir);
  }
}

export interface Expected {
  sheet: string;
  address: string;
  value: number | string | null;
  what: string;
}

/** Every formula cell of a write plan with the TypeScript value it must show. */
export function expectedCells(plan: RollupWritePlan): Expected[] {
  const out: Expected[] = [];
  for (const t of plan.computed) {
    for (const c of t.columns) {
      c.results.forEach((v, i) =>
        out.push({
          sheet: t.sheet,
          address: `${columnLetter(c.col)}${t.firstRow + i}`,
          value: v,
          what: c.header,
        }),
      );
    }
  }
  for (const cell of plan.riepilogo.cells) {
    if (cell.content.kind === "formula") {
      const r = cell.content.result;
      out.push({
        sheet: plan.riepilogo.name,
        address: `${columnLetter(cell.col)}${cell.row}`,
        value: typeof r === "boolean" ? (r ? 1 : 0) : r,
        what: `Riepilogo ${cell.content.formula.slice(0, 40)}`,
      });
    }
  }
  return out;
}

/** Mismatches between the cells of `book` and the expected values (numbers within tol). */
export function compareCells(book: XBook, expected: Expected[], tol = 1e-6): string[] {
  const bad: string[] = [];
  for (const e of expected) {
    const cell = book.get(e.sheet)?.get(e.address);
    const got = cell?.value ?? null;
    const want = e.value === null ? "" : e.value;
    let ok: boolean;
    if (!cell?.formula) ok = false;
    else if (typeof want === "number") ok = typeof got === "number" && Math.abs(got - want) <= tol;
    else ok = (got === null ? "" : got) === want;
    if (!ok) {
      bad.push(
        `${e.sheet}!${e.address} (${e.what}): atteso ${JSON.stringify(want)}, trovato ${JSON.stringify(got)}` +
          (cell?.formula ? "" : " (nessuna formula)"),
      );
    }
  }
  return bad;
}
