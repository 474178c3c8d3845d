import { parseArgs } from "node:util";
import { loadConfig } from "../config/load-config";
import { createLogger } from "../logging/logger";
import { billCommand } from "./bill-command";
import { cliErrorText } from "./cli-error-text";
import { cliUsage } from "./cli-usage";
import type { CommandContext } from "./command-context";
import { demoCommand } from "./demo-command";
import { migrateCommand } from "./migrate-command";
import { serveCommand } from "./serve-command";

/** The process around the CLI, passed in so it can be run and tested without globals. */
export interface CliProcess {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  waitForStop(): Promise<string>;
}

const commands = {
  serve: serveCommand,
  migrate: migrateCommand,
  demo: demoCommand,
  bill: billCommand,
} as const;
type CommandName = keyof typeof commands;

/**
 * Runs `tessera <command>` and resolves with the exit code: 0 done, 1 failed (a bad
 * configuration prints its message and one line per issue in its details, without a
 * stack — see `cliErrorText`), 2 wrong usage.
 */
export async function runCli(argv: readonly string[], proc: CliProcess): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    proc.stderr(`${(error as Error).message}\n\n${cliUsage()}`);
    return 2;
  }
  if (parsed.help) {
    proc.stdout(cliUsage());
    return 0;
  }
  if (!parsed.command) {
    proc.stderr(
      `${parsed.positionals.length ? `Unknown command "${parsed.positionals[0]}".\n\n` : ""}${cliUsage()}`,
    );
    return 2;
  }

  try {
    const config = loadConfig({ env: proc.env, cwd: proc.cwd });
    const context: CommandContext = {
      config,
      logger: createLogger({ level: config.logLevel, write: (line) => proc.stdout(`${line}\n`) }),
      say: (line) => proc.stderr(`${line}\n`),
      waitForStop: proc.waitForStop,
    };
    return await commands[parsed.command](context);
  } catch (error) {
    proc.stderr(cliErrorText(error));
    return 1;
  }
}

function parseCommandLine(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: { help: { type: "boolean", short: "h" } },
  });
  const [first] = positionals;
  const command = first && first in commands && positionals.length === 1 ? (first as CommandName) : null;
  return { help: values.help === true, command, positionals };
}
