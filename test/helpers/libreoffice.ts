// LibreOffice headless as an independent engine: recalculates our formulas and prints the Scheda.
// One soffice run converts many files (each start costs seconds on a loaded machine). A fresh profile
// per run: with `recalc` it forces LibreOffice to recalculate every formula on load (OOXMLRecalcMode 0;
// it keeps the cached values otherwise), so the converted files hold LibreOffice's own values.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { promisify } from "node:util";
import { sofficePath } from "./tools";

const run = promisify(execFile);

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface BatchResult {
  /** Input path → converted file, or null when LibreOffice could not open the input. */
  outputs: Map<string, string | null>;
  ms: number;
  stderr: string;
}

/**
 * Converts every input to `format` ("xlsx", "pdf", "csv", or a filter spec such as
 * 'csv:"Text - txt - csv (StarCalc)":44,34,76,1,,0,false,true,false,false,false,-1' for all sheets)
 * into `outDir` in one soffice run. Inputs must have distinct base names (outputs are named after them).
 */
export async function convertBatch(
  inputs: string[],
  format: string,
  outDir: string,
  options: { recalc: boolean; timeoutMs?: number } = { recalc: true },
): Promise<BatchResult> {
  if (!sofficePath) throw new Error("LibreOffice (soffice) non installato");
  const names = inputs.map((i) => basename(i, extname(i)));
  if (new Set(names).size !== names.length) throw new Error("convertBatch: nomi di file ripetuti");
  const profile = mkdtempSync(join(tmpdir(), "scheda-lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  if (options.recalc) writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_PROFILE);
  mkdirSync(outDir, { recursive: true });
  const t0 = Date.now();
  let stderr = "";
  try {
    const r = await run(
      sofficePath,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        format,
        "--outdir",
        outDir,
        ...inputs,
      ],
      { timeout: options.timeoutMs ?? 60_000 + inputs.length * 20_000, maxBuffer: 64 * 1024 * 1024 },
    );
    stderr = r.stderr;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const ext = format.split(":")[0];
  const outputs = new Map<string, string | null>();
  inputs.forEach((input, i) => {
    const out = join(outDir, `${names[i]}.${ext}`);
    outputs.set(input, existsSync(out) ? out : null);
  });
  return { outputs, ms: Date.now() - t0, stderr };
}

/** One file, recalculated: the converted file(s) in a fresh folder (`cleanup(outDir)` after). */
export async function convertWithLibreOffice(
  input: string,
  format: string,
): Promise<{ outDir: string; output: string; files: string[] }> {
  const outDir = join(mkdtempSync(join(tmpdir(), "scheda-lo-")), "out");
  const { outputs } = await convertBatch([input], format, outDir, { recalc: true, timeoutMs: 180_000 });
  const files = readdirSync(outDir).map((f) => join(outDir, f));
  const ext = format.split(":")[0];
  if (files.length === 0) throw new Error(`LibreOffice non ha prodotto ${ext} da ${input}`);
  return {
    outDir,
    output: outputs.get(input) ?? join(outDir, `${basename(input, extname(input))}.${ext}`),
    files,
  };
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Many files, recalculated, in one run: the output path of each input, in order (`cleanup(work)` after). */
export async function convertManyWithLibreOffice(
  inputs: string[],
  format: string,
): Promise<{ work: string; outputs: string[] }> {
  const work = mkdtempSync(join(tmpdir(), "scheda-lo-many-"));
  const outDir = join(work, "out");
  await convertBatch(inputs, format, outDir);
  const ext = format.split(":")[0];
  return { work, outputs: inputs.map((input) => join(outDir, `${basename(input, extname(input))}.${ext}`)) };
}
