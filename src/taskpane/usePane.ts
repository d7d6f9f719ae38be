// The pane's state and actions in one hook: which workbook, the last read, each action's state, and
// the guided flow derived from them. Components only render what this returns.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Host, PrepareResult } from "../app/host";
import type { ParametriEdits } from "../app/parametri";
import {
  AppError,
  SchedaService,
  type ArchiveResult,
  type CheckResult,
  type GenerateResult,
  type ProgressStep,
  type RollupResult,
  type ServiceOptions,
} from "../app/service";
import { formatIt, type IsoDate } from "../domain/model/dates";
import type { Problem } from "../domain/rules/problems";
import type { Rollups } from "../domain/rollup/rollup";
import { ACTION_STEP, deriveFlow, type ActionKey, type StepId } from "./flow";
import type { PaneEnvironment } from "./hosts";
import { toFilter } from "./picker";
import { IDLE, errorMessage, type ActionState } from "./state";
import { paneStrings } from "./strings";
import { useWorkbookFiles } from "./useWorkbookFiles";

export type PaneService = Pick<
  SchedaService,
  "check" | "rollup" | "generate" | "archive" | "prepare" | "loadSample" | "writeParametri"
>;
export type ServiceFactory = (host: Host, options: ServiceOptions) => PaneService;

const defaultFactory: ServiceFactory = (host, options) => new SchedaService(host, options);

export interface States {
  prepare: ActionState<PrepareResult>;
  sample: ActionState<{ obiettivi: number }>;
  check: ActionState<CheckResult>;
  rollup: ActionState<RollupResult>;
  generate: ActionState<GenerateResult>;
  archive: ActionState<ArchiveResult>;
  parametri: ActionState<CheckResult>;
}

const INITIAL: States = {
  prepare: IDLE,
  sample: IDLE,
  check: IDLE,
  rollup: IDLE,
  generate: IDLE,
  archive: IDLE,
  parametri: IDLE,
};

interface Progress {
  verified: boolean;
  rolledUp: boolean;
  generated: boolean;
  /** The Data di riferimento archived by Archivia monitoraggio (null: not yet, or the data changed). */
  archived: IsoDate | null;
  /** Parametri changed after Calcola or Genera Scheda: their results are out of date. */
  settingsChanged: boolean;
}
const FRESH: Progress = {
  verified: false,
  rolledUp: false,
  generated: false,
  archived: null,
  settingsChanged: false,
};

export interface PaneOptions {
  env: PaneEnvironment;
  createService?: ServiceFactory;
  today?: () => IsoDate;
}

export function usePane({ env, createService = defaultFactory, today }: PaneOptions) {
  const [host, setHost] = useState<Host | null>(env.host);
  const [states, setStates] = useState<States>(INITIAL);
  const [running, setRunning] = useState<ActionKey | "open" | null>(null);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [readFailed, setReadFailed] = useState(false);
  const [progress, setProgress] = useState<Progress>(FRESH);
  const [rollups, setRollups] = useState<Rollups | null>(null);
  const [selection, setSelection] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  /** The step whose action ended last (it stays open to show its result). */
  const [lastStep, setLastStep] = useState<StepId | null>(null);
  const onStep = useRef<((step: ProgressStep) => void) | null>(null);
  const standalone = env.mode === "standalone";
  const todayIso = useMemo(() => today ?? (() => new Date().toISOString().slice(0, 10)), [today]);

  const makeService = useCallback(
    (h: Host) =>
      createService(h, {
        loadSample: env.loadSample,
        onProgress: (step) => onStep.current?.(step),
        ...(today ? { today } : {}),
      }),
    [createService, env.loadSample, today],
  );
  const service = useMemo(() => (host ? makeService(host) : null), [host, makeService]);

  const setState = useCallback(<K extends ActionKey>(key: K, s: States[K]) => {
    setStates((prev) => ({ ...prev, [key]: s }));
  }, []);
  const announce = useCallback((text: string) => {
    // The same text twice in a row is still announced: the region's content must change.
    setAnnouncement((prev) => (prev === text ? `${text}\u00a0` : text));
  }, []);

  // A quiet read as soon as there is a workbook; an action that reads the workbook itself wins.
  const readVersion = useRef(0);
  const updateCheck = useCallback((c: CheckResult) => {
    readVersion.current++;
    setCheck(c);
    setReadFailed(false);
  }, []);
  useEffect(() => {
    let live = true;
    if (!service) return;
    const version = readVersion.current;
    service
      .check()
      .then((r) => {
        if (live && readVersion.current === version) setCheck(r);
      })
      .catch(() => {
        if (live && readVersion.current === version) setReadFailed(true);
      });
    return () => {
      live = false;
    };
  }, [service]);

  const run = useCallback(
    async <K extends ActionKey>(
      key: K,
      work: (svc: PaneService) => Promise<States[K]>,
      /** Announced as the action starts (long actions); its progress shows in the action. */
      startText?: string,
    ) => {
      const svc = service;
      if (!svc) return;
      // The step of the action stays open while it works and afterwards, to show its result.
      if (key === "check" || key === "rollup" || key === "generate" || key === "archive")
        setLastStep(ACTION_STEP[key]);
      setRunning(key);
      setNotice(null);
      if (startText) announce(startText);
      setState(key, { status: "working", step: null });
      onStep.current = (step) => setState(key, { status: "working", step });
      try {
        setState(key, await work(svc));
      } catch (e) {
        const refused = e instanceof AppError && (e.code === "NOT_EMPTY" || e.code === "INVALID_INPUT");
        const message = errorMessage(e);
        setState(key, refused ? { status: "problems", message } : { status: "failure", message });
        announce(message);
      } finally {
        onStep.current = null;
        setRunning(null);
      }
    },
    [service, setState, announce],
  );

  /** After the sheets changed (prepare, sample): read again; what was verified or computed is gone. */
  const reread = async (svc: PaneService): Promise<CheckResult | null> => {
    setProgress(FRESH);
    setRollups(null);
    setStates((prev) => ({ ...prev, check: IDLE, rollup: IDLE, generate: IDLE, archive: IDLE }));
    try {
      const c = await svc.check();
      updateCheck(c);
      return c;
    } catch {
      return null; // the action itself succeeded; Verifica will say what the read cannot
    }
  };

  const actions = {
    prepare: () =>
      run("prepare", async (svc) => {
        const result = await svc.prepare();
        await reread(svc);
        announce(prepareText(result));
        return { status: "success", result };
      }),
    sample: () =>
      run("sample", async (svc) => {
        await svc.loadSample();
        // What counts is what the sheets now hold, read back, not what was meant to be written.
        const n = (await reread(svc))?.plan.obiettivi.length ?? 0;
        if (n === 0) return { status: "problems", message: paneStrings.sampleNotWritten };
        announce(paneStrings.sampleDone(n));
        return { status: "success", result: { obiettivi: n } };
      }),
    check: () =>
      run("check", async (svc) => {
        const result = await svc.check();
        updateCheck(result);
        setProgress((p) => ({ ...p, verified: true }));
        announce(paneStrings.announceCheck(result.errors, result.warnings));
        return { status: result.problems.length > 0 ? "problems" : "success", result };
      }),
    rollup: () =>
      run("rollup", async (svc) => {
        const result = await svc.rollup();
        return computed(result, false);
      }),
    generate: () =>
      run("generate", async (svc) => {
        const result = await svc.generate(check ? toFilter(check.plan, selection) : undefined);
        return computed(result, true);
      }),
    archive: () =>
      run(
        "archive",
        async (svc) => {
          const result = await svc.archive();
          updateCheck(result.check);
          if (!result.archived) return stopped(result);
          const { date, replaced } = result.archived;
          setProgress((p) => ({ ...p, verified: true, archived: date }));
          announce(paneStrings.announceArchive(formatIt(date), replaced > 0));
          return { status: "success", result };
        },
        paneStrings.archiveWorking,
      ),
    saveParametri: (edits: ParametriEdits) =>
      run("parametri", async (svc) => {
        const result = await svc.writeParametri(edits);
        updateCheck(result);
        setProgress((p) => ({
          ...p,
          rolledUp: false,
          generated: false,
          // a new Data di riferimento is a monitoring not archived yet
          archived: null,
          settingsChanged: p.rolledUp || p.generated,
        }));
        announce(standalone ? paneStrings.settingsSavedFile : paneStrings.settingsSaved);
        return { status: "success", result };
      }),
  };

  /** Blocking problems stopped the action (nothing written): they are listed in Verifica. */
  function stopped<R>(result: R): ActionState<R> {
    setProgress((p) => ({ ...p, verified: true }));
    announce(paneStrings.blockedAction);
    return { status: "problems", result, message: paneStrings.blockedAction };
  }

  /** Calcola and Genera Scheda: the check goes to Verifica, the Esito counts to Calcola. */
  function computed<R extends RollupResult>(result: R, generated: boolean): ActionState<R> {
    updateCheck(result.check);
    if (!result.rollups) return stopped(result);
    setRollups(result.rollups);
    setProgress((p) => ({
      ...p,
      verified: true,
      rolledUp: true,
      generated: generated || p.generated,
      settingsChanged: false,
    }));
    if (generated) {
      const g = result as unknown as GenerateResult;
      announce(paneStrings.announceGenerate(g.objectives, g.pages));
    } else {
      announce(paneStrings.announceRollup(result.rollups.obiettivi.length));
      setStates((prev) => ({ ...prev, generate: IDLE }));
    }
    return { status: "success", result };
  }

  const selectProblem = useCallback(
    (p: Problem) => {
      if (!host?.selectCell || !p.cell) return;
      const cell = p.cell;
      host.selectCell(cell).catch((e: unknown) => {
        setNotice(paneStrings.selectFailed(cell, e instanceof Error ? e.message : String(e)));
      });
    },
    [host],
  );
  const activate = (sheet: string) => {
    host?.activateSheet?.(sheet).catch((e: unknown) => setNotice(errorMessage(e)));
  };

  const files = useWorkbookFiles({
    env,
    host,
    setNotice,
    setOpening: (on) => setRunning(on ? "open" : null),
    announce,
    onSwitch: (h) => {
      setHost(h);
      setStates(INITIAL);
      setCheck(null);
      setReadFailed(false);
      setProgress(FRESH);
      setRollups(null);
      setSelection([]);
      setLastStep(null);
    },
  });

  const flow = deriveFlow({
    standalone,
    hasHost: host !== null,
    check,
    readFailed,
    verified: progress.verified,
    rolledUp: progress.rolledUp,
    generated: progress.generated,
    archived: progress.archived,
    busy: running !== null,
  });

  return {
    env,
    standalone,
    host,
    states,
    running,
    check,
    flow,
    progress,
    rollups,
    selection,
    setSelection,
    notice,
    announcement,
    lastStep,
    actions,
    selectProblem: host?.selectCell ? selectProblem : undefined,
    activate: host?.activateSheet ? activate : undefined,
    files,
    today: todayIso,
  };
}

export type Pane = ReturnType<typeof usePane>;

export function prepareText(r: PrepareResult): string {
  if (r.createdSheets.length > 0) return paneStrings.prepareCreated(r.createdSheets, r.createdTables);
  if (r.createdTables.length > 0) return paneStrings.prepareTablesOnly(r.createdTables);
  return paneStrings.prepareNothing;
}
