// One step of the guided flow: a heading whose button shows or hides the step (the done ones fold to
// one line), its status, and its content. Accordion pattern: the button names the step and says
// whether it is open; the panel is a region labelled by the heading.
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  CheckmarkCircleFilled,
  ChevronDownRegular,
  ChevronRightRegular,
  SettingsRegular,
  WarningFilled,
} from "@fluentui/react-icons";
import type { ReactElement, ReactNode } from "react";
import { forwardRef, useId } from "react";
import type { StepStatus } from "../flow";
import { paneStrings } from "../strings";

const useStyles = makeStyles({
  root: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    minWidth: 0,
  },
  current: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  heading: { margin: 0 },
  toggle: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: "none",
    borderRadius: tokens.borderRadiusLarge,
    background: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "left",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  number: {
    flexShrink: 0,
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "24px",
    height: "24px",
    borderRadius: "50%",
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
  },
  numberCurrent: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  done: { color: tokens.colorPaletteGreenForeground1, fontSize: "20px", flexShrink: 0 },
  attention: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: "20px", flexShrink: 0 },
  summary: {
    display: "block",
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS} 48px`,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    minWidth: 0,
  },
  folded: { display: "none" },
});

export interface StepProps {
  id: string;
  /** Position in the flow; absent for a panel outside it (Impostazioni). */
  number?: number;
  title: string;
  status: StepStatus;
  expanded: boolean;
  onToggle: () => void;
  /** One line shown when the step is folded. */
  summary?: ReactNode;
  children: ReactNode;
}

export const Step = forwardRef<HTMLButtonElement, StepProps>(function Step(props, ref): ReactElement {
  const styles = useStyles();
  const headingId = useId();
  const panelId = useId();
  const current = props.status === "current";
  return (
    <section
      className={mergeClasses(styles.root, current && styles.current)}
      aria-labelledby={headingId}
      data-testid={`step-${props.id}`}
      data-status={props.status}
    >
      <h2 className={styles.heading} id={headingId}>
        <button
          ref={ref}
          type="button"
          className={styles.toggle}
          aria-expanded={props.expanded}
          aria-controls={panelId}
          data-testid={`toggle-${props.id}`}
          onClick={props.onToggle}
        >
          <span className={mergeClasses(styles.number, current && styles.numberCurrent)} aria-hidden="true">
            {props.number ?? <SettingsRegular />}
          </span>
          <span className={styles.title}>{props.title}</span>
          {props.status === "done" && (
            <CheckmarkCircleFilled className={styles.done} aria-label={paneStrings.stepDone} role="img" />
          )}
          {props.status === "attention" && (
            <WarningFilled className={styles.attention} aria-label={paneStrings.stepAttention} role="img" />
          )}
          {props.expanded ? (
            <ChevronDownRegular aria-hidden="true" />
          ) : (
            <ChevronRightRegular aria-hidden="true" />
          )}
        </button>
      </h2>
      {!props.expanded && props.summary && <Caption1 className={styles.summary}>{props.summary}</Caption1>}
      <div id={panelId} className={mergeClasses(styles.panel, !props.expanded && styles.folded)}>
        {props.expanded && props.children}
      </div>
    </section>
  );
});
