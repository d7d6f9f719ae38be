// Running the CLI the two ways the corpus needs: in-process through main(argv, io) (fast; what a thrown
// error would print through bin/scheda-peg.js is reproduced), and as a child process of
// bin/scheda-peg.js with a hard timeout, for inputs that could keep the process busy for minutes.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { main } from "../../src/cli/main";

const exec = promisify(execFile);

export interface Run {
  args: string[];
  /** Exit code; null when the run was stopped for taking too long. */
  code: number | null;
  out: string;
  err: string;
  ms: number;
}

/** In-process; a thrown error becomes what the bin prints ("Errore interno: …", exit 2). */
export async function runInProcess(args: string[], hangMs = 60_000): Promise<Run> {
  let out = "";
  let err = "";
  const t0 = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), hangMs);
  });
  try {
    const code = await Promise.race([
      main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) }).catch((e: unknown) => {
        err += `Errore interno: ${e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e)}\n`;
        return 2;
      }),
      hang,
    ]);
    return { args, code, out, err, ms: Date.now() - t0 };
  } finally {
    clearTimeout(timer);
  }
}

const ROOT = join(__dirname, "../..");
const BIN = join(ROOT, "bin/scheda-peg.js");
const DIST_MAIN = join(ROOT, "dist/node/cli/main.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith(".ts") || e.name.endsWith(".json"))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Compiles dist/node (npm run build:node) when it is missing or older than src/. */
export async function ensureBuiltCli(): Promise<{ built: boolean; ms: number }> {
  const t0 = Date.now();
  const fresh = existsSync(DIST_MAIN) && statSync(DIST_MAIN).mtimeMs >= newestSource(join(ROOT, "src"));
  if (fresh) return { built: false, ms: 0 };
  const tsc = require.resolve("typescript/bin/tsc");
  await exec(process.execPath, [tsc, "-p", "tsconfig.node.json"], { cwd: ROOT, timeout: 300_000 });
  return { built: true, ms: Date.now() - t0 };
}

/** bin/scheda-peg.js in a child process, killed after `timeoutMs`. */
export async function runChild(args: string[], timeoutMs: number): Promise<Run> {
  const t0 = Date.now();
  try {
    const r = await exec(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      timeout: timeoutMs,
      killSignal: "SIGKILL",
      maxBuffer: 64 * 1024 * 1024,
    });
    return { args, code: 0, out: r.stdout, err: r.stderr, ms: Date.now() - t0 };
  } catch (e) {
    const x = e as {
      code?: number | string;
      killed?: boolean;
      signal?: string;
      stdout?: string;
      stderr?: string;
    };
    const killed = x.killed || x.signal === "SIGKILL";
    return {
      args,
      code: killed ? null : typeof x.code === "number" ? x.code : 2,
      out: x.stdout ?? "",
      err: x.stderr ?? "",
      ms: Date.now() - t0,
    };
  }
}

/**
 * Output a user must never see: a stack trace, "Errore interno", a JavaScript error name or English
 * error text (every message is Italian).
 */
export const LEAK =
  /Errore interno|^\s+at\s|\b(TypeError|ReferenceError|RangeError|SyntaxError|Error)\b|\[object Object\]|\b(undefined|null|NaN|cannot|failed|invalid|unexpected|not found|is not|does not|unable|no such)\b/im;

export function leak(text: string): string | null {
  const m = LEAK.exec(text);
  if (!m) return null;
  const line = text.slice(0, m.index).split("\n").length;
  return `«${text.split("\n")[line - 1].trim().slice(0, 200)}»`;
}
