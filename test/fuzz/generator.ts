// Seeded random plans with dirty values, written to .xlsx with exceljs: codes and group labels with
// spaces, NBSP, tabs, wildcards, leading operators, numeric-looking and numeric codes, long labels
// sharing their first 125 characters; headers with trailing spaces, NBSP, apostrophe variants; numbers
// and dates typed as text, percent-formatted numbers; Parametri as numbers, percent cells, text in
// every accepted and rejected form; formula cells with and without a cached value; error cells;
// keyless rows; tables and plain ranges; 1900 and 1904 date systems.
//
// Each case lists the cells whose problem the reader must report (`dirty`), and the cells whose
// reported problem explains a difference between the live formulas and the TypeScript although it is
// not a FORMULA_* rule (`numericInvalid`: a number the reader rejects but a formula still reads, e.g. a
// date in Avanzamento).
import ExcelJS from "exceljs";
import type { RuleCode } from "../../src/domain/rules/problems";
import { columnLetter } from "../../src/domain/model/raw";
import { PARAMETRI } from "../../src/domain/model/schema";
import { rng } from "../rollup/generator";

/** A cell as the generator writes it. */
type Value =
  string | number | Date | null | { formula: string; result?: number | string } | { error: string };

interface Spec {
  v: Value;
  fmt?: string;
  /** The rule the reader must report at this cell. */
  rule?: RuleCode;
  /** A number the reader rejects (its problem explains a difference: formulas read numbers). */
  numericInvalid?: boolean;
  /**
   * A number in a Peso/Avanzamento column: percent-formatted or not. The formulas read the column ×100
   * when most of its numbers are percent-formatted; the others get FORMULA_DIFFERS (set when written).
   */
  pct?: boolean;
}

export interface DirtyCell {
  sheet: string;
  cell: string;
  rule: RuleCode;
}

export interface FuzzCase {
  seed: number;
  bytes: Uint8Array;
  date1904: boolean;
  dirty: DirtyCell[];
  numericInvalid: Set<string>;
  /** What the case exercises, for messages. */
  features: string[];
  /**
   * No input cell the formulas read differently (no FORMULA_DIFFERS / FORMULA_NO_VALUE / rejected
   * number in the data sheets): every computed cell must agree, none may be excused.
   */
  strict: boolean;
}

const DAY = 86400000;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
/** Serial of a date in the workbook's date system. */
const serialOf = (d: Date, date1904: boolean) => d.getTime() / DAY + 25569 - (date1904 ? 1462 : 0);

const LONG = "Migliorare la qualità dei servizi educativi e sociali per le famiglie del territorio comunale ";
const LONG_A = `${LONG}${"x".repeat(40)} (A)`; // first 125 characters shared with LONG_B
const LONG_B = `${LONG}${"x".repeat(40)} (B)`;

export function generateCase(seed: number): Promise<FuzzCase> {
  const r = rng(seed * 7919 + 13);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const date1904 = chance(0.25);
  const strict = chance(0.5);
  const features: string[] = date1904 ? ["1904"] : [];
  if (strict) features.push("strict");
  const asSerial = (d: Date): Spec => ({ v: serialOf(d, date1904), fmt: "General" });

  // Header variants (the reader matches them; structured references must use the real names).
  const header = (h: string): string => {
    if (!chance(0.3)) return h;
    const accented = /[àèéìòù]/.test(h);
    const variant = pick([
      `${h} `,
      `${h}\u00a0`,
      h.toUpperCase(),
      h.replace(" ", "  "),
      ` ${h}`,
      accented ? h.normalize("NFD").replace(/[\u0300-\u036f]/g, "") + "'" : `${h} `,
    ]);
    features.push(`header ${JSON.stringify(variant)}`);
    return variant;
  };

  // ------------------------------------------------------------------ objectives and their codes
  const codePool: (string | number)[] = [
    "OB1",
    "OB2",
    "A*1",
    "B?2",
    "C~3",
    "=D4",
    "<>E5",
    ">6",
    "<7",
    "01",
    1,
    "Ob 8",
    "ob\u00a09",
    "OB10 ",
    " OB11",
    "X\tY",
    "Città",
    "2",
    12,
    LONG_A,
    LONG_B,
  ];
  const nOb = 3 + Math.floor(r() * 6);
  const codes: (string | number)[] = [];
  for (let i = 0; i < nOb; i++) {
    // Mostly distinct codes; sometimes the same key written differently (a CODE_DUPLICATE).
    const c = chance(0.1) && codes.length > 0 ? variantOf(pick(codes)) : pick(codePool);
    codes.push(typeof c === "string" && codes.includes(c) ? `${c}_${i}` : c);
  }
  function variantOf(code: string | number): string | number {
    if (typeof code === "number") return pick([code, String(code), ` ${code}`]);
    return pick([
      code,
      code.toLowerCase(),
      code.toUpperCase(),
      `${code} `,
      `${code}\u00a0`,
      `\t${code}`,
      code.replace(/ /g, "  "),
      /^\d+$/.test(code) ? Number(code) : code,
    ]);
  }

  const groupPool: (string | number | null)[] = [
    "Servizi Sociali",
    "SERVIZI SOCIALI ",
    "Servizi\u00a0Sociali",
    "servizi  sociali",
    "Cultura",
    "Cultura*",
    "Cultura?",
    "~Scuola",
    "=Uff",
    "<>Uff",
    "Uff",
    ">5",
    2023,
    "2023",
    "01",
    1,
    "(non indicato)",
    "(NON INDICATO) ",
    null,
    "   ",
    LONG_A,
    LONG_B,
    "Città",
    "CITTÀ",
  ];
  const group = (required: boolean): Spec => {
    if (chance(0.04)) return { v: { formula: '"Cul"&"tura"' }, rule: "FORMULA_NO_VALUE" };
    const g = pick(groupPool);
    return { v: g === null && required && chance(0.5) ? "Servizi Sociali" : g };
  };
  // Some Peso/Avanzamento columns are percent-formatted throughout (read ×100 by the formulas too),
  // with the odd plain number; elsewhere a percent-formatted number is the odd one.
  const pctShare = () => (chance(0.3) ? 0.85 : 0.08);
  const number = (x: number, share: number): Spec =>
    chance(share) ? { v: x / 100, fmt: pick(["0%", "0.00%"]), pct: true } : { v: x, pct: false };
  const pesoShare = { obiettivo: pctShare(), fase: pctShare(), indicatore: pctShare() };
  const avanzamentoShare = pctShare();
  const peso = (kind: "obiettivo" | "fase" | "indicatore"): Spec => {
    const x = chance(0.15) ? 0 : kind === "fase" ? round2(5 + r() * 45) : 1 + Math.floor(r() * 9);
    const p = r();
    if (p < 0.45) return number(x, pesoShare[kind]);
    if (p < 0.6) return { v: null };
    if (p < 0.67) return number(x, pesoShare[kind]);
    if (p < 0.74) return { v: String(x).replace(".", ","), rule: "FORMULA_DIFFERS" };
    if (p < 0.78) return { v: "abc", rule: "NUMBER_INVALID" };
    if (p < 0.82) return { v: { formula: `${x}+0` }, rule: "FORMULA_NO_VALUE" };
    if (p < 0.88) return { v: { formula: `${x}*1`, result: x }, pct: false };
    if (p < 0.92) return { v: { error: "#N/A" }, rule: "CELL_ERROR" };
    return number(x, pesoShare[kind]);
  };
  const avanzamento = (): Spec => {
    const x = pick([0, 100, 100, 50, round2(r() * 100)]);
    const p = r();
    if (p < 0.5) return number(x, avanzamentoShare);
    if (p < 0.6) return { v: null };
    if (p < 0.67) return number(x, avanzamentoShare);
    if (p < 0.73)
      return { v: `${String(x).replace(".", ",")}${chance(0.5) ? "%" : ""}`, rule: "FORMULA_DIFFERS" };
    if (p < 0.77) return { v: { formula: `${x}+0` }, rule: "FORMULA_NO_VALUE" };
    if (p < 0.82) return { v: { formula: `${x}*1`, result: x }, pct: false };
    if (p < 0.85) return { v: utc(2023, 3, 1), rule: "NUMBER_INVALID", numericInvalid: true };
    if (p < 0.88) return { v: "tanto", rule: "NUMBER_INVALID" };
    return number(x, avanzamentoShare);
  };
  // The Nucleo's grade (Grado Finale reads it): mostly empty, numbers (percent-formatted too, out of
  // range too) and the dirty cells the reader reports.
  const validatoShare = pctShare();
  const validato = (): Spec => {
    const p = r();
    if (p < 0.5) return { v: null };
    const x = pick([0, 100, 90, 70, 105, round2(r() * 100)]);
    if (p < 0.8) return number(x, validatoShare);
    if (p < 0.85) return { v: String(x).replace(".", ","), rule: "FORMULA_DIFFERS" };
    if (p < 0.88) return { v: "novanta", rule: "NUMBER_INVALID" };
    if (p < 0.91) return { v: { formula: `${x}+0` }, rule: "FORMULA_NO_VALUE" };
    if (p < 0.94) return { v: { error: "#N/A" }, rule: "CELL_ERROR" };
    return number(x, validatoShare);
  };
  const date = (d: Date | null, allowDirty: boolean): Spec => {
    if (d === null) return { v: null };
    const p = allowDirty ? r() : 0;
    if (p < 0.6) return { v: d, fmt: "dd/mm/yyyy" };
    if (p < 0.7) return asSerial(d);
    if (p < 0.77) {
      const text = `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
      return { v: chance(0.5) ? text : d.toISOString().slice(0, 10), rule: "FORMULA_DIFFERS" };
    }
    if (p < 0.81) return { v: "32/13/2023", rule: "DATE_INVALID" };
    if (p < 0.85)
      return {
        v: { formula: `DATE(${d.getUTCFullYear()},${d.getUTCMonth() + 1},${d.getUTCDate()})` },
        fmt: "dd/mm/yyyy",
        rule: "FORMULA_NO_VALUE",
      };
    if (p < 0.88) return { v: -5, rule: "DATE_INVALID", numericInvalid: true };
    return { v: d, fmt: "dd/mm/yyyy" };
  };
  const value = (): Spec => {
    const x = pick([0, -5, 100, round2(1 + r() * 200), round2(r() * 250)]);
    const p = r();
    if (p < 0.6) return { v: x };
    if (p < 0.7) return { v: null };
    if (p < 0.76) return { v: String(x).replace(".", ","), rule: "FORMULA_DIFFERS" };
    if (p < 0.8) return { v: pick(["si", "no", "Sì"]), rule: "FORMULA_DIFFERS" };
    if (p < 0.84) return { v: { formula: `${x}+0` }, rule: "FORMULA_NO_VALUE" };
    if (p < 0.88) return { v: { formula: `${x}*1`, result: x } };
    if (p < 0.91) return { v: utc(2023, 1 + Math.floor(r() * 12), 10) };
    return { v: x };
  };

  // Obiettivi rows
  const OB_HEADERS = [
    "Codice",
    "Titolo",
    "Assessorato",
    "Centro di Responsabilità",
    "Responsabile",
    "Valore Pubblico",
    "Obiettivo di Mandato",
    "Obiettivo di Missione",
    "Obiettivo di Programma",
    "Peso",
    "Grado Validato %",
    "Motivazione Validazione",
  ];
  const dropObPeso = chance(0.2);
  const dropAss = chance(0.15);
  const dropValidato = chance(0.3);
  const obHeaders = OB_HEADERS.filter(
    (h) =>
      !(h === "Peso" && dropObPeso) &&
      !(h === "Assessorato" && dropAss) &&
      !(dropValidato && (h === "Grado Validato %" || h === "Motivazione Validazione")),
  );
  const obRows: Record<string, Spec>[] = [];
  codes.forEach((code, i) => {
    let codice: Spec = { v: code };
    if (chance(0.05)) codice = { v: { formula: `"OB"&"${90 + i}"` }, rule: "FORMULA_NO_VALUE" };
    else if (chance(0.04)) codice = { v: { formula: `"OB"&"${80 + i}"`, result: `OB${80 + i}` } };
    obRows.push({
      Codice: codice,
      Titolo: { v: `Obiettivo ${i + 1}` },
      Assessorato: group(false),
      "Centro di Responsabilità": group(true),
      Responsabile: { v: "Rossi" },
      "Valore Pubblico": group(false),
      "Obiettivo di Mandato": group(false),
      "Obiettivo di Missione": group(false),
      "Obiettivo di Programma": group(false),
      Peso: peso("obiettivo"),
      "Grado Validato %": validato(),
      "Motivazione Validazione": { v: chance(0.8) ? "Verbale del Nucleo" : null },
    });
  });
  // Keyless rows with values: REQUIRED / CELL_ERROR, no rollup anywhere.
  if (chance(0.3))
    obRows.push({
      Codice: { v: pick([null, "  ", "\u00a0"]) },
      Titolo: { v: "Senza codice" },
      "Centro di Responsabilità": { v: "Cultura" },
      Peso: { v: 5, pct: false },
    });
  if (chance(0.2))
    obRows.push({ Codice: { v: { error: "#REF!" } }, Titolo: { v: "Errore" }, Peso: { v: 3, pct: false } });

  // Fasi and Indicatori rows
  const refTo = (i: number): Spec => {
    if (chance(0.04)) return { v: { formula: `"OB"&"1"` }, rule: "FORMULA_NO_VALUE" };
    if (chance(0.04)) return { v: "ZZ9" };
    return { v: variantOf(codes[i]) };
  };
  const faRows: Record<string, Spec>[] = [];
  const inRows: Record<string, Spec>[] = [];
  for (let i = 0; i < codes.length; i++) {
    const nF = Math.floor(r() * 5);
    for (let k = 0; k < nF; k++) {
      const fp = chance(0.9) ? utc(2023, 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)) : null;
      const fe = fp && chance(0.5) ? new Date(fp.getTime() + Math.round((r() - 0.5) * 40) * DAY) : null;
      faRows.push({
        Obiettivo: refTo(i),
        Fase: { v: `Fase ${k + 1}` },
        "Inizio Previsto": { v: utc(2023, 1, 1), fmt: "dd/mm/yyyy" },
        "Fine Prevista": date(fp, true),
        "Fine Effettiva": date(fe, true),
        Peso: peso("fase"),
        Avanzamento: avanzamento(),
        Note: { v: chance(0.2) ? "nota" : null },
      });
    }
    const nI = Math.floor(r() * 4);
    for (let k = 0; k < nI; k++) {
      inRows.push({
        Obiettivo: refTo(i),
        Descrizione: { v: `Indicatore ${k + 1}` },
        Tipo: { v: "EFFICACIA" },
        Polarità: {
          v: pick([
            null,
            "Crescente",
            "Decrescente",
            "decrescente ",
            "Decrescente\u00a0",
            " DECRESCENTE",
            "\tDecrescente",
            "De crescente",
            "Decrescente\u2003",
          ]),
        },
        "Valore Atteso": value(),
        "Valore Raggiunto": value(),
        Peso: peso("indicatore"),
      });
    }
  }
  if (chance(0.4)) faRows.splice(Math.floor(faRows.length / 2), 0, {}); // a blank row
  if (chance(0.3))
    faRows.push({
      Obiettivo: { v: null },
      Fase: { v: "orfana" },
      Peso: { v: 50, pct: false },
      Avanzamento: { v: 20, pct: false },
    });

  // ------------------------------------------------------------------ Parametri
  const param: Partial<Record<string, Spec>> = {
    anno: pick<Spec>([
      { v: 2023 },
      { v: 2023 },
      { v: "2023" },
      { v: " 2023 " },
      { v: "2023,0", rule: "PARAM_INVALID" },
      { v: null },
      { v: 1800, rule: "PARAM_INVALID" },
      { v: { formula: "2000+23" }, rule: "FORMULA_NO_VALUE" },
    ]),
    dataRiferimento: pick<Spec>([
      { v: utc(2023, 6, 30), fmt: "dd/mm/yyyy" },
      { v: utc(2023, 12, 31), fmt: "dd/mm/yyyy" },
      { v: null },
      { v: "30/06/2023" },
      { v: "2023-09-15" },
      { v: "15.03.2023" },
      { v: "1/7/2023", rule: "PARAM_INVALID" },
      { v: "31/02/2023", rule: "PARAM_INVALID" },
      { v: "domani", rule: "PARAM_INVALID" },
      asSerial(utc(2023, 4, 15)),
      { v: { formula: "DATE(2023,9,30)" }, fmt: "dd/mm/yyyy", rule: "FORMULA_NO_VALUE" },
    ]),
    pesoFasiNelGrado: pick<Spec>([
      { v: 50 },
      { v: 0 },
      { v: 100 },
      { v: 30 },
      { v: 0.65, fmt: "0%" },
      { v: "40" },
      { v: "40%" },
      { v: "62,5" },
      { v: " 70 " },
      { v: "abc", rule: "PARAM_INVALID" },
      { v: 150, rule: "PARAM_INVALID" },
      { v: null },
      { v: { formula: "30+10" }, rule: "FORMULA_NO_VALUE" },
    ]),
    sogliaRaggiunto: pick<Spec>([
      { v: 90 },
      { v: 80 },
      { v: 75.5 },
      { v: 0.8, fmt: "0%" },
      { v: 0.755, fmt: "0.0%" },
      { v: "85" },
      { v: "85%" },
      { v: "x85", rule: "PARAM_INVALID" },
      { v: null },
      { v: 120, rule: "PARAM_INVALID" },
      { v: { formula: "80+5" }, rule: "FORMULA_NO_VALUE" },
    ]),
    sogliaParzialmente: pick<Spec>([
      { v: 70 },
      { v: 60 },
      { v: 50 },
      { v: 95 },
      { v: 0.6, fmt: "0%" },
      { v: "55" },
      { v: "55,5 %" },
      { v: null },
      { v: { formula: "50+5" }, rule: "FORMULA_NO_VALUE" },
    ]),
    formulaDecrescente: pick<Spec>([
      { v: "T/A" },
      { v: "2T-A" },
      { v: "2t - a" },
      { v: "2T-A\u00a0" },
      { v: "2T\u2013A" },
      { v: "x", rule: "PARAM_INVALID" },
      { v: null },
      { v: { formula: '"2T"&"-A"' }, rule: "FORMULA_NO_VALUE" },
    ]),
  };

  // ------------------------------------------------------------------ writing
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const dirty: DirtyCell[] = [];
  const numericInvalid = new Set<string>();

  const sheetOf = (
    name: string,
    table: string,
    headers: string[],
    rows: Record<string, Spec>[],
    asTable: boolean,
  ) => {
    const ws = wb.addWorksheet(name);
    const shown = headers.map(header);
    const top = !asTable && chance(0.3) ? 3 : 1; // a title and a blank row above a plain range
    if (top > 1) ws.getCell(1, 1).value = `Elenco ${name}`;
    if (asTable) {
      ws.addTable({
        name: table,
        ref: `A${top}`,
        headerRow: true,
        columns: shown.map((n) => ({ name: n, filterButton: true })),
        rows: rows.length > 0 ? rows.map(() => shown.map(() => null)) : [shown.map(() => null)],
      });
    } else {
      shown.forEach((h, i) => (ws.getCell(top, i + 1).value = h));
    }
    // Percent columns: the majority of their numbers decides how the formulas read the column.
    for (const h of headers) {
      const nums = rows.map((row) => row[h]?.pct).filter((x): x is boolean => x !== undefined);
      const percent = nums.filter((x) => x).length > nums.filter((x) => !x).length;
      if (percent && nums.length > 0) features.push(`${name}.${h} in percentuale`);
      for (const row of rows) {
        const spec = row[h];
        if (spec?.pct !== undefined && spec.pct !== percent) row[h] = { ...spec, rule: "FORMULA_DIFFERS" };
      }
    }
    rows.forEach((row, n) => {
      headers.forEach((h, i) => {
        let spec = row[h];
        if (!spec) return;
        // A strict case keeps only what the formulas reproduce exactly (Parametri always do).
        const excused =
          spec.numericInvalid || spec.rule === "FORMULA_DIFFERS" || spec.rule === "FORMULA_NO_VALUE";
        if (strict && name !== "Parametri" && excused) spec = { v: null };
        const cell = ws.getCell(top + 1 + n, i + 1);
        cell.value = spec.v as ExcelJS.CellValue;
        if (spec.fmt) cell.numFmt = spec.fmt;
        const address = `${name}!${columnLetter(i + 1)}${top + 1 + n}`;
        if (spec.rule) dirty.push({ sheet: name, cell: address, rule: spec.rule });
        if (spec.numericInvalid) numericInvalid.add(address);
      });
    });
  };

  const tables = chance(0.8);
  if (!tables) features.push("plain ranges");
  const parRows = PARAMETRI.map((p) => ({
    Parametro: { v: p.label },
    Valore: param[p.key] ?? { v: p.key === "ente" ? "Comune di Prova" : null },
  }));
  sheetOf("Parametri", "tblParametri", ["Parametro", "Valore"], parRows, chance(0.8));
  sheetOf("Obiettivi", "tblObiettivi", obHeaders, obRows, tables || chance(0.3));
  sheetOf(
    "Fasi",
    "tblFasi",
    [
      "Obiettivo",
      "Fase",
      "Inizio Previsto",
      "Fine Prevista",
      "Inizio Effettivo",
      "Fine Effettiva",
      "Peso",
      "Avanzamento",
      "Note",
    ],
    faRows,
    tables || chance(0.3),
  );
  sheetOf(
    "Indicatori",
    "tblIndicatori",
    ["Obiettivo", "Descrizione", "Tipo", "Polarità", "Valore Atteso", "Valore Raggiunto", "Peso"],
    inRows,
    tables || chance(0.3),
  );
  return wb.xlsx.writeBuffer().then((buf) => ({
    seed,
    bytes: new Uint8Array(buf as ArrayBuffer),
    date1904,
    dirty,
    numericInvalid,
    features,
    strict,
  }));
}
