// The task pane (and the standalone page): the guided flow as steps that fold when done, the next step
// suggested at the top, Impostazioni, and one live region that announces each outcome. State and
// actions live in usePane; each step renders its part.
import {
  Caption1,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { BookQuestionMarkRegular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { useEffect, useRef, useState } from "react";
import type { IsoDate } from "../domain/model/dates";
import { ArchiveStep, archiveSummary } from "./components/ArchiveStep";
import { CheckStep, ProblemPanel, checkSummary, shownCheck } from "./components/CheckStep";
import { PrepareStep, prepareSummary } from "./components/PrepareStep";
import { GenerateStep, RollupStep, generateSummary, rollupSummary } from "./components/ResultSteps";
import { SettingsPanel } from "./components/SettingsPanel";
import { Step } from "./components/Step";
import { WorkbookStep, workbookSummary } from "./components/WorkbookStep";
import { STEPS, type StepId } from "./flow";
import type { PaneEnvironment } from "./hosts";
import { paneStrings } from "./strings";
import { usePane, type Pane, type ServiceFactory } from "./usePane";

export type { PaneService, ServiceFactory } from "./usePane";

/** Wider than this, the standalone page puts problems and Impostazioni beside the steps. */
const WIDE = "(min-width: 960px)";

const useStyles = makeStyles({
  page: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2, boxSizing: "border-box" },
  header: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalM,
  },
  titles: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  subtitle: { color: tokens.colorNeutralForegroundOnBrand },
  guide: {
    flexShrink: 0,
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForegroundOnBrand,
    textDecorationLine: "underline",
    ":hover": { color: tokens.colorNeutralForegroundOnBrand },
    ":hover:active": { color: tokens.colorNeutralForegroundOnBrand },
    ":focus-visible": { outline: `2px solid ${tokens.colorNeutralForegroundOnBrand}`, outlineOffset: "2px" },
  },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "1280px",
    margin: "0 auto",
    boxSizing: "border-box",
  },
  next: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  columns: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  wide: { display: "grid", gridTemplateColumns: "minmax(360px, 460px) minmax(0, 1fr)", alignItems: "start" },
  aside: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  heading: { margin: 0 },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
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
      <PaneView {...props} />
    </FluentProvider>
  );
}

interface StepView {
  title: string;
  summary: (pane: Pane) => string | undefined;
  render: (pane: Pane, wide: boolean) => ReactElement;
}

const VIEWS: Record<StepId, StepView> = {
  cartella: {
    title: paneStrings.workbookTitle,
    summary: workbookSummary,
    render: (p) => <WorkbookStep pane={p} />,
  },
  prepara: {
    title: paneStrings.prepareTitle,
    summary: prepareSummary,
    render: (p) => <PrepareStep pane={p} />,
  },
  verifica: {
    title: paneStrings.checkTitle,
    summary: checkSummary,
    render: (p, wide) => <CheckStep pane={p} withList={!wide} />,
  },
  calcola: { title: paneStrings.rollupTitle, summary: rollupSummary, render: (p) => <RollupStep pane={p} /> },
  genera: {
    title: paneStrings.generateTitle,
    summary: generateSummary,
    render: (p) => <GenerateStep pane={p} />,
  },
  archivia: {
    title: paneStrings.archiveTitle,
    summary: archiveSummary,
    render: (p) => <ArchiveStep pane={p} />,
  },
};

function useMedia(query: string): boolean {
  const get = () =>
    typeof window !== "undefined" &&
    typeof window.matchMedia === "function" &&
    window.matchMedia(query).matches;
  const [matches, setMatches] = useState(get);
  useEffect(() => {
    if (typeof window.matchMedia !== "function") return;
    const mq = window.matchMedia(query);
    const on = () => setMatches(mq.matches);
    mq.addEventListener?.("change", on);
    return () => mq.removeEventListener?.("change", on);
  }, [query]);
  return matches;
}

function PaneView(props: AppProps): ReactElement {
  const styles = useStyles();
  const pane = usePane(props);
  const wide = useMedia(WIDE);
  const current = pane.flow.next.step;
  const [open, setOpen] = useState<Partial<Record<string, boolean>>>({});
  const toggles = useRef<Partial<Record<string, HTMLButtonElement | null>>>({});

  // A new current step: the user's folding of it and of the steps before it starts over (the done ones
  // fold again); steps further on that the user opened stay open.
  useEffect(() => {
    const upTo = STEPS.indexOf(current);
    setOpen((o) =>
      Object.fromEntries(
        Object.entries(o).filter(([id]) => {
          const i = STEPS.indexOf(id as StepId);
          return i < 0 || i > upTo;
        }),
      ),
    );
  }, [current]);
  // When an action ends and the button that had the focus folded away, the focus goes to the current step.
  useEffect(() => {
    if (pane.running !== null) return;
    if (document.activeElement === document.body || document.activeElement === null) {
      toggles.current[current]?.focus();
    }
  }, [pane.running, current]);

  const shown = shownCheck(pane);
  const problemsAside = wide && shown && shown.problems.length > 0;
  const steps = pane.flow.steps.map((s, i) => {
    const view = VIEWS[s.id];
    const expanded =
      open[s.id] ?? (s.status === "current" || s.status === "attention" || s.id === pane.lastStep);
    return (
      <Step
        key={s.id}
        ref={(el) => {
          toggles.current[s.id] = el;
        }}
        id={s.id}
        number={i + 1}
        title={view.title}
        status={s.status}
        expanded={expanded}
        summary={view.summary(pane)}
        onToggle={() => setOpen((o) => ({ ...o, [s.id]: !expanded }))}
      >
        {view.render(pane, wide)}
      </Step>
    );
  });
  const settings = (
    <Step
      id="impostazioni"
      title={paneStrings.settingsTitle}
      status="todo"
      expanded={open.impostazioni ?? false}
      onToggle={() => setOpen((o) => ({ ...o, impostazioni: !(o.impostazioni ?? false) }))}
    >
      <SettingsPanel pane={pane} />
    </Step>
  );

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <Title3 as="h1">{paneStrings.appTitle}</Title3>
          <Caption1 className={styles.subtitle}>{paneStrings.appSubtitle}</Caption1>
        </div>
        <Link
          className={styles.guide}
          href="guida.html"
          target="_blank"
          rel="noopener"
          aria-label={paneStrings.guideLabel}
        >
          <BookQuestionMarkRegular aria-hidden="true" />
          {paneStrings.guide}
        </Link>
      </header>
      <main className={styles.main}>
        {pane.env.warning && (
          <MessageBar intent="warning">
            <MessageBarBody>{pane.env.warning}</MessageBarBody>
          </MessageBar>
        )}
        {pane.notice && (
          <MessageBar intent="error" role="alert" data-testid="notice">
            <MessageBarBody>{pane.notice}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.next} data-testid="next-step">
          <Caption1>{paneStrings.nextStepLabel}</Caption1>
          <Text weight="semibold">{pane.flow.next.text}</Text>
        </div>
        <div className={mergeClasses(styles.columns, wide && styles.wide)}>
          <div className={styles.columns}>
            {steps}
            {!wide && settings}
          </div>
          {wide && (
            <div className={styles.aside}>
              {problemsAside && (
                <section
                  className={styles.panel}
                  aria-labelledby="problemi-titolo"
                  data-testid="problems-aside"
                >
                  <Subtitle2 as="h2" id="problemi-titolo" className={styles.heading}>
                    {paneStrings.checkFoundTitle}
                  </Subtitle2>
                  <ProblemPanel pane={pane} check={shown} />
                </section>
              )}
              {settings}
            </div>
          )}
        </div>
        <div role="status" aria-live="polite" className={styles.visuallyHidden} data-testid="announcer">
          {pane.announcement}
        </div>
      </main>
    </div>
  );
}
