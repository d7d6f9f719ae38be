// The CLI speaks Italian throughout: help, headings, usage errors and suggestions, with no English
// left from commander ("Usage", "Options", "display help for command", "(default: [])").
import { main } from "../../src/cli/main";

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const ENGLISH =
  /\b(Usage|Options|Arguments|Commands|display help|default:|error:|Did you mean|unknown|missing|too many)\b/;

describe("scheda-peg in Italian", () => {
  it.each([[["--help"]], [["generate", "--help"]], [["validate", "-h"]], [["help", "rollup"]]])(
    "%j: Italian help, exit 0",
    async (args) => {
      const { code, out } = await run(args);
      expect(code).toBe(0);
      expect(out).toMatch(/^Uso: scheda-peg/);
      expect(out).toContain("Opzioni:");
      expect(out).toContain("mostra questo aiuto");
      expect(out).not.toMatch(ENGLISH);
    },
  );

  it("the program's help lists the commands under Comandi", async () => {
    const { out } = await run(["--help"]);
    expect(out).toContain("Comandi:");
    expect(out).toContain("help [comando]");
    expect(out).toContain("verifica la cartella ed elenca i problemi");
  });

  it.each([
    [["validate"], "errore: manca l'argomento obbligatorio 'file'"],
    [["generate", "x.xlsx", "--bogus"], "errore: opzione sconosciuta '--bogus'"],
    [["generate", "x.xlsx", "-o"], "errore: l'opzione '-o, --output <file>' richiede un valore"],
    [["validat"], "errore: comando sconosciuto 'validat'\n(Forse si intendeva validate?)"],
  ])("%j: an Italian usage error, exit 2", async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).not.toMatch(ENGLISH);
  });
});
