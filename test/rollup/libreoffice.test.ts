// Independent-engine test (docs/reference/formulas.md): the file `rollup` writes is recalculated by LibreOffice and every
// computed cell must equal the TypeScript value within 1e-6 — for the sample plan, for seeded random
// plans (tables and plain ranges, optional columns left out), and again after input cells and
// Parametri are changed, which proves the formulas are live and read everything they should.
import { SchedaService } from "../../src/app/service";
import { buildRollupWritePlan } from "../../src/domain/rollup/formulas";
import type { Plan } from "../../src/domain/model/model";
import { computeRollups, type Rollups } from "../../src/domain/rollup/rollup";
import type { ParametroKey } from "../../src/domain/model/schema";
import type { RollupWritePlan } from "../../src/domain/model/sheet";
import { buildSample } from "../../src/domain/template/template";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { itWithTool, sofficePath } from "../helpers/tools";
import { randomTemplate, rng, writeAsPlainRanges, writeAsTables } from "./generator";
import { compareCells, expectedCells, readXlsxCells, recalcWithLibreOffice } from "./oracle";
import { loadSampleJson } from "../helpers/sample";
import { editCells, type CellEdit } from "../helpers/xlsxFiles";

const itLo = itWithTool("LibreOffice (soffice)", sofficePath);
const TODAY = "2024-06-30";

interface RolledUp {
  bytes: Uint8Array;
  plan: Plan;
  rollups: Rollups;
  writePlan: RollupWritePlan;
}

/** What `scheda-peg rollup` does to a file, keeping the pieces the checks need. */
export async function rollupBytes(input: Uint8Array): Promise<RolledUp> {
  const host = await XlsxHost.fromBuffer(input);
  const result = await new SchedaService(host, { today: () => TODAY }).rollup();
  if (!result.rollups) throw new Error(result.check.blocking.map((p) => p.message).join("\n"));
  return {
    bytes: await host.toBuffer(),
    plan: result.check.plan,
    rollups: result.rollups,
    writePlan: buildRollupWritePlan(result.check.plan, result.rollups),
  };
}

/** TypeScript on the data of a file as it is now (no writing). */
async function tsOn(bytes: Uint8Array): Promise<RollupWritePlan> {
  const host = await XlsxHost.fromBuffer(bytes);
  const check = await new SchedaService(host, { today: () => TODAY }).check();
  return buildRollupWritePlan(check.plan, computeRollups(check.plan));
}

async function sampleBytes(): Promise<Uint8Array> {
  const json = loadSampleJson();
  const host = await XlsxHost.createEmpty();
  await host.prepareSheets(buildSample(json), { fillRows: true });
  return host.toBuffer();
}

type Edit = CellEdit;

/** Changes input cells the way a user would in Excel (formulas untouched, nothing recalculated). */
const edit = (bytes: Uint8Array, edits: Edit[]): Promise<Uint8Array> => editCells(bytes, edits);

function paramEdit(plan: Plan, key: ParametroKey, value: string | number | Date | null): Edit {
  const layout = plan.layout.parametri;
  const cell = layout?.cells[key];
  if (!layout || !cell) throw new Error(`Parametro ${key} assente`);
  return { sheet: layout.sheet, row: cell.row, col: cell.col, value };
}

/** Cached results in the written file must be the TypeScript values. */
async function expectCachedResults(r: RolledUp): Promise<void> {
  const book = await readXlsxCells(r.bytes);
  expect(compareCells(book, expectedCells(r.writePlan), 1e-9)).toEqual([]);
}

async function expectLibreOfficeAgrees(bytes: Uint8Array, writePlan: RollupWritePlan): Promise<number> {
  const expected = expectedCells(writePlan);
  const book = await recalcWithLibreOffice(bytes);
  expect(compareCells(book, expected)).toEqual([]);
  return expected.length;
}

function changedCount(a: RollupWritePlan, b: RollupWritePlan): number {
  const before = new Map(expectedCells(a).map((e) => [`${e.sheet}!${e.address}`, e.value]));
  return expectedCells(b).filter((e) => before.get(`${e.sheet}!${e.address}`) !== e.value).length;
}

describe("rollup formulas recalculated by LibreOffice", () => {
  itLo("sample plan: every computed cell and the Riepilogo equal the TypeScript values", async () => {
    const r = await rollupBytes(await sampleBytes());
    await expectCachedResults(r);
    const n = await expectLibreOfficeAgrees(r.bytes, r.writePlan);
    // 33 objectives × 5 columns, 80 phases × 3, 48 indicators × 1, and the Riepilogo
    expect(n).toBeGreaterThan(33 * 5 + 80 * 3 + 48);
  });

  itLo("sample plan after editing inputs and Parametri: LibreOffice follows the new data", async () => {
    const r = await rollupBytes(await sampleBytes());
    const F = r.plan.layout.fasi!;
    const I = r.plan.layout.indicatori!;
    const firstPhase = r.plan.fasi[0];
    const [ind0, ind1] = r.plan.indicatori;
    const changed = await edit(r.bytes, [
      { sheet: F.sheet, row: firstPhase.row, col: F.columns.avanzamento!, value: 40 },
      { sheet: F.sheet, row: firstPhase.row, col: F.columns.fineEffettiva!, value: null },
      { sheet: I.sheet, row: ind0.row, col: I.columns.valoreAtteso!, value: 250 },
      { sheet: I.sheet, row: ind1.row, col: I.columns.polarita!, value: "Decrescente" },
      { sheet: I.sheet, row: ind1.row, col: I.columns.valoreAtteso!, value: 10 },
      { sheet: I.sheet, row: ind1.row, col: I.columns.valoreRaggiunto!, value: 14 },
      paramEdit(r.plan, "sogliaRaggiunto", 95),
      paramEdit(r.plan, "sogliaParzialmente", 60),
      paramEdit(r.plan, "formulaDecrescente", "2T-A"),
      paramEdit(r.plan, "pesoFasiNelGrado", 70),
      paramEdit(r.plan, "dataRiferimento", new Date(Date.UTC(2023, 5, 30))),
    ]);
    const expected = await tsOn(changed);
    // The edits must move numbers, or this test would prove nothing.
    expect(changedCount(r.writePlan, expected)).toBeGreaterThan(5);
    await expectLibreOfficeAgrees(changed, expected);
  });

  itLo(
    "a grade validated by the Nucleo typed into the file: Grado Finale, Esito and Riepilogo follow",
    async () => {
      const r = await rollupBytes(await sampleBytes());
      const O = r.plan.layout.obiettivi!;
      const [first, second] = r.plan.obiettivi;
      // Both are Raggiunto with G = 100 in the sample; the Nucleo lowers them to 80 and 40.
      expect([r.rollups.obiettivi[0].grado, r.rollups.obiettivi[1].grado]).toEqual([100, 100]);
      const changed = await edit(r.bytes, [
        { sheet: O.sheet, row: first.row, col: O.columns.gradoValidato!, value: 80 },
        { sheet: O.sheet, row: first.row, col: O.columns.motivazioneValidazione!, value: "Verbale n. 1" },
        { sheet: O.sheet, row: second.row, col: O.columns.gradoValidato!, value: 40 },
        { sheet: O.sheet, row: second.row, col: O.columns.motivazioneValidazione!, value: "Verbale n. 1" },
      ]);
      const book = await recalcWithLibreOffice(changed);
      const obiettivi = book.get(O.sheet)!;
      const header = (h: string) => {
        for (const [ref, cell] of obiettivi)
          if (cell.value === h && ref.endsWith(String(O.headerRow))) return ref.replace(/\d+$/, "");
        throw new Error(`colonna ${h} assente`);
      };
      const at = (h: string, row: number) => obiettivi.get(`${header(h)}${row}`)?.value;
      // What LibreOffice computed, against the contract (not the TypeScript)
      expect([
        at("Grado di Raggiungimento %", first.row),
        at("Grado Finale %", first.row),
        at("Esito", first.row),
      ]).toEqual([100, 80, "Parzialmente raggiunto"]);
      expect([at("Grado Finale %", second.row), at("Esito", second.row)]).toEqual([40, "Non raggiunto"]);
      // …and every computed cell, the Riepilogo included, against the TypeScript on the edited file
      const expected = await tsOn(changed);
      expect(changedCount(r.writePlan, expected)).toBeGreaterThan(4);
      expect(compareCells(book, expectedCells(expected))).toEqual([]);
    },
  );

  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
  itLo(`random plans as Excel tables (seeds ${seeds.join(", ")})`, async () => {
    for (const seed of seeds) {
      const r = await rollupBytes(await writeAsTables(randomTemplate(seed)));
      await expectCachedResults(r);
      await expectLibreOfficeAgrees(r.bytes, r.writePlan);
    }
  });

  itLo("random plans as plain ranges, and without the optional columns", async () => {
    const drop = [
      "Obiettivi.Peso",
      "Obiettivi.Assessorato",
      "Fasi.Peso",
      "Fasi.Fine Effettiva",
      "Indicatori.Polarità",
      "Indicatori.Peso",
    ];
    const variants = [
      await writeAsPlainRanges(randomTemplate(11)),
      await writeAsPlainRanges(randomTemplate(12, { drop: ["Fasi.Avanzamento"] })),
      await writeAsTables(randomTemplate(13, { drop })),
      await writeAsPlainRanges(randomTemplate(14, { drop })),
    ];
    for (const bytes of variants) {
      const r = await rollupBytes(bytes);
      await expectCachedResults(r);
      await expectLibreOfficeAgrees(r.bytes, r.writePlan);
    }
  });

  itLo("random plans after random edits of inputs and Parametri", async () => {
    for (const seed of [21, 22, 23]) {
      const r = await rollupBytes(await writeAsTables(randomTemplate(seed)));
      const rand = rng(seed * 7);
      const F = r.plan.layout.fasi!;
      const I = r.plan.layout.indicatori!;
      const edits: Edit[] = [
        paramEdit(r.plan, "pesoFasiNelGrado", Math.round(rand() * 100)),
        paramEdit(r.plan, "sogliaRaggiunto", 60 + Math.round(rand() * 35)),
        paramEdit(r.plan, "sogliaParzialmente", 20 + Math.round(rand() * 30)),
        paramEdit(r.plan, "formulaDecrescente", rand() < 0.5 ? "2T-A" : "T/A"),
        paramEdit(r.plan, "dataRiferimento", new Date(Date.UTC(2023, Math.floor(rand() * 12), 15))),
      ];
      for (const f of r.plan.fasi) {
        if (rand() < 0.4)
          edits.push({
            sheet: F.sheet,
            row: f.row,
            col: F.columns.avanzamento!,
            value: Math.round(rand() * 100),
          });
        if (rand() < 0.2)
          edits.push({ sheet: F.sheet, row: f.row, col: F.columns.peso!, value: rand() < 0.5 ? null : 20 });
      }
      for (const i of r.plan.indicatori) {
        if (rand() < 0.4)
          edits.push({
            sheet: I.sheet,
            row: i.row,
            col: I.columns.valoreRaggiunto!,
            value: Math.round(rand() * 150),
          });
        if (rand() < 0.3)
          edits.push({
            sheet: I.sheet,
            row: i.row,
            col: I.columns.valoreAtteso!,
            value: rand() < 0.3 ? null : 80,
          });
      }
      const changed = await edit(r.bytes, edits);
      const expected = await tsOn(changed);
      expect(changedCount(r.writePlan, expected)).toBeGreaterThan(0);
      await expectLibreOfficeAgrees(changed, expected);
    }
  });
});
