import type { GatewayCapabilities } from "@tessera/core";

/** How many days after the sale Cielo still voids a card sale (manual "Cancelamento": 330; 690 with instalments). */
export const cieloVoidWindowDays = 330;

/**
 * What Cielo API E-commerce 3.0 does for cards, as data:
 * - cards tokenized in the browser by Silent Order Post (`PaymentToken`), saved for renewals
 *   (`CardToken`), authorized and captured later (in part, once), or charged at once;
 * - voids in full or in part once captured, within 330 days; Cielo keeps no key of ours for
 *   a void, so a lost void answer is reconciled by hand (`keyedByUs` false);
 * - a repeated `MerchantOrderId` makes a second sale: creates are never idempotent;
 * - `RecurrentPayment`: Cielo charges each later month by itself and notifies it;
 * - notifications carry only ids and the store's custom header, and are confirmed by query;
 * - `MerchantOrderId` is 1–50 letters and digits.
 */
export function cieloCapabilities(options: {
  acceptRawCards: boolean;
  notificationHeaderName: string;
}): GatewayCapabilities {
  return {
    currencies: ["BRL"],
    refunds: { card: { partial: true, windowDays: cieloVoidWindowDays, keyedByUs: false } },
    idempotentCreate: false,
    cancel: false,
    cardTokenization: "client_side",
    storedCards: true,
    providerRecurrence: ["card"],
    webhooks: {
      authentication: "shared_secret",
      confirmsByLookup: true,
      registration: "manual",
      secretQueryParameters: [],
      secretHeaders: [options.notificationHeaderName.toLowerCase()],
      trustedClientCertificateIssuers: [],
    },
    acceptsRawCard: options.acceptRawCards,
    references: { kind: "alphanumeric", minLength: 1, maxLength: 50 },
    capture: true,
    methodRules: {
      card: { payer: { document: false, address: false, phone: false }, minAmount: 1, maxAmount: null },
    },
    boletoDocument: false,
  };
}
