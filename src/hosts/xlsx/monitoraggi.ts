// The Monitoraggi archive in a file (docs/reference/workbook.md#monitoraggi): read back when the
// service asks, and replaced whole when a snapshot is archived. The sheet is the add-in's: its
// worksheet part and its table part are rewritten as Prepara fogli writes an input table (values
// only, one table tblMonitoraggi), in place when the sheet exists, else appended; a workbook name
// pegFoglio_Monitoraggi marks it, as it marks Riepilogo and Scheda, so a renamed copy is never taken.
import { AppError } from "../../app/errors";
import { markerFor } from "../../domain/model/ownership";
import type { RawSheet } from "../../domain/model/raw";
import { SHEETS } from "../../domain/model/schema";
import type { InputTableSpec } from "../../domain/model/sheet";
import { archiveHostMessages } from "../messages";
import type { XlsxDocument } from "./document";
import { layOutTable } from "./prepare";
import { parseSheet, toRawSheet } from "./read";
import { checkGeneratedSheet } from "./render";
import { readSheetTables } from "./tables";

/** The Monitoraggi sheet as raw cells, or null when the workbook has no such worksheet. */
export async function readMonitoraggi(doc: XlsxDocument): Promise<RawSheet | null> {
  const entry = doc.sheet(SHEETS.monitoraggi);
  if (!entry || entry.kind !== "worksheet" || !entry.path) return null;
  const styles = await doc.styles();
  return toRawSheet(await parseSheet(doc, entry), (s) => styles.numberFormatCode(s));
}

/** Replaces the Monitoraggi sheet with the table; stops before any write when it may not. */
export async function writeMonitoraggi(doc: XlsxDocument, spec: InputTableSpec): Promise<void> {
  await checkGeneratedSheet(doc, spec.sheet);
  const existing = doc.sheet(spec.sheet);
  const own = existing?.path ? await readSheetTables(doc.pkg, existing.path) : [];
  for (const s of doc.info.sheets) {
    if (s === existing || s.kind !== "worksheet" || !s.path) continue;
    const clash = (await readSheetTables(doc.pkg, s.path)).find(
      (t) => t.name.toLowerCase() === spec.table.toLowerCase(),
    );
    if (clash) throw new AppError("HOST", archiveHostMessages.tableNameTaken(clash.name, s.name));
  }
  // The old sheet's tables go with it (its relationships are dropped when the part is replaced).
  for (const t of own) {
    doc.pkg.remove(t.path);
    await doc.pkg.removeContentType(t.path);
  }
  await layOutTable(doc, spec, true);
  const marker = markerFor(spec.sheet);
  await doc.editNames([{ name: marker.name, localSheetId: null, text: marker.refersTo.slice(1) }]);
}
