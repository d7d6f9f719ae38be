// The task pane: Prepara fogli, Carica esempio, Verifica, Calcola, Genera Scheda, Parametri.
// Every action goes through SchedaService; the pane never touches Office.js or the file format itself.
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import {
  ArrowDownloadRegular,
  CalculatorRegular,
  CheckmarkCircleRegular,
  DocumentTableRegular,
  OpenRegular,
  SparkleRegular,
  TableAddRegular,
} from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Host, PrepareResult } from "../app/host";
import {
  AppError,
  SchedaService,
  filterObiettivi,
  type CheckResult,
  type GenerateResult,
  type ProgressStep,
  type RollupResult,
  type ServiceOptions,
} from "../app/service";
import type { IsoDate } from "../domain/model/dates";
import { paneStrings } from "./strings";
import type { Plan } from "../domain/model/model";
import type { Problem } from "../domain/rules/problems";
import type { ObiettivoRollup } from "../domain/rollup/rollup";
import type { SchedaFilter } from "../domain/scheda/layout";
import { ActionCard } from "./components/ActionCard";
import { EsitoCounts } from "./components/EsitoCounts";
import { GenerateFilters } from "./components/GenerateFilters";
import { ParametriCard } from "./components/ParametriCard";
import { ProblemList } from "./components/ProblemList";
import { WorkbookBar } from "./components/WorkbookBar";
import { downloadBytes, readFileBytes, resultFileName } from "./download";
import type { PaneEnvironment } from "./hosts";
import { IDLE, errorMessage, type ActionState } from "./state";

export type PaneService = Pick<SchedaService, "check" | "rollup" | "generate" | "prepare" | "loadSample">;
export type ServiceFactory = (host: Host, options: ServiceOptions) => PaneService;

const defaultFactory: ServiceFactory = (host, options) => new SchedaService(host, options);

interface States {
  prepare: ActionState<PrepareResult>;
  sample: ActionState<PrepareResult & { obiettivi: number }>;
  check: ActionState<CheckResult>;
  rollup: ActionState<RollupResult>;
  generate: ActionState<GenerateResult>;
}
type ActionKey = keyof States;

const INITIAL: States = { prepare: IDLE, sample: IDLE, check: IDLE, rollup: IDLE, generate: IDLE };

const useStyles = makeStyles({
  page: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    boxSizing: "border-box",
  },
  header: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    display: "flex",
    flexDirection: "column",
  },
  subtitle: { color: tokens.colorNeutralForegroundOnBrand, opacity: 0.9 },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "640px",
    margin: "0 auto",
  },
  results: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface AppProps {
  env: PaneEnvironment;
  /** Tests replace the service; the real pane uses SchedaService. */
  createService?: ServiceFactory;
  today?: () => IsoDate;
}

export function App(props: AppProps): ReactElement {
  return (
    <FluentProvider theme={webLightTheme}>
      <Pane {...props} />
    </FluentProvider>
  );
}

function Pane({ env, createService = defaultFactory, today }: AppProps): ReactElement {
  const styles = useStyles();
  const [host, setHost] = useState<Host | null>(env.host);
  const [workbookName, setWorkbookName] = useState<string | null>(null);
  const [states, setStates] = useState<States>(INITIAL);
  const [running, setRunning] = useState<ActionKey | "open" | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [filter, setFilter] = useState<SchedaFilter>({ cdr: [], obiettivi: [] });
  const [notice, setNotice] = useState<string | null>(null);
  const [schedaRollups, setSchedaRollups] = useState<ObiettivoRollup[]>([]);
  const progress = useRef<((step: ProgressStep) => void) | null>(null);
  const standalone = env.mode === "standalone";

  const makeService = useCallback(
    (h: Host) =>
      createService(h, {
        loadSample: env.loadSample,
        onProgress: (step) => progress.current?.(step),
        ...(today ? { today } : {}),
      }),
    [createService, env.loadSample, today],
  );
  const service = useMemo(() => (host ? makeService(host) : null), [host, makeService]);

  const setState = useCallback(<K extends ActionKey>(key: K, s: States[K]) => {
    setStates((prev) => ({ ...prev, [key]: s }));
  }, []);

  // Parametri and the filter lists come from a quiet read as soon as there is a workbook.
  // An action that reads the plan itself wins over this read if it finishes later (planVersion).
  const planVersion = useRef(0);
  const updatePlan = useCallback((p: Plan) => {
    planVersion.current++;
    setPlan(p);
  }, []);
  useEffect(() => {
    let live = true;
    if (!service) return;
    const version = planVersion.current;
    service
      .check()
      .then((r) => {
        if (live && planVersion.current === version) setPlan(r.plan);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [service]);

  const run = useCallback(
    async <K extends ActionKey>(
      key: K,
      work: (svc: PaneService) => Promise<States[K]>,
      svc: PaneService | null = service,
    ) => {
      if (!svc) return;
      setRunning(key);
      setNotice(null);
      setState(key, { status: "working", step: null });
      progress.current = (step) => setState(key, { status: "working", step });
      try {
        const next = await work(svc);
        progress.current = null;
        setState(key, next);
      } catch (e) {
        progress.current = null;
        const refused = e instanceof AppError && e.code === "NOT_EMPTY";
        setState(
          key,
          refused
            ? { status: "problems", message: errorMessage(e) }
            : { status: "failure", message: errorMessage(e) },
        );
      } finally {
        setRunning(null);
      }
    },
    [service, setState],
  );

  /** After prepare/sample the sheets changed: read them again for Parametri and filters. */
  const refreshPlan = async (svc: PaneService): Promise<Plan | null> => {
    try {
      const read = (await svc.check()).plan;
      updatePlan(read);
      return read;
    } catch {
      // the action itself succeeded; a failed read only leaves the lists as they were
      return null;
    }
  };

  const busy = running !== null;
  const noHost = !service;

  const onPrepare = () =>
    run("prepare", async (svc) => {
      const result = await svc.prepare();
      await refreshPlan(svc);
      return { status: "success", result };
    });

  const onSample = (svc: PaneService | null = service) =>
    run(
      "sample",
      async (s) => {
        const result = await s.loadSample();
        // What counts is what the sheets now hold, read back, not what was meant to be written.
        const obiettivi = (await refreshPlan(s))?.obiettivi.length ?? 0;
        if (obiettivi === 0) return { status: "problems", message: paneStrings.sampleNotWritten };
        return { status: "success", result: { ...result, obiettivi } };
      },
      svc,
    );

  const onCheck = () =>
    run("check", async (svc) => {
      const result = await svc.check();
      updatePlan(result.plan);
      return { status: result.problems.length > 0 ? "problems" : "success", result };
    });

  const onRollup = () =>
    run("rollup", async (svc) => {
      const result = await svc.rollup();
      updatePlan(result.check.plan);
      return { status: result.rollups ? "success" : "problems", result };
    });

  const onGenerate = () =>
    run("generate", async (svc) => {
      const used = filter;
      const result = await svc.generate(used);
      updatePlan(result.check.plan);
      const inScheda = new Set(filterObiettivi(result.check.plan, used).map((o) => o.codice));
      setSchedaRollups(result.rollups?.obiettivi.filter((o) => inScheda.has(o.codice)) ?? []);
      return { status: result.rollups ? "success" : "problems", result };
    });

  const onSelectProblem = useCallback(
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

  // ---- standalone page: which workbook, and the download -------------------------------------
  const switchWorkbook = (h: Host, name: string) => {
    setHost(h);
    setWorkbookName(name);
    setStates(INITIAL);
    setPlan(null);
    setFilter({ cdr: [], obiettivi: [] });
  };

  const openWith = async (make: () => Promise<Host>, name: string): Promise<Host | null> => {
    setRunning("open");
    setNotice(null);
    try {
      const h = await make();
      switchWorkbook(h, name);
      return h;
    } catch (e) {
      setNotice(paneStrings.openFailed(e instanceof Error ? e.message : String(e)));
      return null;
    } finally {
      setRunning(null);
    }
  };

  const onOpenFile = (file: File) => {
    if (!env.files) return;
    const files = env.files;
    if (!/\.xlsx$/i.test(file.name)) {
      setNotice(paneStrings.notXlsx);
      return;
    }
    void openWith(async () => files.open(await readFileBytes(file)), file.name);
  };

  const onStartFromSample = async () => {
    if (!env.files) return;
    const files = env.files;
    const h = await openWith(() => files.createEmpty(), paneStrings.sampleWorkbookName);
    if (h) await onSample(makeService(h));
  };

  const onStartEmpty = () => {
    const files = env.files;
    if (files) void openWith(() => files.createEmpty(), paneStrings.emptyWorkbookName);
  };

  const onDownload = async () => {
    if (!env.files || !host) return;
    try {
      const bytes = await env.files.save(host);
      downloadBytes(
        bytes,
        resultFileName(
          workbookName === paneStrings.sampleWorkbookName ? "scheda-peg-esempio-2023" : workbookName,
        ),
      );
    } catch (e) {
      setNotice(errorMessage(e));
    }
  };

  const disabled = busy || noHost;
  const selectable = host?.selectCell ? onSelectProblem : undefined;

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Title3 as="h1">{paneStrings.appTitle}</Title3>
        <Caption1 className={styles.subtitle}>{paneStrings.appSubtitle}</Caption1>
      </header>
      <main className={styles.main}>
        {env.warning && (
          <MessageBar intent="warning">
            <MessageBarBody>{env.warning}</MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <MessageBar intent="error" role="alert" data-testid="notice">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {standalone && (
          <WorkbookBar
            name={workbookName}
            busy={busy}
            canDownload={host !== null}
            onOpenFile={onOpenFile}
            onStartFromSample={() => void onStartFromSample()}
            onStartEmpty={onStartEmpty}
            onDownload={() => void onDownload()}
          />
        )}

        <ActionCard
          id="prepara"
          title={paneStrings.prepareTitle}
          description={paneStrings.prepareDescription}
          buttonLabel={paneStrings.prepareButton}
          icon={<TableAddRegular />}
          state={states.prepare}
          disabled={disabled}
          onRun={() => void onPrepare()}
        >
          {states.prepare.status === "success" && (
            <MessageBar intent="success">
              <MessageBarBody>{prepareText(states.prepare.result)}</MessageBarBody>
            </MessageBar>
          )}
        </ActionCard>

        <ActionCard
          id="esempio"
          title={paneStrings.sampleTitle}
          description={paneStrings.sampleDescription}
          buttonLabel={paneStrings.sampleButton}
          icon={<SparkleRegular />}
          state={states.sample}
          disabled={disabled}
          onRun={() => void onSample()}
        >
          {states.sample.status === "success" && (
            <MessageBar intent="success">
              <MessageBarBody>{paneStrings.sampleDone(states.sample.result.obiettivi)}</MessageBarBody>
            </MessageBar>
          )}
          {states.sample.status === "problems" && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{paneStrings.sampleRefused}</MessageBarTitle>
                {states.sample.message}
              </MessageBarBody>
            </MessageBar>
          )}
        </ActionCard>

        <ActionCard
          id="verifica"
          title={paneStrings.checkTitle}
          description={paneStrings.checkDescription}
          buttonLabel={paneStrings.checkButton}
          icon={<CheckmarkCircleRegular />}
          state={states.check}
          disabled={disabled}
          onRun={() => void onCheck()}
        >
          {states.check.status === "success" && (
            <MessageBar intent="success">
              <MessageBarBody>{paneStrings.checkClean}</MessageBarBody>
            </MessageBar>
          )}
          {states.check.status === "problems" && states.check.result && (
            <div className={styles.results}>
              <MessageBar intent={states.check.result.errors > 0 ? "error" : "warning"}>
                <MessageBarBody data-testid="check-summary">
                  <MessageBarTitle>{paneStrings.checkFoundTitle}</MessageBarTitle>
                  {paneStrings.checkSummary(states.check.result.errors, states.check.result.warnings)}
                </MessageBarBody>
              </MessageBar>
              <ProblemList problems={states.check.result.problems} onSelect={selectable} />
            </div>
          )}
        </ActionCard>

        <ActionCard
          id="calcola"
          title={paneStrings.rollupTitle}
          description={paneStrings.rollupDescription}
          buttonLabel={paneStrings.rollupButton}
          icon={<CalculatorRegular />}
          state={states.rollup}
          disabled={disabled}
          onRun={() => void onRollup()}
        >
          {states.rollup.status === "success" && states.rollup.result.rollups && (
            <div className={styles.results}>
              <MessageBar intent="success">
                <MessageBarBody>
                  {paneStrings.rollupDone(states.rollup.result.rollups.obiettivi.length)}
                </MessageBarBody>
              </MessageBar>
              <ErrorsNote check={states.rollup.result.check} />
              <EsitoCounts obiettivi={states.rollup.result.rollups.obiettivi} />
              {host?.activateSheet && (
                <div className={styles.row}>
                  <Button icon={<OpenRegular />} onClick={() => activate("Riepilogo")}>
                    {paneStrings.goToRiepilogo}
                  </Button>
                </div>
              )}
            </div>
          )}
          {states.rollup.status === "problems" && states.rollup.result && (
            <Blocked problems={states.rollup.result.check.blocking} onSelect={selectable} />
          )}
        </ActionCard>

        <ActionCard
          id="genera"
          title={paneStrings.generateTitle}
          description={paneStrings.generateDescription}
          buttonLabel={paneStrings.generateButton}
          icon={<DocumentTableRegular />}
          primary
          state={states.generate}
          disabled={disabled}
          onRun={() => void onGenerate()}
          controls={<GenerateFilters plan={plan} filter={filter} onChange={setFilter} disabled={disabled} />}
        >
          {states.generate.status === "success" && (
            <div className={styles.results}>
              <MessageBar intent="success">
                <MessageBarBody data-testid="generate-done">
                  {paneStrings.generateDone(states.generate.result.objectives, states.generate.result.pages)}
                </MessageBarBody>
              </MessageBar>
              <ErrorsNote check={states.generate.result.check} />
              <EsitoCounts obiettivi={schedaRollups} />
              <div className={styles.row}>
                {host?.activateSheet && (
                  <Button appearance="primary" icon={<OpenRegular />} onClick={() => activate("Scheda")}>
                    {paneStrings.goToScheda}
                  </Button>
                )}
                {standalone && (
                  <Button
                    appearance="primary"
                    icon={<ArrowDownloadRegular />}
                    onClick={() => void onDownload()}
                  >
                    {paneStrings.downloadResult}
                  </Button>
                )}
              </div>
            </div>
          )}
          {states.generate.status === "problems" && states.generate.result && (
            <Blocked problems={states.generate.result.check.blocking} onSelect={selectable} />
          )}
        </ActionCard>

        <ParametriCard
          parametri={plan?.parametri ?? null}
          onOpen={host?.activateSheet ? () => activate("Parametri") : undefined}
        />
      </main>
    </div>
  );
}

function prepareText(r: PrepareResult): string {
  if (r.createdSheets.length > 0) return paneStrings.prepareCreated(r.createdSheets, r.createdTables);
  if (r.createdTables.length > 0) return paneStrings.prepareTablesOnly(r.createdTables);
  return paneStrings.prepareNothing;
}

function ErrorsNote({ check }: { check: CheckResult }): ReactElement | null {
  if (check.errors === 0) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        {paneStrings.checkSummary(check.errors, check.warnings)}. {paneStrings.errorsTreatedEmpty}
      </MessageBarBody>
    </MessageBar>
  );
}

function Blocked(props: { problems: Problem[]; onSelect?: (p: Problem) => void }): ReactElement {
  return (
    <>
      <MessageBar intent="error" data-testid="blocked">
        <MessageBarBody>
          <MessageBarTitle>{paneStrings.blockedTitle}</MessageBarTitle>
          {paneStrings.blockedIntro}
        </MessageBarBody>
      </MessageBar>
      <ProblemList problems={props.problems} onSelect={props.onSelect} />
    </>
  );
}
