// The 2023 reference plan (assets JSON) laid out as a workbook validates with 0 errors. Its warnings are
// the ones the real report implies: objectives without indicators, and the cells holding the less
// frequent of two spellings of one group label (DUP_06's, with and without a space after "!").
import { sortProblems } from "../../src/domain/rules/problems";
import type { RawSheet, RawValue, RawWorkbook } from "../../src/domain/model/raw";
import { readPlan } from "../../src/domain/reading/reader";
import { FASI_COLUMNS, INDICATORI_COLUMNS, OBIETTIVI_COLUMNS } from "../../src/domain/model/schema";
import type { SamplePlanJson } from "../../src/domain/template/template";
import { validatePlan } from "../../src/domain/rules/validate";
import { loadSampleJson } from "../helpers/sample";

const data = loadSampleJson();

type Obj = SamplePlanJson["obiettivi"][number];

const date = (iso: string | null) => {
  if (iso === null) return null;
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};
const dup = (d: { codice: string; descrizione: string } | null) =>
  d ? `${d.codice} ${d.descrizione}` : null;

function sheet(name: string, headers: string[], rows: RawValue[][]): RawSheet {
  return { name, originRow: 1, originCol: 1, values: [headers, ...rows], tables: [] };
}

/** The JSON as plain ranges (no tables), Parametri left to its defaults except Vista and Livello. */
function sampleWorkbook(json: SamplePlanJson): RawWorkbook {
  const o = json.obiettivi;
  return {
    sheets: [
      sheet(
        "Parametri",
        ["Parametro", "Valore"],
        [
          ["Vista", json.header.vista],
          ["Livello", json.header.livello],
        ],
      ),
      sheet(
        "Obiettivi",
        OBIETTIVI_COLUMNS.map((c) => c.header),
        o.map((x) => [
          x.codice,
          x.titolo,
          x.assessorato,
          x.centro_responsabilita,
          x.responsabile,
          x.valore_pubblico,
          dup(x.obiettivo_mandato),
          dup(x.obiettivo_missione),
          dup(x.obiettivo_programma),
          x.modalita_attuazione,
          x.stato_attuazione,
          x.stato,
          null,
          null,
          null,
        ]),
      ),
      sheet(
        "Fasi",
        FASI_COLUMNS.map((c) => c.header),
        o.flatMap((x) =>
          x.fasi.map((f) => [
            x.codice,
            f.titolo,
            date(f.inizio_previsto),
            date(f.fine_prevista),
            date(f.inizio_effettivo),
            date(f.fine_effettiva),
            f.peso,
            f.avanzamento,
            f.responsabile,
            f.centro_responsabilita,
            f.note,
          ]),
        ),
      ),
      sheet(
        "Indicatori",
        [...INDICATORI_COLUMNS.map((c) => c.header), "Valore Raggiunto 2022", "Valore Raggiunto 2021"],
        o.flatMap((x) =>
          x.indicatori.map((i) => [
            x.codice,
            i.descrizione,
            i.tipo,
            null,
            i.valore_atteso,
            i.valore_raggiunto,
            null,
            i.note,
            i.valore_2022,
            i.valore_2021,
          ]),
        ),
      ),
    ],
  };
}

describe("the 2023 sample plan", () => {
  const read = readPlan(sampleWorkbook(data), { today: "2026-11-25" });
  const problems = sortProblems([...read.problems, ...validatePlan(read.plan, read.brokenCells)]);

  it("is read whole: 33 objectives, 80 phases, 48 indicators, Anno 2023", () => {
    expect(read.plan.obiettivi).toHaveLength(33);
    expect(read.plan.fasi).toHaveLength(80);
    expect(read.plan.indicatori).toHaveLength(48);
    expect(read.plan.parametri.anno).toBe(2023);
    expect(read.plan.parametri.dataRiferimento).toBe("2023-12-31");
  });

  it("has 0 errors", () => {
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("warns exactly about the six objectives without indicators and DUP_06's second spelling", () => {
    // Independent count from the JSON: objectives whose indicator list is empty…
    const withoutIndicators = data.obiettivi.filter((x) => x.indicatori.length === 0);
    const expected = withoutIndicators.map((x) => {
      const row = data.obiettivi.indexOf(x) + 2;
      return { row, text: `NO_INDICATORS Obiettivi!A${row} ${x.codice}` };
    });
    expect(expected).toHaveLength(6);
    // …and, per group column, labels equal once only letters and digits are kept (lower case) but
    // written two ways: each cell of the less frequent way.
    const columns = [
      ["C", (x: Obj) => x.assessorato],
      ["D", (x: Obj) => x.centro_responsabilita],
      ["F", (x: Obj) => x.valore_pubblico],
      ["G", (x: Obj) => dup(x.obiettivo_mandato)],
      ["H", (x: Obj) => dup(x.obiettivo_missione)],
      ["I", (x: Obj) => dup(x.obiettivo_programma)],
    ] as const;
    let near = 0;
    for (const [letter, get] of columns) {
      const byFold = new Map<string, Map<string, number[]>>();
      data.obiettivi.forEach((x, i) => {
        const v = get(x);
        if (!v) return;
        const fold = v.toLowerCase().replace(/[^a-z0-9àèéìòù]/g, "");
        const ways = byFold.get(fold) ?? new Map<string, number[]>();
        byFold.set(fold, ways);
        ways.set(v, [...(ways.get(v) ?? []), i + 2]);
      });
      for (const ways of byFold.values()) {
        if (ways.size < 2) continue;
        const sorted = [...ways.values()].sort((a, b) => b.length - a.length);
        for (const rows of sorted.slice(1))
          for (const row of rows) {
            near++;
            const codice = data.obiettivi[row - 2].codice;
            expected.push({ row, text: `LABEL_NEAR_DUPLICATE Obiettivi!${letter}${row} ${codice}` });
          }
      }
    }
    expect(near).toBe(2); // "FACCIAMO RETE! INSIEME POSSIAMO" is written so twice, "RETE!INSIEME" four times
    const cellOf = (t: string) => t.split(" ")[1];
    expected.sort((a, b) => a.row - b.row || cellOf(a.text).localeCompare(cellOf(b.text)));
    expect(problems.map((p) => `${p.rule} ${p.cell} ${p.objective}`)).toEqual(expected.map((e) => e.text));
  });
});
