import { defaultRecurrenceRules, type GatewayCapabilities } from "../ports/gateway";
import type { ResolvedSandboxOptions } from "./sandbox-options";

/** The methods the sandbox offers. */
export const sandboxMethods = Object.freeze(["card", "pix", "boleto"] as const);

/**
 * What the sandbox declares to core, as data: everything a real provider might offer, so
 * the gateway conformance suite runs every scenario against it.
 */
export function sandboxCapabilities(options: ResolvedSandboxOptions): GatewayCapabilities {
  return Object.freeze({
    currencies: Object.freeze(["BRL"]),
    // By default cards and PIX refund in part, as Cielo and API Pix do, and a boleto cannot be
    // refunded, as at Banco Inter (`refundRules`); `sandbox-refund.ts` enforces exactly these.
    refunds: Object.freeze(
      Object.fromEntries(
        Object.entries(options.refundRules)
          .filter(([, rules]) => rules !== undefined)
          .map(([method, rules]) => [method, Object.freeze({ ...rules })]),
      ),
    ),
    idempotentCreate: true,
    cancel: true,
    cardTokenization: "client_side",
    storedCards: true,
    // As Cielo's RecurrentPayment: the sandbox charges a card each period by itself (sandbox-recurrence.ts).
    providerRecurrence: Object.freeze(options.providerRecurrence ? (["card"] as const) : ([] as const)),
    // Any count and amount, charge 2 on the requested day; a declined charge retried daily then
    // ending the recurrence (Cielo), or left declined for the next period (PagoLivre), as
    // `recurrenceDeclinedCharge` says and `sandbox-recurrence.ts` does. Declared only with a
    // recurrence to rule.
    ...(options.providerRecurrence
      ? {
          recurrenceRules: Object.freeze({
            ...defaultRecurrenceRules,
            declinedCharge: options.recurrenceDeclinedCharge,
          }),
        }
      : {}),
    webhooks: Object.freeze({
      authentication: "hmac_signature",
      confirmsByLookup: false,
      registration: "manual",
      secretQueryParameters: Object.freeze([]),
      secretHeaders: Object.freeze([]),
      // Its notifications are signed (HMAC), not sent over mutual TLS: no CA to trust.
      trustedClientCertificateIssuers: Object.freeze([]),
    }),
    acceptsRawCard: options.acceptRawCardNumbers,
    // Shaped like API Pix's txid (26–35), so references made for the sandbox fit the strictest PIX PSP.
    references: Object.freeze({ kind: "alphanumeric", minLength: 26, maxLength: 35 }),
    // Cards can be authorized only (`capture: false`) and captured later, in full or for less (sandbox-capture.ts).
    capture: true,
    // Its boletos link their PDF (`boletoPdfBaseUrl`): nothing to fetch through the port.
    boletoDocument: false,
    // As Banco Inter: a boleto needs the payer's CPF/CNPJ and address, and at least R$ 2,50.
    methodRules: Object.freeze({
      boleto: {
        payer: { document: true, address: true, phone: false },
        minAmount: 250,
        maxAmount: 9_999_999_999,
      },
    }),
  } as const);
}
