// LibreOffice headless as an independent engine: recalculates our formulas and prints the Scheda.
// A fresh profile per call, whose settings ask LibreOffice to recalculate on load (OOXMLRecalcMode 0: it keeps the cached values otherwise).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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

/**
 * Converts `input` with soffice into `format` ("xlsx", "pdf", "csv", or a filter spec such as
 * 'csv:"Text - txt - csv (StarCalc)":44,34,76,1,,0,false,true,false,false,false,-1' for all sheets).
 * Returns the path of the converted file(s) directory and the main output path.
 */
export async function convertWithLibreOffice(
  input: string,
  format: string,
): Promise<{ outDir: string; output: string; files: string[] }> {
  if (!sofficePath) throw new Error("LibreOffice (soffice) non installato");
  const work = mkdtempSync(join(tmpdir(), "scheda-lo-"));
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_PROFILE);
  const outDir = join(work, "out");
  mkdirSync(outDir);
  await run(
    sofficePath,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      input,
    ],
    { timeout: 180000 },
  );
  const files = readdirSync(outDir).map((f) => join(outDir, f));
  const ext = format.split(":")[0];
  const output = join(outDir, basename(input, extname(input)) + "." + ext);
  if (files.length === 0) throw new Error(`LibreOffice non ha prodotto ${ext} da ${input}`);
  return { outDir, output, files };
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Converts many files in ONE soffice run (one start-up, one fresh recalculating profile): what the
 * fuzzers need to keep LibreOffice time down. Returns the output path of each input, in order.
 */
export async function convertManyWithLibreOffice(
  inputs: string[],
  format: string,
): Promise<{ work: string; outputs: string[] }> {
  if (!sofficePath) throw new Error("LibreOffice (soffice) non installato");
  const work = mkdtempSync(join(tmpdir(), "scheda-lo-many-"));
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_PROFILE);
  const outDir = join(work, "out");
  mkdirSync(outDir);
  await run(
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
    { timeout: 60000 + inputs.length * 20000, maxBuffer: 64 * 1024 * 1024 },
  );
  const ext = format.split(":")[0];
  const outputs = inputs.map((input) => join(outDir, basename(input, extname(input)) + "." + ext));
  return { work, outputs };
}
