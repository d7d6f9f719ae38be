// The Parametri sheet: each key read the way the workbook names read it, with the defaults (docs/reference/workbook.md#parametri).
import { problemMessages } from "../messages";
import { formatIt, type IsoDate } from "../model/dates";
import type { Fase, FormulaDecrescente, Parametri, ParametriLayout } from "../model/model";
import { mostCommonYear } from "../model/model";
import { cellAddress, isUncachedFormula, type RawValue, type RawWorkbook } from "../model/raw";
import {
  PARAMETRI,
  PARAMETRI_COLUMNS,
  SHEETS,
  TABLES,
  type ColumnDef,
  type ParametroKey,
} from "../model/schema";
import { type RuleCode } from "../rules/problems";
import { Collector, Grid, findSheet, textName } from "./grid";
import { HeaderMatcher, headerText, normalizeHeader } from "./headers";
import { findHeader } from "./layout";
import { parseParamDate, parseParamNumber, parseParamYear } from "./paramText";
import { describeValue, numberToItText, readDate, readNumber, readText, type CellRead } from "./values";

// ---------------------------------------------------------------------------------------------
// Parametri
// ---------------------------------------------------------------------------------------------

interface ParamCell {
  row: number;
  col: number;
  value: RawValue;
  format: string | undefined;
}

const PARAM_BY_LABEL = new Map(PARAMETRI.map((p) => [normalizeHeader(p.label), p]));

function paramOf(label: RawValue) {
  const text = normalizeHeader(headerText(label)).replace(/\s*:$/, "");
  return text === "" ? undefined : PARAM_BY_LABEL.get(text);
}

export function defaultText(key: ParametroKey): string {
  return PARAMETRI.find((p) => p.key === key)?.defaultText ?? "";
}

/** Finds the parameter value cells: table/header row Parametro | Valore, else any label with its value at its right. */
function locateParametri(
  grid: Grid,
  out: Collector,
): { layout: ParametriLayout; cells: Map<ParametroKey, ParamCell> } {
  type PK = "parametro" | "valore";
  const defs: ColumnDef<PK>[] = [
    { key: "parametro", header: PARAMETRI_COLUMNS.key, kind: "text", required: true },
    { key: "valore", header: PARAMETRI_COLUMNS.value, kind: "text", required: true },
  ];
  const matcher = new HeaderMatcher(defs, false);
  const cand = findHeader(grid, matcher, TABLES.parametri);
  const layout: ParametriLayout = { sheet: grid.name, table: null, cells: {} };
  const cells = new Map<ParametroKey, ParamCell>();

  const take = (row: number, keyCol: number, valueCol: number) => {
    const p = paramOf(grid.value(row, keyCol));
    if (!p) return;
    const seen = cells.get(p.key);
    if (seen) {
      out.add(
        "PARAM_INVALID",
        grid.name,
        row,
        PARAMETRI_COLUMNS.value,
        valueCol,
        null,
        problemMessages.PARAM_INVALID_REPEATED(p.label, cellAddress(grid.name, seen.row, seen.col)),
      );
      return;
    }
    const value = grid.value(row, valueCol);
    const format = grid.format(row, valueCol);
    cells.set(p.key, { row, col: valueCol, value, format });
    layout.cells[p.key] = { row, col: valueCol };
    if (format !== undefined) layout.cells[p.key]!.numberFormat = format;
    if (isUncachedFormula(value)) layout.cells[p.key]!.uncached = true;
  };

  if (cand.complete) {
    let keyCol = 0;
    let valueCol = 0;
    for (let c = cand.firstCol; c <= cand.lastCol; c++) {
      const m = matcher.match(headerText(grid.value(cand.headerRow, c)));
      if (m?.kind !== "field") continue;
      if (m.key === "parametro" && keyCol === 0) keyCol = c;
      if (m.key === "valore" && valueCol === 0) valueCol = c;
    }
    layout.table = cand.table ? textName(cand.table.name) : null;
    const lastRow = Math.min(cand.table ? cand.table.lastRow : grid.lastRow, grid.lastRow);
    for (let r = cand.headerRow + 1; r <= lastRow; r++) take(r, keyCol, valueCol);
  } else {
    for (let r = grid.firstRow; r <= grid.lastRow; r++) {
      for (let c = grid.firstCol; c <= grid.lastCol; c++) take(r, c, c + 1);
    }
  }
  return { layout, cells };
}

export function readParametri(
  wb: RawWorkbook,
  fasi: Fase[],
  today: IsoDate,
  out: Collector,
): { parametri: Parametri; layout: ParametriLayout | null } {
  const grid = findSheet(wb, SHEETS.parametri);
  const located = grid ? locateParametri(grid, out) : null;
  const cells = located?.cells ?? new Map<ParametroKey, ParamCell>();
  const sheet = grid?.name ?? SHEETS.parametri;
  const column = PARAMETRI_COLUMNS.value;

  const date1904 = grid?.date1904 ?? false;

  const report = (cell: ParamCell, rule: RuleCode, message: string) => {
    out.add(rule, sheet, cell.row, column, cell.col, null, message);
    out.brokenCells.add(cellAddress(sheet, cell.row, cell.col));
  };
  /**
   * Reads a parameter cell; error values and formulas without a value are reported here and read as
   * empty (the workbook names then use the default too, see parameterNames in ./formulas.ts).
   */
  const read = <T>(key: ParametroKey, reader: (c: ParamCell) => CellRead<T>) => {
    const cell = cells.get(key);
    if (!cell) return { cell: null, read: { status: "empty" } as CellRead<T> };
    const r = reader(cell);
    if (r.status === "invalid" && (r.rule === "CELL_ERROR" || r.rule === "FORMULA_NO_VALUE")) {
      report(
        cell,
        r.rule,
        r.rule === "CELL_ERROR"
          ? problemMessages.CELL_ERROR(column, r.found)
          : problemMessages.FORMULA_NO_VALUE(column, r.found),
      );
      return { cell, read: { status: "empty" } as CellRead<T> };
    }
    return { cell, read: r };
  };
  /** Text typed in a number or date parameter: only the forms the workbook names parse too. */
  const asText = <T>(c: ParamCell, parse: (t: string) => T | null, ifNumber: () => CellRead<T>) => {
    if (typeof c.value !== "string") return ifNumber();
    const t = readText(c.value);
    if (t.status !== "ok") return t as CellRead<T>;
    const v = parse(c.value);
    return v === null
      ? ({ status: "invalid", rule: "NUMBER_INVALID", found: t.value } as CellRead<T>)
      : { status: "ok" as const, value: v };
  };
  const text = (key: ParametroKey): string => {
    const { read: r } = read(key, (c) => readText(c.value, c.format, date1904));
    return r.status === "ok" ? r.value : defaultText(key);
  };
  const percent = (key: ParametroKey, label: string): number => {
    const fallback = Number(defaultText(key));
    const { cell, read: r } = read(key, (c) =>
      asText(c, parseParamNumber, () => readNumber(c.value, "percent", c.format, date1904)),
    );
    if (cell === null || r.status === "empty") return fallback;
    if (r.status === "ok" && r.value >= 0 && r.value <= 100) return r.value;
    report(
      cell,
      "PARAM_INVALID",
      problemMessages.PARAM_INVALID_PERCENT(label, describeValue(cell.value), numberToItText(fallback)),
    );
    return fallback;
  };

  const defaultAnno = mostCommonYear(fasi) ?? Number(today.slice(0, 4));
  let anno = defaultAnno;
  {
    // A date cell counts as its serial number, as the formula sees it (then it is hardly a year).
    const { cell, read: r } = read("anno", (c) =>
      asText(c, parseParamYear, () => readNumber(c.value, "number", c.format, date1904)),
    );
    if (cell !== null && r.status !== "empty") {
      const valid = r.status === "ok" && Number.isInteger(r.value) && r.value >= 1900 && r.value <= 9999;
      if (valid) anno = r.value;
      else
        report(
          cell,
          "PARAM_INVALID",
          problemMessages.PARAM_INVALID_ANNO(describeValue(cell.value), defaultAnno),
        );
    }
  }

  const defaultData = `${anno}-12-31`;
  let dataRiferimento: IsoDate = defaultData;
  {
    const { cell, read: r } = read("dataRiferimento", (c) =>
      asText(
        c,
        (t) => parseParamDate(t, date1904),
        () => readDate(c.value, date1904),
      ),
    );
    if (cell !== null && r.status === "ok") dataRiferimento = r.value;
    else if (cell !== null && r.status === "invalid") {
      report(
        cell,
        "PARAM_INVALID",
        problemMessages.PARAM_INVALID_DATE(describeValue(cell.value), formatIt(defaultData)),
      );
    }
  }

  const pesoFasiNelGrado = percent("pesoFasiNelGrado", "Peso fasi nel grado");
  const sogliaRaggiunto = percent("sogliaRaggiunto", "Soglia raggiunto");
  let sogliaParzialmente = percent("sogliaParzialmente", "Soglia parzialmente raggiunto");
  if (sogliaParzialmente > sogliaRaggiunto) {
    const used = Math.min(Number(defaultText("sogliaParzialmente")), sogliaRaggiunto);
    const cell = cells.get("sogliaParzialmente");
    if (cell) {
      report(
        cell,
        "PARAM_INVALID",
        problemMessages.PARAM_INVALID_THRESHOLDS(
          numberToItText(sogliaParzialmente),
          numberToItText(sogliaRaggiunto),
          numberToItText(used),
        ),
      );
    }
    sogliaParzialmente = used;
  }

  let formulaDecrescente: FormulaDecrescente = "T/A";
  {
    const { cell, read: r } = read("formulaDecrescente", (c) => readText(c.value, c.format, date1904));
    if (cell !== null && r.status === "ok") {
      // The spaces the workbook name removes too (pegFormulaDecrescente), and the dashes it maps; from
      // the cell's own text (readText would also trim spaces the formula keeps, such as U+2003).
      const f = (typeof cell.value === "string" ? cell.value : r.value)
        .replace(/[ \t\n\r\u00a0\u202f]/g, "")
        .replace(/[\u2212\u2013\u2014]/g, "-")
        .toUpperCase();
      if (f === "T/A" || f === "2T-A") formulaDecrescente = f;
      else report(cell, "PARAM_INVALID", problemMessages.PARAM_INVALID_FORMULA(describeValue(cell.value)));
    }
  }

  const splitList = (s: string) =>
    s
      .split(/[,;]/)
      .map((t) => t.trim())
      .filter((t) => t !== "");
  let tipiIndicatore = splitList(text("tipiIndicatore"));
  if (tipiIndicatore.length === 0) tipiIndicatore = splitList(defaultText("tipiIndicatore"));

  return {
    parametri: {
      ente: text("ente"),
      anno,
      vista: text("vista"),
      livello: text("livello"),
      dataRiferimento,
      pesoFasiNelGrado,
      sogliaRaggiunto,
      sogliaParzialmente,
      formulaDecrescente,
      tipiIndicatore,
    },
    layout: located ? { ...located.layout, defaultAnno } : null,
  };
}
