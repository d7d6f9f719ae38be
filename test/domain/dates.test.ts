import { daysBetween, formatIt, isoFromParts, isoToSerial, serialToIso } from "../../src/domain/model/dates";

describe("dates", () => {
  it("converts ISO dates to Excel serials and back", () => {
    expect(isoToSerial("1970-01-01")).toBe(25569);
    expect(isoToSerial("2023-12-31")).toBe(45291);
    expect(serialToIso(45291)).toBe("2023-12-31");
    expect(serialToIso(45291.75)).toBe("2023-12-31");
  });

  it("validates calendar dates, including years below 100 and leap days", () => {
    expect(isoFromParts(2024, 2, 29)).toBe("2024-02-29");
    expect(isoFromParts(2023, 2, 29)).toBeNull();
    expect(isoFromParts(2023, 13, 1)).toBeNull();
    expect(isoFromParts(45, 6, 1)).toBe("0045-06-01");
    expect(isoFromParts(10000, 1, 1)).toBeNull();
  });

  it("counts days and formats Italian dates", () => {
    expect(daysBetween("2023-12-31", "2024-01-10")).toBe(10);
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(formatIt("2023-01-05")).toBe("05/01/2023");
  });
});
