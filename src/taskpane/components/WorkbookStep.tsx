// Standalone page only: open an .xlsx or start a new one; the download of the workbook as it is now.
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentAddRegular, FolderOpenRegular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { useRef } from "react";
import type { Pane } from "../usePane";
import { paneStrings } from "../strings";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  description: { color: tokens.colorNeutralForeground2 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  hidden: { display: "none" },
});

export function workbookSummary(pane: Pane): string {
  return pane.files.name ? paneStrings.currentWorkbook(pane.files.name) : paneStrings.noWorkbook;
}

export function WorkbookStep({ pane }: { pane: Pane }): ReactElement {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const busy = pane.running !== null;
  return (
    <>
      <Caption1 className={styles.description}>{paneStrings.workbookIntro}</Caption1>
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
          if (file) pane.files.open(file);
        }}
      />
      <div className={styles.row}>
        <Button
          appearance={pane.host ? "secondary" : "primary"}
          icon={<FolderOpenRegular />}
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          {paneStrings.openFile}
        </Button>
        <Button icon={<DocumentAddRegular />} disabled={busy} onClick={pane.files.createNew}>
          {paneStrings.newWorkbook}
        </Button>
      </div>
      <Caption1 data-testid="workbook-name" className={pane.files.name ? styles.name : undefined}>
        {workbookSummary(pane)}
      </Caption1>
      {pane.host && (
        <div className={styles.row}>
          <Button
            icon={<ArrowDownloadRegular />}
            disabled={busy}
            title={paneStrings.downloadHint}
            onClick={pane.files.download}
          >
            {paneStrings.download}
          </Button>
        </div>
      )}
    </>
  );
}
