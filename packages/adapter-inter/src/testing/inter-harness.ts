import type { WebhookInput } from "@tessera/core";
import {
  createManualClock,
  forgeMutualTlsNotification,
  type GatewayHarness,
  type ProviderRecords,
} from "@tessera/core/testing";
import { createTestPki, startLoopbackWebhookReceiver, type TestPki } from "@tessera/pix-api/testing";
import { createInterGateway, type InterGatewayOptions } from "../inter-gateway";
import { interOptionsSchema } from "../options";
import { type InterMock, type InterRecords, startInterMock } from "./mock-inter";

let sharedPki: TestPki | null = null;

/** One test PKI for every harness of a run: keys take a moment to make. */
function testPki(): TestPki {
  sharedPki ??= createTestPki({ name: "Tessera Mock Inter CA" });
  return sharedPki;
}

/** Inter's books as the conformance suite reads them: our cobranças (not someone else's). */
export function interProviderRecords(books: InterRecords): ProviderRecords {
  return {
    charges: books.charges
      .filter((charge) => !charge.outside)
      .map((charge) => ({
        idempotencyKey: charge.seuNumero,
        providerReference: charge.codigoSolicitacao,
        method: "boleto" as const,
        amount: charge.amount,
        collected: charge.collected,
      })),
    refunds: [],
  };
}

export interface InterHarness extends GatewayHarness {
  inter: InterMock;
  gatewayOptions: InterGatewayOptions;
}

/**
 * The Inter adapter as the gateway conformance suite sees it: a loopback Cobrança v3 over
 * mutual TLS on a manual clock, issuing each boleto only when told (`issueProcessing`, as
 * Inter does a moment after the create), a loopback webhook endpoint that requires Inter's
 * webhook certificate, and Inter's own books as the provider records.
 */
export async function createInterHarness(
  options: { gateway?: Partial<InterGatewayOptions> } = {},
): Promise<InterHarness> {
  const pki = testPki();
  // Brasília mid-afternoon: a boleto due today is still accepted (the 19:59 cut-off).
  const clock = createManualClock("2026-03-10T15:00:00.000Z");
  const inter = await startInterMock({ pki, clock, issue: "manual", retryDelaysMs: [20, 100] });
  const receiver = await startLoopbackWebhookReceiver({
    serverCertificate: pki.issueServer(["127.0.0.1"]),
    clientCa: inter.webhookCaCertificate,
    path: "/webhooks/inter-account",
  });
  const settings = interOptionsSchema.parse({
    baseUrl: inter.baseUrl,
    clientId: inter.clientId,
    clientSecret: inter.clientSecret,
    certificate: inter.clientCertificate.certificate,
    privateKey: inter.clientCertificate.privateKey,
    webhookCaCertificate: inter.webhookCaCertificate,
  });
  const gatewayOptions: InterGatewayOptions = {
    ...settings,
    id: "inter",
    clock,
    webhookUrl: receiver.webhookUrl,
    ca: pki.caCertificate,
    timeoutMs: 2_000,
    ...options.gateway,
  };
  const gateway = createInterGateway(gatewayOptions);
  let seen = 0;
  return {
    inter,
    gatewayOptions,
    gateway,
    clock,
    advanceClock: async (ms) => void clock.advance(ms),
    cards: null,
    issueProcessing: async (codigoSolicitacao) => inter.issue(codigoSolicitacao),
    payPending: async (codigoSolicitacao) => inter.pay(codigoSolicitacao, "BOLETO"),
    payPendingTogether: async (references) => inter.payTogether(references, "PIX"),
    chargeOutsideUs: async () => void inter.chargeOutsideUs(),
    async deliveredNotifications(): Promise<WebhookInput[]> {
      await inter.notificationsSettled();
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
        if (method !== "boleto") return false;
        inter.timeoutNextCreate(kind);
        return true;
      },
      rateLimitNext: async () => inter.rateLimitNext(),
      withWrongCredentials: async () =>
        createInterGateway({ ...gatewayOptions, clientSecret: "someone-elses-secret" }),
      expireAccessToken: async () => inter.expireAccessToken(),
      tokenRequests: async () => inter.tokenRequests(),
    },
    forge: async (notification, forgery) =>
      forgeMutualTlsNotification<{ situacao: string; valorTotalRecebido?: string }[]>(
        notification,
        forgery,
        (body) => body.map((item) => ({ ...item, situacao: "RECEBIDO", valorTotalRecebido: "999999.00" })),
      ),
    providerRecords: async () => interProviderRecords(inter.records()),
    async close() {
      await inter.close();
      await receiver.close();
    },
  };
}
