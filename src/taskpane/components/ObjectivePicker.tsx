// Which objectives go into the Scheda: one field that searches as the user types (code, title, CdR),
// lists the objectives by Centro di Responsabilità with a "whole CdR" option at the top of each group,
// and says how many are chosen. The list opens below the field, as wide as the field, and only as high
// as the room left (above it when there is more room there), so it never leaves the pane.
import {
  Button,
  Caption1,
  Combobox,
  Field,
  Option,
  OptionGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactElement } from "react";
import { useId, useMemo, useState } from "react";
import type { Plan } from "../../domain/model/model";
import { CDR_PREFIX, groupByCdr, searchGroups, selectedOptions, toggle } from "../picker";
import { paneStrings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  combobox: { minWidth: 0, width: "100%" },
  listbox: { maxWidth: "calc(100vw - 16px)", boxSizing: "border-box" },
  option: { whiteSpace: "normal", overflowWrap: "anywhere" },
  whole: { fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  count: { color: tokens.colorNeutralForeground2 },
});

function shorten(s: string, n: number): string {
  const line = s.split("\n")[0].trim();
  return line.length > n ? `${line.slice(0, n - 1)}…` : line;
}

export interface ObjectivePickerProps {
  plan: Plan | null;
  selection: string[];
  onChange: (codes: string[]) => void;
  disabled: boolean;
}

export function ObjectivePicker({ plan, selection, onChange, disabled }: ObjectivePickerProps): ReactElement {
  const styles = useStyles();
  const countId = useId();
  const [query, setQuery] = useState("");
  const groups = useMemo(() => groupByCdr(plan), [plan]);
  const shown = useMemo(() => searchGroups(groups, query), [groups, query]);
  const total = plan?.obiettivi.length ?? 0;
  const chosen = selection.length;
  const count =
    total === 0
      ? paneStrings.pickerEmptyPlan
      : chosen === 0
        ? paneStrings.pickerAll(total)
        : paneStrings.pickerCount(chosen, total);
  return (
    <div className={styles.root}>
      <Field label={paneStrings.pickerLabel}>
        <Combobox
          className={styles.combobox}
          multiselect
          freeform
          disabled={disabled || total === 0}
          placeholder={paneStrings.pickerPlaceholder}
          value={query}
          aria-describedby={countId}
          selectedOptions={selectedOptions(groups, selection)}
          onChange={(e) => setQuery(e.target.value)}
          onOpenChange={(_, data) => {
            if (!data.open) setQuery("");
          }}
          onOptionSelect={(_, data) => {
            if (data.optionValue) onChange(toggle(groups, selection, data.optionValue));
          }}
          positioning={{
            position: "below",
            align: "start",
            matchTargetSize: "width",
            autoSize: true,
            fallbackPositions: ["above-start"],
          }}
          listbox={{ className: styles.listbox, "data-testid": "picker-list" } as never}
        >
          {shown.length === 0 && (
            <Option key="none" value="" text="" disabled>
              {paneStrings.pickerNoMatch}
            </Option>
          )}
          {shown.map((g) => (
            <OptionGroup key={g.cdr} label={g.cdr || "—"}>
              <Option
                key={CDR_PREFIX + g.cdr}
                value={CDR_PREFIX + g.cdr}
                text={`${g.cdr} ${paneStrings.pickerWholeCdr(g.obiettivi.length)}`}
                className={`${styles.option} ${styles.whole}`}
              >
                {paneStrings.pickerWholeCdr(groups.find((x) => x.cdr === g.cdr)?.obiettivi.length ?? 0)}
              </Option>
              {g.obiettivi.map((o) => (
                <Option
                  key={o.codice}
                  value={o.codice}
                  text={`${o.codice} ${o.titolo}`}
                  className={styles.option}
                >
                  {`${o.codice} — ${shorten(o.titolo, 90)}`}
                </Option>
              ))}
            </OptionGroup>
          ))}
        </Combobox>
      </Field>
      <div className={styles.row}>
        <Caption1 id={countId} className={styles.count} data-testid="picker-count" aria-live="polite">
          {count}
        </Caption1>
        {chosen > 0 && (
          <Button size="small" appearance="subtle" disabled={disabled} onClick={() => onChange([])}>
            {paneStrings.pickerClear}
          </Button>
        )}
      </div>
    </div>
  );
}
