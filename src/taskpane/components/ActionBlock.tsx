// One action inside a step: what it does, its button (disabled with the reason when it makes no sense
// now), its progress while it works, and how it ended (the result itself comes as children).
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactElement, ReactNode } from "react";
import { useId } from "react";
import type { ActionKey, Availability } from "../flow";
import { STEP_PROGRESS, type ActionState } from "../state";
import { paneStrings } from "../strings";
import type { Pane } from "../usePane";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  description: { color: tokens.colorNeutralForeground2 },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  reason: { color: tokens.colorNeutralForeground2, fontStyle: "italic" },
  working: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface ActionBlockProps<R> {
  id: string;
  description?: string;
  buttonLabel: string;
  icon?: ReactElement;
  primary?: boolean;
  state: ActionState<R>;
  availability: Availability;
  onRun: () => void;
  /** Controls before the button (the objectives picker). */
  controls?: ReactNode;
  /** Title over a "problems" message (an action the workbook refused). */
  refusedTitle?: string;
  /** The result, shown after success or problems. */
  children?: ReactNode;
}

/** What a step's action takes from the pane: its id, state, availability and run. */
export function paneAction<K extends Exclude<ActionKey, "parametri">>(pane: Pane, key: K) {
  return {
    id: key,
    state: pane.states[key],
    availability: pane.flow.actions[key],
    onRun: () => void pane.actions[key](),
  };
}

export function ActionBlock<R>(props: ActionBlockProps<R>): ReactElement {
  const styles = useStyles();
  const descId = useId();
  const reasonId = useId();
  const { state, availability } = props;
  const described = [props.description ? descId : "", availability.reason ? reasonId : ""].filter(Boolean);
  return (
    <div className={styles.root} data-testid={`action-${props.id}`}>
      {props.description && (
        <Caption1 id={descId} className={styles.description}>
          {props.description}
        </Caption1>
      )}
      {props.controls}
      <div className={styles.row}>
        <Button
          appearance={props.primary ? "primary" : "secondary"}
          icon={props.icon}
          disabledFocusable={!availability.enabled}
          aria-describedby={described.length > 0 ? described.join(" ") : undefined}
          onClick={availability.enabled ? props.onRun : undefined}
          data-testid="run"
        >
          {props.buttonLabel}
        </Button>
      </div>
      {availability.reason && (
        <Caption1 id={reasonId} className={styles.reason} data-testid="reason">
          {availability.reason}
        </Caption1>
      )}
      {state.status === "working" && (
        <div className={styles.working} role="status">
          <ProgressBar
            value={state.step ? STEP_PROGRESS[state.step] : undefined}
            thickness="large"
            aria-label={paneStrings.working}
          />
          <Caption1>{state.step ? paneStrings.steps[state.step] : paneStrings.working}</Caption1>
        </div>
      )}
      {state.status === "failure" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "problems" && state.message && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {props.refusedTitle && <MessageBarTitle>{props.refusedTitle}</MessageBarTitle>}
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {(state.status === "success" || state.status === "problems") && props.children}
    </div>
  );
}
