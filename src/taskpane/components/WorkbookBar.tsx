// Standalone page only: which .xlsx the pane works on, and the download of the result.
import {
  Button,
  Caption1,
  Card,
  CardHeader,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDownloadRegular,
  DocumentRegular,
  FolderOpenRegular,
  SparkleRegular,
} from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { useId, useRef } from "react";
import { paneStrings } from "../strings";

const useStyles = makeStyles({
  card: { width: "100%", boxSizing: "border-box" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  description: { color: tokens.colorNeutralForeground2 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  hidden: { display: "none" },
});

export interface WorkbookBarProps {
  name: string | null;
  busy: boolean;
  canDownload: boolean;
  onOpenFile: (file: File) => void;
  onStartFromSample: () => void;
  onStartEmpty: () => void;
  onDownload: () => void;
}

export function WorkbookBar(props: WorkbookBarProps): ReactElement {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  return (
    <Card className={styles.card} role="region" aria-labelledby={titleId} data-testid="card-cartella">
      <CardHeader
        header={
          <Subtitle2 as="h2" id={titleId}>
            {paneStrings.standaloneTitle}
          </Subtitle2>
        }
        description={<Caption1 className={styles.description}>{paneStrings.standaloneIntro}</Caption1>}
      />
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={paneStrings.openFileLabel}
        data-testid="file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) props.onOpenFile(file);
        }}
      />
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<FolderOpenRegular />}
          disabled={props.busy}
          onClick={() => input.current?.click()}
        >
          {paneStrings.openFile}
        </Button>
        <Button icon={<SparkleRegular />} disabled={props.busy} onClick={props.onStartFromSample}>
          {paneStrings.startFromSample}
        </Button>
        <Button icon={<DocumentRegular />} disabled={props.busy} onClick={props.onStartEmpty}>
          {paneStrings.startEmpty}
        </Button>
      </div>
      <Caption1 data-testid="workbook-name" className={props.name ? styles.name : undefined}>
        {props.name ? paneStrings.currentWorkbook(props.name) : paneStrings.noWorkbook}
      </Caption1>
      <div className={styles.row}>
        <Button
          icon={<ArrowDownloadRegular />}
          disabled={props.busy || !props.canDownload}
          title={paneStrings.downloadHint}
          onClick={props.onDownload}
        >
          {paneStrings.download}
        </Button>
      </div>
    </Card>
  );
}
