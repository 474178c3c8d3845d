/**
 * The notifier port: sends e-mail and SMS. The reference server ships SMTP and a dev
 * mailbox; a library user plugs their own. `send` resolves once the message is accepted
 * for delivery; it throws only when it could not be (the caller records and retries).
 */
export interface Notifier {
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
}

export type OutgoingMessage =
  | { channel: "email"; to: string[]; subject: string; text: string; html?: string; tag?: string }
  | { channel: "sms"; to: string; text: string; tag?: string };
