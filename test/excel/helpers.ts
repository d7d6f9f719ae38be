// Shared pieces of the Excel-host tests: the sample, dumps of both hosts' sheets in one shape.
import type * as ExcelJS from "exceljs";
import { areaAddress, splitKey, type SheetState, type WorkbookState } from "../emulator/model";

export { loadSampleJson } from "../helpers/sample";

export const TODAY = "2024-01-15";

export interface CellDump {
  value: string | number | boolean | null;
  formula: string | null;
  numberFormat: string;
}

export interface SheetDump {
  cells: Record<string, CellDump>;
  merges: string[];
}

/** The emulator's sheet: cells holding a value or formula, and merges. */
export function dumpEmulatorSheet(s: SheetState): SheetDump {
  const cells: Record<string, CellDump> = {};
  for (const [key, c] of s.cells) {
    if ((c.value === null || c.value === "") && c.formula === undefined) continue;
    const [r, col] = splitKey(key);
    cells[`${r},${col}`] = {
      // No formula engine in the emulator: formula cells are compared by formula only.
      value: c.formula !== undefined ? null : c.value,
      formula: c.formula !== undefined ? c.formula.replace(/^=/, "") : null,
      numberFormat: c.numberFormat ?? "General",
    };
  }
  return { cells, merges: s.merges.map(areaAddress).sort() };
}

/** The same dump of an exceljs worksheet (read back from the written file). */
export function dumpXlsxSheet(ws: ExcelJS.Worksheet): SheetDump {
  const cells: Record<string, CellDump> = {};
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value as unknown;
      let value: CellDump["value"] = null;
      let formula: string | null = null;
      if (v && typeof v === "object" && !(v instanceof Date)) {
        const o = v as { formula?: string; sharedFormula?: string; richText?: { text: string }[] };
        if (o.formula !== undefined || o.sharedFormula !== undefined) formula = cell.formula;
        else if (o.richText) value = o.richText.map((t) => t.text).join("");
      } else if (v instanceof Date) {
        value = Math.round((v.getTime() / 86400000 + 25569) * 1e6) / 1e6;
      } else if (v !== null && v !== undefined && v !== "") {
        value = v as string | number | boolean;
      }
      if (value === null && formula === null) return;
      cells[`${r},${c}`] = { value, formula, numberFormat: cell.numFmt || "General" };
    });
  });
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice().sort();
  return { cells, merges };
}

/** Workbook without sheet ids (new sheets get new ids each run), for before/after comparisons. */
export function normalizedWorkbook(wb: WorkbookState): unknown {
  return {
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells.entries()].sort(([a], [b]) => a - b),
      merges: s.merges,
      columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
      tables: s.tables.map((t) => ({ name: t.name, rect: t.rect, style: t.style })),
      conditionalFormats: s.conditionalFormats.map((c) => ({ type: c.type, range: c.range, props: c.props })),
      dataValidations: s.dataValidations,
      pageLayout: s.pageLayout,
      horizontalPageBreaks: s.horizontalPageBreaks,
      freeze: [s.freezeRows, s.freezeCols],
      showGridlines: s.showGridlines,
    })),
    names: [...wb.names.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
}

export function inputCells(wb: WorkbookState, sheets: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of wb.sheets) {
    if (!sheets.includes(s.name)) continue;
    for (const [k, c] of s.cells) out[`${s.name}!${splitKey(k).join(",")}`] = structuredClone(c);
  }
  return out;
}
