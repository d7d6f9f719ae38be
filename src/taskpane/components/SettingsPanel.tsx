// Impostazioni: the Parametri values, editable, checked as the user types (the reader's own verdict),
// saved into the Parametri sheet's Valore cells (Excel) or into the open file (standalone page).
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { OpenRegular, SaveRegular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { useEffect, useMemo, useState } from "react";
import type { CheckResult } from "../../app/service";
import { PARAMETRI, SHEETS, type ParametroKey } from "../../domain/model/schema";
import { missingRows } from "../../app/parametri";
import {
  FIELD_KIND,
  defaultText,
  fieldMessages,
  initialValues,
  toEdits,
  type FormValues,
} from "../settingsForm";
import { paneStrings } from "../strings";
import type { Pane } from "../usePane";
import { ActionBlock } from "./ActionBlock";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  description: { color: tokens.colorNeutralForeground2 },
});

export function SettingsPanel({ pane }: { pane: Pane }): ReactElement {
  const { check } = pane;
  if (!check || !check.plan.layout.parametri) {
    return <Caption1>{pane.flow.actions.parametri.reason ?? paneStrings.settingsUnavailable}</Caption1>;
  }
  return <SettingsForm pane={pane} check={check} />;
}

function SettingsForm({ pane, check }: { pane: Pane; check: CheckResult }): ReactElement {
  const styles = useStyles();
  const today = pane.today();
  const initial = useMemo(() => initialValues(check, today), [check, today]);
  const [values, setValues] = useState<FormValues>(initial);
  const [base, setBase] = useState<FormValues>(initial);
  // A new read resets the form only when the sheet's values changed (not on every Verifica).
  useEffect(() => {
    if (JSON.stringify(initial) !== JSON.stringify(base)) {
      setBase(initial);
      setValues(initial);
    }
  }, [initial, base]);
  const messages = useMemo(() => fieldMessages(check, values, base, today), [check, values, base, today]);
  const { edits } = toEdits(values, base);
  const changed = Object.keys(edits).length;
  const hasErrors = Object.values(messages).some((m) => m?.state === "error");
  const missing = missingRows(check.plan);
  const saving = pane.running === "parametri";
  const availability = !pane.flow.actions.parametri.enabled
    ? pane.flow.actions.parametri
    : hasErrors
      ? { enabled: false, reason: paneStrings.settingsFixFirst }
      : changed === 0
        ? { enabled: false, reason: paneStrings.settingsChangedCount(0) }
        : { enabled: true };
  const set = (key: ParametroKey, text: string) => setValues((v) => ({ ...v, [key]: text }));
  return (
    <ActionBlock
      id="parametri"
      description={paneStrings.settingsDescription}
      buttonLabel={paneStrings.settingsSave}
      icon={<SaveRegular />}
      primary
      state={pane.states.parametri}
      availability={availability}
      onRun={() => void pane.actions.saveParametri(edits)}
      controls={
        <div className={styles.form}>
          {PARAMETRI.map(({ key }) => {
            const m = messages[key];
            const noRow = missing.includes(key);
            const hint = noRow
              ? paneStrings.settingsNoRow(PARAMETRI.find((p) => p.key === key)!.label)
              : values[key].trim() === "" && defaultText(key, check, values) !== ""
                ? `${paneStrings.parametriHints[key]} ${paneStrings.settingsDefault(defaultText(key, check, values))}`
                : paneStrings.parametriHints[key];
            const disabled = noRow || saving || pane.running !== null;
            return (
              <Field
                key={key}
                label={paneStrings.parametriLabels[key]}
                hint={hint}
                validationState={m ? m.state : "none"}
                validationMessage={m?.text}
                data-testid={`field-${key}`}
              >
                {FIELD_KIND[key] === "formula" ? (
                  <Select
                    className={styles.input}
                    value={values[key]}
                    disabled={disabled}
                    onChange={(_, d) => set(key, d.value)}
                  >
                    <option value="">{paneStrings.formulaEmpty}</option>
                    {(["T/A", "2T-A"] as const).map((f) => (
                      <option key={f} value={f}>
                        {paneStrings.formulaOptions[f]}
                      </option>
                    ))}
                  </Select>
                ) : (
                  <Input
                    className={styles.input}
                    type={FIELD_KIND[key] === "date" ? "date" : "text"}
                    inputMode={
                      FIELD_KIND[key] === "year"
                        ? "numeric"
                        : FIELD_KIND[key] === "percent"
                          ? "decimal"
                          : undefined
                    }
                    value={values[key]}
                    disabled={disabled}
                    onChange={(_, d) => set(key, d.value)}
                  />
                )}
              </Field>
            );
          })}
          <div className={styles.row}>
            <Caption1 className={styles.description} aria-live="polite" data-testid="settings-count">
              {paneStrings.settingsChangedCount(changed)}
            </Caption1>
            {changed > 0 && (
              <Button size="small" appearance="subtle" disabled={saving} onClick={() => setValues(base)}>
                {paneStrings.settingsReset}
              </Button>
            )}
            {pane.activate && (
              <Button
                size="small"
                appearance="subtle"
                icon={<OpenRegular />}
                onClick={() => pane.activate?.(SHEETS.parametri)}
              >
                {paneStrings.openParametri}
              </Button>
            )}
          </div>
        </div>
      }
    >
      {pane.states.parametri.status === "success" && (
        <MessageBar intent="success">
          <MessageBarBody>
            {pane.standalone ? paneStrings.settingsSavedFile : paneStrings.settingsSaved}
          </MessageBarBody>
        </MessageBar>
      )}
    </ActionBlock>
  );
}
