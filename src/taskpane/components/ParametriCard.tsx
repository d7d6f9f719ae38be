// Settings live in the Parametri sheet; the pane shows the values read last and links to the sheet.
import { Card, CardHeader, Caption1, Link, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { useId } from "react";
import { formatIt } from "../../domain/model/dates";
import { paneStrings } from "../strings";
import type { Parametri } from "../../domain/model/model";

const useStyles = makeStyles({
  card: { width: "100%", boxSizing: "border-box" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXXS} 0`,
    verticalAlign: "top",
    width: "45%",
  },
  td: { padding: `${tokens.spacingVerticalXXS} 0`, overflowWrap: "anywhere" },
  description: { color: tokens.colorNeutralForeground2 },
});

function display(p: Parametri, key: keyof Parametri): string {
  const v = p[key];
  if (key === "dataRiferimento" && typeof v === "string") return formatIt(v);
  if (Array.isArray(v)) return v.join(", ");
  const s = String(v ?? "");
  return s === "" ? paneStrings.emptyValue : s;
}

export function ParametriCard(props: { parametri: Parametri | null; onOpen?: () => void }): ReactElement {
  const styles = useStyles();
  const titleId = useId();
  const labels = paneStrings.parametriLabels;
  return (
    <Card className={styles.card} role="region" aria-labelledby={titleId} data-testid="card-parametri">
      <CardHeader
        header={
          <Subtitle2 as="h2" id={titleId}>
            {paneStrings.parametriTitle}
          </Subtitle2>
        }
        description={<Caption1 className={styles.description}>{paneStrings.parametriDescription}</Caption1>}
      />
      {props.parametri ? (
        <table className={styles.table}>
          <tbody>
            {(Object.keys(labels) as (keyof typeof labels)[]).map((k) => (
              <tr key={k}>
                <th scope="row" className={styles.th}>
                  {labels[k]}
                </th>
                <td className={styles.td}>{display(props.parametri as Parametri, k)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Caption1>{paneStrings.parametriUnknown}</Caption1>
      )}
      {props.onOpen && (
        <Link as="button" onClick={props.onOpen}>
          {paneStrings.parametriOpen}
        </Link>
      )}
    </Card>
  );
}
