/**
 * @jest-environment jsdom
 */
// The ribbon command as Excel runs it: the real function file (commands.ts) registers generaScheda
// with Office.actions, and pressing the button runs the real Excel library against the emulator.
import { SchedaService } from "../../src/app/service";
import type { Notice } from "../../src/commands/generaScheda";
import { startHarness, type Harness } from "../emulator/harness";
import { loadSampleJson } from "../excel/helpers";

type Handler = (event: { completed: () => void }) => Promise<Notice>;

let h: Harness;
let press: Handler;
const associate = jest.fn();

beforeAll(async () => {
  h = await startHarness();
  // What Excel provides to a function file; the test build flag points the runner at the emulator.
  process.env.SCHEDA_TEST_EXCEL_URL = h.emu.url;
  (globalThis as unknown as { Office: unknown }).Office = {
    onReady: (callback?: (info: { host: null; platform: null }) => void) => {
      callback?.({ host: null, platform: null });
      return Promise.resolve({ host: null, platform: null });
    },
    actions: { associate },
    context: { requirements: { isSetSupported: () => true } },
  };
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  await import("../../src/commands/commands");
  const registered = associate.mock.calls.find(([name]) => name === "generaScheda");
  if (!registered) throw new Error("generaScheda non registrata con Office.actions.associate");
  press = registered[1] as Handler;
});

afterAll(async () => {
  delete process.env.SCHEDA_TEST_EXCEL_URL;
  await h.stop();
});

async function loadSample(): Promise<void> {
  h.emu.reset();
  await new SchedaService(h.host, { loadSample: async () => loadSampleJson() }).loadSample();
}

test("the function file registers Genera Scheda under the manifest's FunctionName", () => {
  expect(associate).toHaveBeenCalledWith("generaScheda", expect.any(Function));
});

test("pressing Genera Scheda generates the Scheda in the workbook, reports it and completes", async () => {
  await loadSample();
  expect(h.emu.workbook.sheets.map((s) => s.name)).not.toContain("Scheda");
  const completed = jest.fn();
  const notice = await press({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(notice.kind === "success" || notice.kind === "warning").toBe(true);
  expect(notice.message).toContain("33 obiettivi");
  const names = h.emu.workbook.sheets.map((s) => s.name);
  expect(names).toContain("Scheda");
  expect(names).toContain("Riepilogo");
  const scheda = h.emu.workbook.sheets.find((s) => s.name === "Scheda");
  const texts = [...(scheda?.cells.values() ?? [])].map((c) => String(c.value ?? ""));
  expect(texts).toContain("SCHEDA OBIETTIVI");
});

test("on a workbook without the input sheets it reports the blocking problems and completes", async () => {
  h.emu.reset();
  const completed = jest.fn();
  const notice = await press({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(notice.kind).toBe("blocked");
  expect(notice.details.join(" ")).toMatch(/Obiettivi/);
  expect(h.emu.workbook.sheets.map((s) => s.name)).not.toContain("Scheda");
});

test("when Excel refuses a request midway it reports the failure and still completes", async () => {
  await loadSample();
  h.emu.failRequest(2);
  const completed = jest.fn();
  const notice = await press({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(notice.kind).toBe("error");
  expect(notice.message.length).toBeGreaterThan(0);
});
