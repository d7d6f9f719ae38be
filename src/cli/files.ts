// File handling shared by the CLI commands: open the input (unreadable → exit 2 with one Italian line),
// name the output (an .xlsm stays .xlsm), write atomically.
import { promises as fs } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { fileMessages } from "./messages";
import { fileOpenMessages } from "../hosts/messages";
import { AppError } from "../app/errors";
import type { Problem } from "../domain/rules/problems";
import type { CliIo } from "./io";
import { XlsxHost, XlsxOpenError } from "../hosts/xlsx/xlsxHost";

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

function systemReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === "EACCES" || code === "EPERM") return "permesso negato";
  if (code === "ENOSPC") return "spazio su disco esaurito";
  if (code === "EROFS") return "il disco è in sola lettura";
  if (code === "ENOENT") return "la cartella non esiste";
  if (code === "EISDIR") return "è una cartella";
  return code ?? (err instanceof Error ? err.message : String(err));
}

async function readInputBytes(file: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    if (
      (err as NodeJS.ErrnoException).code === "ENOENT" ||
      (err as NodeJS.ErrnoException).code === "ENOTDIR"
    ) {
      throw new CliError(fileMessages.fileMissing(file));
    }
    throw new CliError(fileMessages.unreadable(file, systemReason(err)));
  }
  if (stat.isDirectory()) throw new CliError(fileMessages.isDirectory(file));
  try {
    return await fs.readFile(file);
  } catch (err) {
    throw new CliError(fileMessages.unreadable(file, systemReason(err)));
  }
}

/** Opens an input workbook; missing, corrupt, password-protected or non-xlsx files throw CliError. */
export async function openInput(file: string): Promise<XlsxHost> {
  const bytes = await readInputBytes(file);
  try {
    return await XlsxHost.fromBuffer(bytes);
  } catch (err) {
    if (err instanceof XlsxOpenError) throw new CliError(fileMessages.cannotOpen(file, err.message));
    throw new CliError(fileMessages.cannotOpen(file, fileOpenMessages.openCorrupt));
  }
}

/**
 * `<name>-scheda.xlsx` beside the input unless -o names a file; a workbook with macros keeps them, so
 * its result is `<name>-scheda.xlsm` (an .xlsx holding macros is a file Excel refuses to open).
 */
export function resolveOutput(input: string, output: string | undefined, macros = false): string {
  if (output) {
    if (macros && extname(output).toLowerCase() !== ".xlsm")
      throw new CliError(fileMessages.macroNeedsXlsm(output));
    return output;
  }
  const ext = extname(input);
  const stem = basename(input, ext);
  return join(dirname(input), `${stem}-scheda${macros ? ".xlsm" : ".xlsx"}`);
}

/** Writes via a temporary file in the same folder, then renames (the input is never half-written). */
export async function writeAtomic(host: XlsxHost, path: string): Promise<void> {
  const bytes = await host.toBuffer();
  await writeBytesAtomic(bytes, path);
}

async function writeBytesAtomic(bytes: Uint8Array, path: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, path);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new CliError(fileMessages.cannotWrite(path, systemReason(err)));
  }
}

/** Refuses to replace an existing file unless force (template, sample). */
export async function checkNotExisting(path: string, force: boolean): Promise<void> {
  if (force) return;
  try {
    await fs.access(path);
  } catch {
    return;
  }
  throw new CliError(fileMessages.outputExists(path));
}

/** The blocking problems that stopped rollup or generate, one line each, after a heading. */
export function reportBlocked(heading: string, blocking: Problem[], io: CliIo): number {
  io.stderr(`${heading}\n`);
  for (const p of blocking) io.stderr(`  ${p.cell ?? p.sheet}  ${p.rule}  ${p.message}\n`);
  return 2;
}

/**
 * The end of every command: an expected failure (CliError, or AppError from the service and the host)
 * is one Italian message on stderr and its exit code; anything else is a bug and goes up.
 */
export function reportFailure(err: unknown, io: CliIo): number {
  if (err instanceof CliError) {
    io.stderr(`${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof AppError) {
    io.stderr(`${err.message}\n`);
    return 2;
  }
  throw err;
}
