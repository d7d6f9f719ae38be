// `scheda-peg` entry point: parses arguments and dispatches to one module per command.
// Exit codes (docs/reference/cli.md): 0 success, 1 error-severity problems (validate), 2 usage or unreadable file.
import { Command, CommanderError, Help } from "commander";
import { cliMessages, commanderTexts, cycleCliMessages } from "./messages";
import { runArchivia } from "./archivia";
import { runGeneratePerCdr } from "./perCdr";
import { runGenerate } from "./generate";
import { runRollup } from "./rollup";
import { runSample, runTemplate } from "./template";
import type { CliIo } from "./io";
import { runValidate } from "./validate";

const EXIT_OK = 0;
const EXIT_USAGE = 2;

const defaultIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

function replaceAll(text: string, rules: [RegExp, string][]): string {
  return rules.reduce((t, [re, to]) => t.replace(re, to), text);
}

/** commander's help with Italian headings and words (the descriptions are ours already). */
function italianHelp(cmd: Command, helper: Help): string {
  const text = Help.prototype.formatHelp.call(helper, cmd, helper);
  return replaceAll(replaceAll(text, commanderTexts.headings), commanderTexts.usageWords);
}

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let exitCode = EXIT_OK;
  // Settings given before .command() are inherited by every command (help, output, exit).
  const program = new Command("scheda-peg")
    .description(cliMessages.programDescription)
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (str, write) => write(replaceAll(str, commanderTexts.errors)),
    })
    .configureHelp({ formatHelp: italianHelp })
    .helpOption("-h, --help", cliMessages.helpOption)
    .helpCommand("help [comando]", cliMessages.helpCommand)
    .showHelpAfterError();

  // The two commands that write a new workbook from nothing take the same options.
  const makers = [
    ["template", cliMessages.templateDescription, runTemplate],
    ["sample", cliMessages.sampleDescription, runSample],
  ] as const;
  for (const [name, description, run] of makers) {
    program
      .command(name)
      .description(description)
      .option("-o, --output <file>", cliMessages.outputOption)
      .option("--force", cliMessages.forceOption)
      .action(async (opts) => {
        exitCode = await run(opts, io);
      });
  }
  program
    .command("validate")
    .description(cliMessages.validateDescription)
    .argument("<file>", cliMessages.fileArgument)
    .option("--json", cliMessages.jsonOption)
    .action(async (file: string, opts) => {
      exitCode = await runValidate(file, opts, io);
    });
  program
    .command("rollup")
    .description(cliMessages.rollupDescription)
    .argument("<file>", cliMessages.fileArgument)
    .option("-o, --output <file>", cliMessages.outputOption)
    .option("--json", cliMessages.jsonOption)
    .option("--force", cliMessages.forceOption)
    .action(async (file: string, opts) => {
      exitCode = await runRollup(file, opts, io);
    });
  program
    .command("generate")
    .description(cliMessages.generateDescription)
    .argument("<file>", cliMessages.fileArgument)
    .option("-o, --output <file>", cliMessages.outputOption)
    .option("--cdr <nome>", cliMessages.cdrOption, (v: string, prev: string[] | undefined) => [
      ...(prev ?? []),
      v,
    ])
    .option("--obiettivi <codici>", cliMessages.obiettiviOption)
    .option("--pdf", cliMessages.pdfOption)
    .option("--per-cdr", cycleCliMessages.perCdrOption)
    .option("--force", cliMessages.forceOption)
    .action(async (file: string, opts) => {
      exitCode = opts.perCdr ? await runGeneratePerCdr(file, opts, io) : await runGenerate(file, opts, io);
    });
  program
    .command("archivia")
    .description(cycleCliMessages.archiviaDescription)
    .argument("<file>", cliMessages.fileArgument)
    .option("-o, --output <file>", cliMessages.outputOption)
    .action(async (file: string, opts) => {
      exitCode = await runArchivia(file, opts, io);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; anything else is a usage error.
      return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    throw err;
  }
  return exitCode;
}
