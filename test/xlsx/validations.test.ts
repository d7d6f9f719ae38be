// Whole-column data validations (as Excel writes them) load and save in reasonable time, unchanged.
import * as ExcelJS from "exceljs";
import { readZipEntry } from "../../src/cli/zip";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";

it("a whole-column validation survives load and save, fast", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Fasi");
  ws.getCell("A1").value = "Peso";
  const dv = (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  dv.add("D2:D1048576", { type: "decimal", operator: "between", allowBlank: true, formulae: [0, 100] });
  dv.add("E2:F300", { type: "list", allowBlank: true, formulae: ['"Crescente,Decrescente"'] });
  dv.add("H5", { type: "whole", operator: "greaterThan", formulae: [3] });
  const input = Buffer.from(await wb.xlsx.writeBuffer());

  const start = Date.now();
  const host = await XlsxHost.fromBuffer(input);
  // Folded back: one entry per column run instead of a million cells.
  const model = (host.workbook.getWorksheet("Fasi") as unknown as { dataValidations: { model: object } })
    .dataValidations.model;
  expect(Object.keys(model).sort()).toEqual(["D2:D1048576", "E2:E300", "F2:F300", "H5"]);
  const out = Buffer.from(await host.toBuffer());
  // Unfolded, saving alone took 27 s on an idle machine; generous bound for a busy CI runner.
  expect(Date.now() - start).toBeLessThan(20000);

  const xml = readZipEntry(out, "xl/worksheets/sheet1.xml")?.toString("utf8") ?? "";
  const rules = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"[^>]*>(.*?)<\/dataValidation>/g)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
  expect(rules.sort()).toEqual(
    [
      "D2:D1048576 <formula1>0</formula1><formula2>100</formula2>",
      "E2:E300 <formula1>&quot;Crescente,Decrescente&quot;</formula1>",
      "F2:F300 <formula1>&quot;Crescente,Decrescente&quot;</formula1>",
      "H5 <formula1>3</formula1>",
    ].sort(),
  );
});
