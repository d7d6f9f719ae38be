// Shared pieces of the Excel-host tests: the sample, workbook snapshots for before/after comparisons
// (both hosts' sheets in one shape: looks.ts).
import { isoToSerial } from "../../src/domain/model/dates";
import { SHEETS } from "../../src/domain/model/schema";
import { cellKey, splitKey, type CellValue, type WorkbookState } from "../emulator/model";

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

/** Sets the Valore of Parametri's "Data di riferimento" row (the cell right of the label) in the emulator. */
export function setDataRiferimento(wb: WorkbookState, iso: string, date1904 = false): void {
  const p = wb.sheets.find((s) => s.name === SHEETS.parametri)!;
  const label = [...p.cells.entries()].find(([, c]) => c.value === "Data di riferimento")!;
  const [row, col] = splitKey(label[0]);
  const value = isoToSerial(iso) - (date1904 ? 1462 : 0);
  p.cells.set(cellKey(row, col + 1), { ...p.cells.get(cellKey(row, col + 1)), value });
}

/** Sets the cell of column `header` (found in row 1) in worksheet row `row`, in the emulator. */
export function setColumnCell(
  wb: WorkbookState,
  sheet: string,
  header: string,
  row: number,
  value: CellValue,
): void {
  const s = wb.sheets.find((x) => x.name === sheet)!;
  const head = [...s.cells.entries()].find(([k, c]) => splitKey(k)[0] === 1 && c.value === header)!;
  const col = splitKey(head[0])[1];
  s.cells.set(cellKey(row, col), { ...s.cells.get(cellKey(row, col)), value });
}
