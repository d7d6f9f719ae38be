// Defined names: formulas survive load + save verbatim (exceljs alone turns them into range fragments).
import { readZipEntry } from "../../src/cli/zip";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { parseDefinedNames } from "../../src/hosts/xlsx/zipParts";

const FORMULA = "IFERROR(IF(ISNUMBER(Parametri!$B$8),Parametri!$B$8,90),90)&\" < > & 'x'\"";

async function namesOf(host: XlsxHost) {
  const xml = readZipEntry(Buffer.from(await host.toBuffer()), "xl/workbook.xml")?.toString("utf8") ?? "";
  return parseDefinedNames(xml);
}

describe("defined names", () => {
  it("keep formula names verbatim, range names as ranges, through load and save", async () => {
    const host = XlsxHost.createEmpty();
    host.workbook.addWorksheet("Parametri").getCell("B8").value = 90;
    await host.renderSheet({
      name: "Riepilogo",
      columnWidths: [],
      cells: [],
      styles: {},
      merges: [],
      rowHeights: {},
      pageBreaks: [],
      print: {
        paperSize: "A4",
        orientation: "portrait",
        scale: 100,
        margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
        printArea: "A1:G10",
      },
      definedNames: [
        { name: "pegSoglia", refersTo: "=" + FORMULA },
        { name: "pegCella", refersTo: "=Parametri!$B$8" },
        { name: "pegLista", refersTo: "=tblParametri[Valore]" },
      ],
    });
    const first = await namesOf(host);
    const reloaded = await XlsxHost.fromBuffer(await host.toBuffer());
    const second = await namesOf(reloaded);
    expect(second).toEqual(first);
    expect(first).toEqual(
      expect.arrayContaining([
        { name: "pegSoglia", text: FORMULA, localSheetId: null },
        { name: "pegCella", text: "Parametri!$B$8", localSheetId: null },
        { name: "pegLista", text: "tblParametri[Valore]", localSheetId: null },
        { name: "_xlnm.Print_Area", text: "'Riepilogo'!$A$1:$G$10", localSheetId: 1 },
      ]),
    );
    expect(first).toHaveLength(4);
  });

  it("a name defined again replaces the earlier definition", async () => {
    const host = XlsxHost.createEmpty();
    host.workbook.addWorksheet("Parametri");
    const desc = {
      name: "Riepilogo",
      columnWidths: [],
      cells: [],
      styles: {},
      merges: [],
      rowHeights: {},
      pageBreaks: [],
    };
    await host.renderSheet({ ...desc, definedNames: [{ name: "pegX", refersTo: "=Parametri!$B$2" }] });
    const reloaded = await XlsxHost.fromBuffer(await host.toBuffer());
    await reloaded.renderSheet({
      ...desc,
      definedNames: [{ name: "PEGX", refersTo: "=IF(Parametri!$B$3>0,1,2)" }],
    });
    expect(await namesOf(reloaded)).toEqual([
      { name: "PEGX", text: "IF(Parametri!$B$3>0,1,2)", localSheetId: null },
    ]);
  });
});
