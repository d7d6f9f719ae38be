/** @jest-environment jsdom */
// Which mode the pane starts in: Excel when Office.js reports Excel, the standalone page otherwise
// (no Office.js at all, as offline, or Office.js outside Office).
import { paneStrings } from "../../src/taskpane/strings";
import { ExcelHost } from "../../src/hosts/excel/excelHost";
import { detectEnvironment, testExcelUrl } from "../../src/taskpane/hosts";

type G = { Office?: unknown };

function fakeOffice(host: string | null, supported = true) {
  (globalThis as G).Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    onReady: async () => ({ host, platform: null }),
    context: {
      requirements: {
        isSetSupported: (name: string, v: string) => supported && name === "ExcelApi" && v === "1.9",
      },
    },
  };
}

afterEach(() => {
  delete (globalThis as G).Office;
  delete process.env.SCHEDA_TEST_EXCEL_URL;
});

describe("detectEnvironment", () => {
  it("no Office.js (the CDN script did not load): standalone, with the file functions", async () => {
    const env = await detectEnvironment();
    expect(env.mode).toBe("standalone");
    expect(env.host).toBeNull();
    expect(env.files).toBeDefined();
  });

  it("Office.js outside Office (host null): standalone", async () => {
    fakeOffice(null);
    expect((await detectEnvironment()).mode).toBe("standalone");
  });

  it("Office.js in another Office application: standalone", async () => {
    fakeOffice("Word");
    expect((await detectEnvironment()).mode).toBe("standalone");
  });

  it("Excel: the Office.js host, no file functions, no warning", async () => {
    fakeOffice("Excel");
    const env = await detectEnvironment();
    expect(env.mode).toBe("excel");
    expect(env.host).toBeInstanceOf(ExcelHost);
    expect(env.files).toBeUndefined();
    expect(env.warning).toBeUndefined();
  });

  it("Excel without ExcelApi 1.9: still the pane, with the warning", async () => {
    fakeOffice("Excel", false);
    const env = await detectEnvironment();
    expect(env.mode).toBe("excel");
    expect(env.warning).toBe(paneStrings.excelApiMissing);
  });
});

describe("test flag", () => {
  it("is off unless the build defines the emulator URL", () => {
    expect(testExcelUrl()).toBeUndefined();
    process.env.SCHEDA_TEST_EXCEL_URL = "http://127.0.0.1:1234/api";
    expect(testExcelUrl()).toBe("http://127.0.0.1:1234/api");
  });
});
