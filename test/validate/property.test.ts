// Property-based checks: random plans (valid and broken) against a small independent statement of the
// WEIGHT_SUM and DATE_ORDER rules, and random cell contents that must never make reading or validation throw.
import fc from "fast-check";
import { isoFromParts } from "../../src/domain/model/dates";
import { RULES, sortProblems, type Problem } from "../../src/domain/rules/problems";
import type { RawValue, RawWorkbook } from "../../src/domain/model/raw";
import { readPlan } from "../../src/domain/reading/reader";
import { validatePlan } from "../../src/domain/rules/validate";
import { syntheticPlan, toRawWorkbook } from "../../bench/synthetic";
import { toPlan, toRaw, type FaseSpec, type WorkbookSpec } from "./fixture";

// Dates as day numbers from 1 Jan 2022, so "end before start" is plain integer comparison.
const dayToIso = (day: number): string => {
  const d = new Date(Date.UTC(2022, 0, 1 + day));
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) as string;
};

interface GenPhase {
  /** Index of the objective, or -1 for a code that is not in Obiettivi. */
  obj: number;
  /** Peso in hundredths (exact), null = sub-item. */
  cents: number | null;
  ip: number | null;
  fp: number | null;
  ie: number | null;
  fe: number | null;
  avanzamento: number | null;
}
interface GenPlan {
  objectives: number;
  /** Objectives whose weights are completed to exactly 100 (valid), the others keep random weights. */
  balanced: boolean[];
  phases: GenPhase[];
}

const day = fc.option(fc.integer({ min: 0, max: 3 * 365 }), { nil: null, freq: 4 });
const genPlan: fc.Arbitrary<GenPlan> = fc.integer({ min: 1, max: 6 }).chain((objectives) =>
  fc.record({
    objectives: fc.constant(objectives),
    balanced: fc.array(fc.boolean(), { minLength: objectives, maxLength: objectives }),
    phases: fc.array(
      fc.record({
        obj: fc.oneof(
          { weight: 9, arbitrary: fc.integer({ min: 0, max: objectives - 1 }) },
          { weight: 1, arbitrary: fc.constant(-1) },
        ),
        cents: fc.option(
          fc.oneof(fc.integer({ min: 0, max: 10000 }), fc.constantFrom(2500, 3333, 3334, 5000)),
          {
            nil: null,
            freq: 4,
          },
        ),
        ip: day,
        fp: day,
        ie: day,
        fe: day,
        avanzamento: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      }),
      { maxLength: 18 },
    ),
  }),
);

const code = (i: number) => (i < 0 ? "SCONOSCIUTO" : `O${i + 1}`);

/** Completes the balanced objectives' last weighted phase so that their weights sum to exactly 100. */
function balance(g: GenPlan): GenPhase[] {
  const phases = g.phases.map((p) => ({ ...p }));
  for (let o = 0; o < g.objectives; o++) {
    if (!g.balanced[o]) continue;
    const weighted = phases.filter((p) => p.obj === o && p.cents !== null);
    if (weighted.length === 0) continue;
    const others = weighted.slice(0, -1).reduce((s, p) => s + (p.cents as number), 0);
    weighted[weighted.length - 1].cents = 10000 - others;
  }
  return phases;
}

function toSpec(g: GenPlan, phases: GenPhase[]): WorkbookSpec {
  const iso = (d: number | null) => (d === null ? null : dayToIso(d));
  return {
    parametri: { anno: 2023, dataRiferimento: "2023-12-31" },
    obiettivi: Array.from({ length: g.objectives }, (_, i) => ({ codice: code(i) })),
    fasi: phases.map((p): FaseSpec => ({
      obiettivo: code(p.obj),
      inizioPrevisto: iso(p.ip),
      finePrevista: iso(p.fp),
      inizioEffettivo: iso(p.ie),
      fineEffettiva: iso(p.fe),
      peso: p.cents === null ? null : p.cents / 100,
      avanzamento: p.avanzamento,
    })),
    indicatori: [],
  };
}

/** docs/reference/rules.md WEIGHT_SUM restated on exact hundredths: the Peso cell of the first weighted phase of each offender. */
function expectedWeightSum(g: GenPlan, phases: GenPhase[]): string[] {
  const out: string[] = [];
  for (let o = 0; o < g.objectives; o++) {
    let sum = 0;
    let first: number | null = null;
    phases.forEach((p, i) => {
      if (p.obj !== o || p.cents === null) return;
      sum += p.cents;
      if (first === null) first = i + 2;
    });
    if (first !== null && Math.abs(sum - 10000) > 1) out.push(`Fasi!G${first}`);
  }
  return out.sort();
}

/** docs/reference/rules.md DATE_ORDER restated: the end cell of every pair whose end is before its start. */
function expectedDateOrder(phases: GenPhase[]): string[] {
  const out: string[] = [];
  phases.forEach((p, i) => {
    if (p.ip !== null && p.fp !== null && p.fp < p.ip) out.push(`Fasi!D${i + 2}`);
    if (p.ie !== null && p.fe !== null && p.fe < p.ie) out.push(`Fasi!F${i + 2}`);
  });
  return out.sort();
}

const cellsOf = (problems: Problem[], rule: string) =>
  problems
    .filter((p) => p.rule === rule)
    .map((p) => p.cell as string)
    .sort();

function checkShape(problems: Problem[]): void {
  for (const p of problems) {
    expect(RULES[p.rule]).toBe(p.severity);
    expect(typeof p.message).toBe("string");
    expect(p.message.length).toBeGreaterThan(10);
  }
}

describe("validator vs an independent statement of WEIGHT_SUM and DATE_ORDER", () => {
  it("on the Plan directly", () => {
    fc.assert(
      fc.property(genPlan, (g) => {
        const phases = balance(g);
        const { plan, brokenCells } = toPlan(toSpec(g, phases));
        const problems = validatePlan(plan, brokenCells);
        expect(cellsOf(problems, "WEIGHT_SUM")).toEqual(expectedWeightSum(g, phases));
        expect(cellsOf(problems, "DATE_ORDER")).toEqual(expectedDateOrder(phases));
        checkShape(problems);
      }),
      { numRuns: 400 },
    );
  });

  it("through the reader (raw workbook)", () => {
    fc.assert(
      fc.property(genPlan, (g) => {
        const phases = balance(g);
        const read = readPlan(toRaw(toSpec(g, phases)), { today: "2024-02-01" });
        const problems = validatePlan(read.plan, read.brokenCells);
        expect(cellsOf(problems, "WEIGHT_SUM")).toEqual(expectedWeightSum(g, phases));
        expect(cellsOf(problems, "DATE_ORDER")).toEqual(expectedDateOrder(phases));
        checkShape(problems);
      }),
      { numRuns: 200 },
    );
  });

  it("finds it when some objectives are valid and some are not (generator sanity)", () => {
    // Without this the properties above could pass on plans that never exercise a rule.
    let sums = 0;
    let orders = 0;
    let clean = 0;
    fc.assert(
      fc.property(genPlan, (g) => {
        const phases = balance(g);
        sums += expectedWeightSum(g, phases).length;
        orders += expectedDateOrder(phases).length;
        if (expectedWeightSum(g, phases).length === 0 && expectedDateOrder(phases).length === 0) clean++;
      }),
      { numRuns: 200, seed: 42 },
    );
    expect(sums).toBeGreaterThan(20);
    expect(orders).toBeGreaterThan(20);
    expect(clean).toBeGreaterThan(20);
  });
});

// Any cell content, anywhere in the input sheets.
const rawValue: fc.Arbitrary<RawValue> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.constantFrom(
    "",
    " ",
    "33,5",
    "1.150,00",
    "33%",
    "31/02/2023",
    "2023-13-01",
    "si",
    "no",
    "n.d.",
    "#N/A",
    "=",
  ),
  fc.double(),
  fc.integer({ min: -100000, max: 3000000 }),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)) }),
  fc.constant(new Date(NaN)),
  fc.constantFrom({ error: "#REF!" }, { error: "#DIV/0!" }),
);

describe("never throws", () => {
  it("on random cell contents under the real headers", () => {
    const base = toRaw({
      parametri: { anno: 2023, dataRiferimento: "2023-12-31" },
      obiettivi: [{ codice: "O1" }],
      fasi: [],
      indicatori: [],
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(rawValue, { minLength: 13, maxLength: 13 }), { maxLength: 6 }),
        fc.array(fc.array(rawValue, { minLength: 11, maxLength: 11 }), { maxLength: 8 }),
        fc.array(fc.array(rawValue, { minLength: 8, maxLength: 8 }), { maxLength: 8 }),
        fc.array(rawValue, { minLength: 10, maxLength: 10 }),
        (obiettivi, fasi, indicatori, parametri) => {
          const wb: RawWorkbook = {
            sheets: base.sheets.map((s) => {
              const rows =
                s.name === "Obiettivi"
                  ? obiettivi
                  : s.name === "Fasi"
                    ? fasi
                    : s.name === "Indicatori"
                      ? indicatori
                      : s.values.slice(1).map((r, i) => [r[0], parametri[i]]);
              return {
                ...s,
                values: [s.values[0], ...rows],
                tables: s.tables.map((t) => ({ ...t, lastRow: rows.length + 1 })),
              };
            }),
          };
          const read = readPlan(wb, { today: "2024-02-01" });
          const problems = sortProblems([...read.problems, ...validatePlan(read.plan, read.brokenCells)]);
          checkShape(problems);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("on synthetic plans with defects, finding every defect put in", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 40 }), (seed, n) => {
        const sp = syntheticPlan(n, { seed, broken: 0.5 });
        const read = readPlan(toRawWorkbook(sp), { today: "2024-02-01" });
        const problems = [...read.problems, ...validatePlan(read.plan, read.brokenCells)];
        const found = new Set(problems.map((p) => `${p.rule} ${p.sheet} ${p.row} ${p.column}`));
        for (const d of sp.defects) expect(found).toContain(`${d.rule} ${d.sheet} ${d.row} ${d.column}`);
        // Only the defects put in are errors.
        expect(problems.filter((p) => p.severity === "error")).toHaveLength(
          sp.defects.filter((d) => RULES[d.rule as keyof typeof RULES] === "error").length,
        );
      }),
      { numRuns: 60 },
    );
  });
});
