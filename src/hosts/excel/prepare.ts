// Prepara fogli / Carica esempio in Excel: the missing input sheets and tables, laid out exactly as the
// domain describes them (src/domain/template/look.ts), the look the file host writes too. Existing data
// is never touched: only empty sheets get a table, and only our own empty tables are refilled.
import type { PrepareResult } from "../../app/host";
import { AppError } from "../../app/errors";
import { ownershipMessages } from "../../domain/messages";
import { encodeRange, type RawValue } from "../../domain/model/raw";
import { TABLES } from "../../domain/model/schema";
import type { InputTableSpec, WorkbookTemplate } from "../../domain/model/sheet";
import {
  inputSheetLook,
  validationRange,
  type InputSheetLook,
  type InputValidation,
} from "../../domain/template/look";
import { DATE_FORMAT } from "../../domain/template/template";
import { hostMessages } from "../messages";
import { ACTION_OVERHEAD, NAV_OVERHEAD, RANGE_OVERHEAD, jsonBytes, type Batcher } from "./batch";
import { dateSerial, textForExcel, writeGrid, type WireValue } from "./cells";
import { renderInto } from "./render";
import { preflight, sameName, upsertNames, writeBatcher } from "./transaction";

export async function prepareSheets(
  ctx: Excel.RequestContext,
  template: WorkbookTemplate,
  options: { fillRows: boolean },
): Promise<PrepareResult> {
  const pre = await preflight(ctx, { writeSheets: [], generated: [], tableRanges: options.fillRows });
  const result: PrepareResult = { createdSheets: [], createdTables: [] };
  // Carica esempio after Prepara fogli: our own tables (at A1) that hold no data row are rebuilt with
  // the rows; in Parametri only the empty values are filled. Any data at all leaves a table alone.
  const refill = options.fillRows
    ? template.tables.flatMap((spec) => {
        const t = pre.tables.find((x) => sameName(x.name, spec.table));
        if (!t || t.box.top !== 1 || t.box.left !== 1) return [];
        if (pre.sheets.find((x) => sameName(x.name, t.sheet))?.protected) {
          throw new AppError("HOST", hostMessages.protectedSheet(t.sheet));
        }
        const used = ctx.workbook.worksheets.getItem(t.sheet).getUsedRangeOrNullObject(true);
        used.load("rowCount");
        const body = ctx.workbook.tables.getItem(t.name).getRange();
        body.load("values");
        return [{ spec, table: t, used, body }];
      })
    : [];
  // Sheets that exist without the table: only an empty sheet gets one (its data is never touched).
  const candidates = template.tables.filter((spec) => !pre.tables.some((t) => sameName(t.name, spec.table)));
  const usedRanges = new Map<string, Excel.Range>();
  for (const spec of candidates) {
    const sheet = pre.sheets.find((s) => sameName(s.name, spec.sheet));
    if (sheet) {
      if (sheet.protected) throw new AppError("HOST", hostMessages.protectedSheet(sheet.name));
      const r = ctx.workbook.worksheets.getItem(sheet.name).getUsedRangeOrNullObject(true);
      r.load("address");
      usedRanges.set(spec.table, r);
    }
  }
  if (usedRanges.size > 0 || refill.length > 0) await ctx.sync();

  const b = writeBatcher(ctx);
  for (const { spec, table, used, body } of refill) {
    if (spec.table === TABLES.parametri) {
      await fillEmptyParametri(b, ctx, table.sheet, body.values, spec);
      continue;
    }
    if (!used.isNullObject && used.rowCount > 1) continue;
    await b.reserve(RANGE_OVERHEAD * 2);
    ctx.workbook.tables.getItem(table.name).delete();
    ctx.workbook.worksheets
      .getItem(table.sheet)
      .getRange(encodeRange({ ...table.box, top: 1, left: 1 }))
      .clear("Contents");
    await layOutTable(b, ctx, table.sheet, inputSheetLook(spec, { fillRows: true }), pre.date1904);
    result.createdTables.push(spec.table);
  }
  for (const spec of candidates) {
    let sheetName = pre.sheets.find((s) => sameName(s.name, spec.sheet))?.name;
    if (sheetName) {
      if (!usedRanges.get(spec.table)?.isNullObject) continue;
      const inTheWay = pre.tables.find((t) => sameName(t.sheet, sheetName!));
      if (inTheWay) {
        throw new AppError("HOST", ownershipMessages.tableInTheWay(inTheWay.name, inTheWay.sheet, "A1"));
      }
    } else {
      sheetName = spec.sheet;
      await b.reserve(RANGE_OVERHEAD);
      ctx.workbook.worksheets.add(sheetName);
      result.createdSheets.push(sheetName);
    }
    await layOutTable(b, ctx, sheetName, inputSheetLook(spec, { fillRows: options.fillRows }), pre.date1904);
    result.createdTables.push(spec.table);
  }
  await upsertNames(b, ctx, pre, template.definedNames);
  await b.sync();
  return result;
}

/** Writes the template's Parametri values into the rows of tblParametri whose Valore is empty. */
async function fillEmptyParametri(
  b: Batcher,
  ctx: Excel.RequestContext,
  sheetName: string,
  values: unknown[][],
  spec: InputTableSpec,
): Promise<void> {
  const keyOf = (v: unknown) =>
    String(v ?? "")
      .trim()
      .toLowerCase();
  const wanted = new Map(spec.rows.map((r) => [keyOf(r[0]), r[1]]));
  for (let i = 1; i < values.length; i++) {
    const v: RawValue | undefined = wanted.get(keyOf(values[i][0]));
    const current = values[i][1];
    if (v === undefined || v === null || v === "" || (current !== "" && current !== null)) continue;
    await b.reserve(RANGE_OVERHEAD + 2 * ACTION_OVERHEAD);
    const cell = ctx.workbook.worksheets
      .getItem(sheetName)
      .getRange(`B${i + 1}`)
      .untrack();
    // A date keeps showing as a date (the file host gives it the date format too).
    if (v instanceof Date) cell.numberFormat = [[DATE_FORMAT]];
    cell.values = [
      [v instanceof Date ? dateSerial(v) : typeof v === "string" ? textForExcel(v, false) : (v as number)],
    ];
  }
}

/**
 * One input sheet as its look says: the body format of each column down to the last row the look
 * reaches, then the cells (header style, values, widths, frozen header) as any sheet description,
 * the table over the written block (no row-by-row growth), and the data validations.
 */
export async function layOutTable(
  b: Batcher,
  ctx: Excel.RequestContext,
  sheetName: string,
  look: InputSheetLook,
  date1904: boolean,
): Promise<void> {
  const proxy = ctx.workbook.worksheets.getItem(sheetName);
  const ws = () => proxy;
  const rows = look.bodyLastRow - 1;
  for (let i = 0; i < look.columnStyles.length; i++) {
    const style = look.sheet.styles[look.columnStyles[i]];
    if (!style) continue;
    // A whole column cannot take a number format through Office.js: the body rows get it.
    if (style.numberFormat) {
      const nf: WireValue[][] = Array.from({ length: rows }, () => [style.numberFormat!]);
      await writeGrid(b, ws, 2, i + 1, nf, "numberFormat");
    }
    await b.reserve(RANGE_OVERHEAD + 2 * NAV_OVERHEAD + 2 * ACTION_OVERHEAD);
    const body = ws()
      .getRange(encodeRange({ top: 2, left: i + 1, bottom: look.bodyLastRow, right: i + 1 }))
      .untrack();
    body.format.font.name = style.font.name;
    body.format.font.size = style.font.size;
  }
  await renderInto(b, ws, look.sheet, date1904);
  await b.reserve(RANGE_OVERHEAD * 2 + ACTION_OVERHEAD * 2 + jsonBytes(look.table.name));
  const table = ws().tables.add(encodeRange(look.table.box), true);
  table.name = look.table.name;
  table.style = look.table.style;
  for (const v of look.validations) {
    await b.reserve(RANGE_OVERHEAD + NAV_OVERHEAD + ACTION_OVERHEAD * 4 + jsonBytes(v));
    const dv = ws().getRange(validationRange(v)).untrack().dataValidation;
    // A refilled table's range already has its validation: replaced, not stacked.
    dv.clear();
    applyValidation(dv, v);
  }
}

function applyValidation(dv: Excel.DataValidation, v: InputValidation): void {
  const r = v.rule;
  const between = "Between" as Excel.DataValidationOperator;
  if (r.type === "list") dv.rule = { list: { inCellDropDown: true, source: r.values.join(",") } };
  else if (r.type === "decimal")
    dv.rule = { decimal: { formula1: r.min, formula2: r.max, operator: between } };
  // ISO dates: Office.js reads them in the workbook's own date system.
  else dv.rule = { date: { formula1: r.min, formula2: r.max, operator: between } };
  dv.ignoreBlanks = true;
  dv.errorAlert = {
    showAlert: true,
    style: (v.errorStyle === "stop" ? "Stop" : "Warning") as Excel.DataValidationAlertStyle,
    title: v.errorTitle,
    message: v.error,
  };
}
