// renderInputSheetXml / renderTableXml: the template and the sample written as SpreadsheetML must look
// like what prepare.ts writes through exceljs today (the oracle), and LibreOffice must read the tables.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { JSDOM } from "jsdom";
import { writeFileSync, readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InputTableSpec, WorkbookTemplate } from "../../src/domain/model/sheet";
import { buildSample, buildTemplate, SAMPLE_ENTE } from "../../src/domain/template/template";
import { inputTableRef, renderInputSheetXml, renderTableXml } from "../../src/hosts/xlsx/inputSheetXml";
import { StylesPart } from "../../src/hosts/xlsx/styles";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { decodeXstring } from "../../src/hosts/xlsx/xml";
import { itWithTool, sofficePath } from "../helpers/tools";
import { loadSampleJson } from "../helpers/sample";
import { buildPackage, convertMany } from "./ooxmlPackage";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const { DOMParser } = new JSDOM("").window;
function dom(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`XML non ben formato: ${err.textContent}`);
  return doc;
}
const all = (d: Document | Element, name: string) => Array.from(d.getElementsByTagNameNS(NS, name));
const one = (d: Document | Element, name: string) => all(d, name)[0];

async function ourPackage(template: WorkbookTemplate, fillRows: boolean, date1904 = false): Promise<Buffer> {
  const styles = StylesPart.empty();
  const sheets = template.tables.map((spec, i) => ({
    name: spec.sheet,
    xml: renderInputSheetXml(spec, styles, { fillRows, tableRelId: "rIdT1", date1904 }),
    tables: [
      {
        relId: "rIdT1",
        xml: renderTableXml({
          id: i + 1,
          name: spec.table,
          ref: inputTableRef(spec, { fillRows }),
          columns: spec.columns.map((c) => c.header),
        }),
      },
    ],
  }));
  return buildPackage({ sheets, styles: styles.toXml(), date1904 });
}

/**
 * The oracle: the template and the sample as the exceljs-based prepare.ts wrote them before the file
 * host patched packages (files recorded from that code: buildTemplate(2024) and buildSample).
 */
async function exceljsPackage(_template: WorkbookTemplate, fillRows: boolean): Promise<Buffer> {
  const name = fillRows ? "exceljs-sample.xlsx" : "exceljs-template-2024.xlsx";
  return readFileSync(join(__dirname, "fixtures", name));
}

/**
 * The recorded oracle predates the Nucleo's columns of Obiettivi (Grado Validato %, Motivazione
 * Validazione): they are left out here, and test/xlsx/prepare.test.ts checks them.
 */
function recordedColumns(t: WorkbookTemplate): WorkbookTemplate {
  const later = new Set(["Grado Validato %", "Motivazione Validazione"]);
  return {
    ...t,
    tables: t.tables.map((spec) => {
      const keep = spec.columns.map((c) => !later.has(c.header));
      return {
        ...spec,
        columns: spec.columns.filter((_c, i) => keep[i]),
        rows: spec.rows.map((r) => r.filter((_v, i) => keep[i])),
      };
    }),
  };
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

type TableInternal = {
  table: { name: string; tableRef: string; columns: { name: string }[]; style: unknown };
};

/** What a user sees of an input sheet, as exceljs reads it. */
function look(ws: ExcelJS.Worksheet, lastCol: number, lastRow: number) {
  const style = (s: Partial<ExcelJS.Style>) => ({
    font: s.font ? [s.font.name, s.font.size, !!s.font.bold, s.font.color?.argb] : null,
    fill: (s.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? null,
    numFmt: s.numFmt ?? null,
    align: s.alignment ? [s.alignment.horizontal, s.alignment.vertical, !!s.alignment.wrapText] : null,
    border: s.border?.bottom ? [s.border.bottom.style, s.border.bottom.color?.argb] : null,
  });
  const columns = [];
  for (let c = 1; c <= lastCol; c++) {
    const col = ws.getColumn(c);
    columns.push({ width: col.width, style: style(col.style) });
  }
  const cells = [];
  for (let r = 1; r <= lastRow; r++) {
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      cells.push({ at: cell.address, value: cell.value, ...style(cell.style) });
    }
  }
  const tables = Object.values((ws as unknown as { tables: Record<string, TableInternal> }).tables).map(
    (t) => ({
      name: t.table.name,
      ref: t.table.tableRef,
      columns: t.table.columns.map((c) => c.name),
      style: t.table.style,
    }),
  );
  const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
  return {
    columns,
    headerHeight: ws.getRow(1).height,
    cells,
    validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
    view: [view?.state, view?.ySplit, view?.xSplit ?? 0, view?.topLeftCell],
    tables,
  };
}

describe("input sheets look like the exceljs template they replace", () => {
  it.each([
    ["template", false],
    ["sample", true],
  ] as const)(
    "%s: widths, column formats, header, body values, validations, frozen row, tables",
    async (what, fillRows) => {
      const template = recordedColumns(
        what === "template" ? buildTemplate(2024) : buildSample(loadSampleJson()),
      );
      const [ours, host, theirs] = await Promise.all([
        ourPackage(template, fillRows).then(load),
        // The whole path users take: the file host's Prepara fogli / template / sample.
        XlsxHost.createEmpty()
          .then(async (h) => {
            await h.prepareSheets(template, { fillRows });
            return Buffer.from(await h.toBuffer());
          })
          .then(load),
        exceljsPackage(template, fillRows).then(load),
      ]);
      // Recorded before the sample named its comune (issue 12): the Ente is the one difference.
      if (fillRows) theirs.getWorksheet("Parametri")!.getCell("B2").value = SAMPLE_ENTE;
      for (const spec of template.tables) {
        const rows = fillRows || spec.table === "tblParametri" ? spec.rows.length : 0;
        const a = look(ours.getWorksheet(spec.sheet)!, spec.columns.length, 1 + Math.max(1, rows));
        const h = look(host.getWorksheet(spec.sheet)!, spec.columns.length, 1 + Math.max(1, rows));
        const b = look(theirs.getWorksheet(spec.sheet)!, spec.columns.length, 1 + Math.max(1, rows));
        expect({ sheet: spec.sheet, ...a }).toEqual({ sheet: spec.sheet, ...b });
        expect({ sheet: spec.sheet, ...h }).toEqual({ sheet: spec.sheet, ...b });
      }
    },
  );
});

describe("renderInputSheetXml: the XML", () => {
  const spec: InputTableSpec = {
    sheet: "Prova",
    table: "tblProva",
    columns: [
      { header: "Codice", width: 16 },
      { header: "Inizio", width: 13, numberFormat: "dd/mm/yyyy", validation: { type: "date" } },
      { header: "Peso", width: 10, numberFormat: "0.00", validation: { type: "decimal", min: 0, max: 100 } },
      { header: "Tipo", width: 16, validation: { type: "list", values: ["A", 'B "b"', "C&D"] } },
      {
        header: "Lunga",
        width: 16,
        validation: { type: "list", values: Array.from({ length: 60 }, (_, i) => `VOCE${i}`) },
      },
      { header: "Note", width: 40 },
    ],
    rows: [
      ["=1+1", new Date(Date.UTC(2023, 11, 31)), 33.5, "A", null, " spazi "],
      ["+39", null, { error: "#N/A" }, true, { uncachedFormula: "SUM(A1)" }, "riga\nnuova"],
    ],
  };

  it("validations with the Italian titles and messages, date bounds per date system, long lists skipped", () => {
    for (const date1904 of [false, true]) {
      const doc = dom(
        renderInputSheetXml(spec, StylesPart.empty(), { fillRows: true, tableRelId: "rId7", date1904 }),
      );
      const dvs = all(doc, "dataValidation");
      expect(one(doc, "dataValidations").getAttribute("count")).toBe("3");
      expect(
        dvs.map((d) => [d.getAttribute("type"), d.getAttribute("sqref"), d.getAttribute("errorStyle")]),
      ).toEqual([
        ["date", "B2:B1000", "stop"],
        ["decimal", "C2:C1000", "stop"],
        ["list", "D2:D1000", "warning"],
      ]);
      expect(dvs.map((d) => d.getAttribute("errorTitle"))).toEqual([
        "Data non valida",
        "Numero non valido",
        "Valore non previsto",
      ]);
      expect(dvs[0].getAttribute("error")).toBe("Inserire una data (gg/mm/aaaa).");
      expect(dvs[1].getAttribute("error")).toBe("Inserire un numero tra 0 e 100.");
      expect(dvs[2].getAttribute("error")).toBe('Valori previsti: A, B "b", C&D.');
      // 01/01/1990 and 31/12/2100 as serials of the workbook's system.
      expect([one(dvs[0], "formula1").textContent, one(dvs[0], "formula2").textContent]).toEqual(
        date1904 ? ["31412", "71953"] : ["32874", "73415"],
      );
      expect(one(dvs[2], "formula1").textContent).toBe('"A,B ""b"",C&D"');
      // Body date serial follows the system too (31/12/2023).
      const b2 = all(doc, "c").find((c) => c.getAttribute("r") === "B2")!;
      expect(one(b2, "v").textContent).toBe(date1904 ? "43829" : "45291");
    }
  });

  it("header row, body cells (text stays text), frozen header, table part reference", () => {
    const styles = StylesPart.empty();
    const doc = dom(
      renderInputSheetXml(spec, styles, { fillRows: true, tableRelId: "rId7", date1904: false }),
    );
    const cell = (ref: string) => all(doc, "c").find((c) => c.getAttribute("r") === ref)!;
    const row1 = all(doc, "row")[0];
    expect([row1.getAttribute("ht"), row1.getAttribute("customHeight")]).toEqual(["30", "1"]);
    expect(all(row1, "t").map((t) => t.textContent)).toEqual(spec.columns.map((c) => c.header));
    expect(cell("A2").getAttribute("t")).toBe("inlineStr");
    expect(one(cell("A2"), "t").textContent).toBe("=1+1");
    expect(all(doc, "f")).toHaveLength(0);
    expect(one(cell("A3"), "t").textContent).toBe("+39");
    expect(one(cell("F2"), "t").getAttribute("xml:space")).toBe("preserve");
    expect(decodeXstring(one(cell("F3"), "t").textContent ?? "")).toBe("riga\nnuova");
    expect(cell("D3").getAttribute("t")).toBe("b");
    // Errors and formulas without a value are not data: the styled cell stays empty.
    expect(cell("C3").children).toHaveLength(0);
    expect(cell("E3").children).toHaveLength(0);
    expect(styles.numberFormatCode(Number(cell("C2").getAttribute("s")))).toBe("0.00");
    expect(styles.numberFormatCode(Number(cell("B2").getAttribute("s")))).toBe("dd/mm/yyyy");
    const pane = one(doc, "pane");
    expect([
      pane.getAttribute("ySplit"),
      pane.getAttribute("topLeftCell"),
      pane.getAttribute("state"),
    ]).toEqual(["1", "A2", "frozen"]);
    const tp = one(doc, "tablePart");
    expect(
      tp.getAttributeNS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id"),
    ).toBe("rId7");
    expect(Array.from(doc.documentElement.children).map((e) => e.localName)).toEqual([
      "dimension",
      "sheetViews",
      "sheetFormatPr",
      "cols",
      "sheetData",
      "dataValidations",
      "pageMargins",
      "tableParts",
    ]);
    expect(one(doc, "dimension").getAttribute("ref")).toBe("A1:F3");
  });

  it("without fillRows: only the header (Parametri keeps its rows); the table still has one body row", () => {
    const doc = dom(
      renderInputSheetXml(spec, StylesPart.empty(), { fillRows: false, tableRelId: "rId1", date1904: false }),
    );
    expect(all(doc, "row")).toHaveLength(1);
    expect(inputTableRef(spec, { fillRows: false })).toBe("A1:F2");
    expect(inputTableRef(spec, { fillRows: true })).toBe("A1:F3");
    const par = buildTemplate(2024).tables.find((t) => t.table === "tblParametri")!;
    const pdoc = dom(
      renderInputSheetXml(par, StylesPart.empty(), { fillRows: false, tableRelId: "rId1", date1904: false }),
    );
    expect(all(pdoc, "row")).toHaveLength(1 + par.rows.length);
  });

  it("renderTableXml: names escaped, columns counted, style and filter", () => {
    const doc = dom(
      renderTableXml({
        id: 3,
        name: "tblX",
        ref: "$B$3:$D$20",
        columns: ["A&B", 'Col "q"', "Riga\nnuova"],
        autoFilter: false,
      }),
    );
    const t = doc.documentElement;
    expect([
      t.getAttribute("id"),
      t.getAttribute("name"),
      t.getAttribute("displayName"),
      t.getAttribute("ref"),
      t.getAttribute("totalsRowShown"),
    ]).toEqual(["3", "tblX", "tblX", "B3:D20", "0"]);
    expect(all(doc, "autoFilter")).toHaveLength(0);
    expect(one(doc, "tableColumns").getAttribute("count")).toBe("3");
    expect(
      all(doc, "tableColumn").map((c) => [c.getAttribute("id"), decodeXstring(c.getAttribute("name") ?? "")]),
    ).toEqual([
      ["1", "A&B"],
      ["2", 'Col "q"'],
      ["3", "Riga\nnuova"],
    ]);
    const si = one(doc, "tableStyleInfo");
    expect([
      si.getAttribute("name"),
      si.getAttribute("showRowStripes"),
      si.getAttribute("showColumnStripes"),
    ]).toEqual(["TableStyleLight9", "1", "0"]);
    const withFilter = dom(renderTableXml({ id: 1, name: "t", ref: "A1:B2", columns: ["a", "b"] }));
    expect(one(withFilter, "autoFilter").getAttribute("ref")).toBe("A1:B2");
  });
});

describe("input sheets read by LibreOffice", () => {
  const itLo = itWithTool("LibreOffice (soffice)", sofficePath);

  itLo(
    "LibreOffice keeps the tables, their ranges, the values and the validations of the sample",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "scheda-input-"));
      const template = buildSample(loadSampleJson());
      const file = join(dir, "esempio.xlsx");
      writeFileSync(file, await ourPackage(template, true));
      const [out] = await convertMany([file], "xlsx");
      const zip = await JSZip.loadAsync(readFileSync(out));
      const tables = await Promise.all(
        Object.keys(zip.files)
          .filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))
          .map(async (n) => {
            const d = dom(await zip.file(n)!.async("string"));
            return {
              name: d.documentElement.getAttribute("name"),
              ref: d.documentElement.getAttribute("ref"),
            };
          }),
      );
      expect(tables.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual(
        template.tables
          .map((t) => ({ name: t.table, ref: inputTableRef(t, { fillRows: true }) }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      );
      // Values: LibreOffice's own file, read by exceljs without its tables (exceljs cannot read them).
      for (const n of Object.keys(zip.files)) {
        if (n.startsWith("xl/worksheets/_rels/")) zip.remove(n);
        else if (/^xl\/worksheets\/sheet\d+\.xml$/.test(n)) {
          const xml = await zip.file(n)!.async("string");
          zip.file(n, xml.replace(/<tableParts[\s\S]*?<\/tableParts>/, ""));
        }
      }
      const wb = await load(await zip.generateAsync({ type: "nodebuffer" }));
      for (const spec of template.tables) {
        const ws = wb.getWorksheet(spec.sheet)!;
        spec.rows.forEach((row, r) =>
          row.forEach((v, c) => {
            const got = ws.getCell(r + 2, c + 1).value;
            const want = v instanceof Date ? v.toISOString() : typeof v === "object" ? null : v;
            const gotN = got instanceof Date ? got.toISOString() : got;
            if (gotN !== want)
              throw new Error(
                `${spec.sheet}!${ws.getCell(r + 2, c + 1).address}: ${String(gotN)} ≠ ${String(want)}`,
              );
          }),
        );
        const kinds = Object.values(
          (ws as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations
            .model,
        ).map((d) => d.type);
        const expected = spec.columns.filter((c) => c.validation).map((c) => c.validation!.type);
        expect(new Set(kinds)).toEqual(new Set(expected));
      }
    },
  );
});
