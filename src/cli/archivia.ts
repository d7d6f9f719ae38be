// `scheda-peg archivia FILE [-o OUT]` (docs/reference/cli.md#archivia): the values of every objective,
// phase and indicator at the workbook's Data di riferimento go into the Monitoraggi sheet (that date
// replaced, the others kept). Output as for rollup: `<name>-scheda.xlsx` beside the input, or OUT
// (atomically). Exit 0 written; 2 unreadable, blocked (blocking problems on stderr) or refused.
import { SchedaService } from "../app/service";
import { formatIt, todayIso } from "../domain/model/dates";
import { openInput, reportBlocked, reportFailure, resolveOutput, writeAtomic } from "./files";
import type { CliIo } from "./io";
import { cycleCliMessages as text } from "./messages";

export async function runArchivia(file: string, opts: { output?: string }, io: CliIo): Promise<number> {
  try {
    const host = await openInput(file);
    const today = todayIso();
    const result = await new SchedaService(host, { today: () => today }).archive();
    if (!result.archived) return reportBlocked(text.archiveBlocked, result.check.blocking, io);
    const output = resolveOutput(file, opts.output, host.hasMacros);
    await writeAtomic(host, output);
    const a = result.archived;
    io.stdout(text.archived(output, formatIt(a.date), a.objectives, a.phases, a.indicators, a.replaced > 0));
    io.stdout(text.archiveDates(a.dates.map(formatIt)));
    if (result.check.errors > 0) io.stderr(text.archiveWithErrors(result.check.errors));
    return 0;
  } catch (err) {
    return reportFailure(err, io);
  }
}
