/**
 * The gateway port: what a payment provider adapter implements. This comment is the
 * vendor's guide; `@tessera/core/testing` has the conformance suite every adapter runs.
 *
 * ## When core calls what
 * - `createPayment` — once per payment row, *after* that row and its `idempotencyKey` are
 *   committed (write-ahead). Core never calls it twice with one key: when an outcome is
 *   `unknown`, core first calls `getPayment({ idempotencyKey })`, and only a payment the
 *   provider provably never received (`null`) is attempted again, under a new key.
 * - `getPayment` — by our key (recovery after a timeout or crash) or by the provider's
 *   reference (refreshing a pending payment). Must be side-effect free.
 * - `refund` — after core checked the amount against what was collected less refunds.
 * - `cancel` — only when `capabilities.cancel` is true: drops a pending attempt (a PIX
 *   charge, a boleto, an unpaid link) so the payer can no longer pay it.
 * - `parseWebhook` — with the raw body exactly as received. Authenticates it the way
 *   `capabilities.webhooks.authentication` says, and returns the provider's news; where the
 *   proof is weak (`confirmsByLookup`), it asks the provider before answering.
 *
 * ## What an adapter guarantees
 * - Expected outcomes are values: a decline is `{ status: "declined" }`, never a throw.
 * - A timeout, a reset connection, or a 5xx after the request may have reached the
 *   provider is `{ status: "unknown" }` — never "declined". Retry automatically only what
 *   provably never left this process.
 * - Throw `GatewayError` (a `TesseraError` with code `gateway_configuration`,
 *   `gateway_authentication` or `gateway_invalid_request`, and `details.origin` = the
 *   gateway id) only for bad configuration, refused credentials and invalid requests.
 * - Never log, keep or echo a card number, CVV or credential.
 *
 * @example
 * ```ts
 * const result = await gateway.createPayment({ idempotencyKey: "pay_01J…", method: "pix", … });
 * switch (result.status) {
 *   case "succeeded": …; case "pending": show(result.action); …; case "unknown": leave for recovery
 * }
 * ```
 * @module
 */
import type { PostalAddress } from "../customers/customer";
import type { TaxDocument } from "../customers/tax-document";
import type { Money } from "../money/money";
import type { DeclineCode } from "../payments/decline-code";
import type { PayerAction } from "../payments/payer-action";
import type { CardSummary } from "../payments/payment";
import type { PaymentMethod } from "../payments/payment-method";
import type { CalendarDate } from "../time/calendar-date";
import type { Instant } from "../time/instant";

/** How an adapter proves a notification came from its provider. */
export type WebhookAuthentication =
  /** An HMAC of the raw body with a shared secret, checked in `parseWebhook`. */
  | "hmac_signature"
  /** The provider's client certificate, verified below the adapter (listener or proxy). */
  | "mutual_tls"
  /** A fixed secret in a header or the URL; weak, so confirmed by lookup. */
  | "shared_secret"
  /** Nothing at all; everything is confirmed by lookup. */
  | "none";

/**
 * What a gateway can do, as data. Core and the back office read these; the conformance
 * suite tests each declared ability and checks that optional methods exist exactly when
 * their flag says so.
 */
export interface GatewayCapabilities {
  /** ISO currencies it charges in. */
  currencies: readonly string[];
  /** Several refunds of one payment, each of part of it. */
  partialRefunds: boolean;
  /** `createPayment` twice with one key yields one charge (API Pix `PUT /cob/{txid}`). */
  idempotentCreate: boolean;
  /** `cancel` exists and drops a pending attempt. */
  cancel: boolean;
  /**
   * Card data goes from the buyer's browser straight to the provider, which answers a
   * token for `createPayment` (`client_side`); `none` for methods without cards.
   */
  cardTokenization: "client_side" | "none";
  /** `createPayment` can return a reusable card token for renewals. */
  storedCards: boolean;
  /** The provider itself charges each period and notifies (Cielo RecurrentPayment, PagoLivre). */
  providerRecurrence: boolean;
  /** How notifications arrive, or null when the provider sends none. */
  webhooks: { authentication: WebhookAuthentication; confirmsByLookup: boolean } | null;
  /** A raw card number may reach `createPayment` (the sandbox, or a PCI-compliant integrator's explicit option). */
  acceptsRawCard: boolean;
}

/** The card to charge. A raw number only where `capabilities.acceptsRawCard` is true. */
export type CardInput =
  /** A short-lived token the provider's browser script produced (Cielo PaymentToken). */
  | { type: "token"; token: string; saveForRenewals?: boolean }
  /** A reusable token kept from an earlier payment (Cielo CardToken). */
  | { type: "stored"; token: string }
  | { type: "raw"; number: string; holder: string; expMonth: number; expYear: number; cvc: string };

export interface GatewayPayer {
  name: string;
  email: string;
  phone: string | null;
  document: TaxDocument | null;
  /** Required by some methods (Banco Inter boletos). */
  address: PostalAddress | null;
}

export interface CreatePaymentRequest {
  /** Our reference: the provider knows the payment by it, and `getPayment` finds it by it. */
  idempotencyKey: string;
  amount: Money;
  method: PaymentMethod;
  description: string;
  payer: GatewayPayer;
  card?: CardInput;
  /** For boletos: the day it is due. */
  dueDate?: CalendarDate;
  /** For PIX and links: how long the payer has. */
  expiresInSeconds?: number;
  /** Where a redirect-based method sends the payer back. */
  returnUrl?: string;
}

/** The provider's answer about one payment. */
export type PaymentResult =
  | (PaymentResultBase & { status: "succeeded"; card: CardSummary | null; paidAt: Instant | null })
  | (PaymentResultBase & { status: "authorized"; card: CardSummary | null })
  | (PaymentResultBase & { status: "pending"; action: PayerAction })
  | (PaymentResultBase & { status: "requires_action"; action: PayerAction })
  | (PaymentResultBase & { status: "declined"; declineCode: DeclineCode; message: string })
  /** Dropped before it was paid: cancelled by us, or expired at the provider. */
  | (PaymentResultBase & { status: "canceled" })
  /** Nobody can tell yet whether the provider has it. Never reported as a failure. */
  | { status: "unknown"; providerReference: string | null; rawStatus: string | null; reason: string };

/** What every settled answer carries. */
export interface PaymentResultBase {
  providerReference: string;
  /** The provider's own status word or code, kept for support. */
  rawStatus: string;
  amount: Money;
  /** What has been refunded of it so far, as the provider counts it. */
  refundedAmount: Money;
}

export type PaymentLookup = { idempotencyKey: string } | { providerReference: string };

export interface RefundRequest {
  /** Our refund's own key, so the provider can tell two refunds of one payment apart. */
  refundKey: string;
  providerReference: string;
  paymentIdempotencyKey: string;
  amount: Money;
}

export type RefundResult =
  | { status: "succeeded" | "pending"; providerRefundReference: string; rawStatus: string }
  | { status: "failed"; providerRefundReference: string | null; rawStatus: string; message: string }
  | { status: "unknown"; reason: string };

/** One piece of news from a provider, already authenticated (or confirmed by lookup). */
export interface GatewayEvent {
  /** Unique per provider event: the inbox keys on it, so a replay is a no-op. */
  providerEventId: string;
  /** The payment's state as the provider now reports it. */
  payment: PaymentResult;
  /** Our key, when the notification carries it. */
  idempotencyKey: string | null;
  occurredAt: Instant;
}

export type WebhookParseResult =
  | { authentic: true; events: GatewayEvent[] }
  | { authentic: false; reason: string };

export interface WebhookInput {
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  /** The body exactly as received: signatures are computed over these bytes. */
  rawBody: string;
  /** Set by the listener or a trusted proxy once it verified the provider's client certificate. */
  verifiedClientCertificate?: { subject: string; fingerprint256: string };
}

/**
 * A payment provider, as core sees it. Build one with a factory
 * (`createSandboxGateway(options)`), never a class hierarchy.
 */
export interface Gateway {
  /** Stable id, also the key in storage (`sandbox`, `cielo`, `pix`, `inter`, `pagolivre`). */
  readonly id: string;
  readonly methods: readonly PaymentMethod[];
  readonly capabilities: GatewayCapabilities;
  createPayment(request: CreatePaymentRequest): Promise<PaymentResult>;
  /** The payment as the provider knows it, or null when the provider never received it. */
  getPayment(lookup: PaymentLookup): Promise<PaymentResult | null>;
  refund(request: RefundRequest): Promise<RefundResult>;
  /** Present exactly when `capabilities.cancel` is true. */
  cancel?(lookup: PaymentLookup): Promise<PaymentResult>;
  parseWebhook(input: WebhookInput): Promise<WebhookParseResult>;
}
