import type { EventFactory } from "../events/event-factory";
import type { IdGenerator } from "../ids/id";
import type { PluginRegistry } from "../plugins/plugin-registry";
import type { Clock } from "./clock";
import type { FileStore } from "./file-store";
import type { GatewayRegistry } from "./gateway-registry";
import type { Notifier } from "./notifier";
import type { Storage } from "./storage";

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
