// `scheda-peg generate` (SPEC §5).
import type { CliIo } from "./io";

export async function runGenerate(
  _file: string,
  _opts: { output?: string; cdr: string[]; obiettivi?: string; pdf?: boolean; force?: boolean },
  io: CliIo,
): Promise<number> {
  io.stderr("generate: non ancora disponibile\n");
  return 2;
}
