// `scheda-peg validate` (SPEC §5).
import type { CliIo } from "./io";

export async function runValidate(_file: string, _opts: { json?: boolean }, io: CliIo): Promise<number> {
  io.stderr("validate: non ancora disponibile\n");
  return 2;
}
