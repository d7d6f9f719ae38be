// Reading the Monitoraggi archive back (docs/reference/workbook.md#monitoraggi). The sheet is the
// add-in's, never an input: the reader of the plan does not see it; the service asks the host for it
// only when it needs the archive (archiving, the Scheda's earlier snapshot). A sheet called Monitoraggi
// that is not the archive (none of a table or a row with its identifying headers) is someone else's:
// archiving would overwrite it, so it refuses.
import { cycleTexts } from "../messages";
import type { IsoDate } from "../model/dates";
import type { RawValue, RawWorkbook } from "../model/raw";
import { MONITORAGGI_COLUMNS, TABLES, type MonitoraggioField } from "../model/schema";
import { Collector, Grid } from "../reading/grid";
import { HeaderMatcher } from "../reading/headers";
import { buildLayout, findHeader } from "../reading/layout";
import { readByKind } from "../reading/values";
import type { MonitoraggioRow } from "./monitoraggi";

export interface ArchiveRead {
  rows: MonitoraggioRow[];
  /** Why the sheet called Monitoraggi cannot be taken as the archive (Italian), or null. */
  unusable: string | null;
}

/** The archive the host handed over (`RawWorkbook.monitoraggi`); no sheet, or a blank one, is empty. */
export function readArchive(wb: RawWorkbook): ArchiveRead {
  const sheet = wb.monitoraggi;
  if (!sheet) return { rows: [], unusable: null };
  const grid = new Grid(sheet, wb.date1904 === true);
  let blank = true;
  for (let r = grid.firstRow; r <= grid.lastRow && blank; r++)
    blank = grid.isBlankRow(r, grid.firstCol, grid.lastCol);
  if (blank) return { rows: [], unusable: null };

  const matcher = new HeaderMatcher(MONITORAGGI_COLUMNS, false);
  const cand = findHeader(grid, matcher, TABLES.monitoraggi);
  // Repeated headers are harmless here: the first column of each is read.
  const layout = buildLayout(grid, matcher, cand, new Collector());
  if (!cand.complete) {
    const missing = matcher.required.filter((d) => layout.columns[d.key] === undefined).map((d) => d.header);
    return { rows: [], unusable: cycleTexts.notAnArchive(grid.name, missing) };
  }
  const rows: MonitoraggioRow[] = [];
  for (let r = layout.firstRow; r <= layout.lastRow; r++) {
    const cells: RawValue[] = MONITORAGGI_COLUMNS.map((d) => {
      const col = layout.columns[d.key];
      return col === undefined ? null : grid.value(r, col);
    });
    if (cells.every((v) => v === null || (typeof v === "string" && v.trim() === ""))) continue;
    const read = (key: MonitoraggioField): string | number | null => {
      const i = MONITORAGGI_COLUMNS.findIndex((d) => d.key === key);
      const col = layout.columns[key];
      const got = readByKind(
        cells[i],
        MONITORAGGI_COLUMNS[i].kind,
        col === undefined ? undefined : grid.format(r, col),
        grid.date1904,
      );
      return got.status === "ok" ? got.value : null;
    };
    const text = (key: MonitoraggioField) => {
      const v = read(key);
      return typeof v === "string" ? v : null;
    };
    const number = (key: MonitoraggioField) => {
      const v = read(key);
      return typeof v === "number" ? v : null;
    };
    rows.push({
      data: text("data") as IsoDate | null,
      tipo: text("tipo"),
      obiettivo: text("obiettivo"),
      elemento: text("elemento"),
      avanzamento: number("avanzamento"),
      valoreRaggiunto: number("valoreRaggiunto"),
      grado: number("grado"),
      esito: text("esito"),
      archiviatoIl: text("archiviatoIl") as IsoDate | null,
      cells,
    });
  }
  return { rows, unusable: null };
}
