// `generate --pdf`: prints the Scheda through LibreOffice (soffice --headless --convert-to pdf).
// A fresh profile per run: a LibreOffice the user has open would otherwise swallow the request.
import { execFile } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

const KNOWN_LOCATIONS = [
  "/usr/lib/libreoffice/program/soffice",
  "/usr/lib64/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
];

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

/** Converts an .xlsx (bytes) to PDF at `pdfPath`; throws with soffice's message on failure. */
export async function printXlsxToPdf(xlsx: Uint8Array, pdfPath: string, soffice: string): Promise<void> {
  const work = await fs.mkdtemp(join(tmpdir(), "scheda-peg-pdf-"));
  try {
    const input = join(work, "Scheda.xlsx");
    const outDir = join(work, "out");
    await fs.writeFile(input, xlsx);
    await fs.mkdir(outDir);
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${join(work, "profile").replace(/\\/g, "/")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        input,
      ],
      { timeout: 180000 },
    );
    const produced = join(outDir, "Scheda.pdf");
    if (!existsSync(produced)) throw new Error("nessun PDF prodotto");
    await fs.copyFile(produced, pdfPath);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
