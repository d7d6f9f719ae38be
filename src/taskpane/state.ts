// The state every action card shows: idle → working → success | problems | failure.
import { AppError, type ProgressStep } from "../app/service";
import { paneStrings } from "./strings";

export type ActionStatus = "idle" | "working" | "success" | "problems" | "failure";

export type ActionState<R> =
  | { status: "idle" }
  | { status: "working"; step: ProgressStep | null }
  | { status: "success"; result: R }
  /** The action ran but the workbook stopped it (blocking problems, a refused sample…). */
  | { status: "problems"; result?: R; message?: string }
  | { status: "failure"; message: string };

export const IDLE = { status: "idle" } as const;

/** Fraction of the work done at each step (the bar moves forward even on a fast host). */
export const STEP_PROGRESS: Record<ProgressStep, number> = {
  lettura: 0.1,
  verifica: 0.3,
  calcolo: 0.5,
  scrittura: 0.65,
  impaginazione: 0.85,
  fine: 1,
};

/** The Italian message of an error: AppError messages are meant for the user, others are wrapped. */
export function errorMessage(e: unknown): string {
  if (e instanceof AppError) return e.message;
  if (e instanceof Error && e.name === "AppError") return e.message;
  const detail = e instanceof Error ? e.message : String(e);
  return paneStrings.unexpectedError(detail);
}
