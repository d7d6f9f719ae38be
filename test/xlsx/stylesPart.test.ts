// StylesPart: styles.xml as Excel, LibreOffice, openpyxl, exceljs and the Open XML SDK write it, patched
// by appending only. An independent XML parser (jsdom) checks the result.
import { JSDOM } from "jsdom";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CellStyle } from "../../src/domain/model/sheet";
import { StylesPart } from "../../src/hosts/xlsx/styles";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const FIXTURES = join(__dirname, "fixtures", "styles");
// exceljs.xml: `scheda-peg template`; libreoffice.xml: `soffice --convert-to xlsx` of a generated
// Scheda; openpyxl.xml: openpyxl 3.0.9; excel.xml: Excel 2016 style by hand (CRLF after the
// declaration); prefixed.xml: Open XML SDK style (x: prefix, wrong and missing counts, comments).
const FILES = ["excel.xml", "libreoffice.xml", "openpyxl.xml", "exceljs.xml", "prefixed.xml"];
const fixture = (f: string) => readFileSync(join(FIXTURES, f), "utf8");

const { DOMParser } = new JSDOM("").window;

function parseDom(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`XML non ben formato: ${err.textContent}`);
  return doc;
}

/** Entries of a section, by the DOM (namespace-aware, any prefix). */
function entries(doc: Document, section: string, entry: string): Element[] {
  const sec = Array.from(doc.documentElement.children).find(
    (e) => e.namespaceURI === NS && e.localName === section,
  );
  return sec ? Array.from(sec.children).filter((e) => e.namespaceURI === NS && e.localName === entry) : [];
}

function sectionCount(doc: Document, section: string): string | null {
  const sec = Array.from(doc.documentElement.children).find((e) => e.localName === section);
  return sec ? sec.getAttribute("count") : null;
}

function childVal(el: Element, name: string): string | null {
  const c = Array.from(el.children).find((e) => e.localName === name);
  if (!c) return null;
  return c.getAttribute("val") ?? c.getAttribute("rgb") ?? "";
}

/** The end of the complete element starting at `pos` (pos itself when there is none). */
function skipElement(s: string, pos: number): number {
  const p = pos;
  {
    const m = /^<([\w:]+)\b[^>]*?(\/?)>/.exec(s.slice(p, p + 2000));
    if (!m) return p;
    if (m[2] === "/") return p + m[0].length;
    // Balanced: find the matching close of this name, counting nested opens of the same name.
    const name = m[1];
    let depth = 0;
    const re = new RegExp(`<(/?)${name}\\b[^>]*?(/?)>`, "g");
    re.lastIndex = p;
    for (let t = re.exec(s); t; t = re.exec(s)) {
      if (t[1] === "/") depth--;
      else if (t[2] !== "/") depth++;
      if (depth === 0) return re.lastIndex;
    }
    return p;
  }
}

const serializer = () => new new JSDOM("").window.XMLSerializer();

const HEADER: CellStyle = {
  font: { name: "Calibri", size: 10, bold: true, color: "FFFFFF" },
  fill: "1F3864",
  border: {
    top: { weight: "thin", color: "A6A6A6" },
    bottom: { weight: "medium", color: "1f3864" },
  },
  alignment: { horizontal: "center", vertical: "middle", wrapText: true, indent: 1 },
  numberFormat: "@",
};
const DATE: CellStyle = { font: { name: "Calibri", size: 9, italic: true }, numberFormat: "dd/mm/yyyy" };
const PLAIN: CellStyle = { font: { name: "Calibri", size: 11 } };

describe("StylesPart.parse / toXml", () => {
  it.each(FILES)("%s: nothing appended → the input string unchanged", (f) => {
    const xml = fixture(f);
    const part = StylesPart.parse(xml);
    part.numberFormatCode(0); // reading does not change anything
    expect(part.changed).toBe(false);
    expect(part.toXml()).toBe(xml);
  });

  it.each(FILES)("%s: appended entries keep every existing entry, index and text", (f) => {
    const xml = fixture(f);
    const before = parseDom(xml);
    const part = StylesPart.parse(xml);
    const sections = ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"] as const;
    const entryName = {
      numFmts: "numFmt",
      fonts: "font",
      fills: "fill",
      borders: "border",
      cellXfs: "xf",
      dxfs: "dxf",
    };
    const old = Object.fromEntries(sections.map((s) => [s, entries(before, s, entryName[s])]));

    const h = part.xf(HEADER);
    const d = part.xf(DATE);
    const dx = part.dxf({ fill: "C6EFCE", fontColor: "006100" });
    const after = parseDom(part.toXml());

    // Existing entries: same count, same markup, in the same place.
    const ser = serializer();
    for (const s of sections) {
      const now = entries(after, s, entryName[s]);
      old[s].forEach((e, i) => expect(ser.serializeToString(now[i])).toBe(ser.serializeToString(e)));
      expect(Number(sectionCount(after, s))).toBe(now.length);
    }
    // New cell formats come after the existing ones and point at the right fonts, fills, borders.
    expect(h).toBeGreaterThanOrEqual(old.cellXfs.length);
    expect(d).toBe(h + 1);
    const xfs = entries(after, "cellXfs", "xf");
    const fonts = entries(after, "fonts", "font");
    const fills = entries(after, "fills", "fill");
    const borders = entries(after, "borders", "border");
    const hx = xfs[h];
    const font = fonts[Number(hx.getAttribute("fontId"))];
    expect([childVal(font, "sz"), childVal(font, "name"), childVal(font, "color")]).toEqual([
      "10",
      "Calibri",
      "FFFFFFFF",
    ]);
    expect(Array.from(font.children).some((c) => c.localName === "b")).toBe(true);
    const fill = fills[Number(hx.getAttribute("fillId"))];
    expect(fill.getElementsByTagNameNS(NS, "patternFill")[0].getAttribute("patternType")).toBe("solid");
    expect(fill.getElementsByTagNameNS(NS, "fgColor")[0].getAttribute("rgb")).toBe("FF1F3864");
    const border = borders[Number(hx.getAttribute("borderId"))];
    const side = (n: string) => border.getElementsByTagNameNS(NS, n)[0];
    expect(side("top").getAttribute("style")).toBe("thin");
    expect(side("bottom").getAttribute("style")).toBe("medium");
    expect(side("bottom").getElementsByTagNameNS(NS, "color")[0].getAttribute("rgb")).toBe("FF1F3864");
    expect(side("left").getAttribute("style")).toBeNull();
    const al = hx.getElementsByTagNameNS(NS, "alignment")[0];
    expect([
      al.getAttribute("horizontal"),
      al.getAttribute("vertical"),
      al.getAttribute("wrapText"),
      al.getAttribute("indent"),
    ]).toEqual(["center", "center", "1", "1"]);
    expect(part.numberFormatCode(h)).toBe("@"); // built-in 49, or the part's own "@" (LibreOffice's 168)
    expect(part.numberFormatCode(d)).toBe("dd/mm/yyyy");
    // The dxf.
    const dxfs = entries(after, "dxfs", "dxf");
    expect(dx).toBe(old.dxfs.length);
    expect(dxfs[dx].getElementsByTagNameNS(NS, "bgColor")[0].getAttribute("rgb")).toBe("FFC6EFCE");
    // Fill 0 and 1 are still none and gray125 (Excel reserves them).
    expect(fills[0].getElementsByTagNameNS(NS, "patternFill")[0].getAttribute("patternType") ?? "none").toBe(
      "none",
    );
    expect(fills[1].getElementsByTagNameNS(NS, "patternFill")[0].getAttribute("patternType")).toBe("gray125");
  });

  it.each(FILES)("%s: outside the inserted entries and the counts, the text is byte-identical", (f) => {
    const xml = fixture(f);
    const part = StylesPart.parse(xml);
    part.xf(HEADER);
    part.xf({ ...DATE, numberFormat: "0.0000" });
    part.dxf({ fill: "FFC7CE" });
    const sections = "numFmts|fonts|fills|borders|cellXfs|dxfs";
    const normalise = (s: string) =>
      s
        .replace(new RegExp(`(<(?:\\w+:)?(?:${sections})\\b[^>]*?)\\s*count="\\d*"`, "g"), "$1")
        .replace(new RegExp(`<((?:\\w+:)?(?:${sections}))\\s*/>`, "g"), "<$1></$1>");
    const original = normalise(xml);
    const out = normalise(part.toXml());
    // The output is the original with runs of whole elements inserted: walk both, skipping such runs.
    let i = 0;
    let j = 0;
    let inserted = 0;
    while (i < original.length) {
      if (original[i] === out[j]) {
        i++;
        j++;
        continue;
      }
      const back = out[j] === "<" ? 0 : i - original.lastIndexOf("<", i);
      expect(back).toBeGreaterThanOrEqual(0);
      i -= back;
      j -= back;
      // Skip whole elements until the output continues like the original.
      const same = () => out.startsWith(original.slice(i, original.indexOf(">", i) + 1), j);
      do {
        const end = skipElement(out, j);
        if (end === j) {
          throw new Error(
            `not an insertion at ${j}: ${out.slice(j, j + 120)} vs ${original.slice(i, i + 80)}`,
          );
        }
        j = end;
      } while (!same());
      inserted++;
    }
    expect(out.slice(j)).toBe("");
    expect(inserted).toBeGreaterThan(0);
  });

  it("prefixed part: new entries carry the part's prefix; wrong and missing counts are corrected", () => {
    const xml = fixture("prefixed.xml");
    const part = StylesPart.parse(xml);
    const i = part.xf({
      font: { name: "Calibri", size: 9, color: "808080" },
      fill: "EEEEEE",
      numberFormat: "0.0",
    });
    const out = part.toXml();
    expect(out).toContain(`<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.0"/></x:numFmts>`);
    const doc = parseDom(out);
    expect(doc.documentElement.children[0].localName).toBe("numFmts"); // created at its schema position
    expect(sectionCount(doc, "fonts")).toBe("2");
    expect(sectionCount(doc, "fills")).toBe("3");
    expect(sectionCount(doc, "cellXfs")).toBe("3");
    expect(i).toBe(2); // after the two existing xfs, whatever count said
    expect(out).toContain(`<x:dxfs count="0" />`); // untouched section stays as written
    expect(out).toContain("<!-- Written the way the Open XML SDK does");
    const xf = entries(doc, "cellXfs", "xf")[i];
    expect(xf.prefix).toBe("x");
    expect(part.numberFormatCode(1)).toBe("#,##0.00");
  });

  it("a self-closing section is opened; missing sections are created in schema order", () => {
    const xml =
      `<?xml version="1.0"?><styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<cellXfs count="1"><xf numFmtId="0" fontId="0"/></cellXfs><dxfs count="0"/><extLst><ext uri="{X}"/></extLst></styleSheet>`;
    const part = StylesPart.parse(xml);
    const i = part.xf({
      ...PLAIN,
      fill: "FF0000",
      border: { left: { weight: "thick", color: "000000" } },
      numberFormat: "0.000",
    });
    const dx = part.dxf({ bold: true });
    const doc = parseDom(part.toXml());
    expect(Array.from(doc.documentElement.children).map((e) => e.localName)).toEqual([
      "numFmts",
      "fonts",
      "fills",
      "borders",
      "cellXfs",
      "dxfs",
      "extLst",
    ]);
    // fills: none and gray125 reserved first, then ours; borders: an empty one first (index 0 = unstyled).
    const fills = entries(doc, "fills", "fill");
    expect(
      fills.map((f) => f.getElementsByTagNameNS(NS, "patternFill")[0].getAttribute("patternType")),
    ).toEqual(["none", "gray125", "solid"]);
    expect(entries(doc, "borders", "border")).toHaveLength(2);
    expect(i).toBe(1);
    expect(entries(doc, "cellXfs", "xf")[1].getAttribute("fillId")).toBe("2");
    expect(entries(doc, "cellXfs", "xf")[1].getAttribute("borderId")).toBe("1");
    expect(entries(doc, "cellXfs", "xf")[1].hasAttribute("xfId")).toBe(false); // no cellStyleXfs to point at
    expect(dx).toBe(0);
    expect(sectionCount(doc, "dxfs")).toBe("1");
  });

  it("an empty cellXfs gets a default format 0 before ours (unstyled cells keep their look)", () => {
    const xml = `<styleSheet xmlns="${NS}"><cellXfs count="0"/></styleSheet>`;
    const part = StylesPart.parse(xml);
    expect(part.xf(HEADER)).toBe(1);
    const doc = parseDom(part.toXml());
    const xf0 = entries(doc, "cellXfs", "xf")[0];
    expect([xf0.getAttribute("fontId"), xf0.getAttribute("fillId"), xf0.getAttribute("borderId")]).toEqual([
      "0",
      "0",
      "0",
    ]);
    expect(childVal(entries(doc, "fonts", "font")[0], "sz")).toBe("11");
  });

  it("StylesPart.empty() is a minimal valid stylesheet", () => {
    const part = StylesPart.empty();
    const doc = parseDom(part.toXml());
    expect(entries(doc, "fonts", "font")).toHaveLength(1);
    expect(childVal(entries(doc, "fonts", "font")[0], "name")).toBe("Calibri");
    expect(childVal(entries(doc, "fonts", "font")[0], "sz")).toBe("11");
    expect(
      entries(doc, "fills", "fill").map((f) => f.firstElementChild?.getAttribute("patternType")),
    ).toEqual(["none", "gray125"]);
    expect(entries(doc, "borders", "border")).toHaveLength(1);
    expect(entries(doc, "cellStyleXfs", "xf")).toHaveLength(1);
    expect(entries(doc, "cellXfs", "xf")).toHaveLength(1);
    expect(entries(doc, "cellStyles", "cellStyle")[0].getAttribute("name")).toBe("Normal");
    expect(part.cellXfCount).toBe(1);
    expect(part.xf(PLAIN)).toBe(1);
  });

  it("rejects a part that is not a SpreadsheetML stylesheet", () => {
    expect(() => StylesPart.parse("<styleSheet><fonts/></styleSheet>")).toThrow(/spazio dei nomi/);
    expect(() => StylesPart.parse(`<workbook xmlns="${NS}"/>`)).toThrow(/styleSheet/);
    expect(() => StylesPart.parse(`<styleSheet xmlns="${NS}"><fonts></styleSheet>`)).toThrow(
      /XML non valido/,
    );
  });
});

describe("StylesPart deduplication", () => {
  it("the same style gives the same index; equal objects too", () => {
    const part = StylesPart.parse(fixture("excel.xml"));
    const a = part.xf(HEADER);
    expect(part.xf(HEADER)).toBe(a);
    expect(part.xf(JSON.parse(JSON.stringify(HEADER)) as CellStyle)).toBe(a);
    expect(part.xf({ ...HEADER, fill: "1F3865" })).not.toBe(a);
    expect(part.dxf({ fill: "C6EFCE" })).toBe(part.dxf({ fill: "C6EFCE" }));
  });

  it.each(FILES)("%s: a second run over the first run's output appends nothing (idempotent)", (f) => {
    const first = StylesPart.parse(fixture(f));
    const ids = [
      first.xf(HEADER),
      first.xf(DATE),
      first.xf(PLAIN),
      first.dxf({ fill: "FFEB9C", fontColor: "9C5700" }),
    ];
    const once = first.toXml();
    const second = StylesPart.parse(once);
    expect([
      second.xf(HEADER),
      second.xf(DATE),
      second.xf(PLAIN),
      second.dxf({ fill: "FFEB9C", fontColor: "9C5700" }),
    ]).toEqual(ids);
    expect(second.changed).toBe(false);
    expect(second.toXml()).toBe(once);
  });

  it('reuses an existing equal entry written in another spelling (LibreOffice\'s val="true", family)', () => {
    const xml =
      `<styleSheet xmlns="${NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>` +
      `<font><b val="true"/><i val="false"/><sz val="9"/><color rgb="ff1f3864"/><name val="Calibri"/><family val="2"/><charset val="1"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`;
    const part = StylesPart.parse(xml);
    part.xf({ font: { name: "Calibri", size: 9, bold: true, color: "1F3864" } });
    const doc = parseDom(part.toXml());
    expect(entries(doc, "fonts", "font")).toHaveLength(2); // font 1 reused
    expect(entries(doc, "cellXfs", "xf")[1].getAttribute("fontId")).toBe("1");
  });
});

describe("StylesPart number formats", () => {
  it("built-in ids, including the reader's percent and date ones", () => {
    const part = StylesPart.parse(fixture("excel.xml"));
    // excel.xml cellXfs: 0 General, 1 header, 2 custom 164, 3 id 10, 4 id 14, 5 id 9.
    expect(part.numberFormatCode(0)).toBe("General");
    expect(part.numberFormatCode(2)).toBe("[$-410]d\\ mmmm\\ yyyy;@");
    expect(part.numberFormatCode(3)).toBe("0.00%");
    expect(part.numberFormatCode(4)).toBe("mm-dd-yy");
    expect(part.numberFormatCode(5)).toBe("0%");
    expect(part.numberFormatCode(99)).toBe("General");
    expect(part.numberFormatCode(-1)).toBe("General");
  });

  it("every ECMA-376 §18.8.30 built-in id resolves", () => {
    const ids = [
      0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 37, 38, 39, 40, 45, 46, 47, 48,
      49,
    ];
    const xfs = ids.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0"/>`).join("");
    const part = StylesPart.parse(`<styleSheet xmlns="${NS}"><cellXfs>${xfs}</cellXfs></styleSheet>`);
    const codes = ids.map((_id, i) => part.numberFormatCode(i));
    expect(codes).toEqual([
      "General",
      "0",
      "0.00",
      "#,##0",
      "#,##0.00",
      "0%",
      "0.00%",
      "0.00E+00",
      "# ?/?",
      "# ??/??",
      "mm-dd-yy",
      "d-mmm-yy",
      "d-mmm",
      "mmm-yy",
      "h:mm AM/PM",
      "h:mm:ss AM/PM",
      "h:mm",
      "h:mm:ss",
      "m/d/yy h:mm",
      "#,##0 ;(#,##0)",
      "#,##0 ;[Red](#,##0)",
      "#,##0.00;(#,##0.00)",
      "#,##0.00;[Red](#,##0.00)",
      "mm:ss",
      "[h]:mm:ss",
      "mmss.0",
      "##0.0E+0",
      "@",
    ]);
    // East Asian date ids read as dates.
    const ea = StylesPart.parse(
      `<styleSheet xmlns="${NS}"><cellXfs><xf numFmtId="31"/><xf numFmtId="57"/></cellXfs></styleSheet>`,
    );
    expect(ea.numberFormatCode(0)).toMatch(/y/);
    expect(ea.numberFormatCode(1)).toMatch(/y/);
  });

  it("custom ids start at max(164, largest existing + 1); an existing code is reused", () => {
    const excel = StylesPart.parse(fixture("excel.xml")); // has 164 and 170
    expect(excel.numFmtId("[$-410]d\\ mmmm\\ yyyy;@")).toBe(164);
    expect(excel.numFmtId("0.000")).toBe(171);
    expect(excel.numFmtId("0.0000")).toBe(172);
    expect(excel.numFmtId("0.000")).toBe(171);
    expect(excel.numFmtId("0.00")).toBe(2);
    expect(excel.numFmtId("@")).toBe(49);
    expect(excel.numFmtId("General")).toBe(0);
    expect(excel.numFmtId("dd/mm/yyyy")).toBe(173); // not id 14, whose look depends on the locale
    const lo = StylesPart.parse(fixture("libreoffice.xml")); // LibreOffice wrote "0.00" as custom 165
    expect(lo.numFmtId("0.00")).toBe(165);
    expect(lo.numFmtId("dd/mm/yyyy")).toBe(166);
    const fresh = StylesPart.empty();
    expect(fresh.numFmtId("dd/mm/yyyy")).toBe(164);
    expect(fresh.toXml()).toContain(
      `<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts`,
    );
    const quoted = StylesPart.empty();
    quoted.numFmtId('"€" #,##0.00;[Red]-"€" #,##0.00');
    expect(quoted.toXml()).toContain(`formatCode="&quot;€&quot; #,##0.00;[Red]-&quot;€&quot; #,##0.00"`);
    expect(StylesPart.parse(quoted.toXml()).numFmtId('"€" #,##0.00;[Red]-"€" #,##0.00')).toBe(164);
  });
});

describe("StylesPart.xfWith", () => {
  it("no change → the base index as is; a number format → a copy with only that changed", () => {
    const part = StylesPart.parse(fixture("excel.xml"));
    expect(part.xfWith(1, {})).toBe(1);
    const j = part.xfWith(1, { numberFormat: "0.00" });
    expect(j).toBe(6);
    expect(part.xfWith(1, { numberFormat: "0.00" })).toBe(j);
    const doc = parseDom(part.toXml());
    const [base, derived] = [entries(doc, "cellXfs", "xf")[1], entries(doc, "cellXfs", "xf")[j]];
    for (const a of ["fontId", "fillId", "borderId", "xfId"])
      expect(derived.getAttribute(a)).toBe(base.getAttribute(a));
    expect(derived.getAttribute("numFmtId")).toBe("2");
    expect(derived.getElementsByTagNameNS(NS, "alignment")[0].getAttribute("horizontal")).toBe("center");
    expect(part.numberFormatCode(j)).toBe("0.00");
  });

  it("a font change derives a new font from the base font", () => {
    const part = StylesPart.parse(fixture("excel.xml"));
    const j = part.xfWith(1, { font: { size: 9, color: "808080", bold: false } });
    const doc = parseDom(part.toXml());
    const xf = entries(doc, "cellXfs", "xf")[j];
    const font = entries(doc, "fonts", "font")[Number(xf.getAttribute("fontId"))];
    expect(childVal(font, "sz")).toBe("9");
    expect(childVal(font, "color")).toBe("FF808080");
    expect(childVal(font, "name")).toBe("Calibri"); // from the base font (theme-bound Calibri)
    expect(childVal(font, "scheme")).toBe("minor");
    expect(Array.from(font.children).some((c) => c.localName === "b")).toBe(false);
    expect(xf.getAttribute("applyFont")).toBe("1");
    // A new name detaches the font from the theme.
    const k = part.xfWith(0, { font: { name: "Arial" } });
    const doc2 = parseDom(part.toXml());
    const f2 = entries(doc2, "fonts", "font")[
      Number(entries(doc2, "cellXfs", "xf")[k].getAttribute("fontId"))
    ];
    expect([childVal(f2, "name"), childVal(f2, "scheme"), childVal(f2, "sz")]).toEqual(["Arial", null, "11"]);
  });

  it("fill, border and alignment changes; null removes", () => {
    const part = StylesPart.parse(fixture("excel.xml"));
    const j = part.xfWith(3, { fill: null, alignment: { wrapText: true } });
    const k = part.xfWith(1, { alignment: null, border: { bottom: { weight: "thin", color: "000000" } } });
    const doc = parseDom(part.toXml());
    const xj = entries(doc, "cellXfs", "xf")[j];
    expect(xj.getAttribute("fillId")).toBe("0");
    expect(xj.getAttribute("numFmtId")).toBe("10");
    expect(xj.getAttribute("xfId")).toBe("1");
    expect(xj.getElementsByTagNameNS(NS, "alignment")[0].getAttribute("wrapText")).toBe("1");
    const xk = entries(doc, "cellXfs", "xf")[k];
    expect(xk.getElementsByTagNameNS(NS, "alignment")).toHaveLength(0);
    expect(
      entries(doc, "borders", "border")
        [Number(xk.getAttribute("borderId"))].getElementsByTagNameNS(NS, "bottom")[0]
        .getAttribute("style"),
    ).toBe("thin");
  });

  it("works on a format appended in the same session", () => {
    const part = StylesPart.empty();
    const h = part.xf(HEADER);
    const j = part.xfWith(h, { numberFormat: "0.00" });
    expect(part.numberFormatCode(j)).toBe("0.00");
    const doc = parseDom(part.toXml());
    expect(entries(doc, "cellXfs", "xf")[j].getAttribute("fontId")).toBe(
      entries(doc, "cellXfs", "xf")[h].getAttribute("fontId"),
    );
  });
});
