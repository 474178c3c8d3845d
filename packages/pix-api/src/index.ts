/**
 * `@tessera/pix-api`: BACEN's API Pix (2.9.0) client that Tessera's PIX and Banco Inter
 * adapters share, so neither imports the other (DESIGN §1) — OAuth2 client credentials over
 * mutual TLS with tokens cached per scope set, `cob` and `cobv` by our txid, received Pix,
 * devoluções by our id, webhook registration, the callbacks' bodies, and the spec's
 * problem+json errors as field issues. Base URL, token URL, certificate, key and CA are
 * options, so any PSP — or the loopback PSP in `@tessera/pix-api/testing` — is one client.
 *
 * @example
 * ```ts
 * import { createPixApiClient, pixValor } from "@tessera/pix-api";
 * const pix = createPixApiClient({ baseUrl, tokenUrl, clientId, clientSecret, certificate, privateKey, clock, origin: "pix" });
 * const cob = await pix.putCob(txid, { calendario: { expiracao: 3600 }, valor: { original: pixValor(amount) }, chave });
 * ```
 * @module
 */
export {
  createMtlsOAuthSession,
  type MtlsGatewayDeps,
  type MtlsOAuthSessionOptions,
} from "./mtls-oauth-session";
export {
  createMtlsTransport,
  type MtlsIdentity,
  type MtlsTransportOptions,
  type PixHttpRequest,
  type PixHttpResponse,
  type PixTransport,
  PixTransportError,
} from "./mtls-transport";
export {
  type ClientAuthentication,
  createOAuthTokenSource,
  type OAuthTokenSource,
  type OAuthTokenSourceOptions,
  retryAfterSeconds,
} from "./oauth-token-source";
export { centavosOfPixValor, moneyOfPixValor, pixValor } from "./pix-amount";
export {
  type ChargeRevision,
  type CobRequest,
  type CobvRequest,
  createPixApiClient,
  type DevolucaoRequest,
  type PixApiClient,
  type PixApiClientOptions,
  type PixDevedor,
} from "./pix-api-client";
export { type PixCallbackParse, parsePixCallback } from "./pix-callback";
export { pixAnswerError, problemFieldIssues, problemTypeOf, readProblem } from "./pix-problem";
export type {
  Cob,
  CobStatus,
  Cobv,
  Devolucao,
  DevolucaoStatus,
  Pix,
  PixList,
  PixProblem,
  PixWebhook,
} from "./schemas";
export { trustedIssuerFromPem } from "./trusted-issuer";
export { devolucaoIdPattern, isDevolucaoId, isTxid, txidPattern } from "./txid";
export { createWebhookRegistration, type WebhookRegistration } from "./webhook-registration";
