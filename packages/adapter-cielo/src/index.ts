/**
 * `@tessera/adapter-cielo`: Cielo API E-commerce 3.0 for cards — the card tokenized in the
 * buyer's browser by Silent Order Post (`PaymentToken`) or saved for renewals (`CardToken`),
 * sales with or without capture, captures in full or part, voids, `RecurrentPayment` run by
 * Cielo, and notifications confirmed by querying the sale; return codes read per environment
 * (the sandbox's own) and per brand (issuers' ABECS codes). PIX (`Cielo2` or legacy: QR code,
 * devolução, removal of an unpaid QR code) and registered boletos (Bradesco, Banco do Brasil)
 * when the options switch them on.
 *
 * @example
 * ```ts
 * import { createCieloGateway } from "@tessera/adapter-cielo";
 * const cielo = createCieloGateway({ merchantId, merchantKey, sopClientId, sopClientSecret, … });
 * ```
 * @module
 */

export { cieloBoletoSaleBody } from "./boleto-sale-request";
export { parseStoredCardToken, storedCardToken } from "./card-token";
export { cieloCancels, cieloCapabilities, cieloVoidWindowDays } from "./cielo-capabilities";
export { type CieloGatewayOptions, createCieloGateway } from "./cielo-gateway";
export {
  type CieloBoletoProvider,
  type CieloMethodOptions,
  type CieloPixProvider,
  cielo2PixMaxLifetimeSeconds,
  cieloBoletoProviders,
  cieloMethods,
  cieloPixProviders,
  cieloPixRefundWindowDays,
  cieloSandboxBoletoProvider,
  defaultPixLifetimeSeconds,
  legacyPixLifetimeSeconds,
} from "./cielo-methods";
export { cieloProvider } from "./cielo-provider";
export { deactivateCieloRecurrence, fetchRecurrence, recurrenceStatuses } from "./cielo-recurrence";
export { parseCieloWebhook } from "./cielo-webhook";
export { type CieloClient, CieloTransportError, createCieloClient } from "./client";
export {
  type CieloReading,
  type CieloSaleKind,
  cieloInstant,
  cieloKindOf,
  cieloStatusTable,
  mapCieloPayment,
} from "./mapping";
export { cieloReferenceLength, merchantOrderIdLimit } from "./merchant-order-id";
export {
  type CieloAddresses,
  type CieloOptions,
  cieloAddresses,
  cieloHosts,
  cieloOptionsSchema,
  cieloSecretFields,
} from "./options";
export { boletoPayerAction, pixPayerAction } from "./payer-action";
export { cieloPixSaleBody, pixLifetimeSeconds } from "./pix-sale-request";
export * from "./return-codes";
export { cieloIntervals, cieloSaleBody } from "./sale-request";
export { sopFields } from "./sop-session";
