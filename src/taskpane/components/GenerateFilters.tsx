// Filters of Genera Scheda: Centri di Responsabilità and objectives, from the plan read last.
import { Button, Caption1, Dropdown, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { paneStrings } from "../strings";
import type { Plan } from "../../domain/model/model";
import type { SchedaFilter } from "../../domain/scheda/layout";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  dropdown: { minWidth: 0, width: "100%" },
  hint: { color: tokens.colorNeutralForeground3 },
});

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export interface GenerateFiltersProps {
  plan: Plan | null;
  filter: SchedaFilter;
  onChange: (f: SchedaFilter) => void;
  disabled: boolean;
}

export function GenerateFilters({ plan, filter, onChange, disabled }: GenerateFiltersProps): ReactElement {
  const styles = useStyles();
  const cdrs = plan ? [...new Set(plan.obiettivi.map((o) => o.centroResponsabilita).filter((c) => c))] : [];
  const objectives = plan
    ? plan.obiettivi.filter((o) => filter.cdr.length === 0 || filter.cdr.includes(o.centroResponsabilita))
    : [];
  const noPlan = !plan || plan.obiettivi.length === 0;
  return (
    <div className={styles.root}>
      <Field label={paneStrings.cdrFilterLabel}>
        <Dropdown
          className={styles.dropdown}
          multiselect
          disabled={disabled || noPlan}
          placeholder={paneStrings.cdrFilterPlaceholder}
          selectedOptions={filter.cdr}
          value={filter.cdr.join("; ")}
          onOptionSelect={(_, data) => {
            const cdr = data.selectedOptions;
            // Objectives outside the chosen centres would make the filter fail: drop them.
            const keep = plan
              ? plan.obiettivi
                  .filter((o) => cdr.length === 0 || cdr.includes(o.centroResponsabilita))
                  .map((o) => o.codice)
              : [];
            onChange({ cdr, obiettivi: filter.obiettivi.filter((c) => keep.includes(c)) });
          }}
        >
          {cdrs.map((c) => (
            <Option key={c} value={c} text={c}>
              {c}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={paneStrings.objectivesFilterLabel}>
        <Dropdown
          className={styles.dropdown}
          multiselect
          disabled={disabled || noPlan}
          placeholder={paneStrings.objectivesFilterPlaceholder}
          selectedOptions={filter.obiettivi}
          value={filter.obiettivi.join(", ")}
          onOptionSelect={(_, data) => onChange({ ...filter, obiettivi: data.selectedOptions })}
        >
          {objectives.map((o) => (
            <Option key={o.codice} value={o.codice} text={`${o.codice} ${o.titolo}`}>
              {`${o.codice} — ${shorten(o.titolo, 70)}`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {noPlan ? (
        <Caption1 className={styles.hint}>{paneStrings.filtersHint}</Caption1>
      ) : (
        (filter.cdr.length > 0 || filter.obiettivi.length > 0) && (
          <div>
            <Button size="small" appearance="subtle" onClick={() => onChange({ cdr: [], obiettivi: [] })}>
              {paneStrings.clearFilters}
            </Button>
          </div>
        )
      )}
    </div>
  );
}
