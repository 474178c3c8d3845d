import type { Money } from "../money/money";
import type {
  CardTokenizationSession,
  CardTokenizationSessionRequest,
  DeactivateRecurrenceResult,
  Gateway,
  PaymentReference,
  PaymentResult,
  RecurrenceReference,
  RefundResult,
} from "../ports/gateway";
import type { CardTokenResult, RawCard } from "./card-tokenizer";
import type { SandboxNotification, WebhookDelivery } from "./notification-outbox";
import { cancel } from "./sandbox-cancel";
import { capture } from "./sandbox-capture";
import { createPayment } from "./sandbox-create-payment";
import { deactivateRecurrence } from "./sandbox-deactivate-recurrence";
import type { SandboxFault } from "./sandbox-faults";
import { getRefund } from "./sandbox-get-refund";
import { ledgerView, type SandboxLedgerView } from "./sandbox-ledger-view";
import { getPayment } from "./sandbox-lookup";
import { parseSandboxOptions, type SandboxGatewayOptions } from "./sandbox-options";
import { chargeOutside } from "./sandbox-outside-charge";
import { pay, payTogether } from "./sandbox-pay";
import { refund } from "./sandbox-refund";
import { refundResultOf, settleRefund } from "./sandbox-refund-settle";
import { settle } from "./sandbox-settle";
import { createSandboxState, invalidRequest, type SandboxState } from "./sandbox-state";
import { cardTokenizationSession } from "./sandbox-tokenization-session";
import { tokenizeCard } from "./sandbox-tokenize";
import { parseWebhook } from "./sandbox-webhook";
import { sandboxTestCards } from "./test-cards";
import { createTokenizationEndpoint } from "./tokenization-endpoint";

/**
 * What only a sandbox has: the provider's browser-side API, its payers, its outbox and its
 * books. Kept off the `Gateway` itself, so core sees exactly the port.
 */
export interface SandboxControls {
  /** The secret notifications are signed with (the generated one when none was given). */
  readonly webhookSecret: string;
  /** The documented test cards (see `sandboxTestCards`). */
  readonly testCards: typeof sandboxTestCards;
  /**
   * What the provider's browser script does: turns a typed card into a short-lived,
   * single-use token for `createPayment({ card: { type: "token", token } })`.
   */
  tokenizeCard(card: RawCard): Promise<CardTokenResult>;
  /**
   * The same, as an HTTP endpoint a server mounts at `tokenizationEndpointUrl` for the
   * checkout page (JSON, CORS). Unlike `tokenizeCard`, it takes a card only with a live
   * access token from `cardTokenizationSession`, as the production path does.
   */
  handleTokenizationRequest(request: Request): Promise<Response>;
  /**
   * The payer pays a pending PIX or boleto now, found by its provider reference or our
   * idempotency key. Throws `gateway_invalid_request` when it is unknown or not pending.
   */
  pay(reference: string): PaymentResult;
  /**
   * Several payers pay pending charges at once, and their news goes out in one notification
   * (a `batch` body, as API Pix posts `{"pix":[…]}`); `parseWebhook` answers one event each.
   */
  payTogether(references: readonly string[]): PaymentResult[];
  /**
   * Someone else charges on the same account — another system, the provider's portal — under
   * a reference Tessera never made, and the payer pays: a genuine notification about none of
   * Tessera's payments. Answers that charge (R$ 50,00 unless `amount` says otherwise).
   */
  chargeOutside(amount?: Money): PaymentResult;
  /**
   * The provider answers its next fitting call with this fault, once: a rate limit or
   * maintenance (`gateway_unavailable` with `details.retryAfterSeconds`, nothing done), a
   * create of a method that times out before or after the provider made the charge
   * (`unknown`), or a card charge the issuer declines — the next a create makes, or with
   * `charge: "recurrent"` the next the sandbox makes by itself for a recurrence. Faults
   * queue in the order injected.
   */
  injectFault(fault: SandboxFault): void;
  /**
   * Applies what the clock says has happened since the last call: automatic payments
   * (`autoPayAfterMs`), expired PIX, lapsed card authorizations, and the recurrent charges
   * whose day has come (with their retries). Every other call does this first; a server
   * calls it on a timer so notifications go out without anyone asking.
   */
  tick(): void;
  /**
   * Settles a pending refund now (`asyncRefunds`), found by its provider reference: it
   * succeeds or fails, and a notification carries the news. Throws
   * `gateway_invalid_request` when no pending refund has that reference.
   */
  settleRefund(providerRefundReference: string, status: "succeeded" | "failed"): RefundResult;
  /**
   * How the provider answers the next refund it takes (each call queues one answer, for one
   * refund): `pending`, to settle later as with `asyncRefunds`; or `failed`, the provider
   * refusing it (Cielo's void declined, API Pix's `NAO_REALIZADO`) — nothing is given back, a
   * notification says so, and `getRefund` reports it failed. A request the provider refuses
   * as invalid takes no answer from the queue.
   */
  answerNextRefund(answer: "pending" | "failed"): void;
  /** Hands over, and forgets, the notifications sent since the last call, signed now. */
  takeNotifications(): SandboxNotification[];
  /** Waits for the POSTs to `webhookUrl` started so far; returns every attempt. */
  settleDeliveries(): Promise<WebhookDelivery[]>;
  /** The provider's books: every charge with what was refunded of it, every refund. */
  ledger(): SandboxLedgerView;
}

/** The sandbox gateway: the port, with `cancel`, `capture` and `cardTokenizationSession` always present, plus `sandbox` controls. */
export interface SandboxGateway extends Gateway {
  cancel(reference: PaymentReference): Promise<PaymentResult>;
  capture(reference: PaymentReference, amount?: Money): Promise<PaymentResult>;
  cardTokenizationSession(request: CardTokenizationSessionRequest): Promise<CardTokenizationSession>;
  /** Present: the sandbox runs card recurrences (`capabilities.providerRecurrence`). */
  deactivateRecurrence(reference: RecurrenceReference): Promise<DeactivateRecurrenceResult>;
  readonly sandbox: SandboxControls;
}

/**
 * An in-process payment provider that behaves like a real one: card tokens from its own
 * tokenization endpoint, test cards that approve, decline or time out, PIX and boletos that
 * wait for the payer, refunds, HMAC-signed notifications, and books of its own that can
 * survive the process. The default gateway when nothing is configured.
 *
 * @example
 * ```ts
 * const gateway = createSandboxGateway({ clock, autoPayAfterMs: 30_000 });
 * const { token } = await gateway.sandbox.tokenizeCard({
 *   number: gateway.sandbox.testCards.approvedVisa.number, holder: "Ana Souza", expMonth: 12, expYear: 2030, cvc: "123",
 * });
 * const result = await gateway.createPayment({ idempotencyKey: "pay_01J…", method: "card", card: { type: "token", token }, … });
 * // result.status === "succeeded"
 * ```
 */
export function createSandboxGateway(input: SandboxGatewayOptions = {}): SandboxGateway {
  const state = createSandboxState(parseSandboxOptions(input));
  // Each operation is a file of its own (sandbox-<operation>.ts) over the shared state.
  return {
    id: state.id,
    methods: state.methods,
    capabilities: state.capabilities,
    // `admitted`: the provider's front door first — refused credentials, an injected rate limit.
    createPayment: (request) => admitted(state, () => createPayment(state, request)),
    getPayment: (reference) => admitted(state, () => getPayment(state, reference)),
    refund: (request) => admitted(state, () => refund(state, request)),
    getRefund: (reference) => admitted(state, () => getRefund(state, reference)),
    cancel: (reference) => admitted(state, () => cancel(state, reference)),
    capture: (reference, amount) => admitted(state, () => capture(state, reference, amount)),
    cardTokenizationSession: (request) => admitted(state, () => cardTokenizationSession(state, request)),
    deactivateRecurrence: (reference) => admitted(state, () => deactivateRecurrence(state, reference)),
    parseWebhook: (webhook) => parseWebhook(state, webhook),
    sandbox: {
      webhookSecret: state.webhookSecret,
      testCards: sandboxTestCards,
      async tokenizeCard(card) {
        return tokenizeCard(state, card);
      },
      handleTokenizationRequest: createTokenizationEndpoint({
        tokenize: (card) => tokenizeCard(state, card),
        checkAccessToken: (accessToken) => state.sessions.check(accessToken),
        allowedOrigins: state.options.tokenizationAllowedOrigins,
      }),
      pay: (reference) => pay(state, reference),
      payTogether: (references) => payTogether(state, references),
      chargeOutside: (amount) => chargeOutside(state, amount ?? { amount: 5_000, currency: "BRL" }),
      injectFault: (fault) => state.faults.inject(fault),
      tick: () => settle(state),
      settleRefund(providerRefundReference, status) {
        settle(state);
        const pending = state.ledger.pendingRefunds().find((r) => r.reference === providerRefundReference);
        if (pending === undefined)
          throw invalidRequest(state, "No pending refund has this reference.", { providerRefundReference });
        return refundResultOf(settleRefund(state, pending, status, state.clock.now()));
      },
      answerNextRefund(answer) {
        state.nextRefundAnswers.push(answer);
      },
      takeNotifications() {
        settle(state);
        return state.outbox.take();
      },
      settleDeliveries: () => state.outbox.settle(),
      ledger: () => ledgerView(state),
    },
  };
}

/**
 * Runs a call to the provider once its front door lets it in (`SandboxFaults.admit`); a
 * refusal rejects. Not `async`, so a call it admits answers as soon as it would without it.
 */
function admitted<T>(state: SandboxState, call: () => Promise<T>): Promise<T> {
  try {
    state.faults.admit();
  } catch (error) {
    return Promise.reject(error);
  }
  return call();
}
