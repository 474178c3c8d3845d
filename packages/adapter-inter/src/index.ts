/**
 * `@tessera/adapter-inter`: Banco Inter's Cobrança v3 — boleto with PIX ("bolepix") issued
 * asynchronously, lookup by id or by our `seuNumero` in a date window, cancel, the PDF
 * through the API, callbacks over mutual TLS confirmed by lookup — on OAuth2 client
 * credentials over mutual TLS from `@tessera/pix-api`. A PIX alone at Inter is its API Pix:
 * connect it as a `@tessera/adapter-pix` account with Inter's addresses (docs/adapters/inter.md).
 *
 * @example
 * ```ts
 * import { interProvider } from "@tessera/adapter-inter";
 * const tessera = createTessera({ storage, providers: [interProvider], … });
 * ```
 * @module
 */
export { createInterClient, type InterClient, interAnswerError, interFieldIssues } from "./client";
export { type InterEmitBody, interEmitBody, interTimeZone } from "./emit-request";
export { interCapabilities } from "./inter-capabilities";
export { createInterGateway, type InterGatewayOptions } from "./inter-gateway";
export { interProvider } from "./inter-provider";
export { interSituacaoTable, mapInterCobranca, reaisToCentavos } from "./mapping";
export {
  type InterOptions,
  interBaseUrl,
  interOptionsSchema,
  interProductionBaseUrl,
  interSandboxBaseUrl,
  interSecretFields,
} from "./options";
export {
  type InterError,
  type InterRecuperarResponse,
  type InterSituacao,
  interCobrancaSchema,
  interEmitResponseSchema,
  interErrorSchema,
  interListarResponseSchema,
  interRecuperarResponseSchema,
  interSituacoes,
  interWebhookBodySchema,
  interWebhookItemSchema,
} from "./schemas";
