// `generate --pdf` when LibreOffice fails: an Italian message that says what happened and where the
// workbook is, never soffice's raw output alone (a stand-in soffice, no LibreOffice needed); and the
// environment soffice gets (a UTF-8 locale for paths under LANG=C).
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sofficeEnv } from "../../src/cli/pdf";
import { cli, tempDir } from "./helpers";

const dir = tempDir();
const sample = join(dir, "piano.xlsx");

/** A stand-in soffice: a shell script with the given body. */
function fakeSoffice(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

beforeAll(async () => {
  expect((await cli(["sample", "-o", sample])).code).toBe(0);
});

const itPosix = process.platform === "win32" ? it.skip : it;

describe("generate --pdf when LibreOffice fails", () => {
  itPosix(
    "a crash: Italian message first, with the exit code, LibreOffice's last line and the workbook",
    async () => {
      const soffice = fakeSoffice(
        "crash.sh",
        `echo "Warning: failed to launch javaldx - java may not function correctly" >&2
echo "terminate called after throwing an instance of 'com::sun::star::uno::RuntimeException'" >&2
exit 134`,
      );
      const out = join(dir, "crash.xlsx");
      const res = await cli(["generate", sample, "-o", out, "--pdf"], { SCHEDA_PEG_SOFFICE: soffice });
      expect(res.code).toBe(2);
      expect(existsSync(out)).toBe(true);
      expect(
        res.stderr.startsWith(
          "PDF non creato: LibreOffice si è interrotto senza stampare la Scheda (codice 134).",
        ),
      ).toBe(true);
      expect(res.stderr).toContain(`"${out}"`);
      expect(res.stderr).toContain("terminate called after throwing");
      expect(res.stderr).not.toContain("javaldx");
      expect(res.stderr).not.toContain("Command failed");
    },
  );

  itPosix("no PDF produced: says so", async () => {
    const soffice = fakeSoffice("silent.sh", "exit 0");
    const res = await cli(["generate", sample, "-o", join(dir, "silent.xlsx"), "--pdf"], {
      SCHEDA_PEG_SOFFICE: soffice,
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("PDF non creato: LibreOffice è terminato senza produrre il PDF.");
  });

  itPosix("soffice gets every path as a file URL (spaces, '%', accents encoded)", async () => {
    const log = join(dir, "args.txt");
    const soffice = fakeSoffice("args.sh", `for a in "$@"; do echo "$a"; done > "${log}"; exit 0`);
    const tmp = join(tempDir(), "Mario Rossi 100% città");
    mkdirSync(tmp, { recursive: true });
    await cli(["generate", sample, "-o", join(dir, "args.xlsx"), "--pdf"], {
      SCHEDA_PEG_SOFFICE: soffice,
      TMPDIR: tmp,
    });
    const args = readFileSync(log, "utf8").trim().split("\n");
    const folder = "Mario%20Rossi%20100%25%20citt%C3%A0\\/scheda-peg-pdf-[^/]+";
    expect(args[0]).toMatch(new RegExp(`^-env:UserInstallation=file:///.*${folder}/profile$`));
    expect(args[args.length - 1]).toMatch(new RegExp(`^file:///.*${folder}/Scheda\\.xlsx$`));
    const outdir = args[args.indexOf("--outdir") + 1];
    expect(outdir).toMatch(new RegExp(`^file:///.*${folder}/out$`));
  });
});

describe("soffice's environment", () => {
  it("a UTF-8 locale for file names when the caller's is not one; otherwise unchanged", () => {
    expect(sofficeEnv({ LANG: "C" }, "linux").LC_ALL).toBe("C.UTF-8");
    expect(sofficeEnv({ LC_ALL: "C", LANG: "it_IT.UTF-8" }, "linux").LC_ALL).toBe("C.UTF-8");
    expect(sofficeEnv({}, "darwin").LC_ALL).toBe("en_US.UTF-8");
    expect(sofficeEnv({ LANG: "it_IT.UTF-8" }, "linux")).toEqual({ LANG: "it_IT.UTF-8" });
    expect(sofficeEnv({ LANG: "C" }, "win32")).toEqual({ LANG: "C" });
  });
});
