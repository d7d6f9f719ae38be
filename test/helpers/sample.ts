// The reference 2023 plan as the tests load it (the CLI and the pane bundle load the same asset).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SamplePlanJson } from "../../src/domain/template/template";

export function loadSampleJson(): SamplePlanJson {
  return JSON.parse(
    readFileSync(join(__dirname, "../../assets/piano-2023-settore-socioeducativo.json"), "utf8"),
  ) as SamplePlanJson;
}
