// `scheda-peg template` and `scheda-peg sample` (SPEC §5).
import type { CliIo } from "./io";

export async function runTemplate(_opts: { output?: string; force?: boolean }, io: CliIo): Promise<number> {
  io.stderr("template: non ancora disponibile\n");
  return 2;
}

export async function runSample(_opts: { output?: string; force?: boolean }, io: CliIo): Promise<number> {
  io.stderr("sample: non ancora disponibile\n");
  return 2;
}
