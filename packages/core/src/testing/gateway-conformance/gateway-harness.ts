import type { Money } from "../../money/money";
import type { PaymentMethod } from "../../payments/payment-method";
import type { Clock } from "../../ports/clock";
import type { CardInput, CardTokenizationSession, Gateway, WebhookInput } from "../../ports/gateway";

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
  /**
   * A card the provider approves when a create charges it and declines (with a standard code)
   * every time it charges it by itself for a recurrence, retries included — so the suite sees
   * the provider retry and give up. Null, or left out, when the provider cannot simulate it;
   * the declined-recurrence scenario is then skipped.
   */
  recurrentDeclines?(): Promise<CardInput | null>;
}

/**
 * Provider faults the suite injects, each optional: a scenario whose control is missing is
 * skipped with the reason. For an adapter these are the mock server's switches, played on
 * the wire (a held answer, a dropped connection, a 429, a 401); for the sandbox, its
 * `injectFault` and options. See docs/writing-an-adapter.md, "Fault controls".
 */
export interface FaultControls {
  /**
   * The provider's next create of `method` times out that way — `after_charge`: the mock
   * makes the charge and holds its answer past the client's timeout; `before_receipt`: the
   * connection drops before the mock reads the request. Answers false when the provider
   * cannot simulate it for that method. (Cards also have `CardControls.timeout`.)
   */
  timeoutNextCreate?(method: PaymentMethod, kind: TimeoutKind): Promise<boolean>;
  /** The provider answers its next request `429 Too Many Requests` with a `Retry-After`, and does nothing. */
  rateLimitNext?(): Promise<void>;
  /** The same gateway, on the same provider and books, configured with credentials the provider refuses. */
  withWrongCredentials?(): Promise<Gateway>;
  /**
   * The OAuth access token the gateway holds is expired at the provider from now on (the
   * mock answers 401 to it); a gateway without OAuth has none, and its harness leaves this out.
   */
  expireAccessToken?(): Promise<void>;
  /** How many access tokens the provider has issued so far (`POST /oauth/v2/token` calls). */
  tokenRequests?(): Promise<number>;
}

/**
 * One charge as the provider recorded it — its books, read without the adapter. A charge the
 * provider only plans (a recurrence's month still to come, or one stopped before it came) is
 * no record: the recurrence scenarios count what the provider charged.
 */
export interface ProviderChargeRecord {
  /** Our reference as the provider keeps it (MerchantOrderId, txid, seuNumero). */
  idempotencyKey: string;
  providerReference: string;
  method: PaymentMethod;
  amount: Money;
  /** What the provider took or holds from the payer: nothing while pending, declined or canceled. */
  collected: Money;
  /**
   * The recurrence the charge belongs to, charge 1 included, as the provider's books link
   * it (Cielo's `RecurrentPaymentId`); null or absent for a charge of none. A harness for a
   * gateway that declares `providerRecurrence` fills it: the recurrence scenarios find a
   * recurrence's charges by it, not by our key (which a provider may or may not reuse).
   */
  recurrenceReference?: string | null;
}

/** One refund as the provider recorded it. */
export interface ProviderRefundRecord {
  /** The charge it gives money back from. */
  providerReference: string;
  /** Our refund key as the provider keeps it, or null where the provider keeps none. */
  refundKey: string | null;
  amount: Money;
  /** Given back, or still to be (a refund the provider refused is no record at all). */
  status: "pending" | "succeeded";
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
   * Moves the provider's clock (and the gateway's) forward, for expiry and recurrence
   * scenarios; the provider does what falls due meanwhile (a recurrent charge on its day)
   * before it resolves. A harness without it has those scenarios skipped.
   */
  advanceClock?(ms: number): Promise<void>;
  /** Null exactly when the gateway offers no card method. */
  cards: CardControls | null;
  /** The payer pays a pending PIX, boleto or link, as the provider's own sandbox allows. */
  payPending(providerReference: string): Promise<void>;
  /**
   * `CardControls.recurrentDeclines` for a method the payer pays on the provider's side (a
   * PagoLivre link): the payer pays this pending charge, which started a provider recurrence,
   * with a card the provider approves now and declines, with a standard code, every time it
   * charges it by itself. Left out when the provider cannot simulate it; the
   * declined-recurrence scenario is then skipped for that method.
   */
  payPendingWithRecurrentDeclines?(providerReference: string): Promise<void>;
  /**
   * The provider finishes issuing a charge it answered `processing` (Inter's asynchronous
   * boleto: its line and PIX are ready); required to test a gateway whose creates answer
   * `processing`.
   */
  issueProcessing?(providerReference: string): Promise<void>;
  /** Time passes at the provider until an authorization never captured has lapsed; needed for the lapse scenario. */
  lapseAuthorizations?(): Promise<void>;
  /** Notifications the provider has sent since the last call, as the listener received them. */
  deliveredNotifications(): Promise<WebhookInput[]>;
  /**
   * Several payers pay these pending charges at once, and the provider posts their news in
   * one body (API Pix: `{"pix":[…]}`); left out where the provider sends one per payment.
   */
  payPendingTogether?(providerReferences: readonly string[]): Promise<void>;
  /**
   * Someone else charges on the same provider account (another system, the provider's
   * portal) under a reference we never made, and the payer pays: the provider then
   * notifies news about none of our payments.
   */
  chargeOutsideUs?(): Promise<void>;
  /** Provider faults to inject; absent when the harness can inject none. */
  faults?: FaultControls;
  /**
   * A counterfeit of a genuine notification; null when the gateway's authentication has
   * no such weakness to test (mutual TLS has no timestamp to make stale).
   */
  forge(notification: WebhookInput, forgery: WebhookForgery): Promise<WebhookInput | null>;
  /**
   * The provider refuses the next refund it is sent, as a real one it cannot make (Cielo's
   * void declined, API Pix's `NAO_REALIZADO`): it answers `failed` — at once, or `pending`
   * and then `failed` to `getRefund` without further prompting — and gives nothing back.
   * Without it, the refused-refund scenario is skipped.
   */
  refuseNextRefund?(): Promise<void>;
  /**
   * The provider answers the next refund `pending` and leaves it so until `settleRefund`
   * (API Pix's `EM_PROCESSAMENTO`); a provider whose refunds are always pending makes this a
   * no-op. Without both, the asynchronous-refund scenario is skipped.
   */
  holdNextRefund?(): Promise<void>;
  /** The provider finishes a refund it answered `pending`: gives the money back, or refuses it. */
  settleRefund?(
    refund: { refundKey: string; providerRefundReference: string },
    status: "succeeded" | "failed",
  ): Promise<void>;
  /** The provider's books — the independent path every scenario checks (STYLE 18). */
  providerRecords(): Promise<ProviderRecords>;
  /** Stops the mock server, removes temporary files. */
  close?(): Promise<void>;
}
