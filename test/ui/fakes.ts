// In-memory, deterministic stand-ins for the pane's surroundings: a Host that records what the pane
// asks of Excel, and a service whose every answer the test decides (and may hold back, to see "working").
import type { Host, PrepareResult } from "../../src/app/host";
import type {
  ArchiveResult,
  CheckResult,
  GenerateResult,
  RollupResult,
  ServiceOptions,
} from "../../src/app/service";
import type { Plan } from "../../src/domain/model/model";
import type { Problem } from "../../src/domain/rules/problems";
import type { ObiettivoRollup, Rollups } from "../../src/domain/rollup/rollup";
import type { Esito } from "../../src/domain/model/schema";
import type { SamplePlanJson } from "../../src/domain/template/template";
import type { PaneService } from "../../src/taskpane/App";
import type { ParametriEdits } from "../../src/app/parametri";
import type { PaneEnvironment } from "../../src/taskpane/hosts";

export class FakeHost implements Host {
  readonly kind: "excel" | "xlsx";
  readonly selected: string[] = [];
  readonly activated: string[] = [];
  constructor(kind: "excel" | "xlsx" = "excel") {
    this.kind = kind;
    if (kind === "xlsx") {
      // the file host cannot select cells or activate sheets
      delete (this as Partial<FakeHost>).selectCell;
      delete (this as Partial<FakeHost>).activateSheet;
    }
  }
  readWorkbook = async () => ({ sheets: [] });
  writeRollups = async () => undefined;
  renderSheet = async () => undefined;
  prepareSheets = async (): Promise<PrepareResult> => ({ createdSheets: [], createdTables: [] });
  isEmptyWorkbook = async () => true;
  selectCell? = async (address: string) => {
    this.selected.push(address);
  };
  activateSheet? = async (name: string) => {
    this.activated.push(name);
  };
}

export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

type Answer<T> = () => Promise<T>;

/** A service whose answers are set per test; `options` is what the pane passed (onProgress…). */
export class FakeService implements PaneService {
  options: ServiceOptions | null = null;
  host: Host | null = null;
  calls: { method: string; arg?: unknown }[] = [];
  checkAnswer: Answer<CheckResult> = async () => checkResult([]);
  rollupAnswer: Answer<RollupResult> = async () => ({ check: checkResult([]), rollups: rollups(PLAN) });
  generateAnswer: Answer<GenerateResult> = async () => ({
    check: checkResult([]),
    rollups: rollups(PLAN),
    objectives: 3,
    pages: 7,
  });
  archiveAnswer: Answer<ArchiveResult> = async () => ({
    check: checkResult([]),
    archived: {
      date: "2023-06-30",
      objectives: 3,
      phases: 5,
      indicators: 2,
      replaced: 0,
      dates: ["2023-06-30"],
    },
  });
  prepareAnswer: Answer<PrepareResult> = async () => ({ createdSheets: [], createdTables: [] });
  sampleAnswer: Answer<PrepareResult> = async () => ({
    createdSheets: ["Parametri", "Obiettivi", "Fasi", "Indicatori"],
    createdTables: ["tblParametri", "tblObiettivi", "tblFasi", "tblIndicatori"],
  });

  check = () => {
    this.calls.push({ method: "check" });
    return this.checkAnswer();
  };
  rollup = () => {
    this.calls.push({ method: "rollup" });
    return this.rollupAnswer();
  };
  generate = (filter?: unknown) => {
    this.calls.push({ method: "generate", arg: filter });
    return this.generateAnswer();
  };
  archive = () => {
    this.calls.push({ method: "archive" });
    return this.archiveAnswer();
  };
  prepare = () => {
    this.calls.push({ method: "prepare" });
    return this.prepareAnswer();
  };
  loadSample = () => {
    this.calls.push({ method: "loadSample" });
    return this.sampleAnswer();
  };
  parametriAnswer: Answer<CheckResult> = async () => checkResult([]);
  writeParametri = (edits: ParametriEdits) => {
    this.calls.push({ method: "writeParametri", arg: edits });
    return this.parametriAnswer();
  };
  progress(step: Parameters<NonNullable<ServiceOptions["onProgress"]>>[0]) {
    this.options?.onProgress?.(step);
  }
  count(method: string) {
    return this.calls.filter((c) => c.method === method).length;
  }
}

export function factoryFor(service: FakeService) {
  return (host: Host, options: ServiceOptions) => {
    service.host = host;
    service.options = options;
    return service;
  };
}

export function excelEnv(host: Host = new FakeHost("excel")): PaneEnvironment {
  return { mode: "excel", host, loadSample: async () => ({}) as SamplePlanJson };
}

// ---- the pane's parts, as a user finds them ---------------------------------------------------

export function stepOf(screen: { getByTestId(id: string): HTMLElement }, id: string): HTMLElement {
  return screen.getByTestId(`step-${id}`);
}

/** A button disabled the accessible way (focusable, aria-disabled) or the plain way. */
export function isDisabled(el: Element): boolean {
  return el.getAttribute("aria-disabled") === "true" || (el as HTMLButtonElement).disabled;
}

// ---- a small plan: three objectives in two centres -------------------------------------------

const obiettivo = (row: number, codice: string, cdr: string, titolo: string) => ({
  row,
  codice,
  titolo,
  assessorato: null,
  centroResponsabilita: cdr,
  responsabile: "Dott.ssa Rossi",
  valorePubblico: null,
  obiettivoMandato: null,
  obiettivoMissione: null,
  obiettivoProgramma: null,
  modalitaAttuazione: null,
  statoAttuazione: null,
  stato: null,
  peso: null,
  gradoValidato: null,
  motivazioneValidazione: null,
});

export const PLAN: Plan = {
  parametri: {
    ente: "Comune di Prova",
    anno: 2023,
    vista: "Consuntivo",
    livello: "PEG-PIAO-SEZ. 2.2 PERFORMANCE",
    dataRiferimento: "2023-12-31",
    pesoFasiNelGrado: 50,
    sogliaRaggiunto: 90,
    sogliaParzialmente: 70,
    formulaDecrescente: "T/A",
    tipiIndicatore: ["EFFICACIA", "EFFICIENZA"],
  },
  obiettivi: [
    obiettivo(2, "OB01", "SETTORE SOCIOEDUCATIVO", "Servizi per l'infanzia"),
    obiettivo(3, "OB02", "SETTORE SOCIOEDUCATIVO", "Centri estivi"),
    obiettivo(4, "OB03", "SETTORE CULTURA", "Biblioteca <b>aperta</b> la sera"),
  ],
  fasi: [],
  indicatori: [],
  layout: { obiettivi: null, fasi: null, indicatori: null, parametri: null },
};

export function problem(p: Partial<Problem> & Pick<Problem, "rule" | "sheet">): Problem {
  return {
    severity: "error",
    row: 2,
    column: "Peso",
    cell: `${p.sheet}!G2`,
    objective: null,
    message: "messaggio",
    ...p,
  };
}

export function checkResult(problems: Problem[], plan: Plan = PLAN): CheckResult {
  const blockingRules = ["SHEET_MISSING", "COLUMN_MISSING", "COLUMN_DUPLICATE"];
  return {
    plan,
    problems,
    errors: problems.filter((p) => p.severity === "error").length,
    warnings: problems.filter((p) => p.severity === "warning").length,
    blocking: problems.filter((p) => p.severity === "error" && blockingRules.includes(p.rule)),
  };
}

export function rollups(plan: Plan, esiti: Esito[] = ["Raggiunto", "Raggiunto", "Non valutabile"]): Rollups {
  const obiettivi: ObiettivoRollup[] = plan.obiettivi.map((o, i) => ({
    codice: o.codice,
    riga: o.row,
    avanzamentoFasi: null,
    raggiungimentoIndicatori: null,
    grado: null,
    gradoValidato: null,
    gradoFinale: null,
    esito: esiti[i] ?? "Non valutabile",
  }));
  const none = [] as never[];
  return {
    obiettivi,
    fasi: [],
    indicatori: [],
    riepilogo: {
      centroResponsabilita: none,
      assessorato: none,
      obiettivoMandato: none,
      obiettivoMissione: none,
      obiettivoProgramma: none,
      valorePubblico: none,
    },
  };
}

// jsdom has no ResizeObserver; Fluent's MessageBar uses it only to reflow long text.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
