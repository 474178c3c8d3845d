import type { AttachmentLimitsOptions } from "../customers/customer-attachments";
import type { Plugin } from "../plugins/define-plugin";
import type { Clock } from "../ports/clock";
import type { FileStore } from "../ports/file-store";
import type { Gateway } from "../ports/gateway";
import type { GatewayProvider, ProviderLog } from "../ports/gateway-provider";
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
  /**
   * The kinds of provider account units may connect from the back office
   * (`tessera.providerAccounts`). Default: the sandbox's (`sandboxProvider`).
   */
  providers?: readonly GatewayProvider[];
  /**
   * 32 bytes that seal provider accounts' settings at rest (AES-256-GCM). Without it,
   * accounts can be neither saved nor opened (`configuration_invalid`). Keep it apart from
   * the database: a dump of one without the other opens nothing.
   */
  credentialsKey?: Uint8Array;
  /**
   * Keys accounts may still be sealed with, while rotating: `loadAll` opens them and seals
   * them again under `credentialsKey`. Drop them once it has run.
   */
  previousCredentialsKeys?: readonly Uint8Array[];
  /** Where `/webhooks/<gateway id>` is served publicly (`https://studio.example.com/webhooks`), for accounts' webhook URLs. */
  webhookBaseUrl?: string;
  /**
   * Where `/webhooks/<gateway id>` is served behind mutual TLS — a listener or proxy that
   * verifies the provider's client certificate (`https://studio.example.com:8443/webhooks`) —
   * for accounts whose provider declares `webhook.mutualTls`. Default: `webhookBaseUrl`.
   */
  mutualTlsWebhookBaseUrl?: string;
  /** Where provider accounts' gateways log (ids and statuses, never a credential). Default: nowhere. */
  providerLog?: ProviderLog;
}
