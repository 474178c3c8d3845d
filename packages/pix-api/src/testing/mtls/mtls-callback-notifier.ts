import { request } from "node:https";
import type { TestCertificate } from "../test-pki";

/**
 * A provider's webhook callbacks as a loopback mock posts them: `POST` of a JSON body to
 * exactly the given target, over mutual TLS presenting the provider's client certificate and
 * checking the receiver's server certificate by `ca`. An attempt the receiver does not accept
 * (see `delivered`), or that gets no answer, is tried again after each of `retryDelaysMs`.
 * What differs between providers — where the target is, the body's shape, extra headers, what
 * counts as delivered — is the caller's: each mock wraps this with its own.
 */

/** One attempt to deliver a callback. */
export interface CallbackAttempt<Body> {
  /** The URL posted to; empty when none was registered. */
  url: string;
  body: Body;
  /** 1 for the first try. */
  attempt: number;
  /** The receiver's HTTP status; null when no answer came (connection refused, TLS refused, not sent). */
  status: number | null;
  /** Why there was no answer, when there was none. */
  error?: string;
}

export interface MtlsCallbackNotifier<Body, Delivery extends CallbackAttempt<Body>> {
  /** Posts `body` to exactly `target`, retrying as configured; null records it as not sent (no webhook). */
  send(target: string | null, body: Body): void;
  /** Every attempt so far, oldest first. */
  deliveries(): Delivery[];
  /** Resolves once every callback sent so far has been delivered or has used up its retries. */
  settled(): Promise<void>;
  /** No more retries: pending pauses end at once, and the callbacks in flight finish with their current attempt. */
  stop(): Promise<void>;
}

export interface MtlsCallbackNotifierOptions<Stamp extends object> {
  certificate: TestCertificate;
  ca: string;
  retryDelaysMs: readonly number[];
  /** False: callbacks are recorded (status null, "not sent") and never posted. */
  post: boolean;
  /** Whether the receiver's status ends the retries (API Pix: any 2xx; Inter: 200 only). */
  delivered(status: number): boolean;
  /** Sent on every attempt after `content-type` and `content-length` (a user-agent, say). */
  headers?: Readonly<Record<string, string>>;
  /**
   * Called once per attempt, one not sent included: headers for that attempt alone and what
   * its delivery record keeps of them (Inter's idempotency key, new on every dispatch).
   */
  stamp?: () => { headers: Record<string, string>; record: Stamp };
}

/** Hosts a callback may go to: the mock never posts beyond this machine. */
const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

function post(
  url: URL,
  payload: string,
  headers: Readonly<Record<string, string>>,
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
          ...headers,
        },
        cert: tls.certificate.certificate,
        key: tls.certificate.privateKey,
        ca: tls.ca,
        // Each attempt is its own connection, as a provider's retry minutes later would be.
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

export function createMtlsCallbackNotifier<Body, Stamp extends object = Record<never, never>>(
  options: MtlsCallbackNotifierOptions<Stamp>,
): MtlsCallbackNotifier<Body, CallbackAttempt<Body> & Stamp> {
  type Delivery = CallbackAttempt<Body> & Stamp;
  const stamp = options.stamp ?? (() => ({ headers: {}, record: {} as Stamp }));
  const attempts: Delivery[] = [];
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

  function notSent(url: string, body: Body, error: string): void {
    attempts.push({ url, body, attempt: 1, status: null, error, ...stamp().record } as Delivery);
  }

  async function deliver(target: string, body: Body): Promise<void> {
    const url = new URL(target);
    if (!loopbackHosts.has(url.hostname) || url.protocol !== "https:") {
      return notSent(target, body, "not sent: not a loopback HTTPS URL");
    }
    if (!options.post) return notSent(target, body, "not sent: notify is off");
    const payload = JSON.stringify(body);
    for (let attempt = 1; ; attempt += 1) {
      const stamped = stamp();
      const outcome = await post(url, payload, { ...options.headers, ...stamped.headers }, options);
      attempts.push({ url: target, body, attempt, ...stamped.record, ...outcome } as Delivery);
      const delivered = outcome.status !== null && options.delivered(outcome.status);
      const delay = options.retryDelaysMs[attempt - 1];
      if (delivered || delay === undefined || stopped) return;
      await pause(delay);
      if (stopped) return;
    }
  }

  async function settled(): Promise<void> {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  }

  return {
    send(target, body) {
      if (target === null) return notSent("", body, "not sent: no webhook registered");
      const delivery = deliver(target, body).finally(() => inFlight.delete(delivery));
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
