// Impostazioni on a file: the Parametri value cells the pane edited, patched into the sheet's XML.
// Only those `<c>` elements change (and a style appended when a cell needs a date format); every other
// cell, row and part of the package stays byte for byte.
import { AppError } from "../../app/errors";
import type { ParametriWrite } from "../../app/host";
import { cellAddress } from "../../domain/model/raw";
import { hostMessages } from "../messages";
import type { XlsxDocument } from "./document";
import { parseSheet } from "./read";
import { isProtected, writableSheet } from "./rollups";
import { cellXml, patchSheetCells, widenDimension, type CellWrite } from "./sheetPatch";
import { findElement } from "./xml";

export async function writeParametri(doc: XlsxDocument, write: ParametriWrite): Promise<void> {
  if (write.cells.length === 0) return;
  const entry = writableSheet(doc, write.sheet);
  const sheet = await parseSheet(doc, entry);
  if (isProtected(sheet.xml)) throw new AppError("HOST", hostMessages.protectedSheet(entry.name));
  const existing = new Map(sheet.rows.flatMap((r) => r.cells.map((c) => [`${c.row}:${c.col}`, c] as const)));
  // Checked for every cell before anything is written: a refused write writes nothing.
  for (const w of write.cells) {
    if (existing.get(`${w.row}:${w.col}`)?.formula) {
      throw new AppError("HOST", hostMessages.parametroFormula(cellAddress(entry.name, w.row, w.col)));
    }
  }
  const styles = await doc.styles();
  const prefix = findElement(sheet.xml, "sheetData")?.prefix ?? "";
  const writes: CellWrite[] = write.cells.map((w) => {
    const current = existing.get(`${w.row}:${w.col}`)?.style ?? 0;
    const style = w.numberFormat ? styles.xfWith(current, { numberFormat: w.numberFormat }) : current;
    const content =
      w.value === null
        ? ({ kind: "empty" } as const)
        : typeof w.value === "number"
          ? ({ kind: "number", value: w.value } as const)
          : ({ kind: "text", text: w.value } as const);
    return { row: w.row, col: w.col, xml: cellXml(prefix, w.row, w.col, style, content) };
  });
  let xml = patchSheetCells(sheet.xml, sheet.rows, writes);
  xml = widenDimension(xml, {
    top: Math.min(...write.cells.map((w) => w.row)),
    left: Math.min(...write.cells.map((w) => w.col)),
    bottom: Math.max(...write.cells.map((w) => w.row)),
    right: Math.max(...write.cells.map((w) => w.col)),
  });
  doc.setSheetXml(entry, xml);
}
