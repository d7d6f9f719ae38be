// The Monitoraggi archive in Excel (docs/reference/workbook.md#monitoraggi), the twin of
// src/hosts/xlsx/monitoraggi.ts: read back in the syncs and blocks that read the input sheets, and
// replaced whole the way renderSheet replaces a generated sheet. The new sheet is laid out as Prepara
// fogli lays out an input table (values only) under a temporary sheet name, with its table under a
// temporary name too (a table name is unique in the workbook, and the old archive still holds
// tblMonitoraggi); the last request deletes the old sheet, renames sheet and table and writes the
// pegFoglio_Monitoraggi marker. A failure at any request leaves the previous archive as it was.
import { AppError } from "../../app/errors";
import type { RawWorkbook } from "../../domain/model/raw";
import { SHEETS } from "../../domain/model/schema";
import type { InputTableSpec } from "../../domain/model/sheet";
import { inputSheetLook } from "../../domain/template/look";
import { archiveHostMessages, hostMessages } from "../messages";
import { ACTION_OVERHEAD, RANGE_OVERHEAD, jsonBytes } from "./batch";
import { dateSerial } from "./cells";
import { layOutTable } from "./prepare";
import { findSheetName, readWorkbook } from "./read";
import { buildAndSwap, preflight, sameName, writeBatcher, type Preflight } from "./transaction";

/** The workbook as `readWorkbook` reads it, with the Monitoraggi sheet handed over apart (null: none). */
export async function readWithMonitoraggi(ctx: Excel.RequestContext): Promise<RawWorkbook> {
  const wb = await readWorkbook(ctx, [SHEETS.monitoraggi]);
  const archive = findSheetName(
    wb.sheets.map((s) => s.name),
    SHEETS.monitoraggi,
  );
  return {
    ...wb,
    sheets: wb.sheets.filter((s) => s.name !== archive),
    monitoraggi: wb.sheets.find((s) => s.name === archive) ?? null,
  };
}

/** Replaces (or creates) the Monitoraggi sheet with the table; stops before any write when it may not. */
export async function writeMonitoraggi(ctx: Excel.RequestContext, spec: InputTableSpec): Promise<void> {
  const pre = await preflight(ctx, { writeSheets: [], generated: [spec.sheet], tableRanges: false });
  const old = findSheetName(
    pre.sheets.map((s) => s.name),
    spec.sheet,
  );
  // Found as the reader finds it (accents and spaces aside), so the sheet read is the sheet replaced.
  if (old !== null && pre.sheets.find((s) => s.name === old)?.protected)
    throw new AppError("HOST", hostMessages.protectedSheet(old));
  const clash = pre.tables.find((t) => sameName(t.name, spec.table) && t.sheet !== old);
  if (clash) throw new AppError("HOST", archiveHostMessages.tableNameTaken(clash.name, clash.sheet));
  // Excel keeps table names and workbook names in one namespace: the rename at the swap would fail.
  if (pre.names.has(spec.table.toLowerCase()))
    throw new AppError("HOST", archiveHostMessages.nameTaken(spec.table));

  // New dates are written as the workbook's serials (the preflight read its date system).
  const date1904 = pre.date1904;
  const rows = spec.rows.map((r) => r.map((v) => (v instanceof Date ? dateSerial(v, date1904) : v)));
  const look = inputSheetLook({ ...spec, rows }, { fillRows: true });
  const tempTable = freeTableName(pre, `${spec.table}_nuovo`);
  const b = writeBatcher(ctx);
  await buildAndSwap(b, ctx, pre, {
    name: spec.sheet,
    replaces: old,
    build: (_sheet, temp) =>
      layOutTable(b, ctx, temp, { ...look, table: { ...look.table, name: tempTable } }, date1904),
    names: [],
    atSwap: {
      bytes: RANGE_OVERHEAD + ACTION_OVERHEAD + jsonBytes(spec.table),
      queue: () => {
        ctx.workbook.tables.getItem(tempTable).name = spec.table;
      },
    },
  });
}

/** `base`, or `base2`, `base3`… : the first name no table or workbook name holds. */
function freeTableName(pre: Preflight, base: string): string {
  const taken = (n: string) => pre.tables.some((t) => sameName(t.name, n)) || pre.names.has(n.toLowerCase());
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}${i}`;
  return name;
}
