import type {
  CardTokenizationSession,
  CardTokenizationSessionRequest,
  Gateway,
  PaymentReference,
  PaymentResult,
  RefundResult,
} from "../ports/gateway";
import type { CardTokenResult, RawCard } from "./card-tokenizer";
import type { SandboxNotification, WebhookDelivery } from "./notification-outbox";
import { cancel } from "./sandbox-cancel";
import { createPayment } from "./sandbox-create-payment";
import { ledgerView, type SandboxLedgerView } from "./sandbox-ledger-view";
import { getPayment } from "./sandbox-lookup";
import { parseSandboxOptions, type SandboxGatewayOptions } from "./sandbox-options";
import { pay } from "./sandbox-pay";
import { refund } from "./sandbox-refund";
import { refundResultOf, settleRefund } from "./sandbox-refund-settle";
import { settle } from "./sandbox-settle";
import { createSandboxState, invalidRequest } from "./sandbox-state";
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
   * Applies what the clock says has happened since the last call: automatic payments
   * (`autoPayAfterMs`) and expired PIX. Every other call does this first; a server calls
   * it on a timer so notifications go out without anyone asking.
   */
  tick(): void;
  /**
   * Settles a pending refund now (`asyncRefunds`), found by its provider reference: it
   * succeeds or fails, and a notification carries the news. Throws
   * `gateway_invalid_request` when no pending refund has that reference.
   */
  settleRefund(providerRefundReference: string, status: "succeeded" | "failed"): RefundResult;
  /** Hands over, and forgets, the notifications sent since the last call, signed now. */
  takeNotifications(): SandboxNotification[];
  /** Waits for the POSTs to `webhookUrl` started so far; returns every attempt. */
  settleDeliveries(): Promise<WebhookDelivery[]>;
  /** The provider's books: every charge with what was refunded of it, every refund. */
  ledger(): SandboxLedgerView;
}

/** The sandbox gateway: the port, with `cancel` and `cardTokenizationSession` always present, plus `sandbox` controls. */
export interface SandboxGateway extends Gateway {
  cancel(reference: PaymentReference): Promise<PaymentResult>;
  cardTokenizationSession(request: CardTokenizationSessionRequest): Promise<CardTokenizationSession>;
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
    createPayment: (request) => createPayment(state, request),
    getPayment: (reference) => getPayment(state, reference),
    refund: (request) => refund(state, request),
    cancel: (reference) => cancel(state, reference),
    cardTokenizationSession: (request) => cardTokenizationSession(state, request),
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
      tick: () => settle(state),
      settleRefund(providerRefundReference, status) {
        settle(state);
        const pending = state.ledger.pendingRefunds().find((r) => r.reference === providerRefundReference);
        if (pending === undefined)
          throw invalidRequest(state, "No pending refund has this reference.", { providerRefundReference });
        return refundResultOf(settleRefund(state, pending, status, state.clock.now()));
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
