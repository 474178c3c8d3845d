import type { Money } from "../../money/money";
import type { PaymentMethod } from "../../payments/payment-method";
import type { CardInput, CardTokenizationSession, Gateway, WebhookInput } from "../../ports/gateway";
import type { Clock } from "../../time/clock";

/** The decline codes every card gateway must be able to report (the others are optional). */
export const conformanceDeclineCodes = [
  "insufficient_funds",
  "stolen_card",
  "expired_card",
  "do_not_honor",
  "card_declined",
] as const;
export type ConformanceDeclineCode = (typeof conformanceDeclineCodes)[number];

/**
 * `after_charge`: the provider charged, but its answer was lost. `before_receipt`: the
 * request never reached the provider.
 */
export type TimeoutKind = "after_charge" | "before_receipt";

/** Ways to counterfeit a notification the suite expects `parseWebhook` to see through. */
export type WebhookForgery =
  /** The proof is there but wrong (a signature with another secret, a wrong token). */
  | "bad_signature"
  /** No proof at all. */
  | "missing_signature"
  /** A genuine notification whose body was changed after it was signed. */
  | "tampered_body"
  /** A genuine notification replayed after the provider's tolerance window. */
  | "stale_timestamp";

/** The cards a provider's sandbox or mock server offers, as the checkout page would hand them over. */
export interface CardControls {
  /** A card the provider approves — usually a fresh token from its tokenization API. */
  approved(): Promise<CardInput>;
  /** A card the provider declines with this code; null when it cannot simulate that decline. */
  declined(code: ConformanceDeclineCode): Promise<CardInput | null>;
  /** A card whose charge times out that way; null when the provider cannot simulate it. */
  timeout(kind: TimeoutKind): Promise<CardInput | null>;
  /**
   * What the buyer's browser does with a `cardTokenizationSession`: fills the provider's
   * fields (`session.fields`) with an approved test card and posts them to `session.postUrl`
   * with its access token — through the provider's script or mock, never the adapter — and
   * answers the card for `createPayment` (token and brand, as the page's `tokenField` and
   * `brandField` would carry them), or `refused` with the provider's reason. Required when
   * the gateway declares `cardTokenization: "client_side"`.
   */
  tokenizeThroughSession?(
    session: CardTokenizationSession,
  ): Promise<{ card: CardInput; refused?: never } | { refused: string }>;
}

/** One charge as the provider recorded it — its books, read without the adapter. */
export interface ProviderChargeRecord {
  /** Our reference as the provider keeps it (MerchantOrderId, txid, seuNumero). */
  idempotencyKey: string;
  providerReference: string;
  method: PaymentMethod;
  amount: Money;
  /** What the provider took or holds from the payer: nothing while pending, declined or canceled. */
  collected: Money;
}

/** One refund as the provider recorded it. */
export interface ProviderRefundRecord {
  /** The charge it gives money back from. */
  providerReference: string;
  /** Our refund key as the provider keeps it, or null where the provider keeps none. */
  refundKey: string | null;
  amount: Money;
}

export interface ProviderRecords {
  charges: ProviderChargeRecord[];
  refunds: ProviderRefundRecord[];
}

/**
 * What a gateway package gives the conformance suite: the gateway under test and the
 * provider-side controls the suite needs. For an adapter these talk to its loopback mock
 * server (the payer pays, the mock's books are read); for the sandbox, to its controls.
 * Every scenario gets a fresh harness, so no scenario depends on another.
 */
export interface GatewayHarness {
  gateway: Gateway;
  /** The clock the provider reads (due dates and expiry are computed from it). */
  clock: Clock;
  /**
   * Moves the provider's clock (and the gateway's) forward, for expiry scenarios; a harness
   * without it has those scenarios skipped.
   */
  advanceClock?(ms: number): Promise<void>;
  /** Null exactly when the gateway offers no card method. */
  cards: CardControls | null;
  /** The payer pays a pending PIX, boleto or link, as the provider's own sandbox allows. */
  payPending(providerReference: string): Promise<void>;
  /** Notifications the provider has sent since the last call, as the listener received them. */
  deliveredNotifications(): Promise<WebhookInput[]>;
  /**
   * A counterfeit of a genuine notification; null when the gateway's authentication has
   * no such weakness to test (mutual TLS has no timestamp to make stale).
   */
  forge(notification: WebhookInput, forgery: WebhookForgery): Promise<WebhookInput | null>;
  /** The provider's books — the independent path every scenario checks (STYLE 18). */
  providerRecords(): Promise<ProviderRecords>;
  /** Stops the mock server, removes temporary files. */
  close?(): Promise<void>;
}
