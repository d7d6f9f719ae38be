// A generated plan of 10,000 objectives (3 phases and 2 indicators each) is read and validated to the end,
// and every defect put in is found. Timing is printed by bench/run-validate.js, not asserted here.
import { syntheticPlan, toRawWorkbook } from "../../bench/synthetic";
import { RULES } from "../../src/domain/rules/problems";
import { readPlan } from "../../src/domain/reading/reader";
import { validatePlan } from "../../src/domain/rules/validate";

it("validates 10,000 objectives and finds each of the defects put in", () => {
  const sp = syntheticPlan(10000, { seed: 2023, broken: 0.02 });
  const read = readPlan(toRawWorkbook(sp), { today: "2024-02-01" });
  expect(read.plan.obiettivi.length).toBe(10000);
  expect(read.plan.fasi.length).toBeGreaterThan(29000);
  const problems = [...read.problems, ...validatePlan(read.plan, read.brokenCells)];
  const found = new Set(problems.map((p) => `${p.rule} ${p.sheet} ${p.row} ${p.column}`));
  expect(sp.defects.length).toBeGreaterThan(100);
  for (const d of sp.defects) expect(found).toContain(`${d.rule} ${d.sheet} ${d.row} ${d.column}`);
  const errorDefects = sp.defects.filter((d) => RULES[d.rule as keyof typeof RULES] === "error");
  expect(problems.filter((p) => p.severity === "error")).toHaveLength(errorDefects.length);
});
