/**
 * @jest-environment jsdom
 */
// The emulator itself, driven by the real Office.js library: Excel's rules it models, and its refusals.
import { cellKey, newSheet } from "../emulator/model";
import { cell, startHarness, type Harness } from "../emulator/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  h.emu.reset();
  h.emu.workbook.sheets.push(newSheet(h.emu.workbook, "Foglio1"));
});

test("reading a property that was not loaded throws the library's PropertyNotLoaded", async () => {
  await expect(
    h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Foglio1").getRange("A1");
      await ctx.sync();
      return r.values;
    }),
  ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
});

test("text starting with = becomes a formula unless the cell is text-formatted; an apostrophe keeps text", async () => {
  await h.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Foglio1");
    ws.getRange("B1").numberFormat = [["@"]];
    ws.getRange("A1:D1").values = [["=SUM(1)", "=SUM(1)", "'=SUM(1)", "42"]];
    await ctx.sync();
  });
  const s = h.emu.workbook.sheets[0];
  expect(cell(s, 1, 1)).toMatchObject({ formula: "=SUM(1)" });
  expect(cell(s, 1, 2)).toMatchObject({ value: "=SUM(1)" });
  expect(cell(s, 1, 2)?.formula).toBeUndefined();
  expect(cell(s, 1, 3)).toMatchObject({ value: "=SUM(1)" });
  expect(cell(s, 1, 3)?.formula).toBeUndefined();
  expect(cell(s, 1, 4)).toMatchObject({ value: 42 });
});

test("values come back with their types, number formats and error values", async () => {
  const s = h.emu.workbook.sheets[0];
  s.cells.set(cellKey(1, 1), { value: 45000, numberFormat: "dd/mm/yyyy" });
  s.cells.set(cellKey(1, 2), { value: "#N/A", error: true });
  s.cells.set(cellKey(1, 3), { value: "testo" });
  const got = await h.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Foglio1").getRange("A1:D1");
    r.load("values,numberFormat,valueTypes,address");
    await ctx.sync();
    return { values: r.values, nf: r.numberFormat, types: r.valueTypes, address: r.address };
  });
  expect(got.values).toEqual([[45000, "#N/A", "testo", ""]]);
  expect(got.nf[0][0]).toBe("dd/mm/yyyy");
  expect(got.types).toEqual([["Double", "Error", "String", "Empty"]]);
  expect(got.address).toBe("Foglio1!A1:D1");
});

test("a request body over 5 MB is refused with RequestPayloadSizeLimitExceeded", async () => {
  const rows = Array.from({ length: 60000 }, (_, i) => [
    `riga ${i}`,
    i,
    `testo di riempimento della riga numero ${i}`,
  ]);
  await expect(
    h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Foglio1").getRange("A1:C60000").values = rows;
      ctx.workbook.worksheets.getItem("Foglio1").getRange("D1:D60000").values = rows.map((r) => [r[2]]);
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  expect(h.emu.requests[0].bytes).toBeGreaterThan(5 * 1024 * 1024);
  expect(h.emu.workbook.sheets[0].cells.size).toBe(0);
});

test("a call the emulator does not implement fails loudly", async () => {
  await expect(
    h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Foglio1").getRange("A1:B2").format.autofitColumns();
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "EmulatorNotImplemented" });
});

test("a missing sheet is ItemNotFound; getItemOrNullObject gives a null object", async () => {
  await expect(
    h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Nessuno").getRange("A1").values = [[1]];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "ItemNotFound" });
  const isNull = await h.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject("Nessuno");
    ws.load("name");
    await ctx.sync();
    return ws.isNullObject;
  });
  expect(isNull).toBe(true);
});

test("a protected sheet refuses writes with AccessDenied", async () => {
  h.emu.workbook.sheets[0].protected = true;
  await expect(
    h.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Foglio1").getRange("A1").values = [[1]];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "AccessDenied" });
});

test("every request is recorded; an injected failure drops the connection", async () => {
  h.emu.failRequest(2);
  await expect(
    h.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Foglio1");
      ws.getRange("A1").values = [[1]];
      await ctx.sync();
      ws.getRange("A2").values = [[2]];
      await ctx.sync();
    }),
  ).rejects.toBeTruthy();
  expect(h.emu.requests.map((r) => r.error)).toEqual([undefined, "Injected"]);
  expect(cell(h.emu.workbook.sheets[0], 1, 1)?.value).toBe(1);
  expect(cell(h.emu.workbook.sheets[0], 2, 1)).toBeUndefined();
});
