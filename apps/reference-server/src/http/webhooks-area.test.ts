import { readFileSync } from "node:fs";
import { withMutualTls } from "@tessera/core/testing";
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

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
/** Issued by "Exemplo Webhooks CA" (C=BR, O=Banco Exemplo S.A.), as a bank's webhook client certificate is. */
const providerCertificate = fixture("provider-client-certificate.pem");
/** Same subject, signed by nobody but itself. */
const selfSignedCertificate = fixture("self-signed-client-certificate.pem");

describe("POST /webhooks/:gateway behind a proxy that terminates mutual TLS", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.cleanup();
    server = undefined;
  });

  async function paidThroughProxy(key: string, clientCertificateHeader: string | null) {
    server = await composedTestServer({ clientCertificateHeader });
    // The sandbox as a mutual-TLS provider (Inter, PSPs' API Pix), trusting the fixtures' CA.
    server.tessera.gateways.register(
      withMutualTls(server.sandbox, [
        { name: "CN=Exemplo Webhooks CA,O=Banco Exemplo S.A.,C=BR", pem: null },
      ]),
    );
    const payment = await demoPixSale(server, key);
    return { payment, notification: paidNotification(server, payment.idempotencyKey), server };
  }

  it("applies a notification whose client certificate the proxy verified and the gateway's CA issued, keeping no certificate header", async () => {
    const { payment, notification, server } = await paidThroughProxy("webhook-mtls-0001", "x-client-cert");
    const response = await post(server, "/webhooks/sandbox", notification.rawBody, {
      ...notification.headers,
      // nginx: proxy_set_header X-Client-Cert $ssl_client_escaped_cert;
      "X-Client-Cert": encodeURIComponent(providerCertificate),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accepted: true, applied: 1 });
    expect((await server.tessera.payments.get(payment.id))?.status).toBe("succeeded");
    const [entry] = await server.storage.inbox.listByStatus("processed", 10);
    expect(entry?.authentication).toMatchObject({
      method: "mutual_tls",
      clientCertificate: { issuer: expect.stringContaining("CN=Exemplo Webhooks CA") },
    });
    expect(Object.keys(entry?.headers ?? {})).not.toContain("x-client-cert");
  });

  it("refuses a notification without the proxy's certificate, or with one another CA issued, and changes nothing", async () => {
    const { payment, notification, server } = await paidThroughProxy("webhook-mtls-0002", "x-client-cert");
    const bare = await post(server, "/webhooks/sandbox", notification.rawBody, notification.headers);
    expect(bare.status).toBe(401);
    expect(((await bare.json()) as { reason: string }).reason).toMatch(/no verified client certificate/);
    const foreign = await post(server, "/webhooks/sandbox", notification.rawBody, {
      ...notification.headers,
      "x-client-cert": encodeURIComponent(selfSignedCertificate),
    });
    expect(foreign.status).toBe(401);
    expect(((await foreign.json()) as { reason: string }).reason).toMatch(
      /not by a CA the sandbox gateway trusts/,
    );
    const garbage = await post(server, "/webhooks/sandbox", notification.rawBody, {
      ...notification.headers,
      "x-client-cert": "not%20a%20certificate%ZZ",
    });
    expect(garbage.status).toBe(401);
    expect((await server.tessera.payments.get(payment.id))?.status).toBe("pending");
  });

  it("ignores a certificate header when no proxy was configured to set it", async () => {
    const { payment, notification, server } = await paidThroughProxy("webhook-mtls-0003", null);
    const response = await post(server, "/webhooks/sandbox", notification.rawBody, {
      ...notification.headers,
      "x-client-cert": encodeURIComponent(providerCertificate),
    });
    expect(response.status).toBe(401);
    expect((await server.tessera.payments.get(payment.id))?.status).toBe("pending");
  });
});
