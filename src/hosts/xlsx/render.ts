// Generated sheets (Riepilogo, Scheda) put into the file: the SheetDescription serialised as a
// worksheet part that replaces the previous generated sheet in place, or is appended.
import { AppError } from "../../app/errors";
import { hostMessages } from "../messages";
import { markerFor, markerName, renamedGeneratedSheet } from "../../domain/model/ownership";
import type { SheetDescription } from "../../domain/model/sheet";
import type { XlsxDocument } from "./document";
import { isProtected } from "./rollups";
import { chartPartsOf, putCharts, removeParts } from "./charts";
import { renderSheetXml } from "./sheetXml";
import { xmlUtf8 } from "./xmlChunks";

/** Stops (before any write) when the generated sheet cannot be replaced. */
export async function checkGeneratedSheet(doc: XlsxDocument, name: string): Promise<void> {
  const entry = doc.sheet(name);
  if (entry) {
    if (entry.kind !== "worksheet" || !entry.path)
      throw new AppError("HOST", hostMessages.notAWorksheet(entry.name));
    if (isProtected(await doc.sheetXml(entry)))
      throw new AppError("HOST", hostMessages.protectedSheet(entry.name));
  }
  const wanted = markerName(name).toLowerCase();
  const marker = doc.info.names.find((n) => n.localSheetId === null && n.name.toLowerCase() === wanted);
  const renamed = renamedGeneratedSheet(
    name,
    marker?.text,
    doc.info.sheets.map((s) => s.name),
  );
  if (renamed) throw new AppError("HOST", hostMessages.renamedSheet(name, renamed));
}

const LOCAL_NAMES = ["_xlnm.Print_Area", "_xlnm.Print_Titles"];

export async function renderGenerated(doc: XlsxDocument, desc: SheetDescription): Promise<void> {
  const styles = await doc.styles();
  const out = renderSheetXml(desc, styles, { date1904: doc.date1904 });
  const staleCharts = await chartPartsOf(doc, desc.name);
  const index = await doc.putSheet(desc.name, xmlUtf8(out.chunks));
  await removeParts(doc, staleCharts);
  await putCharts(doc, desc);
  const local = new Map(out.definedNames.filter((n) => n.localSheet).map((n) => [n.name.toLowerCase(), n]));
  const marker = markerFor(desc.name);
  await doc.editNames([
    // The sheet's print names: the new ones, and none left over from the sheet it replaces.
    ...LOCAL_NAMES.map((name) => ({
      name,
      localSheetId: index,
      text: local.has(name.toLowerCase()) ? strip(local.get(name.toLowerCase())!.refersTo) : null,
    })),
    ...out.definedNames
      .filter((n) => !n.localSheet)
      .map((n) => ({ name: n.name, localSheetId: null, text: strip(n.refersTo) })),
    { name: marker.name, localSheetId: null, text: strip(marker.refersTo) },
  ]);
}

function strip(f: string): string {
  return f.startsWith("=") ? f.slice(1) : f;
}
