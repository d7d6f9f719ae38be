import fc from "fast-check";
import { isoFromParts, serialToIso } from "../../src/domain/model/dates";
import {
  dateToIso,
  errorOf,
  isBlank,
  numberToText,
  parseDateText,
  parseNumberText,
  readDate,
  readNumber,
  readText,
  serialToDate,
  toRawValue,
} from "../../src/domain/reading/values";

describe("parseNumberText", () => {
  it.each([
    ["33", 33],
    ["33,00", 33],
    ["33,5", 33.5],
    ["1.150,00", 1150],
    ["1.150.000", 1150000],
    ["1,150.00", 1150],
    ["1,150,000", 1150000],
    ["1150.5", 1150.5],
    ["33%", 33],
    ["33 %", 33],
    ["12,5%", 12.5],
    ["-2,5", -2.5],
    ["\u22122,5", -2.5],
    ["+7", 7],
    ["  42  ", 42],
    ["0", 0],
    ["-0", 0],
    [",5", 0.5],
    ["1 150", 1150],
    ["1\u00a0150,25", 1150.25],
    ["1e3", 1000],
  ])("reads %p as %p", (text, expected) => {
    expect(parseNumberText(text)).toBe(expected);
  });

  it.each([
    "abc",
    "",
    "33a",
    "1.2.3,4,5",
    "1,15,0",
    "--2",
    "12 34",
    "=1+1",
    "%",
    "1.1.1",
    "Infinity",
    "NaN",
    "0x10",
  ])("rejects %p", (text) => {
    expect(parseNumberText(text)).toBeNull();
  });

  it("reads a single separator as the decimal separator", () => {
    expect(parseNumberText("1,150")).toBe(1.15);
    expect(parseNumberText("1.150")).toBe(1.15);
  });
});

describe("readNumber", () => {
  it("takes numeric cells as they are", () => {
    expect(readNumber(33.25, "number")).toEqual({ status: "ok", value: 33.25 });
    expect(readNumber(0.33, "percent", "General")).toEqual({ status: "ok", value: 0.33 });
  });

  it("multiplies percent-formatted cells by 100 in percent columns only", () => {
    expect(readNumber(0.33, "percent", "0%")).toEqual({ status: "ok", value: 33 });
    expect(readNumber(0.07, "percent", "0.00%")).toEqual({ status: "ok", value: 7 });
    expect(readNumber(1, "percent", "0%")).toEqual({ status: "ok", value: 100 });
    expect(readNumber(0.33, "number", "0%")).toEqual({ status: "ok", value: 0.33 });
    // a % inside a quoted literal is not a percent format
    expect(readNumber(33, "percent", '0" %"')).toEqual({ status: "ok", value: 33 });
  });

  it("reads si/sì/no as 1/0 in number columns", () => {
    expect(readNumber("si", "number")).toEqual({ status: "ok", value: 1 });
    expect(readNumber("Sì", "number")).toEqual({ status: "ok", value: 1 });
    expect(readNumber("SI", "number")).toEqual({ status: "ok", value: 1 });
    expect(readNumber(" NO ", "number")).toEqual({ status: "ok", value: 0 });
    expect(readNumber("si", "percent").status).toBe("invalid");
  });

  it("reports booleans, text and non-finite numbers as NUMBER_INVALID", () => {
    expect(readNumber(true, "number")).toEqual({ status: "invalid", rule: "NUMBER_INVALID", found: "VERO" });
    expect(readNumber("abc", "percent")).toEqual({ status: "invalid", rule: "NUMBER_INVALID", found: "abc" });
    expect(readNumber(NaN, "number")).toMatchObject({ status: "invalid", rule: "NUMBER_INVALID" });
    expect(readNumber(Infinity, "number")).toMatchObject({ status: "invalid", rule: "NUMBER_INVALID" });
  });

  it("treats a date in Peso/Avanzamento as invalid, and as its serial in indicator values", () => {
    const d = new Date(Date.UTC(2023, 0, 1));
    expect(readNumber(d, "percent")).toEqual({
      status: "invalid",
      rule: "NUMBER_INVALID",
      found: "01/01/2023",
    });
    // 2023-01-01 is Excel serial 44927
    expect(readNumber(d, "number")).toEqual({ status: "ok", value: 44927 });
    expect(readNumber(44927, "percent", "dd/mm/yyyy")).toEqual({
      status: "invalid",
      rule: "NUMBER_INVALID",
      found: "01/01/2023",
    });
  });

  it("reports error values as CELL_ERROR", () => {
    expect(readNumber({ error: "#DIV/0!" }, "number")).toEqual({
      status: "invalid",
      rule: "CELL_ERROR",
      found: "#DIV/0!",
    });
    expect(readNumber("#N/A", "percent")).toEqual({ status: "invalid", rule: "CELL_ERROR", found: "#N/A" });
  });

  it("reads empty and whitespace as empty", () => {
    expect(readNumber(null, "number")).toEqual({ status: "empty" });
    expect(readNumber("   ", "number")).toEqual({ status: "empty" });
    expect(readNumber(undefined, "number")).toEqual({ status: "empty" });
  });
});

describe("dates", () => {
  it.each([
    ["31/12/2023", "2023-12-31"],
    ["1/2/2023", "2023-02-01"],
    ["01/02/2023", "2023-02-01"],
    ["2023-02-01", "2023-02-01"],
    ["29/02/2024", "2024-02-29"],
    [" 05/06/2023 ", "2023-06-05"],
    ["05-06-2023", "2023-06-05"],
    ["2023-06-05T00:00:00Z", "2023-06-05"],
  ])("parses %p", (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each([
    "31/02/2023",
    "29/02/2023",
    "32/01/2023",
    "12/13/2023",
    "2023-13-01",
    "2023-00-10",
    "abc",
    "31/12/23",
    "2023",
  ])("rejects %p", (text) => {
    expect(parseDateText(text)).toBeNull();
    expect(readDate(text)).toMatchObject({ status: "invalid", rule: "DATE_INVALID" });
  });

  it("reads Date objects by their UTC day", () => {
    expect(readDate(new Date(Date.UTC(2023, 11, 31)))).toEqual({ status: "ok", value: "2023-12-31" });
    expect(readDate(new Date(Date.UTC(2023, 11, 31, 23, 30)))).toEqual({ status: "ok", value: "2023-12-31" });
    expect(readDate(new Date(NaN))).toMatchObject({ status: "invalid", rule: "DATE_INVALID" });
  });

  it("reads Excel serial numbers", () => {
    // 45291 = 31/12/2023 (25569 = 01/01/1970, plus 19722 days)
    expect(readDate(45291)).toEqual({ status: "ok", value: "2023-12-31" });
    expect(readDate(45291.75)).toEqual({ status: "ok", value: "2023-12-31" });
    expect(readDate(0)).toMatchObject({ status: "invalid", rule: "DATE_INVALID" });
    expect(readDate(-5)).toMatchObject({ status: "invalid", rule: "DATE_INVALID" });
    expect(readDate(1e9)).toMatchObject({ status: "invalid", rule: "DATE_INVALID" });
  });

  it("rejects booleans and reports errors", () => {
    expect(readDate(false)).toEqual({ status: "invalid", rule: "DATE_INVALID", found: "FALSO" });
    expect(readDate("#REF!")).toEqual({ status: "invalid", rule: "CELL_ERROR", found: "#REF!" });
  });
});

describe("readText", () => {
  it("trims and empties", () => {
    expect(readText("  ciao  ")).toEqual({ status: "ok", value: "ciao" });
    expect(readText(" \t ")).toEqual({ status: "empty" });
    expect(readText(null)).toEqual({ status: "empty" });
  });

  it("turns numbers into their plain text", () => {
    expect(readText(2023)).toEqual({ status: "ok", value: "2023" });
    expect(readText(33.5)).toEqual({ status: "ok", value: "33.5" });
    expect(readText(0.1 + 0.2)).toEqual({ status: "ok", value: "0.3" });
    expect(numberToText(-0)).toBe("0");
  });

  it("turns dates into dd/mm/yyyy", () => {
    expect(readText(new Date(Date.UTC(2023, 0, 5)))).toEqual({ status: "ok", value: "05/01/2023" });
    expect(readText(45291, "dd/mm/yyyy")).toEqual({ status: "ok", value: "31/12/2023" });
    expect(readText(0.33, "0%")).toEqual({ status: "ok", value: "33%" });
  });

  it("keeps formula-like text as text and reports error literals", () => {
    expect(readText("=SUM(A1:A3)")).toEqual({ status: "ok", value: "=SUM(A1:A3)" });
    expect(readText("#NAME?")).toEqual({ status: "invalid", rule: "CELL_ERROR", found: "#NAME?" });
    expect(readText("#hashtag")).toEqual({ status: "ok", value: "#hashtag" });
  });
});

describe("raw value helpers", () => {
  it("recognises every error literal and error objects", () => {
    for (const e of [
      "#N/A",
      "#REF!",
      "#VALUE!",
      "#DIV/0!",
      "#NAME?",
      "#NUM!",
      "#NULL!",
      "#SPILL!",
      "#CALC!",
      "#GETTING_DATA",
    ]) {
      expect(errorOf(e)).toBe(e);
    }
    expect(errorOf({ error: "#N/A" })).toBe("#N/A");
    expect(errorOf("N/A")).toBeNull();
  });

  it("normalises exceljs-style objects and unknown things without throwing", () => {
    expect(toRawValue({ richText: [{ text: "a" }, { text: "b" }] })).toBe("ab");
    expect(toRawValue({ text: "link", hyperlink: "http://x" })).toBe("link");
    expect(toRawValue({ formula: "A1", result: 5 })).toBe(5);
    expect(toRawValue({ formula: "A1" })).toBeNull();
    expect(toRawValue(Symbol("x"))).toBeNull();
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank({ error: "#N/A" })).toBe(false);
  });
});

describe("date arithmetic agrees with src/domain/dates.ts", () => {
  it("serial → ISO over the whole Excel range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        expect(serialToDate(serial)).toBe(serialToIso(serial));
      }),
      { numRuns: 2000 },
    );
    expect(serialToDate(2958465)).toBe("9999-12-31");
  });

  it("Date → ISO and day/month validation", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }), // isoFromParts maps years 0–99 to 19xx (Date.UTC)
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const expected = isoFromParts(y, m, d);
          expect(parseDateText(`${d}/${m}/${String(y).padStart(4, "0")}`)).toBe(expected);
          if (expected) expect(dateToIso(new Date(`${expected}T00:00:00Z`))).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
