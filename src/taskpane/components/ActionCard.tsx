// The frame every action shares: title, what it does, its button, then its state (progress, outcome).
import {
  Button,
  Card,
  CardHeader,
  Caption1,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactElement, ReactNode } from "react";
import { useId } from "react";
import { paneStrings } from "../strings";
import { STEP_PROGRESS, type ActionState } from "../state";

const useStyles = makeStyles({
  card: { width: "100%", boxSizing: "border-box" },
  description: { color: tokens.colorNeutralForeground2 },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  working: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface ActionCardProps<R> {
  id: string;
  title: string;
  description: string;
  buttonLabel: string;
  icon?: ReactElement;
  primary?: boolean;
  state: ActionState<R>;
  disabled: boolean;
  onRun: () => void;
  /** Controls shown before the button (filters). */
  controls?: ReactNode;
  /** What to show for success / problems (the card shows working and failure itself). */
  children?: ReactNode;
}

export function ActionCard<R>(props: ActionCardProps<R>): ReactElement {
  const styles = useStyles();
  const titleId = useId();
  const descId = useId();
  const { state } = props;
  return (
    <Card className={styles.card} aria-labelledby={titleId} role="region" data-testid={`card-${props.id}`}>
      <CardHeader
        header={
          <Subtitle2 as="h2" id={titleId}>
            {props.title}
          </Subtitle2>
        }
        description={
          <Caption1 id={descId} className={styles.description}>
            {props.description}
          </Caption1>
        }
      />
      <div className={styles.body}>
        {props.controls}
        <div className={styles.row}>
          <Button
            appearance={props.primary ? "primary" : "secondary"}
            icon={props.icon}
            disabled={props.disabled}
            aria-describedby={descId}
            onClick={props.onRun}
          >
            {props.buttonLabel}
          </Button>
          {state.status === "working" && <Spinner size="tiny" aria-hidden="true" />}
        </div>
        {state.status === "working" && (
          <div className={styles.working} role="status" aria-live="polite">
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
        {(state.status === "success" || state.status === "problems") && props.children}
      </div>
    </Card>
  );
}
