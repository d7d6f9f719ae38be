// `generate --pdf`: prints the Scheda through LibreOffice (soffice --headless --convert-to pdf).
// A fresh profile per run: a LibreOffice the user has open would otherwise swallow the request. The
// profile sets LibreOffice's locale to Italian, so numbers print `33,00` whatever LANG says; every
// path goes to soffice as a file URL (spaces, `%`, accents, a Windows user folder).
import { execFile } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { pdfMessages } from "./messages";

const KNOWN_LOCATIONS = [
  "/usr/lib/libreoffice/program/soffice",
  "/usr/lib64/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
];

/** Italian locale for formats and dates; no first-start wizard, no recovery, no update checks. */
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>it-IT</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale" oor:op="fuse"><value>it-IT</value></prop></item>
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
`;

/** LibreOffice could not print; `message` is Italian and says why. */
export class PdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PdfError";
  }
}

/**
 * The soffice executable: SCHEDA_PEG_SOFFICE when set (an empty or missing path means "none"),
 * else soffice/libreoffice on PATH, else the usual install folders.
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const forced = env.SCHEDA_PEG_SOFFICE;
  if (forced !== undefined) return forced !== "" && existsSync(forced) ? forced : null;
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return KNOWN_LOCATIONS.find((p) => existsSync(p)) ?? null;
}

/** The last line of soffice's output worth showing (its own noise about Java left out). */
function detailOf(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !/javaldx|^Warning:/i.test(l));
  return (lines[lines.length - 1] ?? "").slice(0, 200);
}

/**
 * soffice's environment: LibreOffice turns file URLs into paths with the character set of the C
 * library's locale, so under LANG=C a folder named "Attività" would become "Attivit?". A UTF-8
 * locale for the characters only when the caller's is not one (the report's language is the profile's).
 */
export function sofficeEnv(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): NodeJS.ProcessEnv {
  if (platform === "win32") return env;
  const ctype = env.LC_ALL || env.LC_CTYPE || env.LANG || "";
  if (/utf-?8/i.test(ctype)) return env;
  return { ...env, LC_ALL: platform === "darwin" ? "en_US.UTF-8" : "C.UTF-8" };
}

/** The temporary folder os.tmpdir() would choose in this environment. */
function tmpRoot(env: NodeJS.ProcessEnv): string {
  const named = process.platform === "win32" ? env.TEMP || env.TMP : env.TMPDIR || env.TMP || env.TEMP;
  return named ? named : tmpdir();
}

function runSoffice(soffice: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const options = { timeout: 180000, windowsHide: true, env: sofficeEnv(env) };
  return new Promise((resolve, reject) => {
    execFile(soffice, args, options, (err, _stdout, stderr) => {
      if (!err) return resolve();
      const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
      const detail = detailOf(String(stderr ?? ""));
      if (e.code === "ENOENT" || e.code === "EACCES") reject(new PdfError(pdfMessages.cannotStart(soffice)));
      else if (e.killed) reject(new PdfError(pdfMessages.timeout));
      else reject(new PdfError(pdfMessages.failed(typeof e.code === "number" ? e.code : null, detail)));
    });
  });
}

/** Converts an .xlsx (bytes) to PDF at `pdfPath`; throws PdfError (Italian) when LibreOffice fails. */
export async function printXlsxToPdf(
  xlsx: Uint8Array,
  pdfPath: string,
  soffice: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const work = await fs.mkdtemp(join(tmpRoot(env), "scheda-peg-pdf-"));
  try {
    const input = join(work, "Scheda.xlsx");
    const outDir = join(work, "out");
    const profile = join(work, "profile");
    await fs.writeFile(input, xlsx);
    await fs.mkdir(outDir);
    await fs.mkdir(join(profile, "user"), { recursive: true });
    await fs.writeFile(join(profile, "user", "registrymodifications.xcu"), PROFILE);
    await runSoffice(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--nologo",
        "--convert-to",
        "pdf",
        "--outdir",
        // A plain path would be read as a URL: "%20" in a folder name would become a space.
        pathToFileURL(outDir).href,
        pathToFileURL(input).href,
      ],
      env,
    );
    const produced = join(outDir, "Scheda.pdf");
    if (!existsSync(produced)) throw new PdfError(pdfMessages.noOutput);
    try {
      await fs.copyFile(produced, pdfPath);
    } catch (err) {
      throw new PdfError(
        pdfMessages.cannotWrite(pdfPath, (err as NodeJS.ErrnoException).code ?? String(err)),
      );
    }
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
