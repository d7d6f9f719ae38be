// Impostazioni in Excel: the Parametri value cells the pane edited, in two syncs (one to check the
// sheet's protection and that no target holds a formula, one to write). Nothing else is touched.
import { AppError } from "../../app/errors";
import type { ParametriWrite } from "../../app/host";
import { cellAddress, columnLetter } from "../../domain/model/raw";
import { hostMessages } from "../messages";
import { textForExcel } from "./cells";

export async function writeParametri(ctx: Excel.RequestContext, write: ParametriWrite): Promise<void> {
  if (write.cells.length === 0) return;
  const ws = ctx.workbook.worksheets.getItem(write.sheet);
  ws.load("name");
  ws.protection.load("protected");
  const targets = write.cells.map((w) => {
    const range = ws.getRange(`${columnLetter(w.col)}${w.row}`);
    range.load("formulas,numberFormat");
    return { w, range };
  });
  await ctx.sync();
  if (ws.protection.protected) throw new AppError("HOST", hostMessages.protectedSheet(ws.name));
  for (const { w, range } of targets) {
    const f = range.formulas[0]?.[0];
    if (typeof f === "string" && f.startsWith("=")) {
      throw new AppError("HOST", hostMessages.parametroFormula(cellAddress(ws.name, w.row, w.col)));
    }
  }
  for (const { w, range: loaded } of targets) {
    // Ranges loaded in the first request are not valid targets of a later one: fresh ones.
    const range = ctx.workbook.worksheets.getItem(write.sheet).getRange(`${columnLetter(w.col)}${w.row}`);
    // The format first: a text cell ("@") keeps what follows as text, a date format shows the serial.
    if (w.numberFormat) range.numberFormat = [[w.numberFormat]];
    const format = w.numberFormat ?? String(loaded.numberFormat[0]?.[0] ?? "General");
    range.values = [
      [w.value === null ? "" : typeof w.value === "number" ? w.value : textForExcel(w.value, format === "@")],
    ];
  }
  await ctx.sync();
}
