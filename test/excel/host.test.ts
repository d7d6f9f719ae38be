// The Excel host's rules (docs/reference/excel-host.md) on the emulator: input cells untouched, idempotence, text kept as
// text, the temporary-sheet swap under failures, and the Italian messages for what the user can fix.
import { AppError, SchedaService } from "../../src/app/service";
import { buildRollupWritePlan } from "../../src/domain/rollup/formulas";
import { excelMessages, hostMessages } from "../../src/hosts/messages";
import { ownershipMessages } from "../../src/domain/messages";
import { ExcelHost } from "../../src/hosts/excel/excelHost";
import { areasOf } from "../../src/hosts/excel/rollups";
import { readPlan } from "../../src/domain/reading/reader";
import { computeRollups } from "../../src/domain/rollup/rollup";
import { SHEETS } from "../../src/domain/model/schema";
import type { SamplePlanJson } from "../../src/domain/template/template";
import { markerName } from "../../src/domain/model/ownership";
import { checkExcelApi, isExcelApiSupported } from "../../src/hosts/excel/office";
import {
  cellKey,
  cloneWorkbook,
  colLetters,
  newSheet,
  newWorkbook,
  splitKey,
  type WorkbookState,
} from "../emulator/model";
import { cell, startHarness, type Harness } from "../emulator/harness";
import { inputCells, loadSampleJson, normalizedWorkbook, TODAY } from "./helpers";

const INPUTS = [SHEETS.parametri, SHEETS.obiettivi, SHEETS.fasi, SHEETS.indicatori];
let h: Harness;
let loaded: WorkbookState;

const service = (sample?: SamplePlanJson) =>
  new SchedaService(h.host, { today: () => TODAY, loadSample: async () => sample ?? loadSampleJson() });

async function loadInto(sample?: SamplePlanJson): Promise<void> {
  const wb = newWorkbook();
  wb.sheets.push(newSheet(wb, "Foglio1"));
  h.emu.reset(wb);
  await service(sample).loadSample();
}

beforeAll(async () => {
  h = await startHarness();
  await loadInto();
  loaded = cloneWorkbook(h.emu.workbook);
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  h.emu.reset(cloneWorkbook(loaded));
});

const sheetOf = (name: string) => h.emu.workbook.sheets.find((s) => s.name === name);

test("Carica esempio rifiuta una cartella con dati; Prepara fogli non tocca ciò che esiste", async () => {
  expect(await h.host.isEmptyWorkbook()).toBe(false);
  await expect(service().loadSample()).rejects.toMatchObject({ code: "NOT_EMPTY" });
  const before = normalizedWorkbook(h.emu.workbook);
  const result = await service().prepare();
  expect(result).toEqual({ createdSheets: [], createdTables: [] });
  expect(normalizedWorkbook(h.emu.workbook)).toEqual(before);

  const empty = newWorkbook();
  empty.sheets.push(newSheet(empty, "Foglio1"));
  h.emu.reset(empty);
  expect(await h.host.isEmptyWorkbook()).toBe(true);
  const created = await service().prepare();
  expect(created.createdSheets).toEqual(INPUTS);
  for (const name of INPUTS) expect(sheetOf(name)!.tables).toHaveLength(1);
  // Tables were created over the written block in one go (no per-row growth).
  expect(
    h.emu.requests.flatMap((r) => r.actionNames).filter((n) => n.startsWith("TableRowCollection")),
  ).toEqual([]);
  expect(await h.host.isEmptyWorkbook()).toBe(true);
});

test("Carica esempio dopo Prepara fogli riempie le tabelle preparate (Parametri: solo i valori vuoti)", async () => {
  const empty = newWorkbook();
  empty.sheets.push(newSheet(empty, "Foglio1"));
  h.emu.reset(empty);
  await service().prepare();
  expect(await h.host.isEmptyWorkbook()).toBe(true);
  await service().loadSample();
  const check = await service().check();
  const json = loadSampleJson();
  expect(check.plan.obiettivi).toHaveLength(json.obiettivi.length);
  expect(check.plan.fasi).toHaveLength(json.obiettivi.reduce((n, o) => n + o.fasi.length, 0));
  expect(check.plan.indicatori).toHaveLength(json.obiettivi.reduce((n, o) => n + o.indicatori.length, 0));
  expect(check.plan.parametri.vista).toBe(json.header.vista);
  expect(check.errors).toBe(0);
  for (const name of INPUTS) expect(sheetOf(name)!.tables).toHaveLength(1);
});

test("le celle di input restano identiche dopo ogni azione, e ripetere un'azione dà la stessa cartella", async () => {
  const before = inputCells(h.emu.workbook, INPUTS);
  const tablesBefore = new Map(INPUTS.map((n) => [n, { ...sheetOf(n)!.tables[0].rect }]));
  const isInput = (key: string) => {
    const [sheetName, rc] = key.split("!");
    const col = Number(rc.split(",")[1]);
    return col <= tablesBefore.get(sheetName as never)!.c2;
  };

  await service().check();
  expect(inputCells(h.emu.workbook, INPUTS)).toEqual(before);

  await service().rollup();
  const afterRollup = inputCells(h.emu.workbook, INPUTS);
  for (const [key, value] of Object.entries(before))
    expect({ key, value: afterRollup[key] }).toEqual({ key, value });
  // New cells only in the computed columns, right of the original tables.
  expect(Object.keys(afterRollup).filter((k) => !(k in before) && isInput(k))).toEqual([]);
  const onceRollup = normalizedWorkbook(h.emu.workbook);
  await service().rollup();
  expect(normalizedWorkbook(h.emu.workbook)).toEqual(onceRollup);

  await service().generate();
  const afterGenerate = inputCells(h.emu.workbook, INPUTS);
  for (const [key, value] of Object.entries(before))
    expect({ key, value: afterGenerate[key] }).toEqual({ key, value });
  const once = normalizedWorkbook(h.emu.workbook);
  await service().generate();
  expect(normalizedWorkbook(h.emu.workbook)).toEqual(once);
  expect(h.emu.workbook.sheets.map((s) => s.name)).toEqual([
    "Foglio1",
    ...INPUTS,
    SHEETS.riepilogo,
    SHEETS.scheda,
  ]);
});

test("fogli senza tabelle Excel (intervalli semplici): colonne calcolate scritte accanto, input intatto", async () => {
  for (const name of INPUTS) sheetOf(name)!.tables = [];
  const before = inputCells(h.emu.workbook, INPUTS);
  const result = await service().rollup();
  expect(result.rollups).not.toBeNull();
  const after = inputCells(h.emu.workbook, INPUTS);
  for (const [key, value] of Object.entries(before))
    expect({ key, value: after[key] }).toEqual({ key, value });
  const obiettivi = sheetOf(SHEETS.obiettivi)!;
  const headers = [...obiettivi.cells.entries()]
    .filter(([k]) => splitKey(k)[0] === 1)
    .map(([, c]) => c.value);
  expect(headers).toEqual(expect.arrayContaining(["Grado di Raggiungimento %", "Esito"]));
  const formulas = [...obiettivi.cells.values()].filter((c) => c.formula !== undefined);
  expect(formulas.length).toBeGreaterThanOrEqual(33 * 4);
  // New columns beside a range: header in the look of the header on its left, a width, as in files.
  const esito = [...obiettivi.cells.entries()].find(([k, c]) => splitKey(k)[0] === 1 && c.value === "Esito")!;
  const col = splitKey(esito[0])[1];
  expect(esito[1].format).toEqual(cell(obiettivi, 1, 1)?.format);
  expect(esito[1].format).toMatchObject({ bold: true, fill: "#DDEBF7" });
  expect(obiettivi.columnWidths.get(col)).toBeGreaterThan(0);
});

test("un titolo che sembra una formula resta testo, nella tabella e nella Scheda", async () => {
  const sample = loadSampleJson();
  const titles = ["=SOMMA(A1:A3)", "+39 0444 123456", "-5% di spesa", "@utente", "0123"];
  titles.forEach((t, i) => (sample.obiettivi[i].titolo = t));
  await loadInto(sample);
  await service().generate();
  const obiettivi = sheetOf(SHEETS.obiettivi)!;
  const scheda = sheetOf(SHEETS.scheda)!;
  for (const t of titles) {
    const inTable = [...obiettivi.cells.values()].filter((c) => c.value === t);
    const inScheda = [...scheda.cells.values()].filter((c) => c.value === t);
    expect({ t, table: inTable.length }).toEqual({ t, table: 1 });
    expect(inScheda.length).toBeGreaterThanOrEqual(1);
    for (const c of [...inTable, ...inScheda]) expect(c.formula).toBeUndefined();
  }
  expect([...scheda.cells.values()].some((c) => c.formula?.includes("SOMMA"))).toBe(false);
});

test("un errore a metà non lascia mai una Scheda o un Riepilogo a metà (richiesta N fallita)", async () => {
  // A few objectives keep the loop over every request quick; the requests are the same kind.
  const small = loadSampleJson();
  small.obiettivi = small.obiettivi.slice(0, 4);
  await loadInto(small);
  await service().generate();
  const old = cloneWorkbook(h.emu.workbook);
  const dumpOf = (wb: WorkbookState, name: string) =>
    (normalizedWorkbook(wb) as { sheets: { name: string }[] }).sheets.find((s) => s.name === name);
  // The new version differs: a title changed since the previous generation.
  const obiettivi = old.sheets.find((s) => s.name === SHEETS.obiettivi)!;
  const titleCell = [...obiettivi.cells.entries()].find(
    ([, c]) => c.value === loadSampleJson().obiettivi[0].titolo,
  )!;
  titleCell[1].value = "Titolo cambiato dopo la generazione";
  h.emu.reset(cloneWorkbook(old));
  await service().generate();
  const fresh = cloneWorkbook(h.emu.workbook);
  const total = h.emu.requests.length;
  expect(total).toBeGreaterThan(4);

  for (let n = 1; n <= total; n++) {
    h.emu.reset(cloneWorkbook(old));
    h.emu.failRequest(n);
    const err = await service()
      .generate()
      .then(() => null)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toBe(excelMessages.connectionLost);
    for (const name of [SHEETS.riepilogo, SHEETS.scheda]) {
      const now = dumpOf(h.emu.workbook, name);
      const either = [dumpOf(old, name), dumpOf(fresh, name)];
      expect({ n, name, complete: either.some((v) => JSON.stringify(v) === JSON.stringify(now)) }).toEqual({
        n,
        name,
        complete: true,
      });
    }
    // Running again after the failure finishes the job and leaves no temporary sheet behind.
    await service().generate();
    expect(normalizedWorkbook(h.emu.workbook)).toEqual(normalizedWorkbook(fresh));
  }
});

test("foglio protetto: messaggio chiaro, nessuna scrittura", async () => {
  sheetOf(SHEETS.fasi)!.protected = true;
  const before = normalizedWorkbook(h.emu.workbook);
  await expect(service().rollup()).rejects.toEqual(new AppError("HOST", hostMessages.protectedSheet("Fasi")));
  expect(normalizedWorkbook(h.emu.workbook)).toEqual(before);

  sheetOf(SHEETS.fasi)!.protected = false;
  await service().generate();
  sheetOf(SHEETS.scheda)!.protected = true;
  await expect(service().generate()).rejects.toThrow(hostMessages.protectedSheet("Scheda"));
});

test("Scheda rinominata dall'utente: messaggio, la sua copia non viene sovrascritta", async () => {
  await service().generate();
  await h.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Scheda").name = "Scheda marzo";
    await ctx.sync();
  });
  expect(h.emu.workbook.names.get(markerName("Scheda").toLowerCase())?.formula).toBe("='Scheda marzo'!$A$1");
  const before = normalizedWorkbook(h.emu.workbook);
  await expect(service().generate()).rejects.toThrow(hostMessages.renamedSheet("Scheda", "Scheda marzo"));
  // The rollups were written (they belong to the add-in), the user's sheet is intact.
  expect(
    (normalizedWorkbook(h.emu.workbook) as { sheets: { name: string }[] }).sheets.find(
      (s) => s.name === "Scheda marzo",
    ),
  ).toEqual((before as { sheets: { name: string }[] }).sheets.find((s) => s.name === "Scheda marzo"));
});

test("una tabella o dei dati dove vanno le colonne calcolate: messaggio, nessuna scrittura", async () => {
  const fasi = sheetOf(SHEETS.fasi)!;
  const t = fasi.tables[0].rect;
  fasi.tables.push({
    id: "99",
    name: "tblMia",
    rect: { r1: 1, c1: t.c2 + 2, r2: 4, c2: t.c2 + 3 },
    showHeaders: true,
  });
  fasi.cells.set(cellKey(1, t.c2 + 2), { value: "Mia" });
  fasi.cells.set(cellKey(1, t.c2 + 3), { value: "Altra" });
  const before = normalizedWorkbook(h.emu.workbook);
  await expect(service().rollup()).rejects.toThrow(
    /La tabella «tblMia» sul foglio «Fasi» \([A-Z]+1:[A-Z]+4\) occupa le celle/,
  );
  expect(normalizedWorkbook(h.emu.workbook)).toEqual(before);

  h.emu.reset(cloneWorkbook(loaded));
  const ind = sheetOf(SHEETS.indicatori)!;
  const right = ind.tables[0].rect.c2 + 1;
  ind.cells.set(cellKey(5, right), { value: "appunto mio" });
  await expect(service().rollup()).rejects.toThrow(/Sul foglio «Indicatori» la cella [A-Z]+5 contiene dati/);
  expect(cell(ind, 5, right)?.value).toBe("appunto mio");
});

test("celle unite sulle colonne calcolate: messaggio, nessuna scrittura (ExcelApi 1.13), nella stessa sincronizzazione", async () => {
  const fasi = sheetOf(SHEETS.fasi)!;
  const right = fasi.tables[0].rect.c2 + 1;
  fasi.merges.push({ r1: 3, c1: right, r2: 4, c2: right + 1 });
  const before = normalizedWorkbook(h.emu.workbook);
  const from = h.emu.requests.length;
  const where = `${colLetters(right)}3:${colLetters(right + 1)}4`;
  await expect(service().rollup()).rejects.toEqual(
    new AppError("HOST", ownershipMessages.mergeInTheWay("Fasi", where)),
  );
  expect(normalizedWorkbook(h.emu.workbook)).toEqual(before);
  // The merged areas come with the cells of the new columns, in the preflight's second sync.
  const asked = h.emu.requests.slice(from).filter((r) => r.actionNames.includes("RangeAreas?"));
  expect(asked).toHaveLength(1);
  expect(asked[0].actionNames.filter((n) => n === "Range?").length).toBeGreaterThanOrEqual(3);

  // Without ExcelApi 1.13 the merges are not asked for: Excel's own refusal is the message.
  const old = new ExcelHost(h.run, (v) => v === "1.9");
  const service19 = new SchedaService(old, { today: () => TODAY });
  const from19 = h.emu.requests.length;
  await expect(service19.rollup()).rejects.toThrow(AppError);
  expect(h.emu.requests.slice(from19).some((r) => r.actionNames.includes("RangeAreas?"))).toBe(false);
  expect(fasi.merges).toContainEqual({ r1: 3, c1: right, r2: 4, c2: right + 1 });
});

test("indirizzi delle aree unite come Excel li scrive, anche con nomi di foglio tra apici", () => {
  expect(areasOf("'Fasi, 2023'!M3:N4,'Fasi, 2023'!P7")).toEqual([
    { top: 3, left: 13, bottom: 4, right: 14 },
    { top: 7, left: 16, bottom: 7, right: 16 },
  ]);
  expect(areasOf("Fasi!$M$3:$N$4")).toEqual([{ top: 3, left: 13, bottom: 4, right: 14 }]);
});

test("struttura cambiata tra lettura e scrittura: messaggio di struttura, non un'eccezione", async () => {
  const read = readPlan(await h.host.readWorkbook(), { today: TODAY });
  const plan = buildRollupWritePlan(read.plan, computeRollups(read.plan));
  // Someone deletes rows of tblFasi meanwhile.
  sheetOf(SHEETS.fasi)!.tables[0].rect.r2 = 10;
  await expect(h.host.writeRollups(plan)).rejects.toThrow(
    hostMessages.layoutChanged("righe della tabella tblFasi"),
  );
});

test("selezione di una cella e attivazione di un foglio", async () => {
  await h.host.selectCell("Fasi!G12");
  const fasi = sheetOf(SHEETS.fasi)!;
  expect(h.emu.workbook.activeSheetId).toBe(fasi.id);
  expect(h.emu.workbook.selection).toEqual({ sheetId: fasi.id, rect: { r1: 12, c1: 7, r2: 12, c2: 7 } });
  await h.host.activateSheet("Indicatori");
  expect(h.emu.workbook.activeSheetId).toBe(sheetOf(SHEETS.indicatori)!.id);
  await expect(h.host.selectCell("G12")).rejects.toThrow(excelMessages.cellAddressInvalid("G12"));
});

test("ExcelApi 1.9 mancante: messaggio in italiano con le versioni che funzionano", () => {
  const office = (supported: boolean) =>
    ({
      context: {
        requirements: {
          isSetSupported: (name: string, v: string) => supported && name === "ExcelApi" && v === "1.9",
        },
      },
    }) as unknown as typeof Office;
  expect(isExcelApiSupported("1.9", office(true))).toBe(true);
  expect(isExcelApiSupported("1.13", office(true))).toBe(false);
  expect(() => checkExcelApi(office(true))).not.toThrow();
  expect(() => checkExcelApi(office(false))).toThrow(new AppError("HOST", excelMessages.apiMissing));
  expect(() => checkExcelApi(undefined)).toThrow(excelMessages.apiMissing);
  expect(excelMessages.apiMissing).toMatch(/Microsoft 365/);
  expect(excelMessages.apiMissing).toMatch(/Excel sul web/);
});

test("nomi delle colonne della tabella come Excel li tiene: i riferimenti strutturati li usano tali e quali", async () => {
  const fasi = sheetOf(SHEETS.fasi)!;
  const t = fasi.tables[0].rect;
  let pesoCol = 0;
  for (let c = t.c1; c <= t.c2; c++) if (cell(fasi, t.r1, c)?.value === "Peso") pesoCol = c;
  expect(pesoCol).toBeGreaterThan(0);
  // A header typed with a trailing space: Excel names the table column "Peso " too.
  fasi.cells.set(cellKey(t.r1, pesoCol), { ...cell(fasi, t.r1, pesoCol), value: "Peso " });
  const raw = await h.host.readWorkbook();
  const table = raw.sheets.find((s) => s.name === SHEETS.fasi)!.tables[0];
  expect(table.columns?.[pesoCol - t.c1]).toBe("Peso ");
  expect(table.columns).toHaveLength(t.c2 - t.c1 + 1);
  await service().rollup();
  const ob = sheetOf(SHEETS.obiettivi)!;
  const formulas = [...ob.cells.values()].map((c) => c.formula ?? "").filter((f) => f.includes("tblFasi"));
  expect(formulas.length).toBeGreaterThan(0);
  expect(formulas.every((f) => f.includes("tblFasi[[Peso ]]") && !f.includes("tblFasi[Peso]"))).toBe(true);
});

test("cartella con date dal 1904: la lettura lo sa, nella stessa sincronizzazione", async () => {
  const first = (raw: Awaited<ReturnType<typeof h.host.readWorkbook>>) =>
    readPlan(raw, { today: TODAY }).plan.fasi[0].finePrevista!;
  const raw1900 = await h.host.readWorkbook();
  expect(raw1900.date1904).toBe(false);
  h.emu.workbook.date1904 = true;
  const from = h.emu.requests.length;
  const raw1904 = await h.host.readWorkbook();
  expect(raw1904.date1904).toBe(true);
  // The same serials are dates 1462 days later in the 1904 system.
  const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86400000;
  expect(days(first(raw1904)) - days(first(raw1900))).toBe(1462);
  expect(h.emu.requests.length - from).toBeLessThanOrEqual(2);
});

test("cartella con date dal 1904: le date dell'esempio e della Scheda si rileggono come gli stessi giorni", async () => {
  const datesOf = async () => {
    const { plan } = readPlan(await h.host.readWorkbook(), { today: TODAY });
    return plan.fasi.map((f) => [f.inizioPrevisto, f.finePrevista, f.inizioEffettivo, f.fineEffettiva]);
  };
  const in1900 = await datesOf();
  const wb = newWorkbook();
  wb.sheets.push(newSheet(wb, "Foglio1"));
  wb.date1904 = true;
  h.emu.reset(wb);
  await service().loadSample();
  expect(await datesOf()).toEqual(in1900);
  expect(in1900.flat().filter((d) => d !== null).length).toBeGreaterThan(100);
  // A date cell of a generated sheet: the 1904 serial of the same day (1,462 fewer than in 1900).
  await h.host.renderSheet({
    name: SHEETS.scheda,
    columnWidths: [12],
    cells: [{ row: 1, col: 1, content: { kind: "date", iso: "2023-06-30" } }],
    styles: {},
    merges: [],
    rowHeights: {},
    pageBreaks: [],
  });
  const scheda = sheetOf(SHEETS.scheda);
  expect(scheda && cell(scheda, 1, 1)?.value).toBe(Date.UTC(2023, 5, 30) / 86400000 + 25569 - 1462);
});
