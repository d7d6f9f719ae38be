// Shared pieces of the Excel-host tests: the sample, workbook snapshots for before/after comparisons
// (both hosts' sheets in one shape: looks.ts).
import { splitKey, type WorkbookState } from "../emulator/model";

export { loadSampleJson } from "../helpers/sample";

export const TODAY = "2024-01-15";

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
