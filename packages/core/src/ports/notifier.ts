/**
 * The notifier port: sends e-mail and SMS. The reference server ships SMTP and a dev
 * mailbox; a library user plugs their own. `send` resolves once the message is accepted
 * for delivery; it throws only when it could not be (the caller records and retries).
 *
 * Senders run from the outbox, at least once, so the same message may be sent again. A
 * message with a `dedupeKey` (stable for one message to one recipient, e.g. `sale-receipt:
 * <contract id>:buyer`) asks the notifier not to deliver it twice: one that keeps what it
 * sent answers the first `messageId` and sends nothing; one that cannot know (SMTP) derives
 * the Message-ID header from the key, so receivers can drop the copy.
 */
export interface Notifier {
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
}

export type OutgoingMessage =
  | {
      channel: "email";
      to: string[];
      subject: string;
      text: string;
      html?: string;
      tag?: string;
      dedupeKey?: string;
    }
  | { channel: "sms"; to: string; text: string; tag?: string; dedupeKey?: string };
