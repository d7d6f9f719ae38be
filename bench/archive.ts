// Archivia monitoraggio on a synthetic plan (n objectives × 3 phases × 2 indicators): rows and cells per
// snapshot, the size of the values block a host sends for the whole table (JSON, dates as serials, as
// Office.js takes them), and the file host's times: the whole archive() on a workbook without archive,
// reading an archive of `dates` snapshots back, writing it with one more date.
import { SchedaService } from "../src/app/service";
import { readArchive } from "../src/domain/cycle/archive";
import { monitoraggiTable, type MonitoraggioRow } from "../src/domain/cycle/monitoraggi";
import { buildSnapshot, mergeSnapshot } from "../src/domain/cycle/snapshot";
import { isoToSerial } from "../src/domain/model/dates";
import { computeRollups } from "../src/domain/rollup/rollup";
import { XlsxHost } from "../src/hosts/xlsx/xlsxHost";
import { BENCH_TODAY, syntheticXlsx, type PipelineOptions } from "./pipeline";

export interface ArchiveFigures {
  objectives: number;
  rowsPerDate: number;
  cellsPerDate: number;
  /** The values grid (header + rows) of one snapshot as JSON, bytes. */
  valuesBytesPerDate: number;
  dates: number;
  /** The same for the whole archive of `dates` snapshots (what a host rewrites). */
  valuesBytesAll: number;
  /** 4,000,000-byte request blocks the values of the whole archive fill (the Excel host's budget). */
  blocksOf4Mb: number;
  archiveFirstMs: number;
  readBackMs: number;
  writeAllMs: number;
  outputBytes: number;
}

const time = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
};

/** Office.js takes dates as serial numbers. */
function wireBytes(rows: MonitoraggioRow[]): number {
  const t = monitoraggiTable(rows);
  const grid = [
    t.columns.map((c) => c.header),
    ...t.rows.map((r) => r.map((v) => (v instanceof Date ? isoToSerial(v.toISOString().slice(0, 10)) : v))),
  ];
  return Buffer.byteLength(JSON.stringify(grid), "utf8");
}

export async function benchArchive(
  n: number,
  dates: number,
  options: PipelineOptions = {},
): Promise<ArchiveFigures> {
  const input = await syntheticXlsx(n, options);
  // 1. The whole action on a workbook without an archive.
  const host = await XlsxHost.fromBuffer(input);
  const [first, archiveFirstMs] = await time(() =>
    new SchedaService(host, { today: () => BENCH_TODAY }).archive(),
  );
  if (!first.archived) throw new Error("archivio bloccato");
  const withOne = await host.toBuffer();
  // 2. An archive of `dates` snapshots (quarterly dates of the same year), written by the host…
  const check = await new SchedaService(await XlsxHost.fromBuffer(withOne)).check();
  const rollups = computeRollups(check.plan);
  let rows: MonitoraggioRow[] = [];
  for (let q = 1; q <= dates; q++) {
    const plan = {
      ...check.plan,
      parametri: { ...check.plan.parametri, dataRiferimento: `2023-${String(q * 3).padStart(2, "0")}-28` },
    };
    rows = mergeSnapshot(rows, buildSnapshot(plan, rollups, BENCH_TODAY)).rows;
  }
  const writer = await XlsxHost.fromBuffer(withOne);
  const [, writeAllMs] = await time(() => writer.writeArchive(monitoraggiTable(rows)));
  const bytes = await writer.toBuffer();
  // 3. …and read back as the service reads it.
  const reader = await XlsxHost.fromBuffer(bytes);
  const [read, readBackMs] = await time(async () =>
    readArchive(await reader.readWorkbook({ monitoraggi: true })),
  );
  if (read.rows.length !== rows.length) throw new Error(`righe rilette ${read.rows.length} ≠ ${rows.length}`);
  const perDate = first.archived.objectives + first.archived.phases + first.archived.indicators;
  const snapshotRows = rows.slice(0, perDate);
  const valuesBytesAll = wireBytes(rows);
  return {
    objectives: n,
    rowsPerDate: perDate,
    cellsPerDate: perDate * 9,
    valuesBytesPerDate: wireBytes(snapshotRows),
    dates,
    valuesBytesAll,
    blocksOf4Mb: Math.ceil(valuesBytesAll / 4_000_000),
    archiveFirstMs,
    readBackMs,
    writeAllMs,
    outputBytes: bytes.length,
  };
}
