import { randomUUID } from "node:crypto";
import { request } from "node:https";
import type { TestCertificate } from "@tessera/pix-api/testing";

/**
 * Inter's Cobrança callbacks: `POST` to EXACTLY the registered `webhookUrl` (no suffix, unlike
 * the Pix webhook's `/pix`) with a JSON ARRAY of charge events, header `x-chave-idempotencia`
 * (a new UUID per dispatch — a retry is a new dispatch), over mutual TLS presenting the
 * "Certificado Webhook" client certificate and checking the receiver's server certificate by
 * `ca`. Anything but a 200, or no answer, is tried again after each of `retryDelaysMs`
 * (Inter: 20, 30, 60 and 120 minutes; the mock's default is milliseconds).
 */

export type CallbackItem = Record<string, unknown>;

/** One attempt to deliver a callback. */
export interface InterDelivery {
  /** The URL posted to (the registered `webhookUrl`); empty when none was registered. */
  url: string;
  /** The JSON array posted. */
  body: CallbackItem[];
  /** 1 for the first try. */
  attempt: number;
  /** The receiver's HTTP status; null when no answer came or nothing was sent. */
  status: number | null;
  /** Why there was no answer, when there was none. */
  error?: string;
  /** The `x-chave-idempotencia` of this dispatch. */
  idempotencyKey: string;
}

export interface InterNotifier {
  send(webhookUrl: string | null, body: CallbackItem[]): void;
  deliveries(): InterDelivery[];
  /** Resolves once no callback is in flight or waiting for a retry. */
  settled(): Promise<void>;
  /** No more retries; attempts under way finish. */
  stop(): Promise<void>;
}

/** Hosts a callback may go to: the mock never posts beyond this machine. */
const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

function post(
  url: URL,
  payload: string,
  idempotencyKey: string,
  tls: { certificate: TestCertificate; ca: string },
): Promise<{ status: number | null; error?: string }> {
  return new Promise((resolve) => {
    const outgoing = request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          "user-agent": "Java-http-client/21.0.8",
          "x-chave-idempotencia": idempotencyKey,
        },
        cert: tls.certificate.certificate,
        key: tls.certificate.privateKey,
        ca: tls.ca,
        // Each attempt is its own connection, as a retry minutes later would be.
        agent: false,
      },
      (incoming) => {
        incoming.resume();
        incoming.on("end", () => resolve({ status: incoming.statusCode ?? null }));
        incoming.on("error", (error) =>
          resolve({ status: incoming.statusCode ?? null, error: error.message }),
        );
      },
    );
    outgoing.on("error", (error) => resolve({ status: null, error: error.message }));
    outgoing.end(payload);
  });
}

export function createInterNotifier(options: {
  certificate: TestCertificate;
  ca: string;
  retryDelaysMs: readonly number[];
  /** False: callbacks are recorded (status null, "not sent") and never posted. */
  post: boolean;
}): InterNotifier {
  const attempts: InterDelivery[] = [];
  const inFlight = new Set<Promise<void>>();
  const pauses = new Map<NodeJS.Timeout, () => void>();
  let stopped = false;

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pauses.delete(timer);
        resolve();
      }, ms);
      pauses.set(timer, resolve);
    });
  }

  function notSent(url: string, body: CallbackItem[], error: string): void {
    attempts.push({ url, body, attempt: 1, status: null, error, idempotencyKey: randomUUID() });
  }

  async function deliver(webhookUrl: string, body: CallbackItem[]): Promise<void> {
    const url = new URL(webhookUrl);
    if (!loopbackHosts.has(url.hostname) || url.protocol !== "https:") {
      return notSent(webhookUrl, body, "not sent: not a loopback HTTPS URL");
    }
    if (!options.post) return notSent(webhookUrl, body, "not sent: notify is off");
    const payload = JSON.stringify(body);
    for (let attempt = 1; ; attempt += 1) {
      const idempotencyKey = randomUUID();
      const outcome = await post(url, payload, idempotencyKey, options);
      attempts.push({ url: webhookUrl, body, attempt, idempotencyKey, ...outcome });
      const delay = options.retryDelaysMs[attempt - 1];
      if (outcome.status === 200 || delay === undefined || stopped) return;
      await pause(delay);
      if (stopped) return;
    }
  }

  async function settled(): Promise<void> {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  }

  return {
    send(webhookUrl, body) {
      if (body.length === 0) return;
      if (webhookUrl === null) return notSent("", body, "not sent: no webhook registered");
      const delivery = deliver(webhookUrl, body).finally(() => inFlight.delete(delivery));
      inFlight.add(delivery);
    },
    deliveries: () => attempts.map((attempt) => ({ ...attempt })),
    settled,
    async stop() {
      stopped = true;
      for (const [timer, resolve] of pauses) {
        clearTimeout(timer);
        resolve();
      }
      pauses.clear();
      await settled();
    },
  };
}
