// The project's ESLint configuration on one source text, through ESLint's CLI on stdin (its API needs
// ES module loading, which jest's VM does not allow).
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");

export interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
}

/** The messages ESLint gives `source` as if it were the file `file` (a path inside the project). */
export function lintSource(file: string, source: string): LintMessage[] {
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/eslint/bin/eslint.js"),
      "--stdin",
      "--stdin-filename",
      file,
      "--format",
      "json",
    ],
    { cwd: ROOT, input: source, encoding: "utf8" },
  );
  const [result] = JSON.parse(r.stdout) as { messages: LintMessage[] }[];
  return result.messages;
}
