/**
 * `@tessera/adapter-pagolivre`: PagoLivre (Afinz) recurring credit — an order whose payment
 * link the payer opens by SMS, then monthly card charges PagoLivre makes by itself, notified
 * by callbacks (the API token in their URL) and confirmed by lookup. The wire protocol, with
 * what is documented, observed and assumed, is `pagolivre-protocol.ts` alone.
 * @module
 */
export { createPagoLivreClient, type PagoLivreClient, PagoLivreTransportError } from "./client";
export {
  centavosOf,
  mapMonthlyCharge,
  mapOrder,
  monthlyChargeReference,
  parseMonthlyChargeReference,
  reaisOf,
} from "./mapping";
export {
  type PagoLivreOptions,
  pagolivreBaseUrl,
  pagolivreOptionsSchema,
  pagolivreSecretFields,
} from "./options";
export { callbackUrlOf, guidOf, mobileNumberOf, orderCreateBody } from "./order-request";
export { pagolivreCapabilities } from "./pagolivre-capabilities";
export { createPagoLivreGateway, type PagoLivreGatewayOptions } from "./pagolivre-gateway";
export * from "./pagolivre-protocol";
export { pagolivreProvider } from "./pagolivre-provider";
export { parsePagoLivreWebhook } from "./pagolivre-webhook";
