// The guided flow, derived from the workbook's state: which step comes next, which actions make sense
// now (and why the others do not). Pure: the pane's hook feeds it, the components render it.
// A new step is one more entry in STEPS, one action in ActionKey and its rule.
import type { CheckResult } from "../app/service";
import type { IsoDate } from "../domain/model/dates";
import { SHEETS } from "../domain/model/schema";
import { paneStrings } from "./strings";

export type ActionKey = "prepare" | "sample" | "check" | "rollup" | "generate" | "archive" | "parametri";
export type StepId = "cartella" | "prepara" | "verifica" | "calcola" | "genera" | "archivia";
export type StepStatus = "todo" | "current" | "done" | "attention";

/** Steps in order of use; "cartella" only on the standalone page. */
export const STEPS: StepId[] = ["cartella", "prepara", "verifica", "calcola", "genera", "archivia"];

/** The step each action belongs to. */
export const ACTION_STEP: Record<Exclude<ActionKey, "parametri">, StepId> = {
  prepare: "prepara",
  sample: "prepara",
  check: "verifica",
  rollup: "calcola",
  generate: "genera",
  archive: "archivia",
};

export interface FlowState {
  standalone: boolean;
  hasHost: boolean;
  /** The last read of the workbook (the quiet read at start, or any action's own check). */
  check: CheckResult | null;
  /** The quiet read failed (Verifica then shows why). */
  readFailed: boolean;
  /** A Verifica, Calcola or Genera has run since the data last changed (its problems are shown). */
  verified: boolean;
  rolledUp: boolean;
  generated: boolean;
  /** The Data di riferimento archived since the data last changed (null: not archived). */
  archived: IsoDate | null;
  busy: boolean;
}

export interface Availability {
  enabled: boolean;
  /** Why not, for the user (absent while another action runs: its progress says enough). */
  reason?: string;
}

export interface Flow {
  next: { step: StepId; text: string };
  steps: { id: StepId; status: StepStatus }[];
  actions: Record<ActionKey, Availability>;
  hasData: boolean;
  /** Input sheets (Parametri included) that do not exist. */
  missingSheets: string[];
  blocked: boolean;
}

const INPUT_SHEETS = [
  { key: "parametri", name: SHEETS.parametri },
  { key: "obiettivi", name: SHEETS.obiettivi },
  { key: "fasi", name: SHEETS.fasi },
  { key: "indicatori", name: SHEETS.indicatori },
] as const;

export function deriveFlow(s: FlowState): Flow {
  const plan = s.check?.plan ?? null;
  const hasData = plan ? plan.obiettivi.length + plan.fasi.length + plan.indicatori.length > 0 : false;
  const missingSheets = plan
    ? INPUT_SHEETS.filter((x) => plan.layout[x.key] === null).map((x) => x.name)
    : [];
  const blocked = (s.check?.blocking.length ?? 0) > 0;
  const errors = s.check?.errors ?? 0;
  const read = s.check !== null;

  const when = (ok: boolean, reason: string): Availability =>
    s.busy ? { enabled: false } : ok ? { enabled: true } : { enabled: false, reason };
  const needRead = (then: () => Availability): Availability =>
    !s.hasHost
      ? when(false, paneStrings.reasonNoWorkbook)
      : !read && !s.readFailed
        ? when(false, paneStrings.reasonReading)
        : then();
  const computeReason = !hasData
    ? paneStrings.reasonNoData
    : s.verified
      ? paneStrings.reasonBlocked
      : paneStrings.reasonBlockedUnchecked;
  const compute = needRead(() => when(read && hasData && !blocked, computeReason));

  const actions: Record<ActionKey, Availability> = {
    prepare: needRead(() =>
      when(read && (missingSheets.length > 0 || (blocked && !hasData)), paneStrings.reasonSheetsReady),
    ),
    sample: needRead(() => when(read && !hasData, paneStrings.reasonHasData)),
    check: needRead(() => when(s.readFailed || hasData || blocked, paneStrings.reasonNoData)),
    rollup: compute,
    generate: compute,
    // Archiving reads and checks the workbook as Calcola does, and is stopped by the same problems.
    archive: compute,
    parametri: needRead(() => when(read && plan?.layout.parametri != null, paneStrings.settingsNoSheet)),
  };

  const next = nextStep(s, { hasData, missingSheets, blocked, errors, read });
  const done: Record<StepId, boolean> = {
    cartella: s.hasHost,
    prepara: hasData && !missingSheets.some((m) => m !== SHEETS.parametri),
    verifica: s.verified && errors === 0,
    calcola: s.rolledUp,
    genera: s.generated,
    archivia: s.archived !== null,
  };
  const steps = STEPS.filter((id) => s.standalone || id !== "cartella").map((id) => ({
    id,
    status: (id === next.step && !done[id]
      ? "current"
      : id === "verifica" && s.verified && errors > 0
        ? "attention"
        : done[id]
          ? "done"
          : "todo") as StepStatus,
  }));
  return { next, steps, actions, hasData, missingSheets, blocked };
}

function nextStep(
  s: FlowState,
  d: { hasData: boolean; missingSheets: string[]; blocked: boolean; errors: number; read: boolean },
): Flow["next"] {
  const n = paneStrings.next;
  if (!s.hasHost)
    return s.standalone ? { step: "cartella", text: n.openWorkbook } : { step: "prepara", text: n.reading };
  if (!d.read)
    return s.readFailed ? { step: "verifica", text: n.check } : { step: "prepara", text: n.reading };
  if (!d.hasData) {
    const missing = d.missingSheets.filter((m) => m !== SHEETS.parametri);
    return {
      step: "prepara",
      text: missing.length > 0 && missing.length < 3 ? n.prepareMissing(missing) : n.prepare,
    };
  }
  if (d.blocked) return { step: "verifica", text: s.verified ? n.fixBlocking : n.check };
  if (!s.verified) return { step: "verifica", text: n.check };
  if (!s.rolledUp) return { step: "calcola", text: d.errors > 0 ? n.fixErrors : n.rollup };
  if (!s.generated) return { step: "genera", text: n.generate };
  if (s.archived === null)
    return { step: "archivia", text: s.standalone ? n.archiveStandalone : n.archiveExcel };
  // A monitoring at 31/12 closes the year: the Nucleo validates; any other date waits for the next one.
  const yearEnd = s.archived.endsWith("-12-31");
  const then = yearEnd ? n.validation : n.nextMonitoring;
  return { step: "archivia", text: s.standalone ? `${n.downloadArchive} ${then}` : then };
}
