// Step "Verificare i dati": the one place where problems are listed (those found by Verifica, and by
// Calcola or Genera Scheda when they read the workbook). A structural problem blocks the next steps.
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { CheckmarkCircleRegular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import type { CheckResult } from "../../app/service";
import { paneStrings } from "../strings";
import type { Pane } from "../usePane";
import { ActionBlock, paneAction } from "./ActionBlock";
import { useStepStyles } from "./stepStyles";
import { ProblemList } from "./ProblemList";

export function checkSummary(pane: Pane): string | undefined {
  const c = pane.check;
  if (!c || !pane.progress.verified) return undefined;
  return c.problems.length === 0 ? paneStrings.checkClean : paneStrings.checkSummary(c.errors, c.warnings);
}

/** The problems to list: the last check made by an action, once Verifica (or Calcola…) has run. */
export function shownCheck(pane: Pane): CheckResult | null {
  return pane.progress.verified ? pane.check : null;
}

export function CheckStep({ pane, withList }: { pane: Pane; withList: boolean }): ReactElement {
  const styles = useStepStyles();
  const { states, flow } = pane;
  const check = shownCheck(pane);
  return (
    <ActionBlock
      {...paneAction(pane, "check")}
      description={paneStrings.checkDescription}
      buttonLabel={paneStrings.checkButton}
      icon={<CheckmarkCircleRegular />}
      primary={flow.next.step === "verifica"}
      state={check && states.check.status === "idle" ? { status: "success", result: check } : states.check}
    >
      {check && <CheckResultView check={check} pane={pane} withList={withList} styles={styles} />}
    </ActionBlock>
  );
}

function CheckResultView(props: {
  check: CheckResult;
  pane: Pane;
  withList: boolean;
  styles: ReturnType<typeof useStepStyles>;
}): ReactElement {
  const { check, pane } = props;
  if (check.problems.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>{paneStrings.checkClean}</MessageBarBody>
      </MessageBar>
    );
  }
  const blocked = check.blocking.length > 0;
  return (
    <div className={props.styles.results}>
      <MessageBar intent={check.errors > 0 ? "error" : "warning"}>
        <MessageBarBody data-testid="check-summary">
          <MessageBarTitle>
            {blocked ? paneStrings.blockedTitle : paneStrings.checkFoundTitle}
          </MessageBarTitle>
          {blocked ? paneStrings.blockedIntro : paneStrings.checkSummary(check.errors, check.warnings)}
        </MessageBarBody>
      </MessageBar>
      {props.withList && <ProblemPanel pane={pane} check={check} />}
    </div>
  );
}

/** The problem list (in the step on a narrow pane, beside the steps on a wide page). */
export function ProblemPanel({ pane, check }: { pane: Pane; check: CheckResult }): ReactElement {
  const blocked = check.blocking.length > 0;
  return (
    <ProblemList
      problems={blocked ? check.blocking : check.problems}
      raw={check.raw}
      onSelect={pane.selectProblem}
    />
  );
}
