import type { WebhookInput } from "@tessera/core";
import { createManualClock, type GatewayHarness, type ProviderRecords } from "@tessera/core/testing";
import { monthlyChargeReference } from "../mapping";
import { createPagoLivreGateway, type PagoLivreGatewayOptions } from "../pagolivre-gateway";
import {
  type PagoLivreInstallmentRecord,
  type PagoLivreMock,
  type PagoLivreRecords,
  startLoopbackCallbackReceiver,
  startPagoLivreMock,
} from "./mock-pagolivre";

/**
 * PagoLivre's books as the conformance suite reads them: each order is charge 1, each later
 * monthly charge PagoLivre made (paid or declined) its own; a month still to come, or stopped
 * before it came, is no charge yet.
 */
export function pagolivreProviderRecords(books: PagoLivreRecords): ProviderRecords {
  const zero = { amount: 0, currency: "BRL" };
  const made = (charge: PagoLivreInstallmentRecord) =>
    charge.number === 1 || charge.status === "paid" || charge.status === "declined";
  return {
    charges: books.orders.flatMap((order) =>
      order.installments.filter(made).map((charge) => {
        const reference =
          charge.number === 1 ? order.id : monthlyChargeReference(order.orderKey, charge.number);
        return {
          idempotencyKey: charge.number === 1 ? order.orderKey : reference,
          providerReference: reference,
          method: "payment_link" as const,
          amount: charge.amount,
          collected: charge.status === "paid" ? charge.amount : zero,
          recurrenceReference: order.installments.length > 1 ? order.id : null,
        };
      }),
    ),
    refunds: books.orders.flatMap((order) =>
      order.refunds.map((refund) => ({
        providerReference: order.id,
        // PagoLivre keeps a GUID made from our refund key, not the key itself.
        refundKey: null,
        amount: refund.amount,
        status: refund.status === "refunded" ? ("succeeded" as const) : ("pending" as const),
      })),
    ),
  };
}

export interface PagoLivreHarness extends GatewayHarness {
  pagolivre: PagoLivreMock;
  gatewayOptions: PagoLivreGatewayOptions;
}

/**
 * The PagoLivre adapter as the gateway conformance suite sees it: a loopback PagoLivre on a
 * manual clock (its lookup rate limit off: the suite looks up far more often than once a
 * second, and the limit has tests of its own) that makes the monthly charges falling due as
 * the clock moves, a loopback callback endpoint, the payer paying on the hosted page — with a
 * card whose monthly charges succeed, or one whose every monthly charge is declined — and
 * PagoLivre's books.
 */
export async function createPagoLivreHarness(
  options: { behaviour?: "documented" | "observed" } = {},
): Promise<PagoLivreHarness> {
  const clock = createManualClock("2026-03-10T15:00:00.000Z");
  const pagolivre = await startPagoLivreMock({
    clock,
    enforceLookupRateLimit: false,
    behaviour: options.behaviour ?? "documented",
    retryDelaysMs: [10, 20],
    createHoldMs: 600,
  });
  const receiver = await startLoopbackCallbackReceiver();
  const gatewayOptions: PagoLivreGatewayOptions = {
    sandbox: true,
    token: pagolivre.token,
    baseUrl: pagolivre.baseUrl,
    userAgent: "Tessera conformance",
    id: "pagolivre",
    clock,
    timeoutMs: 300,
    webhookUrl: receiver.callbackUrl,
  };
  const gateway = createPagoLivreGateway(gatewayOptions);
  let seen = 0;
  const withToken = (notification: WebhookInput, token: string | null): WebhookInput => {
    const url = new URL(notification.url ?? "", "http://callback.invalid");
    if (token === null) url.searchParams.delete("accessToken");
    else url.searchParams.set("accessToken", token);
    return { ...notification, url: `${url.pathname}${url.search}` };
  };
  return {
    pagolivre,
    gatewayOptions,
    gateway,
    clock,
    // PagoLivre lives through the time that passed: the monthly charges that fell due are made.
    async advanceClock(ms) {
      clock.advance(ms);
      pagolivre.runDueCharges();
    },
    cards: null,
    payPending: async (reference) => pagolivre.pay(reference),
    payPendingWithRecurrentDeclines: async (reference) =>
      pagolivre.pay(reference, { laterCharges: "declined" }),
    async deliveredNotifications() {
      await pagolivre.notificationsSettled();
      const all = receiver.received();
      const fresh = all.slice(seen);
      seen = all.length;
      return fresh.map((callback) => ({
        headers: callback.headers,
        rawBody: callback.rawBody,
        url: callback.url,
      }));
    },
    faults: {
      async timeoutNextCreate(method, kind) {
        if (method !== "payment_link") return false;
        pagolivre.timeoutNextCreate(kind);
        return true;
      },
      rateLimitNext: async () => pagolivre.rateLimitNext(),
      withWrongCredentials: async () =>
        createPagoLivreGateway({ ...gatewayOptions, token: "someone-elses-token" }),
    },
    async forge(notification, forgery) {
      switch (forgery) {
        case "bad_signature":
          return withToken(notification, "not-the-api-token");
        case "missing_signature":
          return withToken(notification, null);
        case "tampered_body": {
          const body = JSON.parse(notification.rawBody) as Record<string, unknown>;
          return { ...notification, rawBody: JSON.stringify({ ...body, orderKey: crypto.randomUUID() }) };
        }
        case "stale_timestamp":
          return null;
      }
    },
    // No hold and settle controls: PagoLivre sends no news of a refund (assumed), so the
    // pending-refund scenario, which waits for that news, is skipped.
    providerRecords: async () => pagolivreProviderRecords(pagolivre.records()),
    async close() {
      await pagolivre.close();
      await receiver.close();
    },
  };
}
