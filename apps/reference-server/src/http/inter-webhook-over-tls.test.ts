import type { SaleInput } from "@tessera/core";
import { createTestPki } from "@tessera/pix-api/testing";
import { afterEach, describe, expect, it } from "vitest";
import { connectInterAccount, type InterAccount } from "./inter-account";
import { pemBodyLines, scanForSecrets } from "./leak-scan";
import { connectPixPspAccount, type PixPspAccount } from "./pix-psp-account";
import { type ComposedTestServer, composedTestServer, testBuyerWithAddress } from "./test-app";
import {
  freeLoopbackPort,
  postOverMutualTls,
  startTestWebhookListener,
  webhookTlsTestConfig,
} from "./test-webhook-listener";
import type { WebhookTlsListener } from "./webhook-tls-listener";

const pki = createTestPki({ name: "Mock providers CA" });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** POSTs a body to the listener at `path` with `client` as its TLS identity (or none). */
const post = (
  listener: WebhookTlsListener,
  path: string,
  client: { certificate: string; privateKey: string } | null,
  body: string,
) => postOverMutualTls({ port: listener.port, ca: pki.caCertificate, path, client, body });

/**
 * A studio with both kinds of mutual-TLS provider on one listener: PIX through a PSP's API
 * Pix, boletos through Banco Inter. The listener trusts both CAs; core must still keep each
 * provider's notifications to its own CA.
 */
async function installation(): Promise<{
  server: ComposedTestServer;
  inter: InterAccount["inter"];
  psp: PixPspAccount["psp"];
  listener: WebhookTlsListener;
  sellBoleto(key: string): Promise<{ paymentId: string; codigoSolicitacao: string }>;
}> {
  const port = await freeLoopbackPort();
  const server = await composedTestServer({ webhookTls: webhookTlsTestConfig(port) });
  cleanups.push(() => server.cleanup());
  const { tessera, unit } = server;
  const pix = await connectPixPspAccount({ tessera, unit, pki });
  cleanups.push(() => pix.close());
  const inter = await connectInterAccount({ tessera, unit, pki });
  cleanups.push(() => inter.close());
  expect(inter.webhookUrl).toBe(`https://127.0.0.1:${port}/webhooks/inter-centro`);
  const listener = await startTestWebhookListener({
    tessera,
    config: server.config,
    logger: server.log.logger,
    pki,
  });
  cleanups.push(() => listener.close());
  const dayPass = server.plans.find((plan) => plan.onlineSale.slug === "day-pass") ?? server.plans[0]!;
  return {
    server,
    inter: inter.inter,
    psp: pix.psp,
    listener,
    async sellBoleto(key) {
      const outcome = await tessera.sales.start({
        unitId: unit.id,
        planId: dayPass.id,
        buyer: testBuyerWithAddress,
        method: "boleto",
        idempotencyKey: key,
        source: "online",
      } as SaleInput);
      const payment = outcome.payment!;
      expect(payment.gatewayId).toBe("inter-centro");
      expect(payment.status, "Inter issues the boleto after answering").toBe("processing");
      return { paymentId: payment.id, codigoSolicitacao: payment.providerReference! };
    },
  };
}

describe("Banco Inter's callbacks over the mutual-TLS webhook listener", () => {
  it("issues the boleto on Inter's A_RECEBER callback and pays it on RECEBIDO; a redelivery is a duplicate", async () => {
    const { server, inter, listener, sellBoleto } = await installation();
    const { paymentId, codigoSolicitacao } = await sellBoleto("inter-over-tls-1");
    const payment = async () => server.tessera.payments.get(paymentId as never);

    inter.issue(codigoSolicitacao);
    await inter.notificationsSettled();
    const issued = await payment();
    expect(issued?.status).toBe("pending");
    expect(issued?.action?.type === "boleto" && issued.action.digitableLine).toMatch(/^077\d{44}$/);

    inter.pay(codigoSolicitacao, "PIX");
    await inter.notificationsSettled();
    expect((await payment())?.status).toBe("succeeded");
    expect(
      inter
        .deliveries()
        .map((delivery) => [delivery.url.endsWith("/webhooks/inter-centro"), delivery.status]),
    ).toEqual([
      [true, 200],
      [true, 200],
    ]);

    // Inter dispatches the same news again with a new x-chave-idempotencia: one event still.
    const last = inter.deliveries().at(-1)!;
    const again = await post(
      listener,
      "/webhooks/inter-centro",
      inter.webhookCertificate,
      JSON.stringify(last.body),
    );
    expect(JSON.parse(again.body)).toMatchObject({ accepted: true, applied: 0, duplicates: 1 });
  });

  it("refuses at Inter's URL a certificate the listener trusts for the PSP, and a caller with none", async () => {
    const { server, psp, listener, sellBoleto } = await installation();
    const { paymentId, codigoSolicitacao } = await sellBoleto("inter-over-tls-2");
    const forged = JSON.stringify([
      {
        codigoSolicitacao,
        seuNumero: "X",
        situacao: "RECEBIDO",
        dataHoraSituacao: "2026-12-01T12:00:00Z",
        valorTotalRecebido: "50.00",
      },
    ]);
    // The PSP's webhook certificate passes the TLS handshake (the PIX account trusts its CA)…
    const crossed = await post(listener, "/webhooks/inter-centro", psp.webhookCertificate, forged);
    // …but it is not Inter's CA, so core refuses it before the adapter sees the body.
    expect(crossed.status).toBe(401);
    expect(JSON.parse(crossed.body)).toMatchObject({ accepted: false });
    await expect(post(listener, "/webhooks/inter-centro", null, forged)).rejects.toThrow();
    expect((await server.tessera.payments.get(paymentId as never))?.status).toBe("processing");
  });

  it("keeps neither provider's client secret, private key or access tokens in any log line or stored row", async () => {
    const { server, inter, sellBoleto } = await installation();
    const { codigoSolicitacao } = await sellBoleto("inter-over-tls-3");
    inter.issue(codigoSolicitacao);
    inter.pay(codigoSolicitacao, "BOLETO");
    await inter.notificationsSettled();
    expect(inter.issuedAccessTokens().length).toBeGreaterThan(0);
    const scan = scanForSecrets(server, [
      inter.clientSecret,
      ...inter.issuedAccessTokens(),
      ...pemBodyLines(inter.clientCertificate.privateKey),
    ]);
    expect(scan.rows).toBeGreaterThan(10);
    expect(scan.inRows, "a stored row holds a credential").toEqual([]);
    expect(scan.inLogs, "a log line holds a credential").toEqual([]);
  });
});
