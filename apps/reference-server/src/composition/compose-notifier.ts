import type { Clock, Notifier } from "@tessera/core";
import type { ServerConfig } from "../config/server-config";
import type { Logger } from "../logging/logger";
import { createDevMailbox, type DevMailbox } from "../notifications/dev-mailbox";
import { createSmtpNotifier } from "../notifications/smtp-notifier";

/** The notifier the server sends with, and the dev mailbox when that is it. */
export interface ComposedNotifier {
  notifier: Notifier;
  /** The dev mailbox when it is the notifier, for the page that lists it; null with SMTP. */
  mailbox: DevMailbox | null;
  /** Closes the SMTP transport's connections (nothing to close for the mailbox). */
  close(): void;
}

/**
 * Builds the notifier from `config.mail`: SMTP through nodemailer when `TESSERA_SMTP_URL` is
 * set, otherwise the dev mailbox under `<data dir>/mailbox`, the default — so a server with no
 * configuration "sends" its mails where the back office shows them.
 */
export function composeNotifier(
  config: ServerConfig,
  deps: { clock: Clock; logger: Logger },
): ComposedNotifier {
  const { mail } = config;
  if (mail.kind === "smtp") {
    const smtp = createSmtpNotifier({ url: mail.url, from: mail.from, logger: deps.logger });
    return { notifier: smtp, mailbox: null, close: () => smtp.close() };
  }
  const mailbox = createDevMailbox({ directory: mail.directory, from: mail.from, clock: deps.clock });
  return { notifier: mailbox, mailbox, close: () => undefined };
}
