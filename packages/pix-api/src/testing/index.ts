/**
 * @module
 * `@tessera/pix-api/testing`: what a PIX adapter's tests need to run against a real API Pix
 * conversation on loopback — a test PKI for mutual TLS, and a mock PSP that speaks BACEN's API
 * Pix 2.9.0 and keeps its own books — and the generic plumbing of such a mutual-TLS mock
 * (`mtls/`), which other providers' mocks (Banco Inter's) are built on too.
 */

export {
  type PropertyError,
  propertyErrors,
  schemaErrorLines,
  valueAt,
} from "./ajv-property-errors";

export {
  type LoopbackWebhookReceiver,
  type ReceivedCallback,
  startLoopbackWebhookReceiver,
} from "./mock-psp/loopback-webhook-receiver";
export { type PixPspMock, startPixPspMock } from "./mock-psp/pix-psp-mock";
export type { PixPspMockOptions } from "./mock-psp/pix-psp-mock-options";
export type {
  ChargeKind,
  CobrancaStatus,
  DevolucaoStatus,
  PspChargeRecord,
  PspDevolucaoRecord,
  PspPixRecord,
  PspRecords,
} from "./mock-psp/psp-books";
export type { PspDelivery } from "./mock-psp/psp-notifier";
export type { ClientAuthentication } from "./mock-psp/psp-oauth";
export type { PayOptions } from "./mock-psp/psp-payer";
export type { PixKeyHolder } from "./mock-psp/psp-receiver";
export { type BearerSession, bearerSession } from "./mtls/bearer-session";
export {
  answeringFailures,
  type MockAnswer,
  methodNotAllowed,
  parseJsonBody,
  readRequestBody,
  writeAnswer,
} from "./mtls/mock-exchange";
export {
  type CallbackAttempt,
  createMtlsCallbackNotifier,
  type MtlsCallbackNotifier,
  type MtlsCallbackNotifierOptions,
} from "./mtls/mtls-callback-notifier";
export { type MtlsAnswer, type MtlsCall, mtlsCall } from "./mtls/mtls-caller";
export { type MtlsServer, peerFingerprint, startMtlsServer } from "./mtls/mtls-server";
export { createOAuthTokens, type OAuthTokens, oauthErrorAnswer, sameSecret } from "./mtls/oauth-tokens";
export { matchRoute, type RouteRequest, type RouteTemplate } from "./mtls/route-match";
export { createTestPki, type TestCertificate, type TestPki } from "./test-pki";
