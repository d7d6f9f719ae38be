// Random cell contents: readPlan never throws, and every problem names a real cell of its sheet.
import fc from "fast-check";
import { normalizeHeader, headerText } from "../../src/domain/reading/headers";
import { RULES } from "../../src/domain/rules/problems";
import { columnIndex, type RawSheet, type RawValue, type RawWorkbook } from "../../src/domain/model/raw";
import { readPlan } from "../../src/domain/reading/reader";
import { COMPUTED_COLUMNS, PARAMETRI } from "../../src/domain/model/schema";
import { EXCEL_ERROR_LITERALS } from "../../src/domain/reading/values";
import { HEADERS } from "../helpers/rawWorkbook";

const ERRORS = [...EXCEL_ERROR_LITERALS];

const tricky = [
  "33",
  "33,00",
  "1.150,00",
  "1,150.00",
  "33%",
  "-2,5",
  "si",
  "Sì",
  "no",
  "31/02/2023",
  "2023-12-31",
  "1/2/2023",
  "=SUM(A1:A3)",
  "+39 02",
  "-",
  "@utente",
  " ",
  "\u00a0",
  "NaN",
  "Infinity",
  "1e400",
  "T/A",
  "2T-A",
  "Crescente",
  "OB1",
  "OB2",
  "Valore Raggiunto 2022",
  "POLARITA'",
  "Peso",
  "Codice",
  "Obiettivo",
  ...ERRORS,
];

const cell: fc.Arbitrary<RawValue> = fc.oneof(
  fc.constant(null),
  fc.double(),
  fc.integer({ min: -100000, max: 3000000 }),
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom(...tricky),
  fc.boolean(),
  fc.date(),
  fc.constantFrom(...ERRORS).map((e) => ({ error: e })),
  fc.record({ error: fc.string() }),
);

const FORMATS = ["General", "0%", "0.00%", "dd/mm/yyyy", "@", '0" %"', "[$-410]d-mmm-yy"];

interface SheetSpec {
  name: string;
  headerPool: readonly string[];
}

const headerCell = (pool: readonly string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pool) },
    { weight: 2, arbitrary: fc.constantFrom(...pool).map((h) => `  ${h.toUpperCase()}'`) },
    { weight: 1, arbitrary: cell },
  );

function sheetArb(spec: SheetSpec): fc.Arbitrary<RawSheet> {
  return fc
    .record({
      name: fc.constantFrom(spec.name, spec.name.toUpperCase(), ` ${spec.name.toLowerCase()} `),
      originRow: fc.integer({ min: 1, max: 4 }),
      originCol: fc.integer({ min: 1, max: 3 }),
      above: fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 2 }),
      headers: fc.oneof(
        fc.array(headerCell(spec.headerPool), { minLength: 0, maxLength: 10 }),
        // every known header, in a random order, with random extra cells
        fc
          .tuple(
            fc.shuffledSubarray([...spec.headerPool], { minLength: spec.headerPool.length }),
            fc.array(cell, { maxLength: 2 }),
          )
          .map(([all, extra]) => [...all, ...extra]),
      ),
      body: fc.array(fc.array(cell, { maxLength: 16 }), { maxLength: 8 }),
      asTable: fc.boolean(),
      tableExtraRows: fc.integer({ min: -2, max: 2 }),
      formats: fc.option(
        fc.array(fc.array(fc.constantFrom(...FORMATS), { maxLength: 16 }), { maxLength: 12 }),
      ),
    })
    .map((s) => {
      const values = [...s.above, s.headers, ...s.body];
      const headerRow = s.originRow + s.above.length;
      const width = Math.max(1, s.headers.length);
      return {
        name: s.name,
        originRow: s.originRow,
        originCol: s.originCol,
        values,
        numberFormats: s.formats ?? undefined,
        tables: s.asTable
          ? [
              {
                name: `tbl${spec.name}`,
                headerRow,
                firstCol: s.originCol,
                lastCol: s.originCol + width - 1,
                lastRow: Math.max(headerRow, headerRow + s.body.length + s.tableExtraRows),
              },
            ]
          : [],
      };
    });
}

const SPECS: Record<string, SheetSpec> = {
  Obiettivi: { name: "Obiettivi", headerPool: [...HEADERS.obiettivi, ...COMPUTED_COLUMNS.obiettivi] },
  Fasi: { name: "Fasi", headerPool: [...HEADERS.fasi, ...COMPUTED_COLUMNS.fasi] },
  Indicatori: {
    name: "Indicatori",
    headerPool: [
      ...HEADERS.indicatori,
      "Valore Raggiunto 2022",
      "Valore Raggiunto 2021",
      ...COMPUTED_COLUMNS.indicatori,
    ],
  },
  Parametri: { name: "Parametri", headerPool: ["Parametro", "Valore", ...PARAMETRI.map((p) => p.label)] },
};

const workbookArb: fc.Arbitrary<RawWorkbook> = fc
  .record({
    obiettivi: fc.option(sheetArb(SPECS.Obiettivi), { freq: 8 }),
    fasi: fc.option(sheetArb(SPECS.Fasi), { freq: 8 }),
    indicatori: fc.option(sheetArb(SPECS.Indicatori), { freq: 8 }),
    parametri: fc.option(sheetArb(SPECS.Parametri), { freq: 2 }),
  })
  .map((w) => ({
    sheets: [w.parametri, w.obiettivi, w.fasi, w.indicatori].filter((s): s is RawSheet => s !== null),
  }));

/** `Fasi!G12` or `'my sheet'!G12` → parts. */
function parseAddress(address: string): { sheet: string; col: number; row: number } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!([A-Z]+)([1-9]\d*)$/.exec(address);
  if (!m) return null;
  return {
    sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2],
    col: columnIndex(m[3]),
    row: Number(m[4]),
  };
}

function cellOf(sheet: RawSheet, row: number, col: number): RawValue {
  return sheet.values[row - sheet.originRow]?.[col - sheet.originCol] ?? null;
}

function usedRange(sheet: RawSheet) {
  const width = Math.max(0, ...sheet.values.map((r) => r.length));
  return {
    lastRow: sheet.originRow + sheet.values.length - 1,
    firstCol: sheet.originCol,
    lastCol: sheet.originCol + width - 1,
  };
}

const PARAM_LABELS = new Set(PARAMETRI.map((p) => normalizeHeader(p.label)));

describe("readPlan on random cells", () => {
  it("never throws and reports every problem at a real cell of its sheet", () => {
    fc.assert(
      fc.property(workbookArb, (wb) => {
        const r = readPlan(wb, { today: "2024-05-01" });
        const layouts = {
          Obiettivi: r.plan.layout.obiettivi,
          Fasi: r.plan.layout.fasi,
          Indicatori: r.plan.layout.indicatori,
        };
        for (const p of r.problems) {
          expect(p.severity).toBe(RULES[p.rule]);
          expect(typeof p.message).toBe("string");
          expect(p.message.length).toBeGreaterThan(10);
          if (p.rule === "SHEET_MISSING") {
            expect([p.row, p.column, p.cell]).toEqual([null, null, null]);
            continue;
          }
          const sheet = wb.sheets.find((s) => s.name === p.sheet);
          expect(sheet).toBeDefined();
          if (!sheet) continue;
          const key = normalizeHeader(p.sheet);
          const canonical = key.charAt(0).toUpperCase() + key.slice(1);
          const layout = layouts[canonical as keyof typeof layouts];
          if (p.rule === "COLUMN_MISSING") {
            expect(p.cell).toBeNull();
            expect(p.row).toBe(layout?.headerRow);
            continue;
          }
          expect(p.cell).not.toBeNull();
          const a = parseAddress(p.cell as string);
          expect(a).not.toBeNull();
          if (!a) continue;
          expect(a.sheet).toBe(p.sheet);
          expect(a.row).toBe(p.row);
          const range = usedRange(sheet);
          if (canonical === "Parametri") {
            expect(p.column).toBe("Valore");
            // the row holds a known parameter label
            const labels = sheet.values[a.row - sheet.originRow] ?? [];
            expect(
              labels.some((v) => PARAM_LABELS.has(normalizeHeader(headerText(v)).replace(/\s*:$/, ""))),
            ).toBe(true);
            continue;
          }
          expect(layout).not.toBeNull();
          if (!layout) continue;
          expect(a.col).toBeGreaterThanOrEqual(Math.max(range.firstCol, layout.firstCol));
          expect(a.col).toBeLessThanOrEqual(Math.min(range.lastCol, layout.lastCol));
          // the column named by the problem is the header of that column
          const header = headerText(cellOf(sheet, layout.headerRow, a.col));
          expect(normalizeHeader(header)).toBe(normalizeHeader(p.column ?? ""));
          if (p.rule !== "COLUMN_DUPLICATE") {
            expect(a.row).toBeGreaterThanOrEqual(layout.firstRow);
            expect(a.row).toBeLessThanOrEqual(layout.lastRow);
          } else {
            expect(a.row).toBe(layout.headerRow);
          }
        }
        for (const address of r.brokenCells) expect(parseAddress(address)).not.toBeNull();
        for (const items of [r.plan.obiettivi, r.plan.fasi, r.plan.indicatori]) {
          for (const it of items) expect(Number.isInteger(it.row)).toBe(true);
        }
        expect(Number.isInteger(r.plan.parametri.anno)).toBe(true);
        expect(r.plan.parametri.dataRiferimento).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on garbage that is not even a RawValue", () => {
    const junk = fc.anything({ withDate: true, withMap: true, withSet: true, withNullPrototype: true });
    fc.assert(
      fc.property(fc.array(fc.array(junk, { maxLength: 5 }), { maxLength: 5 }), (rows) => {
        const values = [["Obiettivo", "Fase", "Peso", "Fine Prevista", "Note"], ...rows] as RawValue[][];
        const wb: RawWorkbook = {
          sheets: [{ name: "Fasi", originRow: 1, originCol: 1, values, tables: [] }],
        };
        expect(() => readPlan(wb, { today: "2024-05-01" })).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
