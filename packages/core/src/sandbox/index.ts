/**
 * `@tessera/core/sandbox` — an in-process payment provider with realistic behaviour, the
 * default gateway when nothing is configured: card tokens from its own tokenization
 * endpoint (so card data never touches the merchant's server), documented test cards that
 * approve, decline or time out, PIX and boletos that wait for the payer, partial refunds,
 * card recurrences it charges by itself, HMAC-signed notifications, and books of its own
 * that can live in a file and survive a crash.
 * @module
 */
export { type CardBrand, detectCardBrand, isLuhnValid } from "./card-number";
export type { CardTokenResult, RawCard } from "./card-tokenizer";
export type { SandboxNotification, WebhookDelivery } from "./notification-outbox";
export type { SandboxCharge, SandboxChargeStatus, SandboxRefund } from "./sandbox-charge";
export type { CardDeclineFaultCharge, CardDeclineFaultCode, SandboxFault } from "./sandbox-faults";
export { createSandboxGateway, type SandboxControls, type SandboxGateway } from "./sandbox-gateway";
export { readSandboxLedgerFile, type SandboxLedgerEntry } from "./sandbox-ledger";
export type { SandboxLedgerView } from "./sandbox-ledger-view";
export { type SandboxEventType, sandboxNotificationBodySchema } from "./sandbox-notification";
export {
  type SandboxGatewayOptions,
  type SandboxLog,
  type SandboxLogEntry,
  sandboxOptionsSchema,
} from "./sandbox-options";
export { sandboxProvider, sandboxProviderOptionsSchema } from "./sandbox-provider";
export type { SandboxRecurrence, SandboxRecurrenceStatus } from "./sandbox-recurrence-record";
export {
  type SandboxTestCardName,
  sandboxTestCards,
  type TestCard,
  type TestCardOutcome,
} from "./test-cards";
export { sandboxSignatureHeader, signWebhookPayload, verifyWebhookSignature } from "./webhook-signature";
