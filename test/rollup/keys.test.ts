// The one normalisation for matching (codes, group labels, Polarità) and the Parametri text grammar,
// TypeScript side; their formula twins are checked against LibreOffice in test/fuzz/twins.test.ts.
import {
  criterionFormula,
  criterionOf,
  excelTrim,
  keyFormula,
  keyOf,
  KEY_LENGTH,
  matchKey,
  matchKeyFormula,
} from "../../src/domain/reading/keys";
import { parseParamDate, parseParamNumber, parseParamYear } from "../../src/domain/reading/paramText";
import { computeRollups, groupCriteriaKeys, groupKey } from "../../src/domain/rollup/rollup";
import { codeKey, isDecrescente, isKeyless } from "../../src/domain/reading/keys";
import { fase, ob, plan } from "./planFixture";

describe("match keys", () => {
  it("NBSP, narrow NBSP, tab, CR, LF count as spaces; Excel's TRIM; case ignored", () => {
    expect(matchKey("  ob\u00a01\t ")).toBe("OB 1");
    expect(matchKey("Servizi\u202f\r\nSociali")).toBe("SERVIZI SOCIALI");
    expect(excelTrim("  a   b  ")).toBe("a b");
    expect(excelTrim("già pulito")).toBe("già pulito");
  });
  it("keeps what Excel cannot fold: accents, other Unicode spaces", () => {
    expect(matchKey("Città")).toBe("CITTÀ");
    expect(matchKey("Citta")).not.toBe(matchKey("Città"));
    expect(matchKey("OB1\u2003")).toBe("OB1\u2003");
  });
  it("a key is never a number nor an operator, and keeps the first 125 characters", () => {
    expect(keyOf("01")).toBe("k01");
    expect(keyOf("1")).toBe("k1");
    expect(keyOf("<>x")).toBe("k<>X");
    expect(keyOf(null)).toBe("k");
    expect(keyOf("   ")).toBe("k");
    const long = "a".repeat(KEY_LENGTH) + "tail";
    expect(keyOf(long)).toBe("k" + "A".repeat(KEY_LENGTH));
    expect(keyOf(long)).toBe(keyOf("a".repeat(KEY_LENGTH) + "other"));
  });
  it("criterion form escapes the wildcards, so they match themselves", () => {
    expect(criterionOf("kA*1?~")).toBe("kA~*1~?~~");
  });
  it("codes match on their keys: spaces, NBSP and case never split an objective", () => {
    expect(codeKey("OB1 ")).toBe(codeKey("ob1"));
    expect(codeKey("OB\u00a01")).toBe(codeKey("ob 1"));
    expect(codeKey("A*1")).not.toBe(codeKey("AB1"));
    expect(isKeyless(" \u00a0\t")).toBe(true);
    expect(isKeyless("0")).toBe(false);
  });
  it("groups: '(non indicato)' written by hand joins the empty group, with both keys counted", () => {
    expect(groupKey(null)).toBe("k");
    expect(groupKey("(Non Indicato) ")).toBe("k");
    expect(groupKey("Cultura\u00a0")).toBe(groupKey("CULTURA"));
    expect(groupCriteriaKeys("(non indicato)")).toEqual(["k", "k(NON INDICATO)"]);
    expect(groupCriteriaKeys("Cultura*")).toEqual(["kCULTURA*"]);
  });
  it("group rollups merge labels by key and keep the first one written", () => {
    const p = plan(
      [
        ob("A", { assessorato: "Cultura" }),
        ob("B", { assessorato: "CULTURA\u00a0" }),
        ob("C", { assessorato: "(Non indicato)" }),
        ob("D", { assessorato: null }),
        ob("E", { assessorato: "Cultura*" }),
      ],
      [fase("A", null, 10), fase("b ", null, 20)],
      [],
    );
    const g = computeRollups(p).riepilogo.assessorato;
    expect(g.map((x) => [x.gruppo, x.obiettivi])).toEqual([
      ["Cultura", 2],
      ["(non indicato)", 2],
      ["Cultura*", 1],
    ]);
    // "b " matches B: the Cultura group averages 10 and 20
    expect(g[0].gradoMedio).toBe(15);
  });
  it("Polarità: Decrescente with any spacing the formula removes, not with other spaces", () => {
    expect(isDecrescente("decrescente\u00a0")).toBe(true);
    expect(isDecrescente("\tDECRESCENTE ")).toBe(true);
    expect(isDecrescente("Decrescente\u2003")).toBe(false);
    expect(isDecrescente("De crescente")).toBe(false);
    expect(isDecrescente(null)).toBe(false);
  });
  it("formula twins use only Excel 2007 functions and a literal NBSP", () => {
    const f = keyFormula("A1");
    expect(f).toContain('"\u00a0"');
    expect(f).toContain("CHAR(9)");
    expect(f).not.toMatch(/UNICHAR|NUMBERVALUE|_xlfn/);
    expect(matchKeyFormula("A1")).toMatch(/^UPPER\(TRIM\(/);
    expect(criterionFormula("X")).toBe('SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(X,"~","~~"),"*","~*"),"?","~?")');
  });
});

describe("Parametri typed as text", () => {
  it("numbers: digits, one , or . decimal separator, an optional % unit", () => {
    expect(parseParamNumber("80")).toBe(80);
    expect(parseParamNumber(" 80 % ")).toBe(80);
    expect(parseParamNumber("62,5")).toBe(62.5);
    expect(parseParamNumber("62.5%")).toBe(62.5);
    expect(parseParamNumber("080")).toBe(80);
    for (const bad of ["", "+80", "-5", "1.150,00", "1,150.00", "1e2", "8 0", ",5", "5.", "80\u00a0", "%"]) {
      expect([bad, parseParamNumber(bad)]).toEqual([bad, null]);
    }
  });
  it("years: digits only", () => {
    expect(parseParamYear(" 2023 ")).toBe(2023);
    expect(parseParamYear("2023,0")).toBeNull();
    expect(parseParamYear("")).toBeNull();
  });
  it("dates: dd/mm/yyyy or yyyy/mm/dd with / - . separators, real dates from 1901 (1904)", () => {
    expect(parseParamDate("30/06/2023")).toBe("2023-06-30");
    expect(parseParamDate("30-06.2023")).toBe("2023-06-30");
    expect(parseParamDate("2023-06-30")).toBe("2023-06-30");
    expect(parseParamDate(" 29/02/2024 ")).toBe("2024-02-29");
    for (const bad of [
      "1/7/2023",
      "29/02/2023",
      "31/04/2023",
      "2023-6-30",
      "30/06/23",
      "00/01/2023",
      "30/06/2023 10:00",
    ]) {
      expect([bad, parseParamDate(bad)]).toEqual([bad, null]);
    }
    expect(parseParamDate("01/01/1900")).toBeNull();
    expect(parseParamDate("01/01/1902")).toBe("1902-01-01");
    expect(parseParamDate("01/01/1902", true)).toBeNull(); // before the 1904 system's first day
  });
});
