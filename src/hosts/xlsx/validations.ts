// exceljs expands every data validation range into one entry per cell when it loads a file, and its
// writer squeezes them back cell by cell: a whole-column rule (D2:D1048576, common in Excel files)
// took 27 s to save. After loading, the entries are folded back into column ranges.
import type * as ExcelJS from "exceljs";
import { columnLetter } from "../../domain/raw";

interface DataValidationsInternal {
  model: Record<string, object | undefined>;
}

/** Fold per-cell entries (one shared object per original rule) into one range per column run. */
export function compactValidations(ws: ExcelJS.Worksheet, threshold = 2000): void {
  const dv = (ws as unknown as { dataValidations?: DataValidationsInternal }).dataValidations;
  if (!dv) return;
  const keys = Object.keys(dv.model);
  if (keys.length < threshold) return;
  const groups = new Map<object, Map<number, number[]>>();
  const kept: Record<string, object | undefined> = {};
  for (const key of keys) {
    const rule = dv.model[key];
    if (!rule) continue;
    // "AB12" → column 28, row 12, without a regex (a whole column is a million keys).
    let col = 0;
    let i = 0;
    for (; i < key.length; i++) {
      const ch = key.charCodeAt(i);
      if (ch < 65 || ch > 90) break;
      col = col * 26 + (ch - 64);
    }
    const row = Number(key.slice(i));
    if (i === 0 || i > 3 || !Number.isInteger(row) || row < 1) {
      kept[key] = rule;
      continue;
    }
    let byCol = groups.get(rule);
    if (!byCol) groups.set(rule, (byCol = new Map()));
    let rows = byCol.get(col);
    if (!rows) byCol.set(col, (rows = []));
    rows.push(row);
  }
  for (const [rule, byCol] of groups) {
    for (const [col, rows] of byCol) {
      rows.sort((a, b) => a - b);
      let start = rows[0];
      let prev = rows[0];
      const flush = () => {
        const letter = columnLetter(col);
        kept[start === prev ? `${letter}${start}` : `${letter}${start}:${letter}${prev}`] = rule;
      };
      for (let i = 1; i < rows.length; i++) {
        if (rows[i] === prev + 1) {
          prev = rows[i];
          continue;
        }
        flush();
        start = prev = rows[i];
      }
      flush();
    }
  }
  dv.model = kept;
}
