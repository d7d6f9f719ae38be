// File handling shared by the CLI commands: open the input (unreadable → exit 2 with one Italian line),
// name the output, refuse to drop parts exceljs cannot keep, write atomically.
import type { XlsxHost } from "../hosts/xlsx/xlsxHost";

/** A user-facing failure: one Italian line on stderr and this exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Opens an input workbook; missing, corrupt, password-protected or non-xlsx files throw CliError. */
export async function openInput(_file: string): Promise<XlsxHost> {
  throw new Error("openInput: not implemented yet");
}

/** `<name>-scheda.xlsx` beside the input unless -o names a file. */
export function resolveOutput(_input: string, _output: string | undefined): string {
  throw new Error("resolveOutput: not implemented yet");
}

/** Throws CliError when the input holds charts, pivot tables or macros and force is not set. */
export async function checkRewritable(_file: string, _force: boolean): Promise<void> {
  throw new Error("checkRewritable: not implemented yet");
}

/** Writes via a temporary file in the same folder, then renames (the input is never half-written). */
export async function writeAtomic(_host: XlsxHost, _path: string): Promise<void> {
  throw new Error("writeAtomic: not implemented yet");
}
