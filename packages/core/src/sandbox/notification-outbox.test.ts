import { describe, expect, it } from "vitest";
import { createManualClock } from "../testing/manual-clock";
import { createNotificationOutbox, keptNotifications } from "./notification-outbox";

function outbox(webhookUrl: string | null) {
  const posted: string[] = [];
  const box = createNotificationOutbox({
    secret: "whsec_outbox_0123456789abcdef",
    clock: createManualClock("2026-03-10T15:00:00.000Z"),
    webhookUrl,
    fetch: async (_url, init) => {
      posted.push(String(init?.body));
      return new Response(null, { status: 204 });
    },
    log: () => {},
  });
  const publish = (n: number) =>
    box.publish({ eventId: `evt_${n}`, type: "payment.paid", rawBody: JSON.stringify({ n }) });
  return { box, posted, publish };
}

describe("the sandbox's notification outbox", () => {
  it("hands over what was published since the last take, signed, oldest first", () => {
    const { box, publish } = outbox(null);
    publish(1);
    publish(2);
    const taken = box.take();
    expect(taken.map((n) => n.eventId)).toEqual(["evt_1", "evt_2"]);
    expect(taken[0]?.headers["tessera-sandbox-event-id"]).toBe("evt_1");
    expect(box.take()).toEqual([]);
  });

  it("keeps only the newest notifications and deliveries of a long run, while posting every one", async () => {
    const { box, posted, publish } = outbox("http://127.0.0.1:9/webhooks/sandbox");
    const sent = keptNotifications * 3;
    for (let n = 1; n <= sent; n++) publish(n);
    const deliveries = await box.settle();
    expect(posted).toHaveLength(sent);
    expect(deliveries).toHaveLength(keptNotifications);
    expect(deliveries.at(-1)).toMatchObject({ eventId: `evt_${sent}`, status: 204 });
    const taken = box.take();
    expect(taken).toHaveLength(keptNotifications);
    expect(taken[0]?.eventId).toBe(`evt_${sent - keptNotifications + 1}`);
  });
});
