import { request } from "node:https";
import type { TestCertificate } from "../test-pki";

/**
 * The PSP's callbacks: `POST {webhookUrl}/pix` with `{"pix":[…]}` (spec: `PUT
 * /webhook/{chave}`, callback `listaPix`), over HTTPS presenting the PSP's own client
 * certificate (Manual de Padrões, Anexo II: the receiver authenticates the PSP by mutual
 * TLS) and trusting the receiver's server certificate by the given CA. A delivery that fails
 * (a non-2xx answer, a connection error) is tried again after each of `retryDelaysMs`.
 */

/** One attempt to deliver a callback. */
export interface PspDelivery {
  /** The URL posted to: the registered `webhookUrl` with `/pix` appended to its path. */
  url: string;
  body: { pix: Record<string, unknown>[] };
  /** 1 for the first try. */
  attempt: number;
  /** The receiver's HTTP status; null when no answer came (connection refused, TLS refused, not sent). */
  status: number | null;
  /** Why there was no answer, when there was none. */
  error?: string;
}

export interface PspNotifier {
  /** Posts one callback body to the webhook registered at `webhookUrl`, retrying as configured. */
  send(webhookUrl: string, body: { pix: Record<string, unknown>[] }): void;
  /** Every attempt so far, oldest first. */
  deliveries(): PspDelivery[];
  /** Resolves once every callback sent so far has been delivered or has used up its retries. */
  settled(): Promise<void>;
  /** No more retries: pending pauses end at once, and the callbacks in flight finish with their current attempt. */
  stop(): Promise<void>;
}

/** Hosts a callback may go to: the mock never posts beyond this machine. */
const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** `{webhookUrl}/pix`, keeping a query string where it belongs (after the path). */
export function callbackUrl(webhookUrl: string): URL {
  const url = new URL(webhookUrl);
  url.pathname = `${url.pathname.replace(/\/$/, "")}/pix`;
  return url;
}

function post(
  url: URL,
  payload: string,
  tls: { certificate: TestCertificate; ca: string },
): Promise<{ status: number | null; error?: string }> {
  return new Promise((resolve) => {
    const outgoing = request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
        cert: tls.certificate.certificate,
        key: tls.certificate.privateKey,
        ca: tls.ca,
        // Each attempt is its own connection, as a PSP's retry after a failure would be.
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

export function createPspNotifier(options: {
  certificate: TestCertificate;
  ca: string;
  retryDelaysMs: readonly number[];
  /** False: callbacks are recorded (status null, "not sent") and never posted. */
  post: boolean;
  onNotification?: (notification: { url: string; body: { pix: Record<string, unknown>[] } }) => void;
}): PspNotifier {
  const attempts: PspDelivery[] = [];
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

  async function deliver(url: URL, body: { pix: Record<string, unknown>[] }) {
    const payload = JSON.stringify(body);
    if (!loopbackHosts.has(url.hostname) || url.protocol !== "https:") {
      attempts.push({
        url: url.href,
        body,
        attempt: 1,
        status: null,
        error: "not sent: not a loopback HTTPS URL",
      });
      return;
    }
    if (!options.post) {
      attempts.push({ url: url.href, body, attempt: 1, status: null, error: "not sent: notify is off" });
      return;
    }
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await post(url, payload, options);
      attempts.push({ url: url.href, body, attempt, ...outcome });
      const delivered = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
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
    send(webhookUrl, body) {
      const url = callbackUrl(webhookUrl);
      options.onNotification?.({ url: url.href, body });
      const delivery = deliver(url, body).finally(() => inFlight.delete(delivery));
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
