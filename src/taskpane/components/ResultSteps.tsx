// Steps "Calcolare i risultati" (the Esito counts live here, whoever computed them last) and
// "Generare la Scheda" (objectives picker, then pages and the way to the sheet or the download).
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowDownloadRegular,
  CalculatorRegular,
  DocumentTableRegular,
  OpenRegular,
} from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { SHEETS } from "../../domain/model/schema";
import { paneStrings } from "../strings";
import type { Pane } from "../usePane";
import { ActionBlock } from "./ActionBlock";
import { EsitoCounts } from "./EsitoCounts";
import { ObjectivePicker } from "./ObjectivePicker";

const useStyles = makeStyles({
  results: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export function rollupSummary(pane: Pane): string | undefined {
  return pane.rollups && pane.progress.rolledUp
    ? paneStrings.rollupDone(pane.rollups.obiettivi.length)
    : undefined;
}

export function generateSummary(pane: Pane): string | undefined {
  const g = pane.states.generate;
  return g.status === "success" ? paneStrings.generateDone(g.result.objectives, g.result.pages) : undefined;
}

/** Cells with errors count as empty (in the rollups, in the archive): said once the action is done. */
export function ErrorsNote({
  pane,
  text = paneStrings.errorsTreatedEmpty,
}: {
  pane: Pane;
  text?: (errors: number) => string;
}): ReactElement | null {
  const errors = pane.check?.errors ?? 0;
  if (errors === 0) return null;
  return (
    <MessageBar intent="warning">
      <MessageBarBody>{text(errors)}</MessageBarBody>
    </MessageBar>
  );
}

export function RollupStep({ pane }: { pane: Pane }): ReactElement {
  const styles = useStyles();
  const { flow, actions, rollups } = pane;
  const shown = pane.progress.rolledUp && rollups;
  return (
    <>
      {pane.progress.settingsChanged && (
        <MessageBar intent="info">
          <MessageBarBody>{paneStrings.settingsChanged}</MessageBarBody>
        </MessageBar>
      )}
      <ActionBlock
        id="rollup"
        description={paneStrings.rollupDescription}
        buttonLabel={paneStrings.rollupButton}
        icon={<CalculatorRegular />}
        primary={flow.next.step === "calcola"}
        state={pane.states.rollup}
        availability={flow.actions.rollup}
        onRun={() => void actions.rollup()}
      />
      {shown && (
        <div className={styles.results} data-testid="rollup-result">
          <MessageBar intent="success">
            <MessageBarBody>{paneStrings.rollupDone(rollups.obiettivi.length)}</MessageBarBody>
          </MessageBar>
          <ErrorsNote pane={pane} />
          <EsitoCounts obiettivi={rollups.obiettivi} />
          {pane.activate && (
            <div className={styles.row}>
              <Button icon={<OpenRegular />} onClick={() => pane.activate?.(SHEETS.riepilogo)}>
                {paneStrings.goToRiepilogo}
              </Button>
            </div>
          )}
        </div>
      )}
    </>
  );
}

export function GenerateStep({ pane }: { pane: Pane }): ReactElement {
  const styles = useStyles();
  const { flow, actions, states } = pane;
  const busy = pane.running !== null;
  // One primary button in view: once Archivia monitoraggio is next, its button is the one.
  const lead = flow.next.step === "genera" ? "primary" : "secondary";
  return (
    <ActionBlock
      id="generate"
      description={paneStrings.generateDescription}
      buttonLabel={paneStrings.generateButton}
      icon={<DocumentTableRegular />}
      primary={flow.next.step === "genera"}
      state={states.generate}
      availability={flow.actions.generate}
      onRun={() => void actions.generate()}
      controls={
        <ObjectivePicker
          plan={pane.check?.plan ?? null}
          selection={pane.selection}
          onChange={pane.setSelection}
          disabled={busy || !flow.actions.generate.enabled}
        />
      }
    >
      {states.generate.status === "success" && (
        <div className={styles.results}>
          <MessageBar intent="success">
            <MessageBarBody data-testid="generate-done">
              {paneStrings.generateDone(states.generate.result.objectives, states.generate.result.pages)}
            </MessageBarBody>
          </MessageBar>
          <div className={styles.row}>
            {pane.activate && (
              <Button appearance={lead} icon={<OpenRegular />} onClick={() => pane.activate?.(SHEETS.scheda)}>
                {paneStrings.goToScheda}
              </Button>
            )}
            {pane.standalone && (
              <Button appearance={lead} icon={<ArrowDownloadRegular />} onClick={pane.files.download}>
                {paneStrings.downloadResult}
              </Button>
            )}
          </div>
        </div>
      )}
    </ActionBlock>
  );
}
