// What a user sees of a sheet, in one shape for both hosts: the emulator's workbook after the Office.js
// host wrote it, and the .xlsx file host's output read back by exceljs (used only as an inspector).
// Per cell: value or formula, number format, font, fill, borders, alignment; per sheet: merges, data
// validations (as ranges), tables, frozen panes, column widths and row heights in pixels/points.
import type * as ExcelJS from "exceljs";
import { areaAddress, colLetters, splitKey, type Cell, type SheetState } from "../emulator/model";

export interface CellLook {
  value: string | number | boolean | null;
  formula: string | null;
  numberFormat: string;
  font: string;
  fill: string | null;
  border: string;
  alignment: string;
}

export interface ValidationLook {
  range: string;
  type: string;
  operator: string | null;
  values: string[];
  allowBlank: boolean;
  showError: boolean;
  errorStyle: string;
  errorTitle: string;
  error: string;
}

export interface SheetLook {
  cells: Record<string, CellLook>;
  merges: string[];
  validations: ValidationLook[];
  tables: { name: string; ref: string; style: string }[];
  freeze: [rows: number, cols: number];
  /** Column widths in whole pixels (what both hosts can express), by column letter. */
  columnWidths: Record<string, number>;
  rowHeights: Record<number, number>;
}

/** The workbook's default font, which both hosts assume for a cell without one. */
const DEFAULT_FONT = { name: "Calibri", size: 11 };

function fontText(f: {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: string | null;
}): string {
  return [
    f.name ?? DEFAULT_FONT.name,
    f.size ?? DEFAULT_FONT.size,
    f.bold ? "bold" : "",
    f.italic ? "italic" : "",
    f.underline ? "underline" : "",
    f.color ? f.color.toUpperCase() : "auto",
  ]
    .filter((x) => x !== "")
    .join(" ");
}

const sides = ["top", "bottom", "left", "right"] as const;

// ---------------------------------------------------------------------------------------------
// Emulator
// ---------------------------------------------------------------------------------------------

function emulatorLook(c: Cell | undefined, valueToo: boolean): CellLook {
  const f = c?.format ?? {};
  const border = sides
    .map((s) => {
      const b = f.borders?.[s];
      return b && b.style !== "None" ? `${s}:${b.weight.toLowerCase()}:${b.color.replace(/^#/, "")}` : "";
    })
    .filter(Boolean)
    .join(" ");
  const h = (f.horizontalAlignment ?? "General").toLowerCase();
  const v =
    ({ Center: "middle" } as Record<string, string>)[f.verticalAlignment ?? ""] ??
    (f.verticalAlignment ?? "Bottom").toLowerCase();
  return {
    // No formula engine in the emulator: formula cells are compared by formula only.
    value: !valueToo || c?.formula !== undefined || c?.value === "" ? null : (c?.value ?? null),
    formula: valueToo && c?.formula !== undefined ? c.formula.replace(/^=/, "") : null,
    numberFormat: c?.numberFormat ?? "General",
    font: fontText({
      name: f.fontName,
      size: f.fontSize,
      bold: f.bold,
      italic: f.italic,
      underline: f.underline !== undefined && f.underline !== "None",
      color: f.fontColor?.replace(/^#/, "") ?? null,
    }),
    fill: f.fill ? f.fill.replace(/^#/, "").toUpperCase() : null,
    border,
    alignment: `${h} ${v}${f.wrapText ? " wrap" : ""}${f.indentLevel ? ` indent${f.indentLevel}` : ""}`,
  };
}

/** Office.js DataValidation rule + errorAlert as stored by the emulator. */
function emulatorValidation(range: string, d: SheetState["dataValidations"][number]): ValidationLook {
  const rule = (d.rule ?? {}) as Record<string, Record<string, unknown>>;
  const [type, r] = Object.entries(rule)[0] ?? ["none", {}];
  const values =
    type === "list"
      ? String(r.source).split(",")
      : [r.formula1, r.formula2].filter((x) => x !== undefined).map((x) => String(x));
  return {
    range,
    type,
    operator: type === "list" ? null : String(r.operator).toLowerCase(),
    values,
    allowBlank: d.ignoreBlanks ?? true,
    showError: d.errorAlert?.showAlert ?? true,
    errorStyle: (d.errorAlert?.style ?? "Stop").toLowerCase(),
    errorTitle: d.errorAlert?.title ?? "",
    error: d.errorAlert?.message ?? "",
  };
}

export function emulatorSheetLook(s: SheetState): SheetLook {
  const cells: Record<string, CellLook> = {};
  for (const [key, c] of s.cells) {
    const [r, col] = splitKey(key);
    cells[`${colLetters(col)}${r}`] = emulatorLook(c, true);
  }
  const validations = s.dataValidations.flatMap((d) => {
    const out: ValidationLook[] = [];
    // One entry per column, as the file side is grouped.
    for (let c = d.range.c1; c <= d.range.c2; c++) {
      out.push(emulatorValidation(areaAddress({ ...d.range, c1: c, c2: c }), d));
    }
    return out;
  });
  const columnWidths: Record<string, number> = {};
  for (const [c, points] of s.columnWidths) columnWidths[colLetters(c)] = Math.round(points / 0.75);
  return {
    cells,
    merges: s.merges.map(areaAddress).sort(),
    validations: validations.sort((a, b) => (a.range < b.range ? -1 : 1)),
    tables: s.tables.map((t) => ({ name: t.name, ref: areaAddress(t.rect), style: t.style ?? "" })),
    freeze: [s.freezeRows, s.freezeCols],
    columnWidths,
    rowHeights: Object.fromEntries(s.rowHeights),
  };
}

// ---------------------------------------------------------------------------------------------
// .xlsx through exceljs
// ---------------------------------------------------------------------------------------------

function argbText(c: Partial<ExcelJS.Color> | undefined): string | null {
  const argb = c?.argb;
  return argb ? argb.slice(-6).toUpperCase() : null;
}

function xlsxLook(cell: ExcelJS.Cell, valueToo: boolean): CellLook {
  const s = cell.style ?? {};
  const f = s.font ?? {};
  const fill = s.fill as ExcelJS.FillPattern | undefined;
  const a = s.alignment ?? {};
  const border = sides
    .map((side) => {
      const b = s.border?.[side];
      return b?.style ? `${side}:${b.style}:${argbText(b.color) ?? "000000"}` : "";
    })
    .filter(Boolean)
    .join(" ");
  let value: CellLook["value"] = null;
  let formula: string | null = null;
  const master = !(cell.isMerged && cell.master !== cell);
  if (valueToo && master) {
    const v = cell.value as unknown;
    if (v && typeof v === "object" && !(v instanceof Date)) {
      const o = v as { formula?: string; sharedFormula?: string; richText?: { text: string }[] };
      if (o.formula !== undefined || o.sharedFormula !== undefined) formula = cell.formula;
      else if (o.richText) value = o.richText.map((t) => t.text).join("");
    } else if (v instanceof Date) {
      value = Math.round((v.getTime() / 86400000 + 25569) * 1e6) / 1e6;
    } else if (v !== null && v !== undefined && v !== "") {
      value = v as string | number | boolean;
    }
  }
  return {
    value,
    formula,
    numberFormat: s.numFmt || "General",
    font: fontText({
      name: f.name,
      size: f.size,
      bold: f.bold,
      italic: f.italic,
      underline: Boolean(f.underline),
      color: argbText(f.color),
    }),
    fill: fill?.type === "pattern" && fill.pattern === "solid" ? argbText(fill.fgColor) : null,
    border,
    alignment: `${a.horizontal ?? "general"} ${a.vertical ?? "bottom"}${a.wrapText ? " wrap" : ""}${a.indent ? ` indent${a.indent}` : ""}`,
  };
}

type ValidationModel = {
  type: string;
  operator?: string;
  formulae?: unknown[];
  allowBlank?: boolean;
  showErrorMessage?: boolean;
  errorStyle?: string;
  errorTitle?: string;
  error?: string;
};

function xlsxValidation(range: string, m: ValidationModel): ValidationLook {
  const formulae = m.formulae ?? [];
  const values =
    m.type === "list"
      ? String(formulae[0])
          .replace(/^"|"$/g, "")
          .split(",")
          .map((x) => x.replace(/""/g, '"'))
      : formulae.map((x) =>
          // exceljs hands date bounds as Dates (read as 1900 serials).
          x instanceof Date
            ? x.toISOString().slice(0, 10)
            : typeof x === "string" && /^\d{4}-\d\d-\d\dT/.test(x)
              ? x.slice(0, 10)
              : String(x),
        );
  return {
    range,
    type: m.type,
    operator: m.type === "list" ? null : (m.operator ?? "between").toLowerCase(),
    values,
    allowBlank: Boolean(m.allowBlank),
    showError: Boolean(m.showErrorMessage),
    errorStyle: (m.errorStyle ?? "stop").toLowerCase(),
    errorTitle: m.errorTitle ?? "",
    error: m.error ?? "",
  };
}

/** exceljs lists a validation per cell: grouped back into vertical runs per column. */
function xlsxValidations(ws: ExcelJS.Worksheet): ValidationLook[] {
  const model = (ws as unknown as { dataValidations: { model: Record<string, ValidationModel> } })
    .dataValidations.model;
  const byRule = new Map<string, Map<string, number[]>>();
  for (const [address, m] of Object.entries(model)) {
    const match = /^([A-Z]+)(\d+)$/.exec(address);
    if (!match) throw new Error(`convalida su ${address}: forma non prevista`);
    const key = JSON.stringify(m);
    const cols = byRule.get(key) ?? new Map<string, number[]>();
    byRule.set(key, cols);
    cols.set(match[1], [...(cols.get(match[1]) ?? []), Number(match[2])]);
  }
  const out: ValidationLook[] = [];
  for (const [key, cols] of byRule) {
    for (const [col, rows] of cols) {
      rows.sort((a, b) => a - b);
      let start = rows[0];
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
        const end = rows[i - 1];
        out.push(
          xlsxValidation(start === end ? `${col}${start}` : `${col}${start}:${col}${end}`, JSON.parse(key)),
        );
        start = rows[i];
      }
    }
  }
  return out.sort((a, b) => (a.range < b.range ? -1 : 1));
}

/** Column width (characters) → whole pixels, as Excel lays it out (Calibri 11: 7-pixel digit). */
function widthPixels(chars: number): number {
  return Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
}

/**
 * The exceljs view of the same sheet. `also` lists cells to look at besides those in the file (the
 * other host's): an absent cell shows its column's style, as Excel shows it.
 */
export function xlsxSheetLook(ws: ExcelJS.Worksheet, also: Iterable<string> = []): SheetLook {
  const cells: Record<string, CellLook> = {};
  const rows = (ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows;
  for (const row of rows) {
    if (!row) continue;
    for (const cell of (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells) {
      if (cell) cells[cell.address] = xlsxLook(cell, true);
    }
  }
  for (const address of also) if (!cells[address]) cells[address] = xlsxLook(ws.getCell(address), true);
  const tables = Object.values(
    (
      ws as unknown as {
        tables: Record<string, { table: { name: string; tableRef: string; style?: { theme?: string } } }>;
      }
    ).tables,
  ).map((t) => ({ name: t.table.name, ref: t.table.tableRef, style: t.table.style?.theme ?? "" }));
  const view = ws.views[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
  const frozen = view?.state === "frozen";
  const columnWidths: Record<string, number> = {};
  const cols = (ws as unknown as { _columns?: (ExcelJS.Column | undefined)[] })._columns ?? [];
  cols.forEach((c, i) => {
    if (c?.width !== undefined && (c as unknown as { customWidth?: boolean }).customWidth !== false)
      columnWidths[colLetters(i + 1)] = widthPixels(c.width);
  });
  const rowHeights: Record<number, number> = {};
  for (const row of rows) if (row?.height !== undefined) rowHeights[row.number] = row.height;
  return {
    cells,
    merges: ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice().sort(),
    validations: xlsxValidations(ws),
    tables,
    freeze: [frozen ? (view?.ySplit ?? 0) : 0, frozen ? (view?.xSplit ?? 0) : 0],
    columnWidths,
    rowHeights,
  };
}

/** Cells whose look is the workbook default and hold nothing: present in one host's model only by chance. */
export function dropPlain(look: SheetLook): SheetLook {
  const plain = JSON.stringify(emulatorLook(undefined, true));
  const cells = Object.fromEntries(Object.entries(look.cells).filter(([, c]) => JSON.stringify(c) !== plain));
  return { ...look, cells };
}
