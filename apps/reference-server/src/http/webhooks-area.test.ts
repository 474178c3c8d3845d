import { afterEach, describe, expect, it } from "vitest";
import { composedTestServer, demoPixSale, type ComposedTestServer as Server } from "./test-app";

/** The sandbox's signed notification of the payer paying `payment`, as it would be POSTed. */
function paidNotification(server: Server, idempotencyKey: string) {
  server.sandbox.sandbox.pay(idempotencyKey);
  const [notification] = server.sandbox.sandbox.takeNotifications();
  if (!notification) throw new Error("the sandbox sent no notification");
  return notification;
}

const post = (server: Server, path: string, body: string, headers: Record<string, string>) =>
  server.app.request(`http://studio.example${path}`, { method: "POST", body, headers });

describe("POST /webhooks/:gateway", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.cleanup();
    server = undefined;
  });

  it("applies the sandbox's signed notification to the payment, and counts a replay as a duplicate", async () => {
    server = await composedTestServer();
    const payment = await demoPixSale(server, "webhook-route-0001");
    expect(payment.status).toBe("pending");
    const notification = paidNotification(server, payment.idempotencyKey);

    // Header names as a proxy might spell them: the route lower-cases them for core.
    const shouted = Object.fromEntries(
      Object.entries(notification.headers).map(([name, value]) => [name.toUpperCase(), value]),
    );
    const first = await post(server, "/webhooks/sandbox", notification.rawBody, shouted);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: true, applied: 1, duplicates: 0, unmatched: 0 });
    expect((await server.tessera.payments.get(payment.id))?.status).toBe("succeeded");

    const replay = await post(server, "/webhooks/sandbox", notification.rawBody, notification.headers);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ accepted: true, applied: 0, duplicates: 1, unmatched: 0 });
  });

  it("answers 401 with the reason for a forged signature or a tampered body, and changes nothing", async () => {
    server = await composedTestServer();
    const payment = await demoPixSale(server, "webhook-route-0002");
    const real = paidNotification(server, payment.idempotencyKey);
    const forgedHeaders = Object.fromEntries(
      Object.entries(real.headers).map(([name, value]) => [
        name,
        name.includes("signature") ? "t=1,v1=00" : value,
      ]),
    );
    const forged = await post(server, "/webhooks/sandbox", real.rawBody, forgedHeaders);
    expect(forged.status).toBe(401);
    const receipt = (await forged.json()) as { accepted: boolean; reason: string };
    expect(receipt.accepted).toBe(false);
    expect(receipt.reason).not.toBe("");

    // One byte more than what was signed: the body is passed as it came, never re-serialized.
    const tampered = await post(server, "/webhooks/sandbox", `${real.rawBody} `, real.headers);
    expect(tampered.status).toBe(401);

    expect((await server.tessera.payments.get(payment.id))?.status).toBe("pending");
  });

  it("answers 404 for a gateway id that is not configured", async () => {
    server = await composedTestServer();
    const res = await post(server, "/webhooks/cielo", "{}", { "content-type": "application/json" });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "gateway_not_configured" } });
  });

  it.each([
    ["an empty body", ""],
    ["a body that is not JSON", "not json at all"],
    ["an unsigned notification-shaped body", '{"id":"evt_1","type":"payment.paid"}'],
  ])("answers %s without a signature with a 4xx, never a 5xx", async (_, body) => {
    server = await composedTestServer();
    const res = await post(server, "/webhooks/sandbox", body, { "content-type": "application/json" });
    expect(res.status).toBe(401);
  });

  it("refuses a body larger than any provider's notification with 413", async () => {
    server = await composedTestServer();
    const res = await post(server, "/webhooks/sandbox", "x".repeat(5_000_001), {
      "content-type": "application/json",
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: "payload_too_large" } });
  });
});
