import type { Gateway, WebhookInput } from "@tessera/core";
import {
  createManualClock,
  forgeMutualTlsNotification,
  type GatewayHarness,
  type ProviderRecords,
} from "@tessera/core/testing";
import {
  createTestPki,
  type PixPspMock,
  type PixPspMockOptions,
  type PspRecords,
  startLoopbackWebhookReceiver,
  startPixPspMock,
  type TestPki,
} from "@tessera/pix-api/testing";
import { createPixGateway, type PixGatewayOptions } from "../pix-gateway";

let sharedPki: TestPki | null = null;

/** One test PKI for every harness of a run: keys take a moment to make, and scenarios need not differ in them. */
function testPki(): TestPki {
  sharedPki ??= createTestPki({ name: "Tessera Mock PSP CA" });
  return sharedPki;
}

/** The PSP's books as the conformance suite reads them: our charges (not someone else's), refunds it made or holds. */
export function pixProviderRecords(books: PspRecords): ProviderRecords {
  const txidOfPix = new Map(books.pix.map((pix) => [pix.endToEndId, pix.txid]));
  return {
    charges: books.charges
      .filter((charge) => !charge.outside)
      .map((charge) => ({
        idempotencyKey: charge.txid,
        providerReference: charge.txid,
        method: "pix" as const,
        amount: charge.amount,
        collected: charge.collected,
      })),
    refunds: books.devolucoes
      .filter((devolucao) => devolucao.status !== "NAO_REALIZADO")
      .map((devolucao) => ({
        providerReference: txidOfPix.get(devolucao.endToEndId) ?? devolucao.endToEndId,
        refundKey: devolucao.id,
        amount: devolucao.valor,
        status: devolucao.status === "DEVOLVIDO" ? ("succeeded" as const) : ("pending" as const),
      })),
  };
}

export interface PixHarness extends GatewayHarness {
  psp: PixPspMock;
  /** The gateway's settings, for a test that builds another gateway on the same PSP. */
  gatewayOptions: PixGatewayOptions;
}

/**
 * The PIX adapter as the gateway conformance suite sees it: a loopback PSP speaking API Pix
 * over mutual TLS on a manual clock, a loopback webhook endpoint that requires the PSP's
 * client certificate (the callbacks it received are the notifications), and the PSP's own
 * books as the provider records — never the gateway's answers.
 */
export async function createPixHarness(
  options: {
    gateway?: Partial<PixGatewayOptions>;
    /** The PSP's own ways (Banco Inter: the API at `/pix/v2`, the token at `/oauth/v2/token`, credentials in the body). */
    psp?: Pick<PixPspMockOptions, "basePath" | "tokenPath" | "clientAuthentication">;
  } = {},
): Promise<PixHarness> {
  const pki = testPki();
  const clock = createManualClock("2026-03-10T15:00:00.000Z");
  const clientAuthentication = options.psp?.clientAuthentication === "body" ? "body" : "basic";
  const psp = await startPixPspMock({ pki, clock, clientAuthentication, ...options.psp });
  const receiver = await startLoopbackWebhookReceiver({
    serverCertificate: pki.issueServer(["127.0.0.1"]),
    clientCa: pki.caCertificate,
    path: "/webhooks/pix-account",
  });
  const gatewayOptions: PixGatewayOptions = {
    id: "pix",
    baseUrl: psp.baseUrl,
    tokenUrl: psp.tokenUrl,
    clientId: psp.clientId,
    clientSecret: psp.clientSecret,
    clientAuthentication,
    certificate: psp.clientCertificate.certificate,
    privateKey: psp.clientCertificate.privateKey,
    ca: pki.caCertificate,
    pixKey: psp.chave,
    merchantName: "Estudio Movimento",
    merchantCity: "SAO PAULO",
    webhookCa: pki.caCertificate,
    clock,
    webhookUrl: receiver.webhookUrl,
    timeoutMs: 2_000,
    ...options.gateway,
  };
  const gateway: Gateway = createPixGateway(gatewayOptions);
  let seen = 0;
  return {
    psp,
    gatewayOptions,
    gateway,
    clock,
    advanceClock: async (ms) => void clock.advance(ms),
    cards: null,
    payPending: async (txid) => void psp.pay(txid),
    payPendingTogether: async (txids) => void psp.payTogether(txids),
    chargeOutsideUs: async () => void psp.chargeOutsideUs(),
    async deliveredNotifications(): Promise<WebhookInput[]> {
      await psp.notificationsSettled();
      const received = receiver.received();
      const fresh = received.slice(seen);
      seen = received.length;
      return fresh.map(({ headers, rawBody, url, verifiedClientCertificate }) => ({
        headers,
        rawBody,
        url,
        verifiedClientCertificate,
      }));
    },
    faults: {
      async timeoutNextCreate(method, kind) {
        if (method !== "pix") return false;
        psp.timeoutNextCreate(kind);
        return true;
      },
      rateLimitNext: async () => psp.rateLimitNext(),
      withWrongCredentials: async () =>
        createPixGateway({ ...gatewayOptions, clientSecret: "someone-elses-secret" }),
      expireAccessToken: async () => psp.expireAccessToken(),
      tokenRequests: async () => psp.tokenRequests(),
    },
    forge: async (notification, forgery) =>
      forgeMutualTlsNotification<{ pix: { valor: string }[] }>(notification, forgery, (body) => ({
        ...body,
        pix: body.pix.map((pix) => ({ ...pix, valor: "0.01" })),
      })),
    refuseNextRefund: async () => psp.refuseNextRefund(),
    holdNextRefund: async () => psp.holdNextRefund(),
    async settleRefund({ refundKey }, status) {
      const devolucao = psp.records().devolucoes.find((made) => made.id === refundKey);
      if (devolucao === undefined) throw new Error(`the PSP holds no devolução ${refundKey}`);
      psp.settleRefund(
        devolucao.endToEndId,
        devolucao.id,
        status === "succeeded" ? "DEVOLVIDO" : "NAO_REALIZADO",
      );
    },
    providerRecords: async () => pixProviderRecords(psp.records()),
    async close() {
      await psp.close();
      await receiver.close();
    },
  };
}
