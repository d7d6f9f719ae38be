// Step "Preparare la cartella": Prepara fogli and Carica esempio, each offered only while it makes sense.
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { SparkleRegular, TableAddRegular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { paneStrings } from "../strings";
import { prepareText, type Pane } from "../usePane";
import { ActionBlock, paneAction } from "./ActionBlock";

export function prepareSummary(pane: Pane): string | undefined {
  const plan = pane.check?.plan;
  return plan && pane.flow.hasData
    ? paneStrings.prepareSummary(plan.obiettivi.length, plan.fasi.length, plan.indicatori.length)
    : undefined;
}

export function PrepareStep({ pane }: { pane: Pane }): ReactElement {
  const { states, flow } = pane;
  return (
    <>
      <ActionBlock
        {...paneAction(pane, "prepare")}
        description={paneStrings.prepareDescription}
        buttonLabel={paneStrings.prepareButton}
        icon={<TableAddRegular />}
        primary={flow.actions.prepare.enabled}
      >
        {states.prepare.status === "success" && (
          <MessageBar intent="success">
            <MessageBarBody>{prepareText(states.prepare.result)}</MessageBarBody>
          </MessageBar>
        )}
      </ActionBlock>
      <ActionBlock
        {...paneAction(pane, "sample")}
        description={paneStrings.sampleDescription}
        buttonLabel={paneStrings.sampleButton}
        icon={<SparkleRegular />}
        refusedTitle={paneStrings.sampleRefused}
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
