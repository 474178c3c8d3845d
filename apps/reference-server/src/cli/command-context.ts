import type { ServerConfig } from "../config/server-config";
import type { Logger } from "../logging/logger";

/** What every CLI command is run with. Human-readable messages go to `say` (stderr); logs to the logger (stdout). */
export interface CommandContext {
  config: ServerConfig;
  logger: Logger;
  say(line: string): void;
  /** Resolves with the signal's name when the process is told to stop (SIGINT, SIGTERM). */
  waitForStop(): Promise<string>;
}
