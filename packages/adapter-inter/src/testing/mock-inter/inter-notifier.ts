import { randomUUID } from "node:crypto";
import {
  type CallbackAttempt,
  createMtlsCallbackNotifier,
  type MtlsCallbackNotifier,
  type TestCertificate,
} from "@tessera/pix-api/testing";

/**
 * Inter's Cobrança callbacks: `POST` to EXACTLY the registered `webhookUrl` (no suffix, unlike
 * the Pix webhook's `/pix`) with a JSON ARRAY of charge events, header `x-chave-idempotencia`
 * (a new UUID per dispatch — a retry is a new dispatch), over mutual TLS presenting the
 * "Certificado Webhook" client certificate and checking the receiver's server certificate by
 * `ca`. Anything but a 200, or no answer, is tried again after each of `retryDelaysMs`
 * (Inter: 20, 30, 60 and 120 minutes; the mock's default is milliseconds).
 */

export type CallbackItem = Record<string, unknown>;

/**
 * One attempt to deliver a callback: `url` is the registered `webhookUrl` (empty when none
 * was registered), `body` the JSON array posted.
 */
export interface InterDelivery extends CallbackAttempt<CallbackItem[]> {
  /** The `x-chave-idempotencia` of this dispatch. */
  idempotencyKey: string;
}

/** `send` takes the registered `webhookUrl`, null when none is. */
export type InterNotifier = MtlsCallbackNotifier<CallbackItem[], InterDelivery>;

export function createInterNotifier(options: {
  certificate: TestCertificate;
  ca: string;
  retryDelaysMs: readonly number[];
  /** False: callbacks are recorded (status null, "not sent") and never posted. */
  post: boolean;
}): InterNotifier {
  const notifier = createMtlsCallbackNotifier<CallbackItem[], { idempotencyKey: string }>({
    ...options,
    delivered: (status) => status === 200,
    headers: { "user-agent": "Java-http-client/21.0.8" },
    stamp: () => {
      const idempotencyKey = randomUUID();
      return { headers: { "x-chave-idempotencia": idempotencyKey }, record: { idempotencyKey } };
    },
  });
  return {
    ...notifier,
    send(webhookUrl, body) {
      // No event, no callback: never an empty array.
      if (body.length === 0) return;
      notifier.send(webhookUrl, body);
    },
  };
}
