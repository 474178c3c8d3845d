import {
  type Clock,
  createTessera,
  type Plugin,
  type Storage,
  systemClock,
  type Tessera,
} from "@tessera/core";
import type { SandboxGateway } from "@tessera/core/sandbox";
import type { ServerConfig } from "../config/server-config";
import type { Logger } from "../logging/logger";
import { openStorage } from "../storage/open-storage";
import { composeGateways } from "./compose-gateways";

/** Everything a command runs on, built once from the configuration. */
export interface ServerParts {
  tessera: Tessera;
  /** Kept for closing; every read and write goes through `tessera`. */
  storage: Storage;
  /** The sandbox gateway when it is registered, for the scheduler. */
  sandbox: SandboxGateway | null;
  clock: Clock;
  /** Closes the storage. */
  close(): Promise<void>;
}

/** What a test or an embedding may put in place of the defaults. */
export interface ComposeOverrides {
  /** Default: the system clock. */
  clock?: Clock;
  /** Default: none (the server ships no plugins yet). */
  plugins?: readonly Plugin[];
}

/**
 * The one place the server is put together, for `serve`, `demo` and `migrate` alike: the
 * storage (SQLite under the data directory, or PostgreSQL from DATABASE_URL), its schema
 * brought up to date once, on open; the gateways (the sandbox by default); no notifier
 * yet (the dev mailbox is the next step, and core then queues no messages); the clock;
 * the plugins; and the Tessera instance over them.
 *
 * @example
 * ```ts
 * const parts = await composeServer(config, { logger });
 * try {
 *   await seedDemo(parts.tessera);
 * } finally {
 *   await parts.close();
 * }
 * ```
 */
export async function composeServer(
  config: ServerConfig,
  deps: { logger: Logger } & ComposeOverrides,
): Promise<ServerParts> {
  const clock = deps.clock ?? systemClock;
  // Both storages migrate on open (`migrate` defaults to true): no second `migrate()` call.
  const storage = await openStorage(config.database);
  try {
    const { gateways, sandbox } = composeGateways(config, { clock, logger: deps.logger });
    const tessera = createTessera({ storage, clock, gateways, plugins: deps.plugins ?? [] });
    return { tessera, storage, sandbox, clock, close: () => storage.close() };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
