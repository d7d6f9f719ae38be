// Archivia monitoraggio through the Excel host (docs/reference/workbook.md#monitoraggi), with the real
// Office.js library against the emulator: what the Monitoraggi sheet holds, the same date twice, two
// dates side by side, what stops it with nothing written, a failure at any request (the previous
// archive intact, no temporary sheet left), a 1904 workbook, and the same sheet as the file host writes.
import { AppError, SchedaService } from "../../src/app/service";
import { readArchive } from "../../src/domain/cycle/archive";
import { earlierSnapshot } from "../../src/domain/cycle/earlier";
import { isoToSerial } from "../../src/domain/model/dates";
import { markerName } from "../../src/domain/model/ownership";
import { MONITORAGGI_COLUMNS, SHEETS } from "../../src/domain/model/schema";
import { archiveHostMessages, excelMessages, hostMessages } from "../../src/hosts/messages";
import {
  cellKey,
  cloneWorkbook,
  newSheet,
  newWorkbook,
  splitKey,
  type CellValue,
  type WorkbookState,
} from "../emulator/model";
import { putValues, startHarness, type Harness } from "../emulator/harness";
import { ARCHIVE_HEADERS, sampleFirstObjectiveRow } from "../helpers/monitoraggi";
import { inputCells, loadSampleJson, normalizedWorkbook, setColumnCell, setDataRiferimento } from "./helpers";

const json = loadSampleJson();
const ROWS_PER_DATE =
  json.obiettivi.length +
  json.obiettivi.reduce((n, o) => n + o.fasi.length, 0) +
  json.obiettivi.reduce((n, o) => n + o.indicatori.length, 0);
const INPUTS = [SHEETS.parametri, SHEETS.obiettivi, SHEETS.fasi, SHEETS.indicatori];
const TEMP = "Monitoraggi (nuovo)";
// The loop over every request of a multi-request archive takes a minute or two on a busy machine.
jest.setTimeout(600_000);

let h: Harness;
/** The sample with Data di riferimento 30/06/2023, no archive. */
let at3006: WorkbookState;

beforeAll(async () => {
  h = await startHarness();
  const wb = newWorkbook();
  wb.sheets.push(newSheet(wb, "Foglio1"));
  h.emu.reset(wb);
  await new SchedaService(h.host, { loadSample: async () => json }).loadSample();
  setDataRiferimento(h.emu.workbook, "2023-06-30");
  at3006 = cloneWorkbook(h.emu.workbook);
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  h.emu.reset(cloneWorkbook(at3006));
});

const archive = (today: string) => new SchedaService(h.host, { today: () => today }).archive();
const sheetOf = (wb: WorkbookState, name: string) => wb.sheets.find((s) => s.name === name);

/** The Monitoraggi sheet as rows of values, A1 to the last row, nine columns. */
function archiveRows(wb: WorkbookState): CellValue[][] {
  const s = sheetOf(wb, SHEETS.monitoraggi);
  if (!s) throw new Error("nessun foglio Monitoraggi");
  const last = Math.max(
    ...[...s.cells.entries()].filter(([, c]) => c.value !== null).map(([k]) => splitKey(k)[0]),
  );
  return Array.from({ length: last }, (_, r) =>
    MONITORAGGI_COLUMNS.map((_c, i) => s.cells.get(cellKey(r + 1, i + 1))?.value ?? null),
  );
}

/** One sheet of normalizedWorkbook, and the workbook without it and its marker name. */
function parts(wb: WorkbookState, name: string) {
  const all = normalizedWorkbook(wb) as { sheets: { name: string }[]; names: [string, unknown][] };
  return {
    sheet: all.sheets.find((s) => s.name === name),
    rest: {
      sheets: all.sheets.filter((s) => s.name !== name),
      names: all.names.filter(([n]) => n !== markerName(name).toLowerCase()),
    },
  };
}

/**
 * Puts `dates` earlier snapshots before the archive's rows (copies of its rows, one day apart, ending
 * the day before the first archived date): an archive big enough to take several requests.
 */
function addHistory(wb: WorkbookState, dates: number): void {
  const s = sheetOf(wb, SHEETS.monitoraggi)!;
  const rows = archiveRows(wb).length - 1;
  const copy = new Map(s.cells);
  const first = Number(copy.get(cellKey(2, 1))!.value);
  for (const [k, c] of copy) {
    const [r, col] = splitKey(k);
    if (r === 1) continue;
    s.cells.delete(k);
    for (let d = 0; d <= dates; d++) {
      const value = col === 1 && d < dates ? first - dates + d : c.value;
      s.cells.set(cellKey(r + d * rows, col), { ...structuredClone(c), value });
    }
  }
  s.tables[0].rect.r2 = 1 + (dates + 1) * rows;
}

async function expectNothingWritten(run: () => Promise<unknown>): Promise<void> {
  const before = normalizedWorkbook(h.emu.workbook);
  await run();
  expect(normalizedWorkbook(h.emu.workbook)).toEqual(before);
}

test("una riga per obiettivo, fase e indicatore, come valori, nella tabella tblMonitoraggi; il resto intatto", async () => {
  const before = parts(h.emu.workbook, SHEETS.monitoraggi).rest;
  const inputs = inputCells(h.emu.workbook, INPUTS);
  const from = h.emu.requests.length;
  const result = await archive("2023-07-05");
  expect(result.archived).toEqual({
    date: "2023-06-30",
    objectives: json.obiettivi.length,
    phases: json.obiettivi.flatMap((o) => o.fasi).length,
    indicators: json.obiettivi.flatMap((o) => o.indicatori).length,
    replaced: 0,
    dates: ["2023-06-30"],
  });
  // Reading (2 syncs), preflight (1), one write request: nothing per row.
  expect(h.emu.requests.length - from).toBeLessThanOrEqual(4);

  const rows = archiveRows(h.emu.workbook);
  expect(rows[0]).toEqual(ARCHIVE_HEADERS);
  expect(rows).toHaveLength(1 + ROWS_PER_DATE);
  const o1 = json.obiettivi[0];
  expect(rows[1]).toEqual(sampleFirstObjectiveRow(o1.codice));
  expect(rows[2].slice(0, 5)).toEqual([isoToSerial("2023-06-30"), "Fase", o1.codice, o1.fasi[0].titolo, 100]);
  const tipi = rows.slice(1).map((r) => r[1]);
  expect(tipi.filter((t) => t === "Indicatore")).toHaveLength(
    json.obiettivi.flatMap((o) => o.indicatori).length,
  );

  const sheet = sheetOf(h.emu.workbook, SHEETS.monitoraggi)!;
  expect([...sheet.cells.values()].filter((c) => c.formula !== undefined)).toEqual([]);
  expect(sheet.tables.map((t) => [t.name, t.rect])).toEqual([
    ["tblMonitoraggi", { r1: 1, c1: 1, r2: 1 + ROWS_PER_DATE, c2: 9 }],
  ]);
  expect(sheet.cells.get(cellKey(2, 1))?.numberFormat).toBe("dd/mm/yyyy");
  expect(sheet.freezeRows).toBe(1);
  expect(h.emu.workbook.names.get(markerName(SHEETS.monitoraggi).toLowerCase())?.formula).toBe(
    "=Monitoraggi!$A$1",
  );
  expect(h.emu.workbook.sheets.map((s) => s.name)).toEqual(["Foglio1", ...INPUTS, SHEETS.monitoraggi]);
  // Nothing else changed: no computed column, no Riepilogo, input cells as they were.
  expect(parts(h.emu.workbook, SHEETS.monitoraggi).rest).toEqual(before);
  expect(inputCells(h.emu.workbook, INPUTS)).toEqual(inputs);
});

test("archiviare di nuovo alla stessa data dà la stessa cartella", async () => {
  await archive("2023-07-05");
  const once = normalizedWorkbook(h.emu.workbook);
  const again = await archive("2023-07-05");
  expect(again.archived?.replaced).toBe(ROWS_PER_DATE);
  expect(normalizedWorkbook(h.emu.workbook)).toEqual(once);
});

test("una seconda data si aggiunge alla prima, che resta com'era; la rilettura trova il 30/06", async () => {
  await archive("2023-07-05");
  const first = archiveRows(h.emu.workbook);
  setDataRiferimento(h.emu.workbook, "2023-12-31");
  setColumnCell(h.emu.workbook, SHEETS.fasi, "Avanzamento", 2, 40);
  const second = await archive("2024-01-15");
  expect(second.archived).toMatchObject({
    date: "2023-12-31",
    replaced: 0,
    dates: ["2023-06-30", "2023-12-31"],
  });
  const rows = archiveRows(h.emu.workbook);
  expect(rows).toHaveLength(1 + 2 * ROWS_PER_DATE);
  expect(rows.slice(0, 1 + ROWS_PER_DATE)).toEqual(first);
  expect(rows[2 + ROWS_PER_DATE].slice(0, 5)).toEqual([
    isoToSerial("2023-12-31"),
    "Fase",
    json.obiettivi[0].codice,
    json.obiettivi[0].fasi[0].titolo,
    40,
  ]);
  // Read back in the same syncs as the input sheets, the archive gives the Scheda its 30/06.
  const from = h.emu.requests.length;
  const raw = await h.host.readWorkbook({ monitoraggi: true });
  expect(h.emu.requests.length - from).toBe(2);
  expect(raw.sheets.map((s) => s.name)).toEqual(INPUTS);
  const service = new SchedaService(h.host, { today: () => "2024-01-15" });
  const plan = (await service.check()).plan;
  const earlier = earlierSnapshot(plan, readArchive(raw).rows)!;
  expect(earlier.label).toBe("30/06");
  expect(earlier.phases.get(plan.fasi[0])?.avanzamento).toBe(100);
  expect([earlier.objectives.size, earlier.phases.size, earlier.indicators.size]).toEqual([
    json.obiettivi.length,
    json.obiettivi.flatMap((o) => o.fasi).length,
    json.obiettivi.flatMap((o) => o.indicatori).length,
  ]);
  // Without asking, the archive is not read (nor handed over).
  expect((await h.host.readWorkbook()).monitoraggi).toBeUndefined();
});

describe("si ferma senza scrivere nulla", () => {
  test("sui problemi bloccanti, come Calcola", async () => {
    await archive("2023-07-05");
    setColumnCell(h.emu.workbook, SHEETS.obiettivi, "Titolo", 1, "Titolo obiettivo");
    await expectNothingWritten(async () => {
      const r = await archive("2023-07-05");
      expect(r.archived).toBeNull();
      expect(r.check.blocking.map((p) => p.rule)).toEqual(["COLUMN_MISSING"]);
    });
  });

  test.each(["Monitoraggi", "MONITORAGGI", "Monitoraggì"])(
    "quando un foglio «%s» non è l'archivio (un foglio dell'ufficio)",
    async (name) => {
      const s = newSheet(h.emu.workbook, name);
      h.emu.workbook.sheets.push(s);
      putValues(s, [["Nota"], ["Riunione del 12/03"]]);
      await expectNothingWritten(async () => {
        const err = await archive("2023-07-05").catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect((err as Error).message).toMatch(/non è l'archivio dei monitoraggi.*Rinominare/);
      });
    },
  );

  test("quando l'archivio è protetto", async () => {
    await archive("2023-07-05");
    sheetOf(h.emu.workbook, SHEETS.monitoraggi)!.protected = true;
    await expectNothingWritten(() =>
      expect(archive("2023-07-05")).rejects.toEqual(
        new AppError("HOST", hostMessages.protectedSheet("Monitoraggi")),
      ),
    );
  });

  test("quando l'archivio è stato rinominato (il suo nome pegFoglio lo segue)", async () => {
    await archive("2023-07-05");
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Monitoraggi").name = "Monitoraggi 2023";
      await ctx.sync();
    });
    await expectNothingWritten(() =>
      expect(archive("2023-07-05")).rejects.toThrow(
        hostMessages.renamedSheet("Monitoraggi", "Monitoraggi 2023"),
      ),
    );
  });

  test("quando una tabella di un altro foglio, o un nome della cartella, si chiama già tblMonitoraggi", async () => {
    const s = newSheet(h.emu.workbook, "Appunti");
    h.emu.workbook.sheets.push(s);
    putValues(s, [["Nota"], ["x"]]);
    s.tables.push({
      id: "99",
      name: "tblMonitoraggi",
      rect: { r1: 1, c1: 1, r2: 2, c2: 1 },
      showHeaders: true,
    });
    await expectNothingWritten(() =>
      expect(archive("2023-07-05")).rejects.toThrow(
        archiveHostMessages.tableNameTaken("tblMonitoraggi", "Appunti"),
      ),
    );
    h.emu.reset(cloneWorkbook(at3006));
    h.emu.workbook.names.set("tblmonitoraggi", { name: "tblMonitoraggi", formula: "=Parametri!$B$2" });
    await expectNothingWritten(() =>
      expect(archive("2023-07-05")).rejects.toThrow(archiveHostMessages.nameTaken("tblMonitoraggi")),
    );
  });
});

describe("una richiesta che fallisce (richiesta N) lascia l'archivio precedente intatto e nessun foglio temporaneo", () => {
  /** Fails each request of the archive in turn from `before`; the run after the failure gives `fresh`. */
  async function everyRequest(before: WorkbookState, today: string): Promise<number> {
    h.emu.reset(cloneWorkbook(before));
    await archive(today);
    const fresh = normalizedWorkbook(h.emu.workbook);
    const total = h.emu.requests.length;
    for (let n = 1; n <= total; n++) {
      h.emu.reset(cloneWorkbook(before));
      h.emu.failRequest(n);
      const err = await archive(today).catch((e: unknown) => e);
      expect({ n, message: (err as Error).message }).toEqual({ n, message: excelMessages.connectionLost });
      expect({ n, names: h.emu.workbook.sheets.map((s) => s.name).filter((s) => s === TEMP) }).toEqual({
        n,
        names: [],
      });
      // The whole workbook as before: the previous archive, its table and its marker, nothing else.
      expect({ n, workbook: normalizedWorkbook(h.emu.workbook) }).toEqual({
        n,
        workbook: normalizedWorkbook(before),
      });
      await archive(today);
      expect({ n, workbook: normalizedWorkbook(h.emu.workbook) }).toEqual({ n, workbook: fresh });
    }
    return total;
  }

  test("sopra un archivio esistente (seconda data)", async () => {
    await archive("2023-07-05");
    setDataRiferimento(h.emu.workbook, "2023-12-31");
    setColumnCell(h.emu.workbook, SHEETS.fasi, "Avanzamento", 2, 40);
    const before = cloneWorkbook(h.emu.workbook);
    expect(archiveRows(before)).toHaveLength(1 + ROWS_PER_DATE);
    expect(await everyRequest(before, "2024-01-15")).toBeGreaterThanOrEqual(4);
  });

  test("al primo archivio (nessun foglio Monitoraggi prima)", async () => {
    expect(await everyRequest(cloneWorkbook(at3006), "2023-07-05")).toBeGreaterThanOrEqual(4);
  });

  test("su un archivio scritto in più richieste: il foglio temporaneo c'è già quando una fallisce", async () => {
    await archive("2023-07-05");
    addHistory(h.emu.workbook, 130);
    setDataRiferimento(h.emu.workbook, "2023-12-31");
    const before = cloneWorkbook(h.emu.workbook);
    const beforeJson = JSON.stringify(normalizedWorkbook(before));
    h.emu.reset(cloneWorkbook(before));
    await archive("2024-01-15");
    const fresh = JSON.stringify(normalizedWorkbook(h.emu.workbook));
    // The preflight is the last request asking for the date system; the writes follow it. Failures in
    // the reading before are the small archives' case above.
    const preflight =
      h.emu.requests.map((r) => r.actionNames.includes("FunctionResult?")).lastIndexOf(true) + 1;
    const total = h.emu.requests.length;
    expect(total - preflight).toBeGreaterThanOrEqual(2);
    for (let n = preflight; n <= total; n++) {
      h.emu.reset(cloneWorkbook(before));
      h.emu.failRequest(n);
      await expect(archive("2024-01-15")).rejects.toThrow(excelMessages.connectionLost);
      // Compared as JSON: a deep diff of 190,000 cells would take minutes to print.
      const sheets = h.emu.workbook.sheets.map((s) => s.name);
      expect({ n, sheets, same: JSON.stringify(normalizedWorkbook(h.emu.workbook)) === beforeJson }).toEqual({
        n,
        sheets: before.sheets.map((s) => s.name),
        same: true,
      });
    }
    await archive("2024-01-15");
    expect(JSON.stringify(normalizedWorkbook(h.emu.workbook)) === fresh).toBe(true);
  });

  test("un foglio temporaneo lasciato da un errore precedente viene tolto", async () => {
    await archive("2023-07-05");
    const once = normalizedWorkbook(h.emu.workbook);
    const left = newSheet(h.emu.workbook, TEMP);
    h.emu.workbook.sheets.push(left);
    putValues(left, [["resto"]]);
    await archive("2023-07-05");
    expect(normalizedWorkbook(h.emu.workbook)).toEqual(once);
  });
});

test("cartella con date dal 1904: le date archiviate si rileggono uguali", async () => {
  h.emu.workbook.date1904 = true;
  // The sample's serials now mean other days: Data di riferimento is set again in the 1904 system.
  setDataRiferimento(h.emu.workbook, "2023-06-30", true);
  const result = await archive("2023-07-05");
  expect(result.archived?.date).toBe("2023-06-30");
  const rows = archiveRows(h.emu.workbook);
  expect([rows[1][0], rows[1][8]]).toEqual([
    isoToSerial("2023-06-30") - 1462,
    isoToSerial("2023-07-05") - 1462,
  ]);
  const read = readArchive(await h.host.readWorkbook({ monitoraggi: true }));
  expect([read.rows[0].data, read.rows[0].archiviatoIl]).toEqual(["2023-06-30", "2023-07-05"]);
});
