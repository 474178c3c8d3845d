import type { GatewayCapabilities } from "../ports/gateway";
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
    partialRefunds: true,
    idempotentCreate: true,
    cancel: true,
    cardTokenization: "client_side",
    storedCards: true,
    providerRecurrence: false,
    webhooks: Object.freeze({
      authentication: "hmac_signature",
      confirmsByLookup: false,
      registration: "manual",
      secretQueryParameters: Object.freeze([]),
      secretHeaders: Object.freeze([]),
    }),
    acceptsRawCard: options.acceptRawCardNumbers,
    // Shaped like API Pix's txid (26–35), so references made for the sandbox fit the strictest PIX PSP.
    references: Object.freeze({ kind: "alphanumeric", minLength: 26, maxLength: 35 }),
    capture: false,
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
