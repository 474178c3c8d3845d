import type { EventFactory } from "../events/event-factory";
import type { IdGenerator } from "../ids/id";
import type { Notifier } from "../notifications/notifier";
import type { GatewayRegistry } from "../payments/gateway-registry";
import type { PluginRegistry } from "../plugins/plugin-registry";
import type { FileStore } from "../ports/file-store";
import type { Storage } from "../ports/storage";
import type { Clock } from "../time/clock";

/** The ports and kernel pieces every service receives, in one object (STYLE 15). */
export interface ServiceContext {
  storage: Storage;
  clock: Clock;
  ids: IdGenerator;
  gateways: GatewayRegistry;
  events: EventFactory;
  plugins: PluginRegistry;
  notifier: Notifier | null;
  files: FileStore | null;
  /** Cryptographic randomness (activation codes, tokens). */
  randomBytes: (size: number) => Uint8Array;
}
