import type { SaleInput } from "@tessera/core";
import { createTestPki, type PixPspMock } from "@tessera/pix-api/testing";
import { afterEach, describe, expect, it } from "vitest";
import { pemBodyLines, scanForSecrets } from "./leak-scan";
import { connectPixPspAccount } from "./pix-psp-account";
import { type ComposedTestServer, composedTestServer, testBuyer } from "./test-app";
import {
  freeLoopbackPort,
  postOverMutualTls,
  startTestWebhookListener,
  webhookTlsTestConfig,
} from "./test-webhook-listener";
import type { WebhookTlsListener } from "./webhook-tls-listener";

/** POSTs a callback to the listener as a PSP would, with `client` as its TLS identity (or none). */
const post = (port: number, client: { certificate: string; privateKey: string } | null, body: string) =>
  postOverMutualTls({ port, ca: pki.caCertificate, path: "/webhooks/pix-centro/pix", client, body });

const pki = createTestPki({ name: "Mock PSP CA" });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Installation {
  server: ComposedTestServer;
  psp: PixPspMock;
  listener: WebhookTlsListener;
  /** Sells the demo's monthly plan by PIX through the unit's PSP account. */
  sellPix(key: string): Promise<{ paymentId: string; txid: string }>;
}

/**
 * The server as `serve` runs it with TESSERA_WEBHOOK_TLS_PORT: the mutual-TLS listener on
 * its own port, a unit whose PIX goes through a PSP account (the loopback API Pix PSP), and
 * the PSP posting its callbacks to the URL the account registered.
 */
async function installation(): Promise<Installation> {
  const port = await freeLoopbackPort();
  const server = await composedTestServer({ webhookTls: webhookTlsTestConfig(port) });
  cleanups.push(() => server.cleanup());
  const { tessera, unit } = server;
  const account = await connectPixPspAccount({ tessera, unit, pki });
  cleanups.push(() => account.close());
  const listener = await startTestWebhookListener({
    tessera,
    config: server.config,
    logger: server.log.logger,
    pki,
  });
  cleanups.push(() => listener.close());
  expect(account.webhookUrl, "the account's URL is the mutual-TLS listener's").toBe(
    `https://127.0.0.1:${port}/webhooks/pix-centro`,
  );
  const monthly = server.plans[0]!;
  return {
    server,
    psp: account.psp,
    listener,
    async sellPix(key) {
      const input = {
        unitId: unit.id,
        planId: monthly.id,
        buyer: testBuyer,
        method: "pix",
        idempotencyKey: key,
        source: "online",
      } as SaleInput;
      const outcome = await tessera.sales.start(input);
      const payment = outcome.payment!;
      expect(payment.gatewayId).toBe("pix-centro");
      expect(payment.status).toBe("pending");
      return { paymentId: payment.id, txid: payment.idempotencyKey };
    },
  };
}

describe("PIX callbacks over the mutual-TLS webhook listener", () => {
  it("registers the account's webhook at the PSP, and a Pix the payer made reaches the payment through it", async () => {
    const { server, psp, listener, sellPix } = await installation();
    const { paymentId, txid } = await sellPix("pix-over-tls-1");
    psp.pay(txid);
    await psp.notificationsSettled();

    const [delivery] = psp.deliveries();
    expect(delivery?.url, "posted to the registered URL with /pix").toMatch(/\/webhooks\/pix-centro\/pix$/);
    expect(delivery?.status, "the listener took it").toBe(200);
    const payment = await server.tessera.payments.get(paymentId as never);
    expect(payment?.status).toBe("succeeded");

    // The PSP delivering the same callback again (its retry, or a replay) is a duplicate.
    const replay = await post(listener.port, psp.webhookCertificate, JSON.stringify(delivery?.body));
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body)).toMatchObject({ accepted: true, applied: 0, duplicates: 1 });
  });

  it("refuses the handshake to a caller without a certificate from the PSP's CA, and nothing changes", async () => {
    const { server, psp, listener, sellPix } = await installation();
    const { paymentId, txid } = await sellPix("pix-over-tls-2");
    const stranger = createTestPki({ name: "Someone Else CA" }).issueClient("impostor");
    const forged = JSON.stringify({
      pix: [
        {
          endToEndId: "E0000000020261201120000000000001",
          txid,
          valor: "1.00",
          horario: "2026-12-01T12:00:00Z",
        },
      ],
    });
    await expect(post(listener.port, null, forged), "no certificate").rejects.toThrow();
    await expect(post(listener.port, stranger, forged), "another CA's certificate").rejects.toThrow();
    expect((await server.tessera.payments.get(paymentId as never))?.status).toBe("pending");
    expect(psp.deliveries()).toEqual([]);
  });

  it("keeps no client secret, private key or access token in any log line or stored row, after a sale, a callback and a refund", async () => {
    const { server, psp, sellPix } = await installation();
    const { paymentId, txid } = await sellPix("pix-over-tls-3");
    psp.pay(txid);
    await psp.notificationsSettled();
    const refund = await server.tessera.refunds.refund({
      paymentId,
      amount: { amount: 1_000, currency: "BRL" },
      idempotencyKey: "pix-over-tls-3-refund",
      reason: "scrubbing test",
    });
    expect(["succeeded", "pending"]).toContain(refund.refund.status);
    await psp.notificationsSettled();

    expect(psp.issuedAccessTokens().length).toBeGreaterThan(0);
    const scan = scanForSecrets(server, [
      psp.clientSecret,
      ...psp.issuedAccessTokens(),
      ...pemBodyLines(psp.clientCertificate.privateKey),
    ]);
    expect(scan.rows).toBeGreaterThan(10);
    expect(scan.logLines).toBeGreaterThan(0);
    expect(scan.inRows, "a stored row holds a credential").toEqual([]);
    expect(scan.inLogs, "a log line holds a credential").toEqual([]);
  });
});
