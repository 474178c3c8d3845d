import type { Clock } from "../ports/clock";
import type { WebhookInput } from "../ports/gateway";
import { instantToMillis } from "../time/instant";
import type { SandboxEventType } from "./sandbox-notification";
import type { SandboxLog } from "./sandbox-options";
import { sandboxSignatureHeader, signWebhookPayload } from "./webhook-signature";

/** A notification ready for `parseWebhook`: lower-case headers and the exact body. */
export interface SandboxNotification extends WebhookInput {
  eventId: string;
  /** `batch`: several events in one body (`sandbox.payTogether`). */
  type: SandboxEventType | "batch";
}

/** A notification as queued, before it is signed. */
export interface QueuedNotification {
  eventId: string;
  type: SandboxEventType | "batch";
  rawBody: string;
}

/** One attempt to POST a notification to `webhookUrl`. */
export interface WebhookDelivery {
  eventId: string;
  url: string;
  /** The receiver's HTTP status, or null when the request failed. */
  status: number | null;
  error: string | null;
}

export interface NotificationOutbox {
  publish(event: QueuedNotification): void;
  /**
   * Runs `during`, and sends what it published as one notification made by `combine` (API
   * Pix posts several Pix in one `{"pix":[…]}`); a single event goes out as it is.
   */
  together(during: () => void, combine: (events: QueuedNotification[]) => QueuedNotification): void;
  /** Hands over (and forgets) the queued notifications, each signed now. */
  take(): SandboxNotification[];
  /** Waits for every POST started so far and returns all delivery attempts. */
  settle(): Promise<WebhookDelivery[]>;
}

/**
 * Queues each notification for `take()` and, when a `webhookUrl` is set, POSTs it there at
 * once with the injected `fetch`. A notification is signed when it leaves — as a provider
 * signs at send time — so a test that moved the clock still gets a fresh signature.
 */
/**
 * How many notifications wait for `take()`, and how many delivery attempts are kept for
 * `settle()`, before the oldest go: a server running the sandbox for weeks, whose
 * notifications are POSTed and never taken, must not keep every one it ever sent.
 */
export const keptNotifications = 1000;

/** Appends, dropping the oldest entries beyond `keptNotifications`. */
function keep<T>(list: T[], item: T): void {
  list.push(item);
  // One at a time from the front: V8 moves an array's start instead of copying the rest,
  // where a splice from the front copied the thousand kept on every notification.
  while (list.length > keptNotifications) list.shift();
}

export function createNotificationOutbox(options: {
  secret: string;
  clock: Clock;
  webhookUrl: string | null;
  fetch: typeof fetch;
  log: SandboxLog;
}): NotificationOutbox {
  const queue: QueuedNotification[] = [];
  // While `together` runs, what is published waits here to go out as one.
  let held: QueuedNotification[] | null = null;
  const inFlight = new Set<Promise<void>>();
  const deliveries: WebhookDelivery[] = [];

  function sign(event: QueuedNotification): SandboxNotification {
    const timestamp = Math.floor(instantToMillis(options.clock.now()) / 1000);
    return {
      eventId: event.eventId,
      type: event.type,
      rawBody: event.rawBody,
      headers: {
        "content-type": "application/json",
        "tessera-sandbox-event-id": event.eventId,
        [sandboxSignatureHeader]: signWebhookPayload(options.secret, timestamp, event.rawBody),
      },
    };
  }

  async function post(url: string, notification: SandboxNotification): Promise<void> {
    try {
      const response = await options.fetch(url, {
        method: "POST",
        headers: notification.headers,
        body: notification.rawBody,
      });
      keep(deliveries, { eventId: notification.eventId, url, status: response.status, error: null });
      if (!response.ok) {
        options.log({
          level: "warn",
          message: "webhook delivery refused",
          data: { eventId: notification.eventId, status: response.status },
        });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      keep(deliveries, { eventId: notification.eventId, url, status: null, error: message });
      options.log({
        level: "warn",
        message: "webhook delivery failed",
        data: { eventId: notification.eventId, error: message },
      });
    }
  }

  function publish(event: QueuedNotification): void {
    if (held !== null) {
      held.push(event);
      return;
    }
    keep(queue, event);
    options.log({
      level: "info",
      message: "notification queued",
      data: { eventId: event.eventId, type: event.type },
    });
    if (options.webhookUrl !== null) {
      const delivery = post(options.webhookUrl, sign(event));
      inFlight.add(delivery);
      void delivery.finally(() => inFlight.delete(delivery));
    }
  }

  return {
    publish,
    together(during, combine) {
      if (held !== null) return during();
      held = [];
      try {
        during();
      } finally {
        const events = held;
        held = null;
        const [only] = events;
        if (events.length === 1 && only !== undefined) publish(only);
        else if (events.length > 1) publish(combine(events));
      }
    },
    take() {
      return queue.splice(0, queue.length).map(sign);
    },
    async settle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
      return [...deliveries];
    },
  };
}
