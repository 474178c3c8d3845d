/**
 * `@tessera/adapter-cielo`: Cielo API E-commerce 3.0 for cards — the card tokenized in the
 * buyer's browser by Silent Order Post (`PaymentToken`) or saved for renewals (`CardToken`),
 * sales with or without capture, captures in full or part, voids, `RecurrentPayment` run by
 * Cielo, and notifications confirmed by querying the sale; return codes read per environment
 * (the sandbox's own) and per brand (issuers' ABECS codes).
 *
 * @example
 * ```ts
 * import { createCieloGateway } from "@tessera/adapter-cielo";
 * const cielo = createCieloGateway({ merchantId, merchantKey, sopClientId, sopClientSecret, … });
 * ```
 * @module
 */

export { parseStoredCardToken, storedCardToken } from "./card-token";
export { cieloCapabilities, cieloVoidWindowDays } from "./cielo-capabilities";
export { type CieloGatewayOptions, createCieloGateway } from "./cielo-gateway";
export { cieloProvider } from "./cielo-provider";
export { deactivateCieloRecurrence, fetchRecurrence, recurrenceStatuses } from "./cielo-recurrence";
export { parseCieloWebhook } from "./cielo-webhook";
export { type CieloClient, CieloTransportError, createCieloClient } from "./client";
export { cieloInstant, cieloStatusTable, mapCieloPayment } from "./mapping";
export {
  type CieloAddresses,
  type CieloOptions,
  cieloAddresses,
  cieloHosts,
  cieloOptionsSchema,
  cieloSecretFields,
} from "./options";
export * from "./return-codes";
export { cieloIntervals, cieloSaleBody } from "./sale-request";
export { sopFields } from "./sop-session";
