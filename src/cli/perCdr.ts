// `scheda-peg generate FILE --per-cdr [--pdf]` (docs/reference/cli.md#generate---per-cdr): one workbook
// (and one PDF) per Centro di Responsabilità, to send each manager their own Scheda. Each is what
// `generate FILE --cdr NAME -o <name>-scheda-<cdr>.xlsx` writes: the whole workbook with its rollups and
// Riepilogo, and the Scheda of that CdR alone.
import { basename, dirname, extname, join } from "node:path";
import { SchedaService } from "../app/service";
import { cycleCliMessages as text, generateMessages } from "./messages";
import { openInput, reportBlocked, reportFailure } from "./files";
import { runGenerate } from "./generate";
import type { CliIo } from "./io";
import { findSoffice } from "./pdf";

interface PerCdrOptions {
  output?: string;
  cdr?: string[];
  obiettivi?: string;
  pdf?: boolean;
}

/** Characters of a CdR kept in a file name at most. */
const MAX_SLUG = 60;

/**
 * The CdR as a file-name part: accents dropped, every run of characters other than letters and digits
 * a single `-`, none at the ends; `non-indicato` when nothing is left.
 */
export function cdrSlug(cdr: string): string {
  const slug = cdr
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "non-indicato" : slug;
}

/**
 * One slug per CdR, distinct even on file systems that ignore case (Windows, macOS): a repeated one
 * gets `-2`, `-3`…
 */
export function cdrSlugs(cdrs: string[]): string[] {
  const taken = new Set<string>();
  return cdrs.map((cdr) => {
    const base = cdrSlug(cdr);
    let slug = base;
    for (let n = 2; taken.has(slug.toLowerCase()); n++) slug = `${base}-${n}`;
    taken.add(slug.toLowerCase());
    return slug;
  });
}

export async function runGeneratePerCdr(
  file: string,
  opts: PerCdrOptions,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (opts.output !== undefined || (opts.cdr ?? []).length > 0 || opts.obiettivi !== undefined) {
    io.stderr(`${text.perCdrAlone}\n`);
    return 2;
  }
  let cdrs: string[];
  let macros: boolean;
  try {
    const host = await openInput(file);
    macros = host.hasMacros;
    const check = await new SchedaService(host).check();
    if (check.blocking.length > 0) return reportBlocked(generateMessages.blocked, check.blocking, io);
    cdrs = [...new Set(check.plan.obiettivi.map((o) => o.centroResponsabilita))];
  } catch (err) {
    return reportFailure(err, io);
  }
  if (cdrs.length === 0) {
    io.stderr(`${text.perCdrNone}\n`);
    return 2;
  }
  // Without LibreOffice every workbook is still written; the missing PDFs are said once, at the end.
  const pdf = opts.pdf === true && findSoffice(env) !== null;
  const stem = join(dirname(file), basename(file, extname(file)));
  const slugs = cdrSlugs(cdrs);
  for (const [n, cdr] of cdrs.entries()) {
    const name = `${stem}-scheda-${slugs[n]}`;
    const code = await runGenerate(
      file,
      { cdr: [cdr], output: `${name}${macros ? ".xlsm" : ".xlsx"}`, pdf, pdfPath: `${name}.pdf` },
      io,
      env,
    );
    if (code !== 0) return code;
  }
  io.stdout(text.perCdrDone(cdrs.length));
  if (opts.pdf === true && !pdf) {
    io.stderr(`${text.perCdrNoLibreOffice(cdrs.length)}\n`);
    return 2;
  }
  return 0;
}
