import type { AttachmentLimitsOptions } from "../customers/customer-attachments";
import type { Plugin } from "../plugins/define-plugin";
import type { Clock } from "../ports/clock";
import type { FileStore } from "../ports/file-store";
import type { Gateway } from "../ports/gateway";
import type { Notifier } from "../ports/notifier";
import type { Storage } from "../ports/storage";

/** What `createTessera` is built from: the ports, and optional plugins. */
export interface TesseraOptions {
  /** Where everything is kept: `createSqliteStorage()`, `createPostgresStorage(url)`, or your own. */
  storage: Storage;
  /** The payment providers. Default: one sandbox gateway (`id: "sandbox"`), for trying things out. */
  gateways?: readonly Gateway[];
  /** Where "now" comes from. Default: the system clock. */
  clock?: Clock;
  notifier?: Notifier;
  /** Where customers' attachments are kept. Without one, `customers.addAttachment` is `configuration_invalid`. */
  files?: FileStore;
  /** Limits on attachments: size (default 5 MiB) and types (default PDF, JPEG, PNG, WebP). */
  attachments?: AttachmentLimitsOptions;
  plugins?: readonly Plugin[];
  /** Cryptographic random bytes. Default: node:crypto. */
  randomBytes?: (size: number) => Uint8Array;
}
