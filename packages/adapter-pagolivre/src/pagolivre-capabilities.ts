import type { GatewayCapabilities } from "@tessera/core";
import { pagolivreProtocol } from "./pagolivre-protocol";

/**
 * What PagoLivre does, as data: a payment link the provider sends by SMS (the payer's CPF and
 * mobile phone required), paid on its hosted page, then N monthly charges it makes by itself
 * and notifies — at most 12, all equal, on days it picks, a declined month never retried
 * (`pagolivreProtocol.monthlyCharges`, assumed); cancelling an unpaid link; refunds in part
 * by `cancel` with an amount, each keyed by our `cancellationRequestId` (assumed); callbacks
 * authenticated only by the API token in their URL, so every one is confirmed by lookup;
 * references are UUIDs.
 */
export const pagolivreCapabilities: GatewayCapabilities = {
  currencies: ["BRL"],
  refunds: { payment_link: { partial: true, windowDays: null, keyedByUs: true } },
  // Documented, but the sandbox made a new order for each repeat (observed).
  idempotentCreate: false,
  cancel: true,
  cardTokenization: "none",
  storedCards: false,
  providerRecurrence: ["payment_link"],
  recurrenceRules: {
    maxCharges: pagolivreProtocol.create.maxInstallments,
    // PagoLivre divides the order's amount evenly over its monthly charges.
    equalCharges: true,
    // PagoLivre picks the days, a month apart from the order's creation (assumed).
    secondChargeDay: "one_interval_after_create",
    declinedCharge: pagolivreProtocol.monthlyCharges.declinedRetried ? "retry_then_end" : "next_period",
  },
  webhooks: {
    authentication: "shared_secret",
    confirmsByLookup: true,
    registration: "per_request",
    secretQueryParameters: [pagolivreProtocol.callback.tokenParameter],
    secretHeaders: [],
    trustedClientCertificateIssuers: [],
  },
  acceptsRawCard: false,
  references: { kind: "uuid" },
  capture: false,
  methodRules: {
    payment_link: { payer: { document: true, address: false, phone: true }, minAmount: 100, maxAmount: null },
  },
  boletoDocument: false,
};
