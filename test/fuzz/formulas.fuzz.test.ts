// Differential fuzzer (docs/reference/formulas.md "one truth"): seeded dirty workbooks through the real pipeline, then
// LibreOffice recalculates them in one run; every computed cell equals the TypeScript value (1e-6)
// unless a reported problem explains it, and every dirty cell gets its problem.
// CI slice here; the larger run: `npm run fuzz -- --n 300 --seed 1`.
import { itWithTool, sofficePath } from "../helpers/tools";
import { generateCase } from "./generator";
import { compareCase, recalcAll, rollupCase } from "./harness";

const itLo = itWithTool("LibreOffice (soffice)", sofficePath);
const N = Number(process.env.FUZZ_N ?? 24);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const BATCH = 40;

jest.setTimeout(Math.max(180_000, N * 15_000));

itLo(`formule vive = TypeScript su ${N} cartelle sporche (seme ${SEED})`, async () => {
  const t0 = Date.now();
  let compared = 0;
  let explained = 0;
  let dirty = 0;
  const tally = {
    "1904": 0,
    "tabelle e intervalli semplici": 0,
    strict: 0,
    "intestazioni varianti": 0,
    "intestazioni con apostrofo finale": 0,
    "colonne in percentuale": 0,
  };
  const unexplained: string[] = [];
  const unreported: string[] = [];
  for (let from = 0; from < N; from += BATCH) {
    const cases = [];
    for (let i = from; i < Math.min(N, from + BATCH); i++)
      cases.push(await rollupCase(await generateCase(SEED + i)));
    const books = await recalcAll(cases);
    cases.forEach((c, i) => {
      const o = compareCase(c, books[i]);
      compared += o.compared;
      explained += o.explained;
      dirty += c.fuzz.dirty.length;
      const f = c.fuzz.features;
      if (f.includes("1904")) tally["1904"]++;
      if (f.includes("plain ranges")) tally["tabelle e intervalli semplici"]++;
      if (c.fuzz.strict) tally.strict++;
      tally["intestazioni varianti"] += f.filter((x) => x.startsWith("header")).length;
      tally["intestazioni con apostrofo finale"] += f.filter((x) => x.endsWith(`'"`)).length;
      tally["colonne in percentuale"] += f.filter((x) => x.endsWith("in percentuale")).length;
      unexplained.push(...o.unexplained);
      unreported.push(...o.unreported.map((u) => `seme ${c.fuzz.seed}: ${u}`));
    });
  }
  console.log(
    `fuzz formule: ${N} cartelle (seme ${SEED}), ${compared} celle calcolate confrontate, ` +
      `${unexplained.length} differenze non spiegate, ${explained} differenze spiegate da un problema ` +
      `segnalato, ${dirty} celle sporche con problema atteso (${unreported.length} non segnalate), ` +
      `${((Date.now() - t0) / 1000).toFixed(1)} s; casi: ${JSON.stringify(tally)}`,
  );
  expect(unreported).toEqual([]);
  expect(unexplained.slice(0, 40)).toEqual([]);
  expect(compared).toBeGreaterThan(N * 50);
});
