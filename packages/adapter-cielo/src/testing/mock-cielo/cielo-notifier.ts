/**
 * Cielo's "Post de Notificação": a `POST` of `{PaymentId, ChangeType, RecurrentPaymentId?}`
 * to the store's notification URL with the custom headers set beside it in the portal — no
 * signature. Anything but a 200 is tried again (the manual: three more attempts); the mock
 * waits `retryDelaysMs` between attempts and posts only to loopback addresses.
 */

export interface CieloNotification {
  PaymentId: string;
  ChangeType: number;
  RecurrentPaymentId?: string;
}

export interface CieloDelivery {
  url: string;
  body: CieloNotification;
  attempt: number;
  /** The receiver's status, or null when no answer came. */
  status: number | null;
}

export interface CieloNotifier {
  send(body: CieloNotification): void;
  /** Where later notifications go, and with which custom headers (the portal's settings changed). */
  retarget(url: string | null, headers: Readonly<Record<string, string>>): void;
  /** The next `count` deliveries are repeated (Cielo may post the same news twice). */
  repeatNext(count?: number): void;
  /** The next notification is held and posted right after the one that follows it. */
  swapNext(): void;
  deliveries(): CieloDelivery[];
  settled(): Promise<void>;
  stop(): void;
}

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function createCieloNotifier(options: {
  url: string | null;
  headers: Readonly<Record<string, string>>;
  retryDelaysMs: readonly number[];
}): CieloNotifier {
  const target = { url: options.url, headers: options.headers };
  const deliveries: CieloDelivery[] = [];
  const inFlight = new Set<Promise<void>>();
  let repeats = 0;
  let swap: "off" | "armed" | { held: CieloNotification } = "off";
  let stopped = false;

  async function attempt(
    url: string,
    headers: Readonly<Record<string, string>>,
    body: CieloNotification,
  ): Promise<number | null> {
    try {
      const answer = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
      await answer.arrayBuffer();
      return answer.status;
    } catch {
      return null;
    }
  }

  async function deliver(url: string, body: CieloNotification): Promise<void> {
    const headers = target.headers;
    for (let number = 1; number <= options.retryDelaysMs.length + 1 && !stopped; number += 1) {
      const status = await attempt(url, headers, body);
      deliveries.push({ url, body, attempt: number, status });
      if (status === 200) return;
      const delay = options.retryDelaysMs[number - 1];
      if (delay === undefined) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  function track(work: Promise<void>): void {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  }

  return {
    send(body) {
      const url = target.url;
      if (url === null || stopped || !loopbackHosts.has(new URL(url).hostname)) return;
      if (swap === "armed") {
        swap = { held: body };
        return;
      }
      const held = swap === "off" ? null : swap.held;
      swap = "off";
      // The later news first, then the one held back: out of order, as Cielo may post them.
      track(
        (async () => {
          await deliver(url, body);
          if (held !== null) await deliver(url, held);
        })(),
      );
      if (repeats > 0) {
        repeats -= 1;
        track(deliver(url, body));
      }
    },
    swapNext() {
      swap = "armed";
    },
    retarget(url, headers) {
      target.url = url;
      target.headers = headers;
    },
    repeatNext(count = 1) {
      repeats += count;
    },
    deliveries: () => deliveries.map((entry) => ({ ...entry })),
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    stop() {
      stopped = true;
    },
  };
}
