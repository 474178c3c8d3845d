import { createHash } from "node:crypto";
import { type Notifier, TesseraError } from "@tessera/core";
import nodemailer from "nodemailer";
import type { Logger } from "../logging/logger";

export interface SmtpNotifierOptions {
  /**
   * `smtp://user:password@host:587` (upgraded with STARTTLS when the server offers it) or
   * `smtps://user:password@host:465` (TLS from the start). Characters such as `@` or `:` in
   * the user or password are percent-encoded (`%40`, `%3A`).
   */
  url: string;
  /** The From header, e.g. `Estúdio Aurora <no-reply@aurora.example>`. */
  from: string;
  /** Gets one line per message sent or refused; never the URL, the credentials or a body. */
  logger?: Logger;
}

/** A notifier that hands e-mail to an SMTP server. */
export interface SmtpNotifier extends Notifier {
  /** Closes the transport's open connections. */
  close(): void;
}

/**
 * Dedupe keys already sent by this process, so a retried event (another handler of it
 * failed) does not mail the same receipt again. Bounded: the outbox retries within hours,
 * and after a restart the stable Message-ID is the guard.
 */
const rememberedKeys = 10_000;

/**
 * Give up on a silent server in seconds, not nodemailer's minutes: the send runs inside an
 * outbox delivery pass, and a refused send is retried by the outbox with backoff.
 */
const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** The domain of the From address, for Message-IDs (`<…@aurora.example>`). */
function domainOf(from: string): string {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  const domain = address.slice(address.lastIndexOf("@") + 1).trim();
  return /^[A-Za-z0-9.-]+$/.test(domain) ? domain : "tessera.invalid";
}

/**
 * The Message-ID of a message with a dedupe key: the same key always makes the same header,
 * so a copy sent again (an outbox retry after a restart) can be dropped by the receiver.
 */
export function messageIdFor(dedupeKey: string, from: string): string {
  return `<${createHash("sha256").update(dedupeKey).digest("hex").slice(0, 40)}@${domainOf(from)}>`;
}

/**
 * Sends e-mail through an SMTP server with nodemailer: the production notifier
 * (`TESSERA_SMTP_URL`). A message with a `dedupeKey` gets a Message-ID derived from it
 * (`messageIdFor`), and a key this notifier already sent is not sent again (it answers the
 * first messageId). `send` resolves when the server accepted the message, and throws when
 * it did not — naming the server's host and port, and never the credentials — so the outbox
 * retries. SMTP carries no SMS: sending one is a configuration error.
 *
 * @example
 * ```ts
 * const notifier = createSmtpNotifier({ url: "smtps://studio:secret@smtp.example.com:465", from: "Estúdio <no-reply@studio.example>" });
 * await notifier.send({ channel: "email", to: ["ana@example.com"], subject: "Recibo", text: "…" });
 * ```
 */
export function createSmtpNotifier(options: SmtpNotifierOptions): SmtpNotifier {
  const { from } = options;
  const url = URL.canParse(options.url) ? new URL(options.url) : null;
  if (url === null || (url.protocol !== "smtp:" && url.protocol !== "smtps:") || url.hostname === "") {
    // The URL itself is not echoed: it holds the password.
    throw new TesseraError(
      "configuration_invalid",
      "The SMTP URL must look like smtp://user:password@host:587 or smtps://user:password@host:465.",
      {
        details: {
          issues: [{ path: ["TESSERA_SMTP_URL"], code: "invalid_value", message: "not an SMTP URL" }],
        },
      },
    );
  }
  const server = `${url.hostname}:${url.port || (url.protocol === "smtps:" ? "465" : "587")}`;
  // What must never leave this function: the user and password, as written and decoded.
  const secrets = [url.username, url.password]
    .flatMap((value) => [value, decodeURIComponent(value)])
    .filter((value) => value.length >= 3);
  const scrub = (text: string) => secrets.reduce((out, secret) => out.split(secret).join("[redacted]"), text);
  const log = options.logger?.child({ notifier: "smtp", server });
  const transport = nodemailer.createTransport({ url: options.url, ...timeouts, logger: false });
  const sent = new Map<string, string>();

  return {
    async send(message) {
      if (message.channel !== "email") {
        throw new TesseraError(
          "configuration_invalid",
          "The SMTP notifier sends e-mail only; configure a notifier for SMS to send text messages.",
          { details: { issues: [{ path: ["channel"], code: "unsupported", message: "sms over SMTP" }] } },
        );
      }
      const key = message.dedupeKey;
      const earlier = key === undefined ? undefined : sent.get(key);
      if (earlier !== undefined) return { messageId: earlier };
      try {
        const info = await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html === undefined ? {} : { html: message.html }),
          ...(key === undefined ? {} : { messageId: messageIdFor(key, from) }),
        });
        if (key !== undefined) {
          if (sent.size >= rememberedKeys) sent.delete(sent.keys().next().value as string);
          sent.set(key, info.messageId);
        }
        log?.info("mail sent", {
          messageId: info.messageId,
          tag: message.tag,
          recipients: message.to.length,
        });
        return { messageId: info.messageId };
      } catch (error) {
        const cause = error as Error & { code?: string; responseCode?: number };
        const code = [cause.code, cause.responseCode].filter(Boolean).join(" ");
        const reason = scrub(cause.message ?? String(error));
        log?.warn("mail not sent", { tag: message.tag, code, reason });
        throw new Error(
          `SMTP server ${server} did not take the message${code ? ` (${code})` : ""}: ${reason}`,
          {
            cause: error,
          },
        );
      }
    },
    close: () => transport.close(),
  };
}
