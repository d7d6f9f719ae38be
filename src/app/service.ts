// The application service: read → validate → rollup → render. Every shell (CLI, task pane,
// ribbon command, standalone page) calls this, whichever host it runs on.
import { todayIso, type IsoDate } from "../domain/model/dates";
import { buildRollupWritePlan } from "../domain/rollup/formulas";
import { appMessages } from "./messages";
import type { Plan } from "../domain/model/model";
import { isBlocking, sortProblems, type Problem } from "../domain/rules/problems";
import { readPlan } from "../domain/reading/reader";
import { computeRollups, type Rollups } from "../domain/rollup/rollup";
import { layoutScheda, selectObiettivi, type SchedaFilter } from "../domain/scheda/layout";
import { buildSample, buildTemplate, type SamplePlanJson } from "../domain/template/template";
import { validatePlan } from "../domain/rules/validate";
import type { SheetDescription } from "../domain/model/sheet";
import { readArchive } from "../domain/cycle/archive";
import { earlierFromWorkbook, type EarlierSnapshot } from "../domain/cycle/earlier";
import { monitoraggiTable } from "../domain/cycle/monitoraggi";
import { buildSnapshot, mergeSnapshot } from "../domain/cycle/snapshot";
import { AppError } from "./errors";
import type { Host, PrepareResult } from "./host";
import { blockingParametriProblems, missingRows, parametriWrite, type ParametriEdits } from "./parametri";
import type { RawWorkbook } from "../domain/model/raw";
import { PARAMETRI } from "../domain/model/schema";

export { AppError };

export interface CheckResult {
  plan: Plan;
  problems: Problem[];
  errors: number;
  warnings: number;
  /** Problems that stop rollup and generation (the layout cannot be read). */
  blocking: Problem[];
  /** The input sheets as read (the pane shows a cell's value and checks Parametri edits on them). */
  raw?: RawWorkbook;
}

export interface RollupResult {
  check: CheckResult;
  /** Null when blocking problems stopped the run (nothing was written). */
  rollups: Rollups | null;
}

export interface GenerateResult extends RollupResult {
  /** Objectives in the Scheda and pages the generator planned (0 when blocked). */
  objectives: number;
  pages: number;
  /** The Scheda as rendered (absent when blocked), e.g. for printing it alone to PDF. */
  scheda?: SheetDescription;
  /** The archive's earlier snapshot the Scheda shows (null: none), for laying it out again (--pdf). */
  earlier?: EarlierSnapshot | null;
}

export interface ArchiveResult {
  check: CheckResult;
  /** Null when blocking problems stopped the run (nothing was written). */
  archived: {
    /** The Data di riferimento archived. */
    date: IsoDate;
    objectives: number;
    phases: number;
    indicators: number;
    /** Rows of that date the archive held before (replaced); 0 for a new date. */
    replaced: number;
    /** Every date in the archive now, in order. */
    dates: IsoDate[];
  } | null;
}

export type ProgressStep = "lettura" | "verifica" | "calcolo" | "scrittura" | "impaginazione" | "fine";

export interface ServiceOptions {
  today?: () => IsoDate;
  /** Loads the reference plan (assets JSON); hosts bundle it differently. */
  loadSample?: () => Promise<SamplePlanJson>;
  onProgress?: (step: ProgressStep) => void;
}

export class SchedaService {
  private readonly today: () => IsoDate;

  constructor(
    private readonly host: Host,
    private readonly options: ServiceOptions = {},
  ) {
    this.today = options.today ?? (() => todayIso());
  }

  async check(): Promise<CheckResult> {
    return (await this.read(false)).check;
  }

  async rollup(): Promise<RollupResult> {
    const check = await this.check();
    if (check.blocking.length > 0) return { check, rollups: null };
    const rollups = await this.writeRollups(check.plan);
    this.progress("fine");
    return { check, rollups };
  }

  async generate(filter: SchedaFilter = { cdr: [], obiettivi: [] }): Promise<GenerateResult> {
    // With the archive: the Scheda shows its earlier snapshot of the same Anno (SPEC §7).
    const { check, raw } = await this.read(true);
    if (check.blocking.length > 0) return { check, rollups: null, objectives: 0, pages: 0 };
    checkFilter(check.plan, filter);
    const rollups = await this.writeRollups(check.plan);
    this.progress("impaginazione");
    const earlier = earlierFromWorkbook(check.plan, raw);
    const scheda = layoutScheda(check.plan, rollups, { filter, generatedOn: this.today(), earlier });
    await this.host.renderSheet(scheda);
    this.progress("fine");
    return {
      check,
      rollups,
      objectives: selectObiettivi(check.plan, filter).length,
      pages: scheda.plannedPages ?? 0,
      scheda,
      earlier,
    };
  }

  /**
   * Archivia monitoraggio: the values of every objective, phase and indicator at the current Data di
   * riferimento go into the Monitoraggi sheet (that date replaced, the others kept). Stopped, writing
   * nothing, by blocking problems (as rollup) and by a Monitoraggi sheet that is not the archive.
   */
  async archive(): Promise<ArchiveResult> {
    const { check, raw } = await this.read(true);
    if (check.blocking.length > 0) return { check, archived: null };
    // A host that did not hand the archive over would wipe it: it cannot archive.
    if (!this.host.writeArchive || raw.monitoraggi === undefined)
      throw new AppError("HOST", appMessages.archiveUnavailable);
    const archive = readArchive(raw);
    if (archive.unusable !== null) throw new AppError("HOST", archive.unusable);
    this.progress("calcolo");
    const snapshot = buildSnapshot(check.plan, computeRollups(check.plan), this.today());
    const merged = mergeSnapshot(archive.rows, snapshot);
    this.progress("scrittura");
    await this.host.writeArchive(monitoraggiTable(merged.rows));
    this.progress("fine");
    const { date, objectives, phases, indicators } = snapshot;
    return {
      check,
      archived: { date, objectives, phases, indicators, replaced: merged.replaced, dates: merged.dates },
    };
  }

  /** Prepara fogli: creates the missing sheets and tables. */
  async prepare(): Promise<PrepareResult> {
    return this.host.prepareSheets(buildTemplate(), { fillRows: false });
  }

  /** Carica esempio: the 2023 reference plan, only into a workbook without data. */
  async loadSample(): Promise<PrepareResult> {
    if (!this.options.loadSample) throw new AppError("HOST", appMessages.sampleUnavailable);
    if (!(await this.host.isEmptyWorkbook())) throw new AppError("NOT_EMPTY", appMessages.sampleNeedsEmpty);
    const data = await this.options.loadSample();
    return this.host.prepareSheets(buildSample(data), { fillRows: true });
  }

  /** Computes the rollups and writes them (computed columns, names, Riepilogo): rollup's and generate's common step. */
  private async writeRollups(plan: Plan): Promise<Rollups> {
    this.progress("calcolo");
    const rollups = computeRollups(plan);
    this.progress("scrittura");
    await this.host.writeRollups(buildRollupWritePlan(plan, rollups, this.today()));
    return rollups;
  }

  /** Reads the workbook (with the Monitoraggi archive when asked) and checks it. */
  private async read(monitoraggi: boolean): Promise<{ check: CheckResult; raw: RawWorkbook }> {
    this.progress("lettura");
    const raw = await this.host.readWorkbook(monitoraggi ? { monitoraggi: true } : undefined);
    this.progress("verifica");
    const read = readPlan(raw, { today: this.today() });
    const problems = sortProblems([...read.problems, ...validatePlan(read.plan, read.brokenCells)]);
    const check: CheckResult = {
      plan: read.plan,
      problems,
      errors: problems.filter((p) => p.severity === "error").length,
      warnings: problems.filter((p) => p.severity === "warning").length,
      blocking: problems.filter(isBlocking),
      raw,
    };
    return { check, raw };
  }

  /**
   * Impostazioni: writes the edited Parametri into their Valore cells, after the reader's own check
   * of the sheet as it would be; then reads the workbook again.
   */
  async writeParametri(edits: ParametriEdits): Promise<CheckResult> {
    if (!this.host.writeParametri) throw new AppError("HOST", appMessages.parametriUnsupported);
    const before = await this.check();
    const write = parametriWrite(before.plan, edits);
    if (!write) throw new AppError("INVALID_INPUT", appMessages.parametriSheetMissing);
    const missing = missingRows(before.plan).filter((k) => edits[k]);
    if (missing.length > 0) {
      const labels = PARAMETRI.filter((p) => missing.includes(p.key)).map((p) => p.label);
      throw new AppError("INVALID_INPUT", appMessages.parametriRowMissing(labels));
    }
    const problems = Object.values(blockingParametriProblems(before.plan, before.raw, edits, this.today()));
    if (problems.length > 0) {
      throw new AppError("INVALID_INPUT", appMessages.parametriInvalid(problems.map((p) => p.message)));
    }
    if (write.cells.length > 0) await this.host.writeParametri(write);
    return this.check();
  }

  private progress(step: ProgressStep): void {
    this.options.onProgress?.(step);
  }
}

/** Unknown CdR or codes are a user error that lists the known ones. */
function checkFilter(plan: Plan, filter: SchedaFilter): void {
  const knownCdr = [...new Set(plan.obiettivi.map((o) => o.centroResponsabilita))];
  const unknownCdr = filter.cdr.filter((c) => !knownCdr.includes(c));
  if (unknownCdr.length > 0) {
    throw new AppError("FILTER_UNKNOWN", appMessages.unknownCdr(unknownCdr, knownCdr));
  }
  const knownCodes = plan.obiettivi.map((o) => o.codice);
  const unknownCodes = filter.obiettivi.filter((c) => !knownCodes.includes(c));
  if (unknownCodes.length > 0) {
    throw new AppError("FILTER_UNKNOWN", appMessages.unknownCodes(unknownCodes, knownCodes));
  }
}
