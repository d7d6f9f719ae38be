// docs/reference/workbook.md reading: raw sheets → typed Plan, with the reading rules of docs/reference/rules.md.
//
// Decisions the contract leaves open (documented here because other modules rely on them):
// - A row whose key (Obiettivi: Codice; Fasi, Indicatori: Obiettivo) is empty or broken is reported
//   (REQUIRED, or the cell's own problem) and left out of the plan: without a key it cannot belong to
//   anything. Only invalid cells of such a row are reported besides the key, not its other empty
//   required cells. An empty Titolo / Fase / Descrizione / Centro di Responsabilità / Responsabile
//   keeps the row, with "" as value, and is reported as REQUIRED.
// - When a required column is missing, the rows are still read if the key column is present (so the
//   other cells are checked); without the key column no row of that sheet is read.
// - COLUMN_DUPLICATE is reported for the known columns, the history years and the computed columns
//   (the headers the add-in reads or writes); repeated unknown headers are harmless and ignored.
// - In a plain range (no Excel table) the data ends at the last non-blank row of the used range; in a
//   table it ends at the table's last row.
// - Anno default: the most common year among Fine Prevista; on a tie the later year; no dates → the
//   year of `today`. Soglia parzialmente > Soglia raggiunto → PARAM_INVALID and Soglia parzialmente
//   falls back to its default, lowered to Soglia raggiunto when the default is still above it.
// - One truth with the live formulas (docs/reference/formulas.md): key columns (codes, group labels, Polarità) are read as
//   the formulas see them (./keys.ts); a formula cell saved without its value is FORMULA_NO_VALUE and
//   read as empty; a value the formulas read differently (a number or date typed as text, a
//   percent-formatted Peso/Avanzamento, a key the formulas turn into text by Excel's language) keeps
//   the tolerant reading and gets a FORMULA_DIFFERS warning; Parametri typed as text are accepted only
//   in the forms the workbook names can parse too (./paramText.ts); serials follow the workbook's date
//   system (1900 or 1904).
import { formatIt, type IsoDate } from "../model/dates";
import { HeaderMatcher, headerText, normalizeHeader } from "./headers";
import { problemMessages, rollupStrings } from "../messages";
import type {
  Fase,
  FormulaDecrescente,
  Indicatore,
  Obiettivo,
  Parametri,
  ParametriLayout,
  Plan,
  SheetLayout,
  ValoreStorico,
} from "../model/model";
import { parseParamDate, parseParamNumber, parseParamYear } from "./paramText";
import { RULES, type Problem, type RuleCode } from "../rules/problems";
import {
  cellAddress,
  isUncachedFormula,
  type RawSheet,
  type RawTable,
  type RawValue,
  type RawWorkbook,
} from "../model/raw";
import {
  COMPUTED_COLUMNS,
  FASI_COLUMNS,
  INDICATORI_COLUMNS,
  OBIETTIVI_COLUMNS,
  PARAMETRI,
  PARAMETRI_COLUMNS,
  SHEETS,
  TABLES,
  type ColumnDef,
  type FaseField,
  type IndicatoreField,
  type InputSheetKey,
  type ObiettivoField,
  type ParametroKey,
} from "../model/schema";
import {
  describeValue,
  numberToItText,
  isBlank,
  isDateFormat,
  isLocaleDependentKey,
  isPercentFormat,
  readByKind,
  readDate,
  readNumber,
  readText,
  toRawValue,
  type CellRead,
  type CellValue,
} from "./values";

export interface ReadOptions {
  /** Today, for the defaults of Anno and Data di riferimento. */
  today: IsoDate;
}

export interface ReadResult {
  plan: Plan;
  problems: Problem[];
  /** Addresses (e.g. `Fasi!G12`) of cells that yielded a problem and were read as empty. */
  brokenCells: Set<string>;
}

// ---------------------------------------------------------------------------------------------
// Sheet access
// ---------------------------------------------------------------------------------------------

const textName = (v: unknown): string => (typeof v === "string" ? v : "");

/** A raw sheet addressed by worksheet row and column. */
class Grid {
  readonly name: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  private readonly values: unknown[][];
  private readonly formats: unknown[][] | undefined;

  constructor(
    readonly sheet: RawSheet,
    readonly date1904 = false,
  ) {
    this.name = typeof sheet.name === "string" ? sheet.name : "";
    this.values = Array.isArray(sheet.values) ? sheet.values : [];
    this.formats = Array.isArray(sheet.numberFormats) ? sheet.numberFormats : undefined;
    this.firstRow = Number.isInteger(sheet.originRow) && sheet.originRow >= 1 ? sheet.originRow : 1;
    this.firstCol = Number.isInteger(sheet.originCol) && sheet.originCol >= 1 ? sheet.originCol : 1;
    let width = 0;
    for (const row of this.values) if (Array.isArray(row) && row.length > width) width = row.length;
    this.lastRow = this.firstRow + this.values.length - 1;
    this.lastCol = this.firstCol + width - 1;
  }

  /** The raw cells of a worksheet row (index 0 = column firstCol), or null outside the used range. */
  rowAt(row: number): unknown[] | null {
    const r = this.values[row - this.firstRow];
    return Array.isArray(r) ? r : null;
  }

  formatRowAt(row: number): unknown[] | null {
    const r = this.formats?.[row - this.firstRow];
    return Array.isArray(r) ? r : null;
  }

  value(row: number, col: number): RawValue {
    const r = this.values[row - this.firstRow];
    return Array.isArray(r) ? toRawValue(r[col - this.firstCol]) : null;
  }

  format(row: number, col: number): string | undefined {
    const r = this.formats?.[row - this.firstRow];
    const f = Array.isArray(r) ? r[col - this.firstCol] : undefined;
    return typeof f === "string" ? f : undefined;
  }

  isBlankRow(row: number, firstCol: number, lastCol: number): boolean {
    return this.isBlankCells(this.rowAt(row), firstCol, lastCol);
  }

  isBlankCells(r: unknown[] | null, firstCol: number, lastCol: number): boolean {
    if (r === null) return true;
    const from = Math.max(firstCol, this.firstCol);
    const to = Math.min(lastCol, this.lastCol);
    for (let c = from; c <= to; c++) if (!isBlank(r[c - this.firstCol])) return false;
    return true;
  }

  tables(): RawTable[] {
    const ts = Array.isArray(this.sheet.tables) ? this.sheet.tables : [];
    return ts.filter(
      (t) =>
        t !== null &&
        typeof t === "object" &&
        Number.isInteger(t.headerRow) &&
        Number.isInteger(t.firstCol) &&
        Number.isInteger(t.lastCol) &&
        Number.isInteger(t.lastRow) &&
        t.headerRow >= 1 &&
        t.firstCol >= 1 &&
        t.lastCol >= t.firstCol &&
        // Excel's limits: anything beyond is not a real table
        t.lastCol <= 16384 &&
        t.lastRow <= 1048576,
    );
  }
}

/** Problems and broken cells collected while reading. */
class Collector {
  readonly problems: Problem[] = [];
  readonly brokenCells = new Set<string>();

  add(
    rule: RuleCode,
    sheet: string,
    row: number | null,
    column: string | null,
    col: number | null,
    objective: string | null,
    message: string,
  ): void {
    this.problems.push({
      severity: RULES[rule],
      rule,
      sheet,
      row,
      column,
      cell: row !== null && col !== null ? cellAddress(sheet, row, col) : null,
      objective,
      message,
    });
  }

  /** Reports an unreadable cell (error value, not a number, not a date) and marks it broken. */
  invalidCell(
    read: Extract<CellRead<unknown>, { status: "invalid" }>,
    grid: Grid,
    row: number,
    col: number,
    column: string,
    objective: string | null,
    yesNoHint = false,
  ): void {
    const message =
      read.rule === "CELL_ERROR"
        ? problemMessages.CELL_ERROR(column, read.found)
        : read.rule === "FORMULA_NO_VALUE"
          ? problemMessages.FORMULA_NO_VALUE(column, read.found)
          : read.rule === "DATE_INVALID"
            ? problemMessages.DATE_INVALID(column, read.found)
            : yesNoHint
              ? problemMessages.NUMBER_INVALID_YES_NO(column, read.found)
              : problemMessages.NUMBER_INVALID(column, read.found);
    this.add(read.rule, grid.name, row, column, col, objective, message);
    this.brokenCells.add(cellAddress(grid.name, row, col));
  }
}

function findSheet(wb: RawWorkbook, name: string): Grid | null {
  const sheets = Array.isArray(wb?.sheets) ? wb.sheets.filter((s) => s && typeof s === "object") : [];
  const date1904 = wb.date1904 === true;
  const exact = sheets.find((s) => s.name === name);
  if (exact) return new Grid(exact, date1904);
  const wanted = normalizeHeader(name);
  const loose = sheets.find((s) => typeof s.name === "string" && normalizeHeader(s.name) === wanted);
  return loose ? new Grid(loose, date1904) : null;
}

// ---------------------------------------------------------------------------------------------
// Header row
// ---------------------------------------------------------------------------------------------

interface HeaderCandidate {
  headerRow: number;
  firstCol: number;
  lastCol: number;
  table: RawTable | null;
  /** Known fields found in the row. */
  known: number;
  complete: boolean;
}

/** Headers longer than this are not column names (skips long texts when scanning for the header row). */
const MAX_HEADER_LENGTH = 100;

function evaluateRow<K extends string>(
  grid: Grid,
  matcher: HeaderMatcher<K>,
  row: number,
  firstCol: number,
  lastCol: number,
  table: RawTable | null,
): HeaderCandidate {
  const found = new Set<K>();
  let first = 0;
  let last = 0;
  for (let c = firstCol; c <= lastCol; c++) {
    const v = grid.value(row, c);
    if (v === null || (typeof v === "string" && v.trim() === "")) continue;
    if (first === 0) first = c;
    last = c;
    if (typeof v !== "string" || v.length > MAX_HEADER_LENGTH) continue;
    const m = matcher.match(v);
    if (m?.kind === "field") found.add(m.key);
  }
  const complete = matcher.required.every((d) => found.has(d.key));
  return table
    ? { headerRow: row, firstCol, lastCol, table, known: found.size, complete }
    : {
        headerRow: row,
        firstCol: first || firstCol,
        lastCol: last || lastCol,
        table,
        known: found.size,
        complete,
      };
}

/**
 * An Excel table whose header row holds the required headers (the one with the expected name first),
 * otherwise the first row of the sheet that holds them. When none does, the candidate with the most
 * known headers, with complete = false.
 */
function findHeader<K extends string>(
  grid: Grid,
  matcher: HeaderMatcher<K>,
  tableName: string,
): HeaderCandidate {
  const tables = grid.tables();
  const preferred = tables.filter((t) => normalizeHeader(textName(t.name)) === normalizeHeader(tableName));
  const ordered = [...preferred, ...tables.filter((t) => !preferred.includes(t))];
  let best: HeaderCandidate | null = null;
  for (const t of ordered) {
    const cand = evaluateRow(grid, matcher, t.headerRow, t.firstCol, t.lastCol, t);
    if (cand.complete) return cand;
    if (best === null || cand.known > best.known) best = cand;
  }
  for (let r = grid.firstRow; r <= grid.lastRow; r++) {
    const cand = evaluateRow(grid, matcher, r, grid.firstCol, grid.lastCol, null);
    if (cand.complete) return cand;
    if (best === null || cand.known > best.known) best = cand;
  }
  if (best !== null) return best;
  return {
    headerRow: grid.firstRow,
    firstCol: grid.firstCol,
    lastCol: Math.max(grid.firstCol, grid.lastCol),
    table: null,
    known: 0,
    complete: false,
  };
}

/** Empty rows at the bottom of a table beyond which the table's extent is ignored (see buildLayout). */
const MAX_BLANK_TABLE_ROWS = 10000;

/** Builds the layout of a sheet from its header row; reports missing and repeated columns. */
function buildLayout<K extends string>(
  grid: Grid,
  matcher: HeaderMatcher<K>,
  cand: HeaderCandidate,
  out: Collector,
): SheetLayout<K> {
  const layout: SheetLayout<K> = {
    sheet: grid.name,
    table: cand.table ? textName(cand.table.name) : null,
    headerRow: cand.headerRow,
    firstRow: cand.headerRow + 1,
    lastRow: cand.headerRow,
    firstCol: cand.firstCol,
    lastCol: cand.lastCol,
    columns: {},
    headers: {},
    columnNames: {},
    history: [],
  };
  // Structured references need the table's own column names (trailing spaces and all).
  const tableNames = cand.table && Array.isArray(cand.table.columns) ? cand.table.columns : null;
  const firstSeen = new Map<string, number>();
  for (let c = cand.firstCol; c <= cand.lastCol; c++) {
    const raw = grid.value(cand.headerRow, c);
    const text = headerText(raw);
    layout.headers[c] = text;
    const own = tableNames?.[c - cand.firstCol];
    layout.columnNames![c] =
      typeof own === "string" ? own : typeof raw === "string" ? raw : raw === null ? "" : text;
    const m = matcher.match(text);
    if (m === null) continue;
    const id = m.kind === "field" ? `f:${m.key}` : m.kind === "history" ? `h:${m.anno}` : `c:${m.header}`;
    const column = m.kind === "field" ? m.def.header : text.trim();
    const first = firstSeen.get(id);
    if (first !== undefined) {
      out.add(
        "COLUMN_DUPLICATE",
        grid.name,
        cand.headerRow,
        column,
        c,
        null,
        problemMessages.COLUMN_DUPLICATE(column, cellAddress(grid.name, cand.headerRow, first)),
      );
      continue;
    }
    firstSeen.set(id, c);
    if (m.kind === "field") layout.columns[m.key] = c;
    else if (m.kind === "history") layout.history.push({ anno: m.anno, col: c });
  }
  if (!cand.complete) {
    for (const d of matcher.required) {
      if (layout.columns[d.key] === undefined) {
        out.add(
          "COLUMN_MISSING",
          grid.name,
          cand.headerRow,
          d.header,
          null,
          null,
          problemMessages.COLUMN_MISSING(grid.name, d.header, cand.headerRow),
        );
      }
    }
  }
  if (cand.table) {
    layout.lastRow = Math.max(cand.headerRow, cand.table.lastRow);
    // A table stretched far below its data (down to row 1,048,576, say): the rows the add-in reads and
    // fills with formulas stop at the data, or a million empty rows would get formulas.
    const scanFrom = Math.min(layout.lastRow, grid.lastRow);
    let lastData = cand.headerRow;
    for (let r = scanFrom; r > cand.headerRow; r--) {
      if (!grid.isBlankRow(r, cand.firstCol, cand.lastCol)) {
        lastData = r;
        break;
      }
    }
    if (layout.lastRow - lastData > MAX_BLANK_TABLE_ROWS) layout.lastRow = lastData;
  } else {
    for (let r = grid.lastRow; r > cand.headerRow; r--) {
      if (!grid.isBlankRow(r, cand.firstCol, cand.lastCol)) {
        layout.lastRow = r;
        break;
      }
    }
  }
  return layout;
}

// ---------------------------------------------------------------------------------------------
// Data rows
// ---------------------------------------------------------------------------------------------

interface RowRead<K extends string> {
  row: number;
  key: string;
  values: Partial<Record<K, CellValue>>;
  history: ValoreStorico[];
}

function readRows<K extends string>(
  grid: Grid,
  layout: SheetLayout<K>,
  defs: ColumnDef<K>[],
  keyField: K,
  out: Collector,
): RowRead<K>[] {
  const rows: RowRead<K>[] = [];
  const keyDef = defs.find((d) => d.key === keyField) as ColumnDef<K>;
  const keyCol = layout.columns[keyField];
  if (keyCol === undefined) return rows;
  // Every column read, in sheet order, so a row's problems come out left to right.
  type Reader = { col: number; def: ColumnDef<K> | null; anno: number; header: string };
  const readers: Reader[] = [
    ...defs
      .filter((d) => layout.columns[d.key] !== undefined)
      .map((d) => ({ col: layout.columns[d.key] as number, def: d, anno: 0, header: d.header })),
    ...layout.history.map((h) => ({
      col: h.col,
      def: null,
      anno: h.anno,
      header: (layout.headers[h.col] ?? "").trim(),
    })),
  ].sort((a, b) => a.col - b.col);
  // A row is blank when its input cells are: computed columns (Excel fills them on every table row,
  // empty ones too) and unknown columns do not make a row.
  const inputCols = readers.map((rd) => rd.col - grid.firstCol);

  const offset = grid.firstCol;
  const textDiffers = new Map<string, string | null>();
  // A table may claim rows beyond the used range: they are empty, no need to visit them.
  const last = Math.min(layout.lastRow, grid.lastRow);
  markPercentColumns(grid, layout, defs, last);
  for (let r = layout.firstRow; r <= last; r++) {
    const cells = grid.rowAt(r);
    if (cells === null || inputCols.every((i) => isBlank(cells[i]))) continue;
    const formats = grid.formatRowAt(r);
    const valueAt = (col: number): RawValue => toRawValue(cells[col - offset]);
    const formatAt = (col: number): string | undefined => {
      const f = formats === null ? undefined : formats[col - offset];
      return typeof f === "string" ? f : undefined;
    };
    const keyRead = readByKind(valueAt(keyCol), keyDef.kind, formatAt(keyCol), grid.date1904);
    const key = keyRead.status === "ok" ? String(keyRead.value) : null;
    const values: Partial<Record<K, CellValue>> = {};
    const storico: ValoreStorico[] = [];
    for (const rd of readers) {
      const col = rd.col;
      if (rd.def === null) {
        const read = readNumber(valueAt(col), "number", formatAt(col), grid.date1904);
        if (read.status === "invalid") out.invalidCell(read, grid, r, col, rd.header, key, true);
        storico.push({ anno: rd.anno, valore: read.status === "ok" ? read.value : null });
        continue;
      }
      const def = rd.def;
      const read =
        def.key === keyField ? keyRead : readByKind(valueAt(col), def.kind, formatAt(col), grid.date1904);
      if (read.status === "ok") {
        values[def.key] = read.value;
        if (def.formulaInput) {
          const raw = valueAt(col);
          // A column typed as text repeats the same few texts: build each message once.
          const memoKey = typeof raw === "string" ? `${col}\u0000${raw}` : null;
          let differs = memoKey === null ? undefined : textDiffers.get(memoKey);
          if (differs === undefined) {
            const percentColumn = layout.percentColumns?.[def.key] === true;
            differs = formulaDiffers(def, raw, formatAt(col), read.value, grid.date1904, percentColumn);
            if (memoKey !== null) textDiffers.set(memoKey, differs);
          }
          if (differs) out.add("FORMULA_DIFFERS", grid.name, r, def.header, col, key, differs);
        }
      } else if (read.status === "invalid")
        out.invalidCell(read, grid, r, col, def.header, key, def.kind === "number");
      else if (def.key === keyField) {
        out.add("REQUIRED", grid.name, r, def.header, col, null, problemMessages.REQUIRED_KEY(def.header));
      } else if (def.required && key !== null) {
        out.add("REQUIRED", grid.name, r, def.header, col, key, problemMessages.REQUIRED(def.header));
      }
    }
    if (key !== null) {
      values[keyField] = key;
      rows.push({ row: r, key, values, history: storico });
    }
  }
  return rows;
}

/**
 * Why the live formulas read a cell differently from the TypeScript (FORMULA_DIFFERS message), or null.
 * Formulas see a text cell as empty, a percent-formatted cell as its stored fraction, and turn a key
 * cell into text by Excel's language settings.
 */
function formulaDiffers(
  def: ColumnDef<string>,
  raw: RawValue,
  fmt: string | undefined,
  value: CellValue,
  date1904: boolean,
  percentColumn: boolean,
): string | null {
  // Cheap tests first: this runs on every cell the formulas read.
  switch (def.kind) {
    case "key":
      if (typeof raw === "string" || raw === null || !isLocaleDependentKey(raw, date1904)) return null;
      return problemMessages.FORMULA_DIFFERS_KEY(def.header, describeValue(raw));
    case "number":
    case "percent":
      if (typeof raw === "string")
        return problemMessages.FORMULA_DIFFERS_TEXT_NUMBER(
          def.header,
          describeValue(raw),
          numberToItText(value as number),
        );
      // The formulas scale a whole column by 100 when its numbers are percent-formatted (see
      // markPercentColumns): a number formatted otherwise than its column is read differently.
      if (def.kind === "percent" && typeof raw === "number" && isPercentFormat(fmt) !== percentColumn) {
        const read = numberToItText(value as number);
        return percentColumn
          ? problemMessages.FORMULA_DIFFERS_NOT_PERCENT(def.header, read, numberToItText(clean100(value)))
          : problemMessages.FORMULA_DIFFERS_PERCENT(def.header, `${read}%`, read);
      }
      return null;
    case "date":
      return typeof raw === "string"
        ? problemMessages.FORMULA_DIFFERS_TEXT_DATE(def.header, describeValue(raw))
        : null;
    default:
      return null;
  }
}

/** What a formula reading a percent column makes of a plain number: ×100. */
function clean100(value: CellValue): number {
  return parseFloat(((value as number) * 100).toPrecision(15));
}

/**
 * Percent columns (Peso, Avanzamento) whose numbers are mostly percent-formatted: the live formulas
 * multiply the whole column by 100, as the reader reads each percent cell ×100. Decided on the numeric
 * cells of the data rows (ties: not percent); the other numbers of the column get FORMULA_DIFFERS.
 */
function markPercentColumns<K extends string>(
  grid: Grid,
  layout: SheetLayout<K>,
  defs: ColumnDef<K>[],
  last: number,
): void {
  for (const def of defs) {
    const col = layout.columns[def.key];
    if (def.kind !== "percent" || !def.formulaInput || col === undefined) continue;
    let percent = 0;
    let plain = 0;
    for (let r = layout.firstRow; r <= last; r++) {
      const v = grid.value(r, col);
      if (typeof v !== "number") continue;
      const fmt = grid.format(r, col);
      if (isDateFormat(fmt)) continue; // a date is not a Peso (NUMBER_INVALID)
      if (isPercentFormat(fmt)) percent++;
      else plain++;
    }
    if (percent > plain) {
      const marked: Partial<Record<K, true>> = (layout.percentColumns ??= {});
      marked[def.key] = true;
    }
  }
}

const str = (v: CellValue | undefined): string | null => (typeof v === "string" ? v : null);
const num = (v: CellValue | undefined): number | null => (typeof v === "number" ? v : null);

interface SheetRead<K extends string> {
  layout: SheetLayout<K> | null;
  rows: RowRead<K>[];
}

function readInputSheet<K extends string>(
  wb: RawWorkbook,
  key: InputSheetKey,
  defs: ColumnDef<K>[],
  keyField: K,
  out: Collector,
): SheetRead<K> {
  const name = SHEETS[key];
  const grid = findSheet(wb, name);
  if (grid === null) {
    out.add("SHEET_MISSING", name, null, null, null, null, problemMessages.SHEET_MISSING(name));
    return { layout: null, rows: [] };
  }
  const matcher = new HeaderMatcher(defs, key === "indicatori", [
    ...COMPUTED_COLUMNS[key],
    ...Object.values(rollupStrings.helperHeaders[key]),
  ]);
  const cand = findHeader(grid, matcher, TABLES[key]);
  const layout = buildLayout(grid, matcher, cand, out);
  return { layout, rows: readRows(grid, layout, defs, keyField, out) };
}

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

function defaultText(key: ParametroKey): string {
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

/** Most common year of Fine Prevista (ties → the later year); null without dates. */
export function mostCommonYear(fasi: Fase[]): number | null {
  const counts = new Map<number, number>();
  for (const f of fasi) {
    if (f.finePrevista === null) continue;
    const y = Number(f.finePrevista.slice(0, 4));
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && y > best)) {
      best = y;
      bestCount = n;
    }
  }
  return best;
}

function readParametri(
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

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

export function readPlan(wb: RawWorkbook, options: ReadOptions): ReadResult {
  const out = new Collector();

  const ob = readInputSheet<ObiettivoField>(wb, "obiettivi", OBIETTIVI_COLUMNS, "codice", out);
  const obiettivi: Obiettivo[] = ob.rows.map(({ row, key, values: v }) => ({
    row,
    codice: key,
    titolo: str(v.titolo) ?? "",
    assessorato: str(v.assessorato),
    centroResponsabilita: str(v.centroResponsabilita) ?? "",
    responsabile: str(v.responsabile) ?? "",
    valorePubblico: str(v.valorePubblico),
    obiettivoMandato: str(v.obiettivoMandato),
    obiettivoMissione: str(v.obiettivoMissione),
    obiettivoProgramma: str(v.obiettivoProgramma),
    modalitaAttuazione: str(v.modalitaAttuazione),
    statoAttuazione: str(v.statoAttuazione),
    stato: str(v.stato),
    peso: num(v.peso),
  }));

  const fa = readInputSheet<FaseField>(wb, "fasi", FASI_COLUMNS, "obiettivo", out);
  const fasi: Fase[] = fa.rows.map(({ row, key, values: v }) => ({
    row,
    obiettivo: key,
    titolo: str(v.titolo) ?? "",
    inizioPrevisto: str(v.inizioPrevisto),
    finePrevista: str(v.finePrevista),
    inizioEffettivo: str(v.inizioEffettivo),
    fineEffettiva: str(v.fineEffettiva),
    peso: num(v.peso),
    avanzamento: num(v.avanzamento),
    responsabile: str(v.responsabile),
    centroResponsabilita: str(v.centroResponsabilita),
    note: str(v.note),
  }));

  const ind = readInputSheet<IndicatoreField>(wb, "indicatori", INDICATORI_COLUMNS, "obiettivo", out);
  const indicatori: Indicatore[] = ind.rows.map(({ row, key, values: v, history }) => ({
    row,
    obiettivo: key,
    descrizione: str(v.descrizione) ?? "",
    tipo: str(v.tipo),
    polarita: str(v.polarita),
    valoreAtteso: num(v.valoreAtteso),
    valoreRaggiunto: num(v.valoreRaggiunto),
    storico: history,
    peso: num(v.peso),
    note: str(v.note),
  }));

  const par = readParametri(wb, fasi, options.today, out);

  return {
    plan: {
      parametri: par.parametri,
      obiettivi,
      fasi,
      indicatori,
      layout: {
        obiettivi: ob.layout,
        fasi: fa.layout,
        indicatori: ind.layout,
        parametri: par.layout,
        ...(wb?.date1904 === true ? { date1904: true } : {}),
      },
    },
    problems: out.problems,
    brokenCells: out.brokenCells,
  };
}
