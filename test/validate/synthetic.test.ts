// The synthetic plan generator (src/bench/synthetic.ts): deterministic, realistic texts from the sample,
// valid when asked for a valid plan, and writable by the .xlsx host in its template form.
import {
  syntheticPlan,
  syntheticTemplate,
  syntheticTextsFromSample,
  syntheticWorkbook,
} from "../../bench/synthetic";
import { SchedaService } from "../../src/app/service";
import { readPlan } from "../../src/domain/reading/reader";
import { validatePlan } from "../../src/domain/rules/validate";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { loadSampleJson } from "../helpers/sample";

const sample = loadSampleJson();

describe("syntheticPlan", () => {
  it("is n objectives × 3 phases × 2 indicators and the same for the same seed", () => {
    const a = syntheticPlan(25, { seed: 5 });
    expect(a.obiettivi).toHaveLength(26); // header + 25
    expect(a.fasi).toHaveLength(1 + 75);
    expect(a.indicatori).toHaveLength(1 + 50);
    expect(syntheticPlan(25, { seed: 5 })).toEqual(a);
    expect(syntheticPlan(25, { seed: 6 })).not.toEqual(a);
  });

  it("takes its texts from the sample when given it (titles as long as the real ones)", () => {
    const texts = syntheticTextsFromSample(sample);
    expect(texts.titoli).toContain(sample.obiettivi[0].titolo);
    const wb = syntheticWorkbook(200, { seed: 1, texts });
    const titles = wb.sheets[1].values.slice(1).map((r) => String(r[1]));
    const mean = titles.reduce((s, t) => s + t.length, 0) / titles.length;
    expect(mean).toBeGreaterThan(80);
    for (const t of titles) expect(texts.titoli).toContain(t);
  });

  it("a valid plan has no problem at all; a broken one lists its defects", () => {
    const ok = readPlan(syntheticWorkbook(300, { seed: 9 }), { today: "2024-02-01" });
    expect([...ok.problems, ...validatePlan(ok.plan, ok.brokenCells)]).toEqual([]);
    expect(syntheticPlan(300, { seed: 9, broken: true }).defects.length).toBeGreaterThan(10);
  });
});

describe("syntheticTemplate through the .xlsx host", () => {
  it("writes a file whose validation finds every defect put in", async () => {
    const options = { seed: 11, broken: 0.3, texts: syntheticTextsFromSample(sample) };
    const host = await XlsxHost.createEmpty();
    await host.prepareSheets(syntheticTemplate(60, options), { fillRows: true });
    const reopened = await XlsxHost.fromBuffer(await host.toBuffer());
    const check = await new SchedaService(reopened, { today: () => "2024-02-01" }).check();
    const found = new Set(check.problems.map((p) => `${p.rule} ${p.sheet} ${p.row} ${p.column}`));
    const { defects } = syntheticPlan(60, options);
    expect(defects.length).toBeGreaterThan(5);
    // prepareSheets writes error values (#DIV/0!) as empty cells, so CELL_ERROR defects do not survive the file.
    const kept = defects.filter((d) => d.rule !== "CELL_ERROR");
    for (const d of kept) expect(found).toContain(`${d.rule} ${d.sheet} ${d.row} ${d.column}`);
  });
});
