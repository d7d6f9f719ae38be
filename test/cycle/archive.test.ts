// Archivia monitoraggio through the application service and the file host (docs/reference/workbook.md
// #monitoraggi): what the sheet holds, read straight from the file's XML; the same date twice gives the
// same file; two dates side by side; blocking problems and foreign sheets stop it with nothing written;
// nothing outside the Monitoraggi sheet changes.
import { appMessages } from "../../src/app/messages";
import { AppError, SchedaService } from "../../src/app/service";
import { readArchive } from "../../src/domain/cycle/archive";
import { earlierSnapshot } from "../../src/domain/cycle/earlier";
import type { Plan } from "../../src/domain/model/model";
import { isoToSerial } from "../../src/domain/model/dates";
import type { InputTableSpec } from "../../src/domain/model/sheet";
import { buildSample } from "../../src/domain/template/template";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { ARCHIVE_HEADERS, sampleFirstObjectiveRow } from "../helpers/monitoraggi";
import { DEFAULT_OWNERSHIP, expectNothingLost } from "../helpers/nothingLost";
import { loadSampleJson } from "../helpers/sample";
import { editCells, editParts, partsOf } from "../helpers/xlsxFiles";
import { readXlsxCells, type XCell } from "../rollup/oracle";
import { baseSpec, toTemplate } from "../validate/fixture";

const json = loadSampleJson();
const ROWS_PER_DATE = 33 + 80 + 48;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function sampleBytes(): Promise<Uint8Array> {
  const host = await XlsxHost.createEmpty();
  await host.prepareSheets(buildSample(json), { fillRows: true });
  return host.toBuffer();
}

/** What Archivia monitoraggio does to a file, on `today`. */
async function archive(bytes: Uint8Array, today: string) {
  const host = await XlsxHost.fromBuffer(bytes);
  const result = await new SchedaService(host, { today: () => today }).archive();
  return { result, bytes: await host.toBuffer() };
}

async function planOf(bytes: Uint8Array): Promise<Plan> {
  return (await new SchedaService(await XlsxHost.fromBuffer(bytes)).check()).plan;
}

/** The Monitoraggi sheet as rows of cells (header first), straight from the XML. */
async function monitoraggiRows(bytes: Uint8Array): Promise<XCell[][]> {
  const sheet = (await readXlsxCells(bytes)).get("Monitoraggi");
  if (!sheet) throw new Error("nessun foglio Monitoraggi");
  const rows: XCell[][] = [];
  for (const [ref, cell] of sheet) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const r = Number(m[2]) - 1;
    (rows[r] ??= [])[m[1].charCodeAt(0) - 65] = cell;
  }
  return rows;
}
const valueOf = (c: XCell | undefined) => c?.value ?? null;

async function setParam(bytes: Uint8Array, key: "dataRiferimento", value: Date): Promise<Uint8Array> {
  const cell = (await planOf(bytes)).layout.parametri!.cells[key]!;
  return editCells(bytes, [{ sheet: "Parametri", row: cell.row, col: cell.col, value }]);
}

describe("Archivia monitoraggio on the sample", () => {
  let at3006: Uint8Array;
  let archived: Awaited<ReturnType<typeof archive>>;

  beforeAll(async () => {
    at3006 = await setParam(await sampleBytes(), "dataRiferimento", utc(2023, 6, 30));
    archived = await archive(at3006, "2023-07-05");
  });

  it("writes one row per objective, phase and indicator, as values, in table tblMonitoraggi", async () => {
    expect(archived.result.archived).toEqual({
      date: "2023-06-30",
      objectives: 33,
      phases: 80,
      indicators: 48,
      replaced: 0,
      dates: ["2023-06-30"],
    });
    const rows = await monitoraggiRows(archived.bytes);
    expect(rows[0].map(valueOf)).toEqual(ARCHIVE_HEADERS);
    expect(rows).toHaveLength(1 + ROWS_PER_DATE);
    expect(rows.flat().filter((c) => c.formula !== null)).toEqual([]);
    // counts by Tipo come from the JSON, the first objective and its first phase too
    const tipi = rows.slice(1).map((r) => valueOf(r[1]));
    expect(tipi.filter((t) => t === "Obiettivo")).toHaveLength(json.obiettivi.length);
    expect(tipi.filter((t) => t === "Fase")).toHaveLength(json.obiettivi.flatMap((o) => o.fasi).length);
    const o1 = json.obiettivi[0];
    expect(rows[1].map(valueOf)).toEqual(sampleFirstObjectiveRow(o1.codice));
    expect(rows[2].slice(0, 5).map(valueOf)).toEqual([
      isoToSerial("2023-06-30"),
      "Fase",
      o1.codice,
      o1.fasi[0].titolo,
      o1.fasi[0].avanzamento,
    ]);
    const parts = await partsOf(archived.bytes);
    const table = [...parts].find(
      ([n, b]) => n.startsWith("xl/tables/") && b.toString().includes("tblMonitoraggi"),
    );
    expect(table?.[1].toString()).toContain(`ref="A1:I${1 + ROWS_PER_DATE}"`);
  });

  it("is not an input: the check of the archived workbook is the check of the workbook before", async () => {
    const before = await new SchedaService(await XlsxHost.fromBuffer(at3006)).check();
    const after = await new SchedaService(await XlsxHost.fromBuffer(archived.bytes)).check();
    expect(after.problems).toEqual(before.problems);
    expect(after.plan.obiettivi).toEqual(before.plan.obiettivi);
  });

  it("changes nothing outside the Monitoraggi sheet (and its marker name)", async () => {
    await expectNothingLost(at3006, archived.bytes, {
      ...DEFAULT_OWNERSHIP,
      ownedSheets: ["Monitoraggi"],
      isOwnedHeader: () => false,
    });
  });

  it("archiving the same date again gives the same file", async () => {
    const again = await archive(archived.bytes, "2023-07-05");
    expect(again.result.archived?.replaced).toBe(ROWS_PER_DATE);
    const a = await partsOf(archived.bytes);
    const b = await partsOf(again.bytes);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a)
      expect({ name, same: bytes.equals(b.get(name)!) }).toEqual({ name, same: true });
  });

  it("a second date is added beside the first, which keeps its values; the Scheda's earlier snapshot is found", async () => {
    // At 31/12 the first phase of the first objective goes from 100 to 40.
    const F = (await planOf(archived.bytes)).layout.fasi!;
    const changed = await editCells(await setParam(archived.bytes, "dataRiferimento", utc(2023, 12, 31)), [
      { sheet: "Fasi", row: 2, col: F.columns.avanzamento!, value: 40 },
    ]);
    const second = await archive(changed, "2024-01-15");
    expect(second.result.archived).toMatchObject({
      date: "2023-12-31",
      replaced: 0,
      dates: ["2023-06-30", "2023-12-31"],
    });
    const rows = await monitoraggiRows(second.bytes);
    expect(rows).toHaveLength(1 + 2 * ROWS_PER_DATE);
    const first = await monitoraggiRows(archived.bytes);
    // the 30/06 rows, cell by cell, as they were
    expect(rows.slice(1, 1 + ROWS_PER_DATE).map((r) => r.map(valueOf))).toEqual(
      first.slice(1).map((r) => r.map(valueOf)),
    );
    const dec = rows.slice(1 + ROWS_PER_DATE);
    expect(dec[1].slice(0, 5).map(valueOf)).toEqual([
      isoToSerial("2023-12-31"),
      "Fase",
      json.obiettivi[0].codice,
      json.obiettivi[0].fasi[0].titolo,
      40,
    ]);

    // Read back, the archive gives the Scheda 30/06 beside 31/12.
    const host = await XlsxHost.fromBuffer(second.bytes);
    const raw = await host.readWorkbook({ monitoraggi: true });
    const plan = await planOf(second.bytes);
    const earlier = earlierSnapshot(plan, readArchive(raw).rows)!;
    expect(earlier.label).toBe("30/06");
    expect(earlier.phases.get(plan.fasi[0])?.avanzamento).toBe(100);
    expect(earlier.phases.size).toBe(80);
    expect(earlier.indicators.size).toBe(48);
    expect(earlier.objectives.size).toBe(33);
  });
});

describe("Archivia monitoraggio stops, writing nothing", () => {
  async function small(extra: InputTableSpec[] = []): Promise<Uint8Array> {
    const host = await XlsxHost.createEmpty();
    const t = toTemplate(baseSpec());
    await host.prepareSheets({ ...t, tables: [...t.tables, ...extra] }, { fillRows: true });
    return host.toBuffer();
  }
  async function expectUnchanged(input: Uint8Array, run: (h: XlsxHost) => Promise<unknown>) {
    const host = await XlsxHost.fromBuffer(input);
    await run(host);
    const a = await partsOf(input);
    const b = await partsOf(await host.toBuffer());
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!)).toBe(true);
  }

  it("on blocking problems, as rollup does", async () => {
    // the Titolo header renamed: COLUMN_MISSING
    const input = await editCells(await small(), [
      { sheet: "Obiettivi", row: 1, col: 2, value: "Titolo obiettivo" },
    ]);
    await expectUnchanged(input, async (host) => {
      const r = await new SchedaService(host).archive();
      expect(r.archived).toBeNull();
      expect(r.check.blocking.map((p) => p.rule)).toEqual(["COLUMN_MISSING"]);
    });
  });

  it("when a sheet called Monitoraggi is not the archive (someone's own sheet)", async () => {
    const input = await small([
      {
        sheet: "Monitoraggi",
        table: "tblNote",
        columns: [{ header: "Nota", width: 30 }],
        rows: [["Riunione del 12/03"]],
      },
    ]);
    await expectUnchanged(input, async (host) => {
      const err = await new SchedaService(host).archive().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as Error).message).toMatch(/non è l'archivio dei monitoraggi.*Rinominare/);
    });
  });

  it("when the archive was renamed by the user (its marker points at the new name)", async () => {
    const archivedBytes = (await archive(await small(), "2024-01-10")).bytes;
    const renamed = await editParts(archivedBytes, (name, text) =>
      name === "xl/workbook.xml"
        ? text
            .replace('name="Monitoraggi"', 'name="Monitoraggi 2023"')
            .replace(">Monitoraggi!$A$1<", ">'Monitoraggi 2023'!$A$1<")
        : null,
    );
    await expectUnchanged(renamed, async (host) => {
      await expect(new SchedaService(host).archive()).rejects.toThrow(/rinominato/);
    });
  });

  it("when the archive sheet is protected", async () => {
    const archivedBytes = (await archive(await small(), "2024-01-10")).bytes;
    const locked = await editParts(archivedBytes, (name, text) =>
      name.startsWith("xl/worksheets/") && text.includes("Archiviato il")
        ? text.replace("</sheetData>", '</sheetData><sheetProtection sheet="1"/>')
        : null,
    );
    await expectUnchanged(locked, async (host) => {
      await expect(new SchedaService(host).archive()).rejects.toThrow(/«Monitoraggi» è protetto/);
    });
  });

  it("when another sheet's table is already called tblMonitoraggi", async () => {
    const input = await small([
      { sheet: "Appunti", table: "tblMonitoraggi", columns: [{ header: "Nota", width: 30 }], rows: [["x"]] },
    ]);
    await expectUnchanged(input, async (host) => {
      await expect(new SchedaService(host).archive()).rejects.toThrow(/«tblMonitoraggi».*«Appunti»/);
    });
  });

  it("on a host that does not hand the archive over (it would wipe it)", async () => {
    const input = await small();
    await expectUnchanged(input, async (host) => {
      const blind = {
        kind: "excel" as const,
        readWorkbook: () => host.readWorkbook(), // never hands over Monitoraggi
        writeRollups: host.writeRollups.bind(host),
        renderSheet: host.renderSheet.bind(host),
        prepareSheets: host.prepareSheets.bind(host),
        isEmptyWorkbook: host.isEmptyWorkbook.bind(host),
        writeArchive: host.writeArchive.bind(host),
      };
      await expect(new SchedaService(blind).archive()).rejects.toThrow(appMessages.archiveUnavailable);
    });
  });
});
