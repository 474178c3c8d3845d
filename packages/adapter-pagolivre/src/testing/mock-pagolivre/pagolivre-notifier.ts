import { request } from "node:http";
import type { PagoLivreCallbackBody } from "../../pagolivre-protocol";

/**
 * PagoLivre's callbacks: `POST` of a JSON `{ eventName, orderKey, orderId }` to the order's
 * `callbackUrl` with `?accessToken=<merchant token>` appended (documented), over plain HTTP
 * to loopback addresses only. Anything but a 2xx, or no answer, is tried again after each of
 * `retryDelaysMs` (PagoLivre: 10 times, 5 minutes apart). A test can make the receiver look
 * unreachable, a callback go twice, or two arrive in the wrong order.
 */

/** One attempt to deliver a callback. */
export interface PagoLivreDelivery {
  /** The URL posted to, `accessToken` included. */
  url: string;
  body: PagoLivreCallbackBody;
  /** 1 for the first try. */
  attempt: number;
  /** The receiver's HTTP status; null when no answer came (unreachable, not sent). */
  status: number | null;
  error?: string;
}

export interface PagoLivreNotifier {
  send(url: string, body: PagoLivreCallbackBody): void;
  /** The next `count` attempts fail as if the receiver were unreachable (and are retried). */
  failNext(count: number): void;
  /** The next callback is sent twice. */
  repeatNext(): void;
  /** The next callback is held until the one after it is delivered (or until `settled`). */
  holdNextForLater(): void;
  deliveries(): PagoLivreDelivery[];
  /** Resolves once no callback is in flight, waiting for a retry or held. */
  settled(): Promise<void>;
  /** No more retries; callbacks in flight finish their current attempt. */
  stop(): Promise<void>;
}

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
/** assumed: PagoLivre's client name is unpublished. */
const userAgent = "PagoLivre-Webhook/2.0";

function post(url: URL, payload: string): Promise<{ status: number | null; error?: string }> {
  return new Promise((resolve) => {
    const outgoing = request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          "user-agent": userAgent,
        },
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

export function createPagoLivreNotifier(options: { retryDelaysMs: readonly number[] }): PagoLivreNotifier {
  const attempts: PagoLivreDelivery[] = [];
  const inFlight = new Set<Promise<void>>();
  const pauses = new Map<NodeJS.Timeout, () => void>();
  let stopped = false;
  let failures = 0;
  let repeat = false;
  let holdNext = false;
  let held: { url: string; body: PagoLivreCallbackBody } | null = null;

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pauses.delete(timer);
        resolve();
      }, ms);
      pauses.set(timer, resolve);
    });
  }

  async function deliver(target: string, body: PagoLivreCallbackBody): Promise<void> {
    const url = new URL(target);
    if (!loopbackHosts.has(url.hostname) || url.protocol !== "http:") {
      attempts.push({
        url: target,
        body,
        attempt: 1,
        status: null,
        error: "not sent: not a loopback http URL",
      });
      return;
    }
    const payload = JSON.stringify(body);
    for (let attempt = 1; ; attempt += 1) {
      if (failures > 0) {
        failures -= 1;
        attempts.push({ url: target, body, attempt, status: null, error: "unreachable (failNextCallbacks)" });
      } else {
        const outcome = await post(url, payload);
        attempts.push({ url: target, body, attempt, ...outcome });
        if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) return;
      }
      const delay = options.retryDelaysMs[attempt - 1];
      if (delay === undefined || stopped) return;
      await pause(delay);
      if (stopped) return;
    }
  }

  function track(work: Promise<void>): void {
    const tracked = work.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }

  function dispatch(url: string, body: PagoLivreCallbackBody): void {
    if (holdNext) {
      holdNext = false;
      held = { url, body };
      return;
    }
    const earlier = held;
    held = null;
    // With one held back: the later callback first, the held one once it is delivered.
    track(
      earlier === null
        ? deliver(url, body)
        : deliver(url, body).then(() => deliver(earlier.url, earlier.body)),
    );
  }

  function releaseHeld(): void {
    if (held === null) return;
    const { url, body } = held;
    held = null;
    track(deliver(url, body));
  }

  async function settled(): Promise<void> {
    releaseHeld();
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  }

  return {
    send(url, body) {
      const times = repeat ? 2 : 1;
      repeat = false;
      for (let i = 0; i < times; i += 1) dispatch(url, body);
    },
    failNext(count) {
      failures += count;
    },
    repeatNext() {
      repeat = true;
    },
    holdNextForLater() {
      holdNext = true;
    },
    deliveries: () => attempts.map((attempt) => ({ ...attempt })),
    settled,
    async stop() {
      stopped = true;
      held = null;
      for (const [timer, resolve] of pauses) {
        clearTimeout(timer);
        resolve();
      }
      pauses.clear();
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
