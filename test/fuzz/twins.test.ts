// Formula twins against the reader, one value at a time, recalculated by LibreOffice (one soffice run
// for both date systems): the helper key of a cell (keyFormula) equals the reader's key, the Polarità
// test equals isDecrescente, and each Parametri name, fed a cell holding any number, percent or date
// cell, text in an accepted or rejected form, gives exactly the value the reader uses.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { isoToSerial } from "../../src/domain/model/dates";
import { parameterNames, PARAM_NAMES } from "../../src/domain/rollup/parametriNames";
import { keyFormula, keyOf, matchKeyFormula } from "../../src/domain/reading/keys";
import type { RawValue, RawWorkbook } from "../../src/domain/model/raw";
import { readPlan } from "../../src/domain/reading/reader";
import { isDecrescente } from "../../src/domain/reading/keys";
import { PARAMETRI, type ParametroKey } from "../../src/domain/model/schema";
import { readKeyText } from "../../src/domain/reading/values";
import { convertManyWithLibreOffice } from "../helpers/libreoffice";
import { itWithTool, sofficePath } from "../helpers/tools";
import { readXlsxCells } from "../rollup/oracle";

const itLo = itWithTool("LibreOffice (soffice)", sofficePath);
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

type Cand = { v: RawValue; fmt?: string };
const KEY_CANDIDATES: Cand[] = [
  { v: "OB1" },
  { v: " ob1 " },
  { v: "Ob\u00a01" },
  { v: "ob\u202f1" },
  { v: "A*1?~" },
  { v: "=X" },
  { v: "<>Y" },
  // (A tab in a cell that also holds a line break reads as U+0001 in LibreOffice's formulas: not here.)
  { v: "x\ty" },
  { v: "y\r\nz" },
  { v: "  a   b  " },
  { v: "Città" },
  { v: "01" },
  { v: 1 },
  { v: 2023 },
  { v: -3 },
  { v: 123456789012345 },
  { v: "(non indicato)" },
  { v: "a".repeat(130) },
  { v: "OB1\u2003" },
  { v: { error: "#N/A" } },
  { v: null },
  { v: "Decrescente" },
  { v: " decrescente\u00a0" },
  { v: "\tDECRESCENTE" },
  { v: "Decrescente\u2003" },
  { v: "De crescente" },
];

const PARAM_CANDIDATES: Record<string, Cand[]> = {
  anno: [
    { v: 2023 },
    { v: 2023.5 },
    { v: 1800 },
    { v: 10000 },
    { v: "2023" },
    { v: " 2023 " },
    { v: "02023" },
    { v: "2023,0" },
    { v: "20 23" },
    { v: "\u00a02023" },
    { v: "" },
    { v: "  " },
    { v: null },
    { v: d(2023, 1, 1), fmt: "dd/mm/yyyy" },
    { v: { error: "#REF!" } },
  ],
  dataRiferimento: [
    { v: d(2023, 6, 30), fmt: "dd/mm/yyyy" },
    { v: 45107 },
    { v: 45107.75 },
    { v: 0 },
    { v: -1 },
    { v: 3000000 },
    { v: "30/06/2023" },
    { v: "2023-06-30" },
    { v: "30.06-2023" },
    { v: " 30/06/2023 " },
    { v: "1/7/2023" },
    { v: "29/02/2023" },
    { v: "29/02/2024" },
    { v: "31/12/1900" },
    { v: "01/01/1902" },
    { v: "30/06/23" },
    { v: "oggi" },
    { v: null },
    { v: { error: "#N/A" } },
  ],
  sogliaRaggiunto: [
    { v: 90 },
    { v: 75.5 },
    { v: 0 },
    { v: 100 },
    { v: 101 },
    { v: -1 },
    { v: 0.8, fmt: "0%" },
    { v: 0.755, fmt: "0.0%" },
    { v: 0.07, fmt: "0%" },
    { v: 1.2, fmt: "0%" },
    { v: 45000, fmt: "dd/mm/yyyy" },
    { v: 5, fmt: "dd/mm/yyyy" },
    { v: "85" },
    { v: "85%" },
    { v: " 85 % " },
    { v: "62,5" },
    { v: "62.5" },
    { v: "100,0" },
    { v: "100,5" },
    { v: "+85" },
    { v: "1.150,00" },
    { v: "8e1" },
    { v: "85\u00a0" },
    { v: "abc" },
    { v: "" },
    { v: null },
  ],
  sogliaParzialmente: [{ v: 70 }, { v: 95 }, { v: "95" }, { v: 0.5, fmt: "0%" }, { v: "x" }, { v: null }],
  formulaDecrescente: [
    { v: "T/A" },
    { v: "2T-A" },
    { v: "2t - a" },
    { v: "2T-A\u00a0" },
    { v: "\t2T\u2013A" },
    { v: "2T\u2212A" },
    { v: "2T-A\u2003" },
    { v: "x" },
    { v: 5 },
    { v: null },
  ],
};

/** What the reader makes of one Parametri cell, and the name formula built from its layout. */
function readParam(key: ParametroKey, c: Cand, date1904: boolean) {
  const label = PARAMETRI.find((p) => p.key === key)!.label;
  const raw: RawWorkbook = {
    date1904,
    sheets: [
      {
        name: "Parametri",
        originRow: 1,
        originCol: 1,
        values: [
          ["Parametro", "Valore"],
          [label, c.v],
        ],
        numberFormats: [
          ["General", "General"],
          ["General", c.fmt ?? "General"],
        ],
        tables: [],
      },
    ],
  };
  const r = readPlan(raw, { today: "2023-06-15" });
  const names = new Map(parameterNames(r.plan).map((n) => [n.name, n.refersTo]));
  return { plan: r.plan, names };
}

itLo(
  "le formule gemelle danno ciò che legge il lettore (chiavi, Polarità, Parametri)",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "scheda-twins-"));
    const expected: { file: number; sheet: string; address: string; want: number | string | boolean }[] = [];
    try {
      const files: string[] = [];
      for (const date1904 of [false, true]) {
        const wb = new ExcelJS.Workbook();
        if (date1904) wb.properties.date1904 = true;
        const fileIndex = files.length;
        // Keys and Polarità
        const ks = wb.addWorksheet("Chiavi");
        KEY_CANDIDATES.forEach((c, i) => {
          const row = i + 1;
          ks.getCell(row, 1).value = c.v as ExcelJS.CellValue;
          ks.getCell(row, 2).value = { formula: keyFormula(`A${row}`) } as ExcelJS.CellFormulaValue;
          ks.getCell(row, 3).value = {
            formula: `IF(IFERROR(${matchKeyFormula(`A${row}`)}="DECRESCENTE",FALSE),1,0)`,
          } as ExcelJS.CellFormulaValue;
          const read = readKeyText(c.v, date1904);
          expected.push({
            file: fileIndex,
            sheet: "Chiavi",
            address: `B${row}`,
            want: keyOf(read.status === "ok" ? read.value : null),
          });
          expected.push({
            file: fileIndex,
            sheet: "Chiavi",
            address: `C${row}`,
            want: read.status === "ok" && isDecrescente(read.value) ? 1 : 0,
          });
        });
        // Parametri: each candidate in its own row of column B, its name formula in column C.
        const ps = wb.addWorksheet("Parametri");
        let row = 1;
        for (const [key, cands] of Object.entries(PARAM_CANDIDATES) as [ParametroKey, Cand[]][]) {
          for (const c of cands) {
            row++;
            const cell = ps.getCell(row, 2);
            cell.value = c.v as ExcelJS.CellValue;
            if (c.fmt) cell.numFmt = c.fmt;
            const { plan, names } = readParam(key, c, date1904);
            const name = {
              anno: PARAM_NAMES.anno,
              dataRiferimento: PARAM_NAMES.dataRiferimento,
              sogliaRaggiunto: PARAM_NAMES.sogliaRaggiunto,
              sogliaParzialmente: PARAM_NAMES.sogliaParzialmente,
              formulaDecrescente: PARAM_NAMES.formulaDecrescente,
            }[key as string] as string;
            // The name reads Parametri!$B$2 of the one-parameter workbook: point it at this row.
            const formula = names
              .get(name)!
              .slice(1)
              .replace(/Parametri!\$B\$2/g, `Parametri!$B$${row}`)
              .replace(/pegAnno/g, String(plan.parametri.anno))
              .replace(/pegSogliaRaggiunto/g, String(plan.parametri.sogliaRaggiunto));
            ps.getCell(row, 3).value = { formula } as ExcelJS.CellFormulaValue;
            const p = plan.parametri;
            const want =
              key === "dataRiferimento"
                ? isoToSerial(p.dataRiferimento) - (date1904 ? 1462 : 0)
                : (p[key as keyof typeof p] as number | string);
            expected.push({ file: fileIndex, sheet: "Parametri", address: `C${row}`, want });
          }
        }
        const file = join(dir, `gemelle-${date1904 ? 1904 : 1900}.xlsx`);
        writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
        files.push(file);
      }
      const { work, outputs } = await convertManyWithLibreOffice(files, "xlsx");
      try {
        const books = await Promise.all(outputs.map(async (o) => readXlsxCells(readFileSync(o))));
        const bad = expected
          .map((e) => ({ e, got: books[e.file].get(e.sheet)?.get(e.address)?.value ?? null }))
          .filter(({ e, got }) =>
            typeof e.want === "number"
              ? typeof got !== "number" || Math.abs(got - e.want) > 1e-9
              : (got ?? "") !== e.want,
          )
          .map(
            ({ e, got }) =>
              `${e.file ? "1904" : "1900"} ${e.sheet}!${e.address}: atteso ${JSON.stringify(e.want)}, LibreOffice ${JSON.stringify(got)}`,
          );
        expect(bad).toEqual([]);
        expect(expected.length).toBeGreaterThan(150);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  120_000,
);
