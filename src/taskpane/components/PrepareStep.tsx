// Step "Preparare la cartella": Prepara fogli and Carica esempio, each offered only while it makes sense.
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { SparkleRegular, TableAddRegular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { paneStrings } from "../strings";
import { prepareText, type Pane } from "../usePane";
import { ActionBlock } from "./ActionBlock";

export function prepareSummary(pane: Pane): string | undefined {
  const plan = pane.check?.plan;
  return plan && pane.flow.hasData
    ? paneStrings.prepareSummary(plan.obiettivi.length, plan.fasi.length, plan.indicatori.length)
    : undefined;
}

export function PrepareStep({ pane }: { pane: Pane }): ReactElement {
  const { states, flow, actions } = pane;
  return (
    <>
      <ActionBlock
        id="prepare"
        description={paneStrings.prepareDescription}
        buttonLabel={paneStrings.prepareButton}
        icon={<TableAddRegular />}
        primary={flow.actions.prepare.enabled}
        state={states.prepare}
        availability={flow.actions.prepare}
        onRun={() => void actions.prepare()}
      >
        {states.prepare.status === "success" && (
          <MessageBar intent="success">
            <MessageBarBody>{prepareText(states.prepare.result)}</MessageBarBody>
          </MessageBar>
        )}
      </ActionBlock>
      <ActionBlock
        id="sample"
        description={paneStrings.sampleDescription}
        buttonLabel={paneStrings.sampleButton}
        icon={<SparkleRegular />}
        state={states.sample}
        availability={flow.actions.sample}
        refusedTitle={paneStrings.sampleRefused}
        onRun={() => void actions.sample()}
      >
        {states.sample.status === "success" && (
          <MessageBar intent="success">
            <MessageBarBody>{paneStrings.sampleDone(states.sample.result.obiettivi)}</MessageBarBody>
          </MessageBar>
        )}
      </ActionBlock>
    </>
  );
}
