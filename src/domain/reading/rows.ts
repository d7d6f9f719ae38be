// The data rows of an input sheet: every cell read by its column's kind, with its problems (docs/reference/rules.md).
import { problemMessages, rollupStrings } from "../messages";
import type { SheetLayout, ValoreStorico } from "../model/model";
import { type RawValue, type RawWorkbook } from "../model/raw";
import { COMPUTED_COLUMNS, SHEETS, TABLES, type ColumnDef, type InputSheetKey } from "../model/schema";
import { Collector, Grid, findSheet } from "./grid";
import { HeaderMatcher } from "./headers";
import { buildLayout, findHeader } from "./layout";
import {
  describeValue,
  isBlank,
  isDateFormat,
  isLocaleDependentKey,
  isPercentFormat,
  numberToItText,
  readByKind,
  readNumber,
  toRawValue,
  type CellValue,
} from "./values";

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

export const str = (v: CellValue | undefined): string | null => (typeof v === "string" ? v : null);
export const num = (v: CellValue | undefined): number | null => (typeof v === "number" ? v : null);

interface SheetRead<K extends string> {
  layout: SheetLayout<K> | null;
  rows: RowRead<K>[];
}

export function readInputSheet<K extends string>(
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
