// The ribbon command "Genera Scheda" without Office globals: the entry (commands.ts) passes in the
// service factory, the notifier and the requirement check, so tests can drive every outcome.
import type { GenerateResult } from "../app/service";
import { ribbonMessages } from "./strings";

/** Must match <FunctionName> in manifest.xml (test/manifest checks it). */
export const GENERA_SCHEDA_ACTION = "generaScheda";

/** The part of Office.AddinCommands.Event the command uses. */
export interface CommandEvent {
  completed(options?: unknown): void;
}

export type NoticeKind = "success" | "warning" | "blocked" | "error";

export interface Notice {
  kind: NoticeKind;
  title: string;
  message: string;
  /** Extra lines (first blocking problems, or the errors summary). */
  details: string[];
}

export interface Notifier {
  /** Shows the notice; resolves when it is gone (closed by the user or timed out), never rejects by design. */
  show(notice: Notice): Promise<void>;
}

export interface GeneraSchedaDeps {
  /** ExcelApi 1.9 is available. */
  isSupported: () => boolean;
  createService: () => { generate(): Promise<GenerateResult> };
  notifier: Notifier;
  /** Where unexpected errors are logged (console in Excel). */
  log?: (message: string, error: unknown) => void;
}

/** How many blocking problems the notification lists; the pane shows all of them. */
export const MAX_LISTED_PROBLEMS = 3;
const MAX_DETAIL_CHARS = 300;

/**
 * Runs the whole generation and reports its outcome. event.completed() is called in every case,
 * even when the notification itself fails: Excel runs no further click of the button until then.
 */
export async function runGeneraScheda(event: CommandEvent, deps: GeneraSchedaDeps): Promise<Notice> {
  let notice: Notice = errorNotice("");
  try {
    notice = await generateNotice(deps);
    try {
      await deps.notifier.show(notice);
    } catch (error) {
      deps.log?.("Scheda PEG: notifica non mostrata", error);
    }
  } finally {
    event.completed();
  }
  return notice;
}

async function generateNotice(deps: GeneraSchedaDeps): Promise<Notice> {
  try {
    if (!deps.isSupported()) {
      return {
        kind: "error",
        title: ribbonMessages.unsupportedTitle,
        message: ribbonMessages.unsupported,
        details: [],
      };
    }
    return describeResult(await deps.createService().generate());
  } catch (error) {
    deps.log?.("Scheda PEG: generazione non riuscita", error);
    const notice = errorNotice(errorText(error));
    return isAppError(error) ? notice : { ...notice, details: [ribbonMessages.retryHint] };
  }
}

export function describeResult(result: GenerateResult): Notice {
  const { check } = result;
  if (check.blocking.length > 0) {
    const listed = check.blocking.slice(0, MAX_LISTED_PROBLEMS).map((p) => truncate(p.message));
    const more = check.blocking.length - listed.length;
    return {
      kind: "blocked",
      title: ribbonMessages.blockedTitle,
      message: ribbonMessages.blocked(check.blocking.length),
      details: more > 0 ? [...listed, ribbonMessages.blockedMore(more)] : listed,
    };
  }
  const withProblems = check.errors > 0 || check.warnings > 0;
  return {
    kind: check.errors > 0 ? "warning" : "success",
    title: ribbonMessages.successTitle,
    message: ribbonMessages.success(result.objectives, result.pages),
    details: withProblems ? [ribbonMessages.successWithProblems(check.errors, check.warnings)] : [],
  };
}

function errorNotice(detail: string): Notice {
  return { kind: "error", title: ribbonMessages.errorTitle, message: detail, details: [] };
}

function isAppError(error: unknown): error is Error {
  return error instanceof Error && error.name === "AppError";
}

/**
 * AppError messages are already Italian sentences for the user; anything else is unexpected and is
 * shown with the code Office.js gives it (e.g. AccessDenied, ConnectionFailure), useful to support.
 */
function errorText(error: unknown): string {
  if (isAppError(error)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const withCode =
    typeof code === "string" && code !== "" ? `${detail} ${ribbonMessages.errorCode(code)}` : detail;
  return ribbonMessages.unexpected(truncate(withCode));
}

function truncate(text: string): string {
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS - 1)}…` : text;
}
