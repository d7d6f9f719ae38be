// The layer rules of eslint.config.mjs catch an import that goes against the house (src/domain/README.md):
// checked with ESLint itself on sources placed where such an import would live.
import { lintSource } from "../helpers/eslint";

async function restricted(file: string, source: string): Promise<string[]> {
  return lintSource(file, source)
    .filter((m) => m.ruleId === "no-restricted-imports")
    .map((m) => m.message);
}

describe("layer rules", () => {
  it.each([
    [
      "src/domain/scheda/x.ts",
      'import { XlsxHost } from "../../hosts/xlsx/xlsxHost";\nexport const x = XlsxHost;\n',
    ],
    [
      "src/domain/rollup/x.ts",
      'import { SchedaService } from "../../app/service";\nexport const x = SchedaService;\n',
    ],
    ["src/domain/model/x.ts", 'import JSZip from "jszip";\nexport const x = JSZip;\n'],
    [
      "src/domain/x.ts",
      'import { paneStrings } from "../taskpane/strings";\nexport const x = paneStrings;\n',
    ],
    ["src/app/x.ts", 'import { ExcelHost } from "../hosts/excel/excelHost";\nexport const x = ExcelHost;\n'],
  ])("%s may not import across the layers", async (file, source) => {
    expect((await restricted(file, source)).length).toBe(1);
  });

  it.each([
    [
      "src/domain/scheda/x.ts",
      'import { columnLetter } from "../model/raw";\nexport const x = columnLetter;\n',
    ],
    ["src/hosts/xlsx/x.ts", 'import { AppError } from "../../app/errors";\nexport const x = AppError;\n'],
  ])("%s may import downwards", async (file, source) => {
    expect(await restricted(file, source)).toEqual([]);
  });
});
