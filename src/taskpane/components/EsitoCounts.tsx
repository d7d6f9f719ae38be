// Esito counts after Calcola / Genera Scheda, coloured as in the Riepilogo sheet.
import { Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { paneStrings } from "../strings";
import type { ObiettivoRollup } from "../../domain/rollup/rollup";
import { ESITI, type Esito } from "../../domain/model/schema";

const COLORS: Record<Esito, "success" | "warning" | "danger" | "informative"> = {
  Raggiunto: "success",
  "Parzialmente raggiunto": "warning",
  "Non raggiunto": "danger",
  "Non valutabile": "informative",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  caption: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
  },
  item: { display: "contents" },
  count: { justifySelf: "start", minWidth: "2.5em", justifyContent: "center" },
});

export function countEsiti(obiettivi: ObiettivoRollup[]): Record<Esito, number> {
  const counts = Object.fromEntries(ESITI.map((e) => [e, 0])) as Record<Esito, number>;
  for (const o of obiettivi) counts[o.esito]++;
  return counts;
}

export function EsitoCounts({ obiettivi }: { obiettivi: ObiettivoRollup[] }): ReactElement {
  const styles = useStyles();
  const counts = countEsiti(obiettivi);
  return (
    <div className={styles.root}>
      <Caption1 className={styles.caption}>{paneStrings.esitoLabel}</Caption1>
      <ul className={styles.list} aria-label={paneStrings.esitoLabel} data-testid="esiti">
        {ESITI.map((e) => (
          <li key={e} className={styles.item} data-esito={e}>
            <Badge className={styles.count} color={COLORS[e]} appearance="filled" shape="rounded">
              {String(counts[e])}
            </Badge>
            <span>{e}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
