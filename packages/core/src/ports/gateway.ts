/**
 * The gateway port: what a payment provider adapter implements. This comment is the
 * vendor's guide; `@tessera/core/testing` has the conformance suite every adapter runs.
 *
 * ## When core calls what
 * - `createPayment` — once per payment row, *after* that row and its `idempotencyKey` are
 *   committed (write-ahead). The key is our reference at the provider, made by core in the
 *   shape `capabilities.references` declares. Core never calls it twice with one key: when
 *   an outcome is `unknown`, core first calls `getPayment`, and only a payment the provider
 *   provably never received (`null`) is attempted again, under a new key. Before the
 *   write-ahead, core checks the request against `capabilities.methodRules`, so a request
 *   the provider would refuse for a missing CPF or a too-small amount never blocks anyone.
 * - `getPayment` — with everything core knows of the payment (`PaymentReference`): our key,
 *   the provider's reference once known, the method, the amount and when it was created, so
 *   a provider that lists by our reference only inside a date window, or keeps PIX `cob` and
 *   `cobv` apart, can find it. Must be side-effect free. `null` means the provider provably
 *   never received it; a payment older than the provider keeps records is `unknown`.
 * - `refund` — after core checked the amount against what was collected less refunds, and
 *   against `capabilities.refunds` for the method (partial or not, within its window).
 *   `getRefund` — for a refund whose answer was `unknown` or is still `pending`.
 * - `deactivateRecurrence` — only when `capabilities.providerRecurrence` is not empty: when
 *   a contract whose later charges the provider makes is canceled.
 * - `cancel` — only when `capabilities.cancel` is true: drops a pending attempt (a PIX
 *   charge, a boleto, an unpaid link) so the payer can no longer pay it. It answers the
 *   payment as it then stands: `canceled`, or what it is when it could not be canceled
 *   (already paid, still processing) — never a throw for those.
 * - `capture` — only when `capabilities.capture` is true: settles an `authorized` card
 *   payment, in full or for less. Core never reports an authorization as paid.
 * - `cardTokenizationSession` — only when `capabilities.cardTokenization` is
 *   `"client_side"`: once per checkout page shown, before the buyer types a card. It answers
 *   what the page needs for the provider's browser script (script URL, a per-checkout access
 *   token and its expiry, the form's field names), so the card goes from the browser straight
 *   to the provider and only a token reaches `createPayment` (DESIGN §3). Cielo's Silent Order
 *   Post takes four steps: the server gets an OAuth access token, trades it for a per-checkout
 *   SOP access token (this method does both), the page posts the card through Cielo's script
 *   and receives a `PaymentToken`, and the server charges it with the card's `Brand`.
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
  /**
   * What refunds each method allows (`RefundRules`), checked by core before a refund is
   * written. A method absent here cannot be refunded through the provider (Banco Inter
   * boletos): staff refund it to the wallet or by hand.
   */
  refunds: Readonly<Partial<Record<PaymentMethod, RefundRules>>>;
  /** `createPayment` twice with one key yields one charge (API Pix `PUT /cob/{txid}`). */
  idempotentCreate: boolean;
  /** `cancel` exists and drops a pending attempt. */
  cancel: boolean;
  /**
   * Card data goes from the buyer's browser straight to the provider, which answers a
   * token for `createPayment` (`client_side`, and `cardTokenizationSession` exists); `none`
   * for gateways without cards, or whose cards are paid on the provider's hosted page.
   */
  cardTokenization: "client_side" | "none";
  /** `createPayment` can return a reusable card token for renewals. */
  storedCards: boolean;
  /**
   * The methods for which the provider itself charges each period and notifies (Cielo
   * RecurrentPayment: `card`; PagoLivre's monthly charges: `payment_link`); empty for none.
   * `deactivateRecurrence` exists exactly when this is not empty. A sale of a plan with more
   * than one period, paid by such a method, sends `CreatePaymentRequest.recurrence`.
   */
  providerRecurrence: readonly PaymentMethod[];
  /**
   * How the provider runs the recurrences of `providerRecurrence`, where it differs from
   * `defaultRecurrenceRules` (any count and amount, charge 2 on the requested day, a declined
   * charge retried until the provider gives up and ends the recurrence: Cielo's
   * RecurrentPayment and the sandbox). Absent means those defaults; meaningless without
   * provider recurrence. PagoLivre declares its own: 12 equal monthly charges at most, on days
   * it picks, a declined month left declined.
   */
  recurrenceRules?: RecurrenceRules;
  /** How notifications arrive, or null when the provider sends none. */
  webhooks: WebhookCapabilities | null;
  /** A raw card number may reach `createPayment` (the sandbox, or a PCI-compliant integrator's explicit option). */
  acceptsRawCard: boolean;
  /** The shape of our reference at this provider; core makes every key in it. */
  references: ReferenceRules;
  /** `createPayment({ capture: false })` authorizes only, and `capture` exists. */
  capture: boolean;
  /**
   * What each method needs of the payer and of the amount, checked by core before anything
   * is written. A method absent here needs nothing beyond the port's request.
   */
  methodRules: Readonly<Partial<Record<PaymentMethod, MethodRules>>>;
  /**
   * `boletoDocument` exists and answers a boleto's PDF, for providers that hand it over only
   * through their authenticated API (Banco Inter: `GET /cobranca/v3/cobrancas/{id}/pdf`), so
   * the server serves it to the payer itself. False where `PayerAction.pdfUrl` links the
   * provider's own copy, or where the provider issues no boletos.
   */
  boletoDocument: boolean;
}

/**
 * What a provider's own recurrence takes and how it runs it, as data: what core may ask for
 * in `CreatePaymentRequest.recurrence`, and what follows each charge the provider makes. The
 * conformance suite builds its recurrence requests and its expectations from it.
 */
export interface RecurrenceRules {
  /**
   * The most charges one recurrence may have, charge 1 included; null for no limit (the
   * default). A provider with a limit runs fixed counts only: `RecurrenceRequest.charges` is
   * 2 to this, never null, so an open-ended plan cannot be sold through its recurrence
   * (PagoLivre: 1 to 12 monthly charges per order).
   */
  maxCharges: number | null;
  /**
   * Every charge collects the same: the provider divides one total evenly (PagoLivre), so
   * `RecurrenceRequest.amount` must equal the create's `amount`, and an enrollment fee
   * cannot ride on charge 1. False (the default): each later charge collects
   * `RecurrenceRequest.amount`, whatever charge 1 took.
   */
  equalCharges: boolean;
  /**
   * Who picks the day of charge 2 (each later one falls on that day of its period):
   * - `requested` (the default): the provider charges on `RecurrenceRequest.secondChargeOn`
   *   (Cielo's `StartDate`, the sandbox);
   * - `one_interval_after_create`: the provider picks it itself, one interval after the day
   *   of the create in Brasília, whatever `secondChargeOn` says (PagoLivre, assumed: a month
   *   after the order was made). A contract whose second period falls due on another day is
   *   still charged on the provider's day, so core must not expect the charge on the
   *   contract's due day, nor think it late before the provider's.
   */
  secondChargeDay: "requested" | "one_interval_after_create";
  /**
   * What follows a charge the provider made by itself that was declined:
   * - `retry_then_end` (the default): the provider tries that charge again (attempt 2, 3, …,
   *   days apart) and, when it gives up, ends the recurrence: its last try says
   *   `recurrenceEnded` (Cielo: up to four tries; the sandbox: daily);
   * - `next_period`: the provider never tries it again; that period stays declined, the next
   *   one is charged on its own day, and only the last charge, paid or declined, ends the
   *   recurrence (PagoLivre, assumed). The provider never collects the declined period:
   *   core (dunning, staff) has to, and must not wait for a retry that never comes.
   */
  declinedCharge: "retry_then_end" | "next_period";
}

/** The recurrence rules of a gateway that declares none (`GatewayCapabilities.recurrenceRules` absent). */
export const defaultRecurrenceRules: Readonly<RecurrenceRules> = Object.freeze({
  maxCharges: null,
  equalCharges: false,
  secondChargeDay: "requested",
  declinedCharge: "retry_then_end",
});

/**
 * How the provider limits our reference (`CreatePaymentRequest.idempotencyKey`):
 * - `alphanumeric`: letters and digits, `minLength`–`maxLength` long — API Pix `txid`
 *   26–35, Cielo `MerchantOrderId` ≤ 50 (≤ 27 for boletos), Inter `seuNumero` ≤ 15;
 * - `uuid`: a lower-case RFC 4122 UUID (PagoLivre).
 * Core makes the reference from the payment's id when it fits, and from fresh randomness
 * otherwise; it is unique per gateway (storage enforces it).
 */
export type ReferenceRules =
  | { kind: "alphanumeric"; minLength: number; maxLength: number }
  | { kind: "uuid" };

/** What one method needs, as data a checkout form and core's pre-checks both read. */
export interface MethodRules {
  /** The payer fields the provider refuses a request without. */
  payer: { document: boolean; address: boolean; phone: boolean };
  /** Smallest amount, in minor units of the request's currency (Inter: 250 = R$ 2,50); null for none. */
  minAmount: number | null;
  /** Largest amount, in minor units; null for none. */
  maxAmount: number | null;
}

/** What one method's refunds may be, as data (Cielo cards: partial, within 360 days; API Pix: partial, 90 days). */
export interface RefundRules {
  /** Less than the whole payment, and several refunds of one payment. */
  partial: boolean;
  /** Days after the payment was made within which the provider still refunds it; null for no limit. */
  windowDays: number | null;
  /**
   * The provider keeps our `refundKey` and finds the refund by it (API Pix devolução `id`),
   * so a refund whose answer was lost is found again by `getRefund` without its reference.
   * Where it does not, core keeps the provider's reference from the first answer.
   */
  keyedByUs: boolean;
}

/** How a provider's notifications arrive and are proven. */
export interface WebhookCapabilities {
  authentication: WebhookAuthentication;
  /** The adapter asks the provider before answering (required for `shared_secret`, `none` and `mutual_tls`). */
  confirmsByLookup: boolean;
  /**
   * How the provider learns where to post: `api` (the adapter registers the URL, e.g. API
   * Pix `PUT /webhook/{chave}`), `per_request` (each create carries it), `manual` (staff
   * paste it in the provider's portal).
   */
  registration: "api" | "per_request" | "manual";
  /** Query parameters that carry a secret (PagoLivre's token): redacted before the inbox keeps the URL. */
  secretQueryParameters: readonly string[];
  /** Header names (lower case) that carry a secret (Cielo's fixed header): redacted before the inbox keeps them. */
  secretHeaders: readonly string[];
  /**
   * For `mutual_tls`: the certificate authorities that issue the provider's webhook client
   * certificate — Banco Inter's own CA (the `ca.crt` of its "Certificado Webhook"), or the
   * CA an API Pix PSP's manual names. The listener or proxy verifies the chain with their
   * `pem` (or its own store, for a public CA); core then accepts a notification only when
   * `WebhookInput.verifiedClientCertificate.issuer` is one of their `name`s, so a listener
   * that also trusts other CAs (a public store, another provider's) cannot let their
   * certificates through. Empty for any other authentication; empty for `mutual_tls` when the
   * provider names no CA, and then the listener's verification is the only check.
   */
  trustedClientCertificateIssuers: readonly TrustedCertificateIssuer[];
}

/** A certificate authority an adapter trusts to issue its provider's client certificates. */
export interface TrustedCertificateIssuer {
  /**
   * The CA's distinguished name, as the listener reports a client certificate's issuer:
   * RFC 4514 (`CN=Inter CA,O=Banco Inter,C=BR`, nginx's `$ssl_client_i_dn`), OpenSSL's
   * `/C=BR/O=Banco Inter/CN=Inter CA`, or Node's one attribute a line. Core compares names
   * attribute by attribute in any order, types and values ignoring case.
   */
  name: string;
  /**
   * The CA certificate in PEM, for the listener's trust store (Node `tls` `ca`, nginx
   * `ssl_client_certificate`): its subject is `name`. Null for a CA the operator's store
   * already holds (a public or ICP-Brasil CA).
   */
  pem: string | null;
}

/** The card to charge. A raw number only where `capabilities.acceptsRawCard` is true. */
export type CardInput =
  /**
   * A short-lived token the provider's browser script produced (Cielo PaymentToken), read
   * from the form's `CardTokenizationSession.tokenField`. `brand` is the card's brand as the
   * page learned it (`brandField`): Cielo refuses a sale by token without `Brand` (API error
   * 182 "Brand is required"); a provider whose token carries the brand ignores it, and the
   * sandbox refuses one that is not the tokenized card's.
   */
  | { type: "token"; token: string; brand?: string; saveForRenewals?: boolean }
  /** A reusable token kept from an earlier payment (Cielo CardToken). */
  | { type: "stored"; token: string }
  | { type: "raw"; number: string; holder: string; expMonth: number; expYear: number; cvc: string };

/** What the checkout page asks for when it opens a card form (`Gateway.cardTokenizationSession`). */
export interface CardTokenizationSessionRequest {
  /** What the buyer is about to pay: some providers bind the access token to it. */
  amount: Money;
  /** Where a provider that redirects after tokenizing sends the browser back. */
  returnUrl?: string;
  /** The page's language, for the provider's script messages (`pt-BR`, `en`). */
  locale?: string;
}

/**
 * What the provider's browser script needs, for one checkout page. The page renders the
 * form with these field names (as `name` or `class` attributes, as `fieldsBy` says), loads
 * `scriptUrl` (when not null) with `accessToken` and `environment`, and the script posts
 * the card to `postUrl`; the answer's token goes into our own form's `tokenField` (and its
 * brand into `brandField`), which is all our server ever receives.
 *
 * @example
 * ```ts
 * const session = await gateway.cardTokenizationSession?.({ amount: { amount: 9900, currency: "BRL" } });
 * // Cielo: scriptUrl = the Silent Order Post script, fieldsBy = "class",
 * // fields.number = "bp-sop-cardnumber", tokenField = "paymentToken"
 * ```
 */
export interface CardTokenizationSession {
  /** Which of the provider's environments the script must talk to. */
  environment: "sandbox" | "production";
  /** The provider's browser script, or null when the page posts the fields itself (the sandbox). */
  scriptUrl: string | null;
  /** Where the card is posted from the browser, never through our server. */
  postUrl: string;
  /** How the post is encoded when the page sends it itself (`scriptUrl` null). */
  postEncoding: "json" | "form";
  /** Per checkout, short-lived; refused by the provider after `expiresAt`. */
  accessToken: string;
  expiresAt: Instant;
  /** Whether the provider's script finds the fields by `name` or by `class` (Cielo SOP: classes). */
  fieldsBy: "name" | "class";
  fields: CardFormFields;
  /** The input of our form that receives the token, for `CardInput.token`. */
  tokenField: string;
  /** The input of our form that receives the card's brand, for `CardInput.brand`. */
  brandField: string;
}

/** The provider's names for the card form's fields: data, so the page renders any provider's form. */
export interface CardFormFields {
  /** Where the access token goes when the page posts itself; null when the script carries it. */
  accessToken: string | null;
  holder: string;
  number: string;
  /** One field `MM/YYYY` (Cielo), or month and year apart. */
  expiry: { field: string; format: "MM/YYYY" | "MM/YY" } | { month: string; year: string };
  cvc: string;
  /** A field where the buyer picks the brand (Cielo SOP), or null when the provider detects it. */
  brand: string | null;
}

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
  /**
   * Cards: charge now (`true`, the default) or authorize only (`false`, where
   * `capabilities.capture`), to be settled later with `capture`.
   */
  capture?: boolean;
  /**
   * Only for a method in `capabilities.providerRecurrence`: after this first charge, the
   * provider charges by itself every period and notifies each charge (`GatewayEvent.recurrenceCharge`).
   */
  recurrence?: RecurrenceRequest;
}

/**
 * A recurrence the provider runs (Cielo `RecurrentPayment`, PagoLivre's monthly charges).
 * The create's own charge is charge 1 and collects the request's `amount` (which may hold
 * an enrollment fee); the provider makes charges 2, 3, … of `amount` each.
 *
 * A create whose charge 1 is declined must leave no recurrence running at the provider
 * (deactivate it, where the provider keeps one): core records a recurrence only after a
 * first charge that did not fail, and a retry of that charge asks for a recurrence again.
 */
export interface RecurrenceRequest {
  /** Every `count` months or days (Cielo `Interval`: Monthly, Bimonthly, Quarterly, SemiAnnual, Annual). */
  interval: { unit: "month" | "day"; count: number };
  /**
   * Charges in all, counting charge 1; null for open-ended, until deactivated. At most
   * `recurrenceRules.maxCharges`, and never null where that is set.
   */
  charges: number | null;
  /** What each charge after the first collects; the create's `amount` where `recurrenceRules.equalCharges`. */
  amount: Money;
  /**
   * The day of charge 2 (Cielo `StartDate`); later charges fall on that day of each period.
   * Honoured only where `recurrenceRules.secondChargeDay` is `requested`.
   */
  secondChargeOn: CalendarDate;
}

/** A recurrence at its provider, for `deactivateRecurrence`. */
export interface RecurrenceReference {
  /** The provider's id of the recurrence (Cielo `RecurrentPaymentId`). */
  recurrenceReference: string;
  /** The payment whose create started it. */
  firstPayment: PaymentReference;
}

/** What `deactivateRecurrence` found: the recurrence is stopped now, or had ended before. */
export type DeactivateRecurrenceResult = { status: "deactivated" | "already_ended"; rawStatus: string };

/** The provider's answer about one payment. */
export type PaymentResult =
  | (PaymentResultBase & { status: "succeeded"; card: CardSummary | null; paidAt: Instant | null })
  /** The card's issuer holds the money; nothing is paid until `capture`. Lapses if never captured. */
  | (PaymentResultBase & { status: "authorized"; card: CardSummary | null })
  /**
   * Accepted, but what the payer needs is not ready yet (Banco Inter issues a boleto
   * asynchronously: a request id now, the line and its PIX later, by lookup or webhook).
   */
  | (PaymentResultBase & { status: "processing" })
  | (PaymentResultBase & { status: "pending"; action: PayerAction })
  | (PaymentResultBase & { status: "requires_action"; action: PayerAction })
  | (PaymentResultBase & { status: "declined"; declineCode: DeclineCode; message: string })
  /** Dropped before it was paid: expired, cancelled at our request, or by the provider. */
  | (PaymentResultBase & { status: "canceled"; reason: CancelReason })
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
  /** The provider's id of the recurrence this create started (`CreatePaymentRequest.recurrence`). */
  recurrenceReference?: string;
}

/** Why a payment was dropped before it was paid. */
export type CancelReason = "expired" | "by_us" | "by_provider";

/**
 * Everything core knows of a payment when it asks the provider about it: providers differ
 * in what they can look up by (Inter lists by `seuNumero` only inside a date window; Cielo
 * returns several sales for one `MerchantOrderId`), so an adapter uses what it needs.
 */
export interface PaymentReference {
  /** Our reference, as `createPayment` sent it. */
  idempotencyKey: string;
  /** The provider's reference, once an answer carried one. */
  providerReference: string | null;
  method: PaymentMethod;
  amount: Money;
  /** When the payment row was written, just before the create was sent. */
  createdAt: Instant;
}

export interface RefundRequest {
  /** Our refund's own key, so the provider can tell two refunds of one payment apart. */
  refundKey: string;
  /** The provider's reference of the charge to refund: what identifies it. */
  providerReference: string;
  /**
   * Our key of the payment, as `createPayment` sent it — except for a charge the provider
   * made by itself for a recurrence, which was never sent under a key of ours: then it is
   * ours alone, and the charge is found by `providerReference`.
   */
  paymentIdempotencyKey: string;
  amount: Money;
}

/** Everything core knows of a refund when it asks the provider about it (`getRefund`). */
export interface RefundReference {
  refundKey: string;
  /** The provider's reference, once an answer carried one. */
  providerRefundReference: string | null;
  /** The payment it gives money back from. */
  payment: PaymentReference;
  amount: Money;
  createdAt: Instant;
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
  /**
   * News of one refund of that payment, when the notification is about a refund (API Pix's
   * `devolucoes[]`: `EM_PROCESSAMENTO` → `pending`, `DEVOLVIDO` → `succeeded`,
   * `NAO_REALIZADO` → `failed`). Core finds its refund by `refundKey` (the key `refund` was
   * given) and applies it as it applies `refund`'s own answer.
   */
  refund?: RefundNews;
  /**
   * Set when `payment` is a charge the provider made by itself for a recurrence (never sent
   * by `createPayment`). Core matches it by the recurrence and the charge's sequence and
   * attempt, never by our key: Cielo reuses the first sale's `MerchantOrderId` for every
   * recurrent charge, and that charge must never overwrite payment 1.
   */
  recurrenceCharge?: RecurrenceChargeNews;
}

/** Which charge of which recurrence a notification is about. */
export interface RecurrenceChargeNews {
  /** `PaymentResultBase.recurrenceReference` of the create that started it. */
  recurrenceReference: string;
  /** Which charge: 1 is the create's own, 2 the first the provider made, … */
  sequence: number;
  /** The provider's attempt at that charge, from 1 (providers retry a declined recurrent charge). */
  attempt: number;
  /** True when the provider will make no further charges (the last one, or it gave up). */
  recurrenceEnded: boolean;
}

/** A refund as the provider now reports it. */
export interface RefundNews {
  /** `RefundRequest.refundKey`, as the provider keeps it. */
  refundKey: string;
  providerRefundReference: string | null;
  status: "pending" | "succeeded" | "failed";
  amount: Money;
  /** The provider's own status word, kept for support. */
  rawStatus: string;
}

export type WebhookParseResult =
  | { authentic: true; events: GatewayEvent[] }
  | { authentic: false; reason: string };

export interface WebhookInput {
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  /** The body exactly as received: signatures are computed over these bytes. */
  rawBody: string;
  /**
   * The request URL as received, path and query (`https://studio.example/webhooks/pagolivre?token=…`,
   * or API Pix's `…/webhooks/pix/pix`, which the PSP posts to `{registered url}/pix`). An
   * adapter that authenticates by a token in the query reads it here; core redacts the
   * gateway's `secretQueryParameters` before the inbox keeps it.
   */
  url?: string;
  /**
   * Set by the listener or a trusted proxy once it verified the provider's client
   * certificate (mutual TLS). A `mutual_tls` gateway's notification without it is rejected,
   * and so is one whose `issuer` is not among `trustedClientCertificateIssuers` when the
   * gateway declares any.
   */
  verifiedClientCertificate?: { subject: string; issuer: string; fingerprint256: string };
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
  getPayment(reference: PaymentReference): Promise<PaymentResult | null>;
  refund(request: RefundRequest): Promise<RefundResult>;
  /**
   * A refund as the provider knows it, for one whose answer was lost or is still pending;
   * null when the provider provably never received it. Side-effect free.
   */
  getRefund(reference: RefundReference): Promise<RefundResult | null>;
  /**
   * Present exactly when `capabilities.providerRecurrence` is not empty: stops the
   * provider's further charges (Cielo `PUT /1/RecurrentPayment/{id}/Deactivate`).
   * Idempotent: a recurrence already stopped or finished answers `already_ended`.
   */
  deactivateRecurrence?(reference: RecurrenceReference): Promise<DeactivateRecurrenceResult>;
  /** Present exactly when `capabilities.cancel` is true. */
  cancel?(reference: PaymentReference): Promise<PaymentResult>;
  /** Present exactly when `capabilities.capture` is true; `amount` less than authorized captures part. */
  capture?(reference: PaymentReference, amount?: Money): Promise<PaymentResult>;
  /**
   * Present exactly when `capabilities.cardTokenization` is `"client_side"`: what one
   * checkout page needs to tokenize a card in the browser. Called once per page shown; may
   * call the provider (Cielo: OAuth, then the SOP access token). Throws `GatewayError` only
   * for configuration and credentials.
   */
  cardTokenizationSession?(request: CardTokenizationSessionRequest): Promise<CardTokenizationSession>;
  /**
   * Present exactly when `capabilities.boletoDocument` is true: the boleto's PDF as the
   * provider renders it, or null while it has none (not issued yet, or canceled). Side-effect
   * free; throws `GatewayError` only for configuration and credentials.
   */
  boletoDocument?(reference: PaymentReference): Promise<Uint8Array | null>;
  parseWebhook(input: WebhookInput): Promise<WebhookParseResult>;
}
