// External tools some tests need (LibreOffice, Chromium, pdftotext). On a laptop without them those
// tests skip with a clear message; in CI (CI=true) a missing tool is a failure, never a skip.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export function findExecutable(names: string[]): string | null {
  for (const name of names) {
    if (name.startsWith("/")) {
      if (existsSync(name)) return name;
      continue;
    }
    try {
      const out = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      if (out) return out;
    } catch {
      // not on PATH
    }
  }
  return null;
}

/**
 * `it` when the tool exists; otherwise `it.skip` with a message, or a failing test in CI.
 * Usage: `const itLo = itWithTool("LibreOffice (soffice)", sofficePath); itLo("…", async () => …)`.
 */
export function itWithTool(label: string, path: string | null): jest.It {
  if (path) return it;
  if (process.env.CI) {
    return ((name: string) =>
      it(name, () => {
        throw new Error(`${label} è richiesto in CI ma non è installato (vedi .ci/run).`);
      })) as unknown as jest.It;
  }
  console.warn(`Test saltato: ${label} non è installato su questa macchina (in CI è obbligatorio).`);
  return it.skip;
}

export const sofficePath = findExecutable(["soffice", "libreoffice", "/usr/lib/libreoffice/program/soffice"]);
export const pdftotextPath = findExecutable(["pdftotext"]);
export const chromiumPath = findExecutable(["/usr/bin/chromium", "chromium", "chromium-browser"]);
