// `scheda-peg rollup` (SPEC §5).
import type { CliIo } from "./io";

export async function runRollup(
  _file: string,
  _opts: { output?: string; json?: boolean; force?: boolean },
  io: CliIo,
): Promise<number> {
  io.stderr("rollup: non ancora disponibile\n");
  return 2;
}
