// Computed columns (formulas with cached results), workbook names and the Riepilogo sheet, written by
// patching the package. Everything is checked first (sheets, tables, target cells, merges); a conflict
// stops the run before a single part changes.
import { AppError } from "../../app/errors";
import { hostMessages } from "../messages";
import { conflictMessage, findConflict, targetAreas } from "../../domain/model/ownership";
import type { Box, TargetArea } from "../../domain/model/ownership";
import { computedColumnStyle, computedColumnWidth } from "../../domain/model/sheet";
import type { ComputedTable, RollupWritePlan } from "../../domain/model/sheet";
import type { XlsxDocument, SheetEntry } from "./document";
import { parseSheet, type ParsedSheet } from "./read";
import { checkGeneratedSheet, renderGenerated } from "./render";
import { addColumnWidths, cellXml, patchSheetCells, widenDimension, type CellWrite } from "./sheetPatch";
import { extendTable, type TableColumnEdit, type TablePart } from "./tables";
import type { XmlCell } from "./cells";
import { attribute, findElement } from "./xml";

interface Task {
  t: ComputedTable;
  sheet: ParsedSheet;
  table: TablePart | null;
  areas: TargetArea[];
  cells: Map<number, XmlCell>;
}

const key = (row: number, col: number) => row * 16385 + col;

export async function writeRollups(doc: XlsxDocument, plan: RollupWritePlan): Promise<void> {
  const tasks: Task[] = [];
  for (const t of plan.computed) tasks.push(await preflight(doc, t));
  await checkGeneratedSheet(doc, plan.riepilogo.name);

  for (const task of tasks) await writeComputed(doc, task);
  await doc.editNames(
    plan.definedNames.map((n) => ({ name: n.name, localSheetId: null, text: stripEquals(n.refersTo) })),
  );
  await renderGenerated(doc, plan.riepilogo);
  await doc.dropCalcChain();
}

function stripEquals(f: string): string {
  return f.startsWith("=") ? f.slice(1) : f;
}

/** A worksheet the add-in may write into: present, a cell sheet, not protected. */
export function writableSheet(doc: XlsxDocument, name: string): SheetEntry {
  const entry = doc.sheet(name);
  if (!entry) throw new AppError("HOST", hostMessages.sheetMissing(name));
  if (entry.kind !== "worksheet" || !entry.path)
    throw new AppError("HOST", hostMessages.notAWorksheet(entry.name));
  return entry;
}

export function isProtected(xml: string): boolean {
  const p = findElement(xml, "sheetProtection");
  if (!p) return false;
  const v = (attribute(p.tag, "sheet") ?? "0").toLowerCase();
  return v === "1" || v === "true";
}

async function preflight(doc: XlsxDocument, t: ComputedTable): Promise<Task> {
  const entry = writableSheet(doc, t.sheet);
  const sheet = await parseSheet(doc, entry);
  if (isProtected(sheet.xml)) throw new AppError("HOST", hostMessages.protectedSheet(entry.name));
  const cells = new Map<number, XmlCell>();
  for (const row of sheet.rows) for (const c of row.cells) cells.set(key(c.row, c.col), c);
  let table: TablePart | null = null;
  if (t.table) {
    const wanted = t.table.toLowerCase();
    table = sheet.tables.find((x) => x.name.toLowerCase() === wanted) ?? null;
    if (!table) throw new AppError("HOST", hostMessages.layoutChanged(`tabella ${t.table}`));
  }
  const headerAt = (col: number) => {
    const v = cells.get(key(t.headerRow, col))?.value;
    return typeof v === "string" ? v : "";
  };
  const box: Box | null = table
    ? { top: table.top, left: table.left, bottom: table.bottom, right: table.right }
    : null;
  const areas = targetAreas(t, box, headerAt);
  const conflict = findConflict(
    areas,
    {
      sheet: entry.name,
      hasContent: (r, c) => {
        const cell = cells.get(key(r, c));
        return !!cell && (cell.formula || (cell.value !== null && cell.value !== ""));
      },
      merges: sheet.merges,
      tables: sheet.tables.map((x) => ({
        name: x.name,
        box: { top: x.top, left: x.left, bottom: x.bottom, right: x.right },
      })),
    },
    table?.name ?? null,
  );
  if (conflict) throw new AppError("HOST", conflictMessage(conflict));
  return { t, sheet, table, areas, cells };
}

async function writeComputed(doc: XlsxDocument, task: Task): Promise<void> {
  const { t, sheet, table, cells } = task;
  const styles = await doc.styles();
  const prefix = findElement(sheet.xml, "sheetData")?.prefix ?? "";
  const writes: CellWrite[] = [];
  const widths: { col: number; width: number }[] = [];
  const left = table?.left ?? 1;
  for (const [i, column] of t.columns.entries()) {
    const area = task.areas[i];
    // Header: an appended one looks like the nearest header on its left; an existing one keeps its look.
    let headerStyle = cells.get(key(t.headerRow, column.col))?.style ?? 0;
    if (area.appended) {
      for (let c = column.col - 1; c >= left; c--) {
        const h = cells.get(key(t.headerRow, c));
        if (h && h.value !== null && h.value !== "") {
          headerStyle = h.style;
          break;
        }
      }
      widths.push({ col: column.col, width: computedColumnWidth(column) });
    }
    writes.push({
      row: t.headerRow,
      col: column.col,
      xml: cellXml(prefix, t.headerRow, column.col, headerStyle, { kind: "text", text: column.header }),
    });
    const look = computedColumnStyle(column);
    const bodyStyle = styles.xfWith(0, {
      ...(look.numberFormat ? { numberFormat: look.numberFormat } : {}),
      ...(look.font ? { font: look.font } : {}),
    });
    column.formulas.forEach((formula, r) => {
      const row = t.firstRow + r;
      writes.push({
        row,
        col: column.col,
        xml: cellXml(prefix, row, column.col, bodyStyle, {
          kind: "formula",
          formula,
          result: column.results[r] ?? null,
        }),
      });
    });
  }
  let xml = patchSheetCells(sheet.xml, sheet.rows, writes);
  const cols = t.columns.map((c) => c.col);
  xml = widenDimension(xml, {
    top: t.headerRow,
    left: Math.min(...cols),
    bottom: Math.max(t.headerRow, t.lastRow),
    right: Math.max(...cols),
  });
  xml = addColumnWidths(xml, widths);
  doc.setSheetXml(sheet.entry, xml);

  if (table) {
    const edits: TableColumnEdit[] = t.columns.map((c) => ({
      col: c.col,
      name: c.header,
      // A calculated column: every row has the same formula (structured references).
      formula:
        c.formulas.length > 0 && c.formulas.every((f) => f === c.formulas[0])
          ? stripEquals(c.formulas[0])
          : null,
    }));
    const right = Math.max(table.right, ...cols);
    const partXml = (await doc.pkg.text(table.path)) as string;
    doc.pkg.setText(table.path, extendTable(partXml, table, edits, right));
  }
}
