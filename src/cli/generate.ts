// `scheda-peg generate FILE [-o OUT] [--cdr NAME]… [--obiettivi CODE,…] [--pdf] [--force]` (docs/reference/cli.md):
// rollups + Riepilogo + Scheda written to `<name>-scheda.xlsx` (or OUT, atomically); with --pdf the
// Scheda alone is also printed to `<name>-scheda.pdf` through LibreOffice, laid out again for
// LibreOffice's measures (rows exactly as tall as their lines: the denser report the Nucleo receives),
// while the sheet in the workbook keeps Excel's (docs/reference/scheda.md § Two renderers).
import { basename, dirname, extname, join } from "node:path";
import { SchedaService } from "../app/service";
import { todayIso } from "../domain/model/dates";
import { generateMessages } from "./messages";
import { layoutScheda, type SchedaFilter } from "../domain/scheda/layout";
import { XlsxHost } from "../hosts/xlsx/xlsxHost";
import { openInput, reportBlocked, reportFailure, resolveOutput, writeAtomic } from "./files";
import type { CliIo } from "./io";
import { findSoffice, printXlsxToPdf } from "./pdf";

interface GenerateOptions {
  output?: string;
  cdr: string[];
  obiettivi?: string;
  pdf?: boolean;
  force?: boolean;
  /** Where the PDF goes instead of beside the output (generate --per-cdr names it). */
  pdfPath?: string;
}

/** `--obiettivi A,B , C` → ["A", "B", "C"]. */
function parseCodes(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "");
}

/** The PDF beside the output: `report-scheda.xlsx` → `report-scheda.pdf`, `out.xlsx` → `out-scheda.pdf`. */
function pdfPathFor(output: string): string {
  const stem = basename(output, extname(output)).replace(/-scheda$/, "");
  return join(dirname(output), `${stem}-scheda.pdf`);
}

export async function runGenerate(
  file: string,
  opts: GenerateOptions,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  try {
    const host = await openInput(file);
    const filter: SchedaFilter = {
      cdr: (opts.cdr ?? []).map((c) => c.trim()),
      obiettivi: parseCodes(opts.obiettivi),
    };
    const today = todayIso();
    const service = new SchedaService(host, { today: () => today });
    const result = await service.generate(filter);
    if (!result.rollups) return reportBlocked(generateMessages.blocked, result.check.blocking, io);
    const output = resolveOutput(file, opts.output, host.hasMacros);
    await writeAtomic(host, output);
    io.stdout(generateMessages.written(output, result.objectives, result.pages));
    if (result.check.errors > 0) io.stderr(generateMessages.withErrors(result.check.errors));

    if (opts.pdf) {
      const soffice = findSoffice(env);
      if (!soffice) {
        io.stderr(`${generateMessages.noLibreOffice(output)}\n`);
        return 2;
      }
      // A workbook holding only the Scheda, so the PDF is exactly the report.
      const scheda = layoutScheda(result.check.plan, result.rollups, {
        filter,
        generatedOn: today,
        renderer: "libreoffice",
        earlier: result.earlier,
      });
      const printable = await XlsxHost.createEmpty();
      await printable.renderSheet(scheda);
      const pdf = opts.pdfPath ?? pdfPathFor(output);
      try {
        await printXlsxToPdf(await printable.toBuffer(), pdf, soffice, env);
      } catch (err) {
        io.stderr(
          `${generateMessages.pdfFailed(output, err instanceof Error ? err.message : String(err))}\n`,
        );
        return 2;
      }
      io.stdout(generateMessages.pdfWritten(pdf, scheda.plannedPages ?? 0));
    }
    return 0;
  } catch (err) {
    return reportFailure(err, io);
  }
}
