/**
 * @module
 * `@tessera/pix-api/testing`: what a PIX adapter's tests need to run against a real API Pix
 * conversation on loopback — a test PKI for mutual TLS, and a mock PSP that speaks BACEN's API
 * Pix 2.9.0 and keeps its own books.
 */

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
export { createTestPki, type TestCertificate, type TestPki } from "./test-pki";
