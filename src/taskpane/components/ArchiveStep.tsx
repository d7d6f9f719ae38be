// Step "Archiviare il monitoraggio": the values at the Data di riferimento go into the Monitoraggi
// sheet; the result says which date, how many rows of each kind, whether that date was replaced, and
// every date the archive now holds. Then the way to the sheet (Excel) or the download (standalone page).
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArchiveRegular, ArrowDownloadRegular, OpenRegular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { formatIt } from "../../domain/model/dates";
import { SHEETS } from "../../domain/model/schema";
import { paneStrings } from "../strings";
import type { Pane } from "../usePane";
import { ActionBlock } from "./ActionBlock";
import { ErrorsNote } from "./ResultSteps";

const useStyles = makeStyles({
  results: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  wrap: { overflowWrap: "anywhere" },
});

function archivedOf(pane: Pane) {
  const s = pane.states.archive;
  return s.status === "success" ? s.result.archived : null;
}

export function archiveSummary(pane: Pane): string | undefined {
  const a = archivedOf(pane);
  return a ? paneStrings.archiveSummary(formatIt(a.date)) : undefined;
}

export function ArchiveStep({ pane }: { pane: Pane }): ReactElement {
  const styles = useStyles();
  const { flow, actions } = pane;
  const archived = archivedOf(pane);
  const current = flow.hasData ? pane.check?.plan.parametri.dataRiferimento : undefined;
  return (
    <ActionBlock
      id="archive"
      description={paneStrings.archiveDescription}
      buttonLabel={paneStrings.archiveButton}
      icon={<ArchiveRegular />}
      // once archived, the way to the result (sheet or download) is what comes next
      primary={flow.next.step === "archivia" && pane.progress.archived === null}
      state={pane.states.archive}
      availability={flow.actions.archive}
      onRun={() => void actions.archive()}
      controls={
        current && (
          <Text size={200} data-testid="archive-current">
            {paneStrings.archiveAt(formatIt(current))}
          </Text>
        )
      }
    >
      {archived && (
        <div className={styles.results} data-testid="archive-result">
          <MessageBar intent="success">
            <MessageBarBody data-testid="archive-done">
              {paneStrings.archiveDone(
                formatIt(archived.date),
                archived.objectives,
                archived.phases,
                archived.indicators,
              )}
              {archived.replaced > 0 && ` ${paneStrings.archiveReplaced}`}
            </MessageBarBody>
          </MessageBar>
          <Caption1 className={styles.wrap} data-testid="archive-dates">
            {paneStrings.archiveDates(archived.dates.map(formatIt))}
          </Caption1>
          <ErrorsNote pane={pane} text={paneStrings.archiveErrorsEmpty} />
          <div className={styles.row}>
            {pane.activate && (
              <Button icon={<OpenRegular />} onClick={() => pane.activate?.(SHEETS.monitoraggi)}>
                {paneStrings.goToMonitoraggi}
              </Button>
            )}
            {pane.standalone && (
              <Button appearance="primary" icon={<ArrowDownloadRegular />} onClick={pane.files.download}>
                {paneStrings.downloadResult}
              </Button>
            )}
          </div>
        </div>
      )}
    </ActionBlock>
  );
}
