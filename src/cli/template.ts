// `scheda-peg template` and `scheda-peg sample` (docs/reference/cli.md).
import { existsSync, promises as fs } from "node:fs";
import { join, resolve } from "node:path";
import { fileMessages } from "./messages";
import { buildSample, buildTemplate, type SamplePlanJson } from "../domain/template/template";
import { XlsxHost } from "../hosts/xlsx/xlsxHost";
import { CliError, checkNotExisting, reportFailure, writeAtomic } from "./files";
import type { CliIo } from "./io";

const DEFAULT_TEMPLATE_FILE = "scheda-peg-modello.xlsx";
const DEFAULT_SAMPLE_FILE = "scheda-peg-esempio-2023.xlsx";
const SAMPLE_ASSET = "piano-2023-settore-socioeducativo.json";

/**
 * The package's assets folder: `dist/node/cli/template.js` → `../../../assets`; under ts-jest the
 * module is `src/cli/template.ts` → `../../assets`.
 */
function assetPath(name: string): string {
  const candidates = [resolve(__dirname, "../../../assets", name), resolve(__dirname, "../../assets", name)];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

export async function loadSampleJson(): Promise<SamplePlanJson> {
  const path = assetPath(SAMPLE_ASSET);
  try {
    return JSON.parse(await fs.readFile(path, "utf8")) as SamplePlanJson;
  } catch {
    throw new CliError(fileMessages.assetMissing(path));
  }
}

async function writeNew(
  build: () => Promise<XlsxHost>,
  output: string,
  force: boolean | undefined,
  io: CliIo,
): Promise<number> {
  try {
    await checkNotExisting(output, !!force);
    const host = await build();
    await writeAtomic(host, output);
  } catch (err) {
    return reportFailure(err, io);
  }
  io.stdout(fileMessages.written(output));
  return 0;
}

export async function runTemplate(opts: { output?: string; force?: boolean }, io: CliIo): Promise<number> {
  const output = opts.output ?? join(process.cwd(), DEFAULT_TEMPLATE_FILE);
  return writeNew(
    async () => {
      const host = await XlsxHost.createEmpty();
      await host.prepareSheets(buildTemplate(), { fillRows: true });
      return host;
    },
    output,
    opts.force,
    io,
  );
}

export async function runSample(opts: { output?: string; force?: boolean }, io: CliIo): Promise<number> {
  const output = opts.output ?? join(process.cwd(), DEFAULT_SAMPLE_FILE);
  return writeNew(
    async () => {
      const host = await XlsxHost.createEmpty();
      await host.prepareSheets(buildSample(await loadSampleJson()), { fillRows: true });
      return host;
    },
    output,
    opts.force,
    io,
  );
}
