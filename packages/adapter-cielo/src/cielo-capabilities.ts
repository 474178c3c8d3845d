import type { GatewayCapabilities, MethodRules, RefundRules } from "@tessera/core";
import { type CieloMethodOptions, cieloPixRefundWindowDays } from "./cielo-methods";
import { cieloReferenceLength } from "./merchant-order-id";

/** How many days after the sale Cielo still voids a card sale (manual "Cancelamento": 330; 690 with instalments). */
export const cieloVoidWindowDays = 330;

/** What a PIX needs: the payer's CPF or CNPJ (`Customer.Identity`, "Obrigatório: Sim", manual "Pix"). */
const pixRules: MethodRules = {
  payer: { document: true, address: false, phone: false },
  // `Amount` in cents, above zero (API error 108); Cielo documents no ceiling.
  minAmount: 1,
  maxAmount: null,
};

/**
 * What a registered boleto needs: the payer's address (`Customer.Address` street, number,
 * district, city, state and CEP are "Obrigatório: Sim", manual "Boleto") and CPF or CNPJ,
 * which a bank registers every boleto under.
 */
const boletoRules: MethodRules = {
  payer: { document: true, address: true, phone: false },
  minAmount: 1,
  maxAmount: null,
};

/** PIX refunds ("devolução") in full or in part, within 90 days; Cielo keeps no key of ours. */
const pixRefunds: RefundRules = { partial: true, windowDays: cieloPixRefundWindowDays, keyedByUs: false };

/**
 * What Cielo API E-commerce 3.0 does for this store, as data:
 * - cards tokenized in the browser by Silent Order Post (`PaymentToken`), saved for renewals
 *   (`CardToken`), authorized and captured later (in part, once), or charged at once;
 * - voids in full or in part once captured, within 330 days; Cielo keeps no key of ours for
 *   a void, so a lost void answer is reconciled by hand (`keyedByUs` false);
 * - PIX when switched on: the payer's CPF/CNPJ, a QR code, refunds ("devolução") in full or
 *   in part within 90 days, answered pending and done when Cielo's PIX provider takes them;
 * - boletos when switched on: the payer's CPF/CNPJ and address; Cielo voids no boleto
 *   ("Voided: todos, exceto boleto"), so they are absent from `refunds`;
 * - `cancel` only with the `Cielo2` PIX provider, which documents removing an unpaid QR code
 *   (`PUT /1/sales/{PaymentId}/void`, reference "Remove a Pix QR Code"); it also voids a card
 *   authorization in full, and refuses a boleto (Cielo cancels none through its API);
 * - a repeated `MerchantOrderId` makes a second sale: creates are never idempotent;
 * - `RecurrentPayment`: Cielo charges each later month by itself and notifies it;
 * - notifications carry only ids and the store's custom header, and are confirmed by query;
 * - `MerchantOrderId` is letters and digits, as long as the tightest method allows (25 with
 *   `Cielo2` PIX, 27 with Bradesco boletos, else 50).
 */
export function cieloCapabilities(
  options: CieloMethodOptions & { acceptRawCards: boolean; notificationHeaderName: string },
): GatewayCapabilities {
  const pix = options.pix;
  const boleto = options.boleto !== "off";
  return {
    currencies: ["BRL"],
    refunds: {
      card: { partial: true, windowDays: cieloVoidWindowDays, keyedByUs: false },
      ...(pix ? { pix: pixRefunds } : {}),
    },
    idempotentCreate: false,
    cancel: cieloCancels(options),
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
    references: { kind: "alphanumeric", minLength: 1, maxLength: cieloReferenceLength(options) },
    capture: true,
    methodRules: {
      card: { payer: { document: false, address: false, phone: false }, minAmount: 1, maxAmount: null },
      ...(pix ? { pix: pixRules } : {}),
      ...(boleto ? { boleto: boletoRules } : {}),
    },
    boletoDocument: false,
  };
}

/** `cancel` is declared only where Cielo documents dropping a pending attempt: a `Cielo2` PIX. */
export function cieloCancels(options: CieloMethodOptions): boolean {
  return options.pix && options.pixProvider === "Cielo2";
}
