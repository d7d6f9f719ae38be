// The 2023 reference plan through the domain (reader → rollups → layout), without any host: the
// Scheda and Riepilogo descriptions the serializers are tested on.
import type { RawWorkbook } from "../../src/domain/model/raw";
import { buildRollupWritePlan } from "../../src/domain/rollup/formulas";
import { readPlan } from "../../src/domain/reading/reader";
import { buildRiepilogo } from "../../src/domain/riepilogo/riepilogo";
import { computeRollups } from "../../src/domain/rollup/rollup";
import { layoutScheda } from "../../src/domain/scheda/layout";
import type { SheetDescription, WorkbookTemplate } from "../../src/domain/model/sheet";
import { buildSample } from "../../src/domain/template/template";
import { loadSampleJson } from "../helpers/sample";

export const TODAY = "2024-01-15";

/** A template's tables as the reader gets them from a host (header row 1, one table per sheet). */
export function templateToRaw(template: WorkbookTemplate): RawWorkbook {
  return {
    sheets: template.tables.map((t) => ({
      name: t.sheet,
      originRow: 1,
      originCol: 1,
      values: [t.columns.map((c) => c.header), ...t.rows],
      tables: [
        {
          name: t.table,
          headerRow: 1,
          firstCol: 1,
          lastCol: t.columns.length,
          lastRow: 1 + t.rows.length,
          columns: t.columns.map((c) => c.header),
        },
      ],
    })),
  };
}

export function sampleSheets(): {
  scheda: SheetDescription;
  riepilogo: SheetDescription;
  riepilogoPlain: SheetDescription;
} {
  const plan = readPlan(templateToRaw(buildSample(loadSampleJson())), { today: TODAY }).plan;
  const rollups = computeRollups(plan);
  return {
    scheda: layoutScheda(plan, rollups, { filter: { cdr: [], obiettivi: [] }, generatedOn: TODAY }),
    riepilogo: buildRollupWritePlan(plan, rollups, TODAY).riepilogo,
    riepilogoPlain: buildRiepilogo(rollups, null, { plan, generatedOn: TODAY }),
  };
}
