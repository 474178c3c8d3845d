import { join } from "node:path";
import { cieloProvider } from "@tessera/adapter-cielo";
import { interProvider } from "@tessera/adapter-inter";
import { pagolivreProvider } from "@tessera/adapter-pagolivre";
import { pixProvider } from "@tessera/adapter-pix";
import {
  type Clock,
  createTessera,
  type FileStore,
  type Notifier,
  type Plugin,
  type Storage,
  systemClock,
  type Tessera,
} from "@tessera/core";
import { type SandboxGateway, sandboxProvider } from "@tessera/core/sandbox";
import { loadServerKey } from "../checkout/checkout-key";
import { createPayLinks } from "../checkout/pay-link";
import { serverBaseUrl } from "../config/server-address";
import type { ServerConfig } from "../config/server-config";
import { createDiskFileStore } from "../files/disk-file-store";
import type { Logger } from "../logging/logger";
import type { DevMailbox } from "../notifications/dev-mailbox";
import { reminderNotificationsPlugin } from "../notifications/reminder-notifications-plugin";
import { saleNotificationsPlugin } from "../notifications/sale-notifications-plugin";
import { openStorage } from "../storage/open-storage";
import { composeGateways } from "./compose-gateways";
import { composeNotifier } from "./compose-notifier";
import {
  credentialsKeyFileName,
  providerLogOf,
  registerProviderAccounts,
} from "./register-provider-accounts";

/** Everything a command runs on, built once from the configuration. */
export interface ServerParts {
  tessera: Tessera;
  /** Kept for closing; every read and write goes through `tessera`. */
  storage: Storage;
  /** The sandbox gateway when it is registered, for the scheduler. */
  sandbox: SandboxGateway | null;
  /** The dev mailbox when it is the notifier (no SMTP configured), for the page that lists it. */
  mailbox: DevMailbox | null;
  /** The notifier Tessera sends with (SMTP or the dev mailbox), for the back office's "resend". */
  notifier: Notifier;
  clock: Clock;
  /** The key buyers' checkout links are signed with (`<dataDir>/secret.key`). */
  serverKey: Uint8Array;
  /** Closes the storage (and the SMTP transport). */
  close(): Promise<void>;
}

/** What a test or an embedding may put in place of the defaults. */
export interface ComposeOverrides {
  /** Default: the system clock. */
  clock?: Clock;
  /** Run after the server's own (sale notifications, reminder e-mails). Default: none. */
  plugins?: readonly Plugin[];
  /** In place of the configured notifier (`config.mail`); `mailbox` is then null. */
  notifier?: Notifier;
  /** Where attachments are kept. Default: a directory, `<data dir>/files` (`createDiskFileStore`). */
  files?: FileStore;
}

/**
 * The one place the server is put together, for `serve`, `demo` and `migrate` alike: the
 * storage (SQLite under the data directory, or PostgreSQL from DATABASE_URL), its schema
 * brought up to date once, on open; the gateways (the sandbox by default); the notifier
 * (the dev mailbox by default, SMTP when configured: `composeNotifier`); the file store
 * for attachments (`<data dir>/files`, several instances must share it); the clock; the
 * plugins — the server's sale notifications and reminder e-mails first (their pay links under
 * the public URL, else the listening address), then the caller's; and the Tessera
 * instance over them, with the provider kinds units may connect accounts of (the sandbox's)
 * and the credentials key that seals them (`TESSERA_CREDENTIALS_KEY`, else
 * `<data dir>/credentials.key`). Every stored provider account is then registered; one that
 * does not open is logged and skipped (`registerProviderAccounts`).
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
    const composed = deps.notifier
      ? { notifier: deps.notifier, mailbox: null, close: () => undefined }
      : composeNotifier(config, { clock, logger: deps.logger });
    // The plugins are made before the instance they read from; they run only on delivery.
    let tessera: Tessera | null = null;
    const instance = () => {
      if (tessera === null)
        throw new Error("notifications: an event was delivered before createTessera returned");
      return tessera;
    };
    const saleNotifications = saleNotificationsPlugin({
      notifier: composed.notifier,
      tessera: instance,
      logger: deps.logger,
    });
    // The reminders carry the contract's pay link, signed with the key the pages check it with.
    const serverKey = await loadServerKey(config.dataDir);
    const payLinks = createPayLinks(serverKey);
    const reminderNotifications = reminderNotificationsPlugin({
      notifier: composed.notifier,
      tessera: instance,
      payLinkUrl: (contractId) => `${serverBaseUrl(config)}${payLinks.pathOf(contractId).slice(1)}`,
      logger: deps.logger,
    });
    // Provider accounts' credentials: the configured key, else one kept beside secret.key.
    const credentialsKey =
      config.credentialsKey ?? (await loadServerKey(config.dataDir, credentialsKeyFileName));
    tessera = createTessera({
      storage,
      clock,
      gateways,
      providers: [sandboxProvider, pixProvider, interProvider, cieloProvider, pagolivreProvider],
      credentialsKey,
      previousCredentialsKeys: config.previousCredentialsKeys,
      ...(config.publicUrl ? { webhookBaseUrl: `${config.publicUrl}webhooks` } : {}),
      ...mutualTlsWebhookBase(config),
      providerLog: providerLogOf(deps.logger),
      notifier: composed.notifier,
      files: deps.files ?? createDiskFileStore({ directory: join(config.dataDir, "files") }),
      plugins: [saleNotifications, reminderNotifications, ...(deps.plugins ?? [])],
    });
    const close = async () => {
      composed.close();
      await storage.close();
    };
    await registerProviderAccounts(tessera, deps.logger);
    return {
      tessera,
      storage,
      sandbox,
      mailbox: composed.mailbox,
      notifier: composed.notifier,
      clock,
      serverKey,
      close,
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}

/**
 * Where providers that prove themselves by client certificate post: the built-in mutual-TLS
 * listener's public address (`TESSERA_WEBHOOK_TLS_PUBLIC_URL`, else the public URL's host on
 * its port). Without the listener, the public URL serves them too, behind a proxy that
 * verifies the certificate (`TESSERA_CLIENT_CERTIFICATE_HEADER`).
 */
function mutualTlsWebhookBase(config: ServerConfig): { mutualTlsWebhookBaseUrl?: string } {
  const tls = config.webhookTls;
  if (tls === null) return {};
  if (tls.publicUrl !== null) return { mutualTlsWebhookBaseUrl: `${tls.publicUrl}webhooks` };
  if (config.publicUrl === null) return {};
  const url = new URL(config.publicUrl);
  return { mutualTlsWebhookBaseUrl: `https://${url.hostname}:${tls.port}/webhooks` };
}
