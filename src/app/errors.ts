// Expected failures: each carries the Italian message the user sees (never a bug's stack trace).

/** An expected failure with an Italian message for the user (not a bug). */
export class AppError extends Error {
  constructor(
    readonly code: "NOT_EMPTY" | "FILTER_UNKNOWN" | "BLOCKED" | "HOST" | "INVALID_INPUT",
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}
