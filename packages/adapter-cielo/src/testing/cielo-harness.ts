import type { CardInput, CardTokenizationSession, Gateway, WebhookInput } from "@tessera/core";
import {
  type ConformanceDeclineCode,
  createManualClock,
  type GatewayHarness,
  type ProviderRecords,
} from "@tessera/core/testing";
import { type CieloGatewayOptions, createCieloGateway } from "../cielo-gateway";
import { cieloOptionsSchema } from "../options";
import { type CieloMock, type CieloRecords, startCieloMock, testCardNumber } from "./mock-cielo";
import { productionDeclineHolderPrefix } from "./mock-cielo/card-outcome";
import { startLoopbackServer } from "./mock-cielo/loopback-server";

const methodOfType = { CreditCard: "card", Pix: "pix", Boleto: "boleto" } as const;

/**
 * Cielo's books as the conformance suite reads them: our sales with their method and what
 * the payer gave — a card once captured (an authorization only holds the money, a denial
 * takes nothing), a PIX or boleto once paid — and as refunds each void of a captured card
 * sale and each PIX devolução requested (pending) or taken (succeeded); a denied one gave
 * nothing back.
 */
export function cieloProviderRecords(books: CieloRecords): ProviderRecords {
  const ours = books.sales.filter((sale) => !sale.outside);
  const brl = (amount: number) => ({ amount, currency: "BRL" });
  return {
    charges: ours.map((sale) => ({
      idempotencyKey: sale.merchantOrderId,
      providerReference: sale.paymentId,
      method: methodOfType[sale.type],
      amount: brl(sale.amount),
      collected: brl(sale.type === "CreditCard" ? sale.capturedAmount : sale.paidAmount),
      recurrenceReference: sale.recurrentPaymentId,
    })),
    refunds: ours.flatMap((sale) => {
      if (sale.type === "Pix")
        return sale.pixRefunds
          .filter((refund) => refund.status !== "denied")
          .map((refund) => ({
            providerReference: sale.paymentId,
            refundKey: null,
            amount: brl(refund.amount),
            status: refund.status === "accepted" ? ("succeeded" as const) : ("pending" as const),
          }));
      if (sale.type !== "CreditCard" || sale.capturedAmount === 0) return [];
      return sale.voids.map((entry) => ({
        providerReference: sale.paymentId,
        refundKey: null,
        amount: brl(entry.amount),
        status: "succeeded" as const,
      }));
    }),
  };
}

/** The sandbox digit (or, with production codes, the issuer's code) for each decline the suite asks for. */
const sandboxDeclines: Partial<Record<ConformanceDeclineCode, string>> = {
  do_not_honor: "2",
  expired_card: "3",
  card_declined: "5",
};
const productionDeclines: Record<ConformanceDeclineCode, string> = {
  insufficient_funds: "51",
  stolen_card: "43",
  expired_card: "54",
  do_not_honor: "05",
  card_declined: "62",
};

export interface CieloHarness extends GatewayHarness {
  cielo: CieloMock;
  gatewayOptions: CieloGatewayOptions;
}

export const cieloNotificationHeader = {
  name: "X-Tessera-Notification",
  value: "cielo-notification-secret-1234",
};

/**
 * The Cielo adapter as the gateway conformance suite sees it: a loopback Cielo (transaction,
 * query and Silent Order Post hosts) on a manual clock, a loopback notification endpoint,
 * cards tokenized as the checkout page's script would, PIX (`Cielo2`) and Bradesco boletos
 * the payer pays through the mock, and Cielo's own books.
 */
export async function createCieloHarness(
  options: { returnCodes?: "sandbox" | "production"; gateway?: Partial<CieloGatewayOptions> } = {},
): Promise<CieloHarness> {
  const clock = createManualClock("2026-03-10T15:00:00.000Z");
  const received: WebhookInput[] = [];
  const receiver = await startLoopbackServer({
    handle(request) {
      received.push({ headers: request.headers, rawBody: request.body, url: request.url.toString() });
      return { status: 200 };
    },
  });
  const cielo = await startCieloMock({
    clock,
    returnCodes: options.returnCodes ?? "sandbox",
    notificationUrl: `${receiver.origin}/webhooks/cielo`,
    notificationHeaders: { [cieloNotificationHeader.name]: cieloNotificationHeader.value },
  });
  // PIX through Cielo2 (what a store integrating now must use) and Bradesco's registered
  // boletos — `Simulado` in the sandbox — so the suite runs its PIX and boleto scenarios.
  const settings = cieloOptionsSchema.parse({
    pix: true,
    pixProvider: "Cielo2",
    boleto: "Bradesco2",
    sandbox: (options.returnCodes ?? "sandbox") === "sandbox",
    merchantId: cielo.merchantId,
    merchantKey: cielo.merchantKey,
    sopClientId: cielo.sopClientId,
    sopClientSecret: cielo.sopClientSecret,
    notificationHeaderName: cieloNotificationHeader.name,
    notificationHeaderValue: cieloNotificationHeader.value,
    apiUrl: cielo.apiUrl,
    queryUrl: cielo.queryUrl,
    sopAuthUrl: cielo.sopUrl,
    sopUrl: cielo.sopUrl,
    sopScriptUrl: cielo.sopScriptUrl,
  });
  const gatewayOptions: CieloGatewayOptions = {
    ...settings,
    id: "cielo",
    clock,
    timeoutMs: 1_500,
    ...options.gateway,
  };
  const gateway = createCieloGateway(gatewayOptions);

  /** What the page's script does: the card to the SOP host with the session's access token. */
  async function postCard(session: CardTokenizationSession, number: string, holder = "Maria Souza") {
    const form = new URLSearchParams({
      AccessToken: session.accessToken,
      HolderName: holder,
      RawNumber: number,
      Expiration: "12/2030",
      SecurityCode: "123",
      EnableBinQuery: "true",
    });
    const answer = await fetch(session.postUrl, { method: "POST", body: form });
    const json = (await answer.json()) as { PaymentToken?: string; brand?: string; Message?: string };
    if (answer.status !== 201 || json.PaymentToken === undefined)
      return { refused: json.Message ?? `HTTP ${answer.status}` } as const;
    const card: CardInput = { type: "token", token: json.PaymentToken, brand: json.brand ?? "Visa" };
    return { card } as const;
  }

  async function tokenized(number: string, holder?: string): Promise<CardInput> {
    const session = await (
      gateway.cardTokenizationSession as NonNullable<Gateway["cardTokenizationSession"]>
    )({
      amount: { amount: 1000, currency: "BRL" },
    });
    const outcome = await postCard(session, number, holder);
    if ("refused" in outcome) throw new Error(`the mock refused a test card: ${outcome.refused}`);
    return outcome.card;
  }

  let seen = 0;
  return {
    cielo,
    gatewayOptions,
    gateway,
    clock,
    async advanceClock(ms) {
      clock.advance(ms);
      cielo.runDueRecurrences();
    },
    cards: {
      approved: () => tokenized(testCardNumber("1")),
      async declined(code) {
        if ((options.returnCodes ?? "sandbox") === "production")
          return tokenized(
            testCardNumber("1"),
            `${productionDeclineHolderPrefix}${productionDeclines[code]}`,
          );
        const digit = sandboxDeclines[code];
        return digit === undefined ? null : tokenized(testCardNumber(digit));
      },
      async timeout(kind) {
        cielo.timeoutNextCreate(kind);
        return tokenized(testCardNumber("1"));
      },
      tokenizeThroughSession: (session) => postCard(session, testCardNumber("1")),
      recurrentDeclines: () => tokenized(cielo.cardDecliningRecurrentCharges()),
    },
    payPending: async (providerReference) => cielo.payPending(providerReference),
    chargeOutsideUs: async () => void cielo.chargeOutsideUs(),
    async deliveredNotifications() {
      await cielo.notificationsSettled();
      const fresh = received.slice(seen);
      seen = received.length;
      return fresh;
    },
    faults: {
      async timeoutNextCreate(method, kind) {
        // The mock holds or drops any `POST /1/sales`: cards, PIX and boletos alike.
        if (!gateway.methods.includes(method)) return false;
        cielo.timeoutNextCreate(kind);
        return true;
      },
      withWrongCredentials: async () =>
        createCieloGateway({ ...gatewayOptions, merchantKey: "someone-elses-key" }),
    },
    async forge(notification, forgery) {
      const header = cieloNotificationHeader.name.toLowerCase();
      const headers = { ...notification.headers };
      switch (forgery) {
        case "bad_signature":
          return { ...notification, headers: { ...headers, [header]: "not-the-store-secret-value" } };
        case "missing_signature":
          delete headers[header];
          return { ...notification, headers };
        case "tampered_body": {
          const body = JSON.parse(notification.rawBody) as Record<string, unknown>;
          return {
            ...notification,
            rawBody: JSON.stringify({ ...body, ChangeType: 1, PaymentId: crypto.randomUUID() }),
          };
        }
        case "stale_timestamp":
          return null;
      }
    },
    refuseNextRefund: async () => cielo.refuseNextVoid(),
    providerRecords: async () => cieloProviderRecords(cielo.records()),
    async close() {
      await cielo.close();
      await receiver.close();
    },
  };
}
