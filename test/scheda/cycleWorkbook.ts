// Workbooks as the year's cycle leaves them (a monitoring archived, then the plan closed), built by the
// recipe scripts/cycle-sample.js shares with scripts/render-docs.js, here on the modules of src/.
import { SchedaService } from "../../src/app/service";
import { readArchive } from "../../src/domain/cycle/archive";
import { monitoraggiTable } from "../../src/domain/cycle/monitoraggi";
import type { WorkbookTemplate } from "../../src/domain/model/sheet";
import { buildSample } from "../../src/domain/template/template";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { loadSampleJson } from "../helpers/sample";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const recipe = require("../../scripts/cycle-sample.js") as {
  archivedWorkbook: (
    monitored: WorkbookTemplate,
    closed: WorkbookTemplate,
    lib: unknown,
  ) => Promise<Uint8Array>;
  cycleSample: (data: unknown, lib: unknown) => Promise<Uint8Array>;
  half: (v: number) => number;
  VALIDATIONS: [number, string][];
};

const lib = { XlsxHost, SchedaService, readArchive, monitoraggiTable, buildSample };

/** The closed plan with, in Monitoraggi, what was archived on the monitored one. */
export const archivedWorkbook = (monitored: WorkbookTemplate, closed: WorkbookTemplate) =>
  recipe.archivedWorkbook(monitored, closed, lib);

/**
 * The 2023 sample monitored at 30/06 (each phase at half its Avanzamento, each indicator at half its
 * Valore Raggiunto), closed at 31/12 with its own values, the first three objectives validated.
 */
export const cycleSample = () => recipe.cycleSample(loadSampleJson(), lib);

/** The archived value of a phase or indicator of cycleSample(): half the sample's, to the cent. */
export const half = recipe.half;
export const VALIDATIONS = recipe.VALIDATIONS;
