import { gatewayError } from "../errors/gateway-error";
import type { PaymentMethod } from "../payments/payment-method";
import { type Clock, systemClock } from "../ports/clock";
import type { GatewayCapabilities } from "../ports/gateway";
import { type CardTokenizer, createCardTokenizer } from "./card-tokenizer";
import { createNotificationOutbox, type NotificationOutbox } from "./notification-outbox";
import { sandboxCapabilities, sandboxMethods } from "./sandbox-capabilities";
import { createSandboxFaults, type SandboxFaults } from "./sandbox-faults";
import { openSandboxLedger, type SandboxLedger } from "./sandbox-ledger";
import type { ResolvedSandboxOptions, SandboxLog } from "./sandbox-options";
import { recurrenceDueAt } from "./sandbox-recurrence-schedule";
import { newSandboxReference } from "./sandbox-reference";
import { settlesAt } from "./sandbox-settlement-times";
import { createTokenizationSessions, type TokenizationSessions } from "./tokenization-sessions";
import { generateWebhookSecret } from "./webhook-signature";

/**
 * What every sandbox operation shares, made once by `createSandboxGateway` and handed to
 * each operation (`sandbox-card-charge.ts`, `sandbox-refund.ts`, …): the settings, the
 * clock and log, the provider's books, its card vault and its notification outbox.
 */
export interface SandboxState {
  readonly id: string;
  readonly options: ResolvedSandboxOptions;
  readonly clock: Clock;
  readonly log: SandboxLog;
  /** The secret notifications are signed with (the generated one when none was given). */
  readonly webhookSecret: string;
  readonly methods: readonly PaymentMethod[];
  readonly capabilities: GatewayCapabilities;
  readonly ledger: SandboxLedger;
  readonly tokenizer: CardTokenizer;
  /** Per-checkout access tokens the tokenization endpoint requires. */
  readonly sessions: TokenizationSessions;
  readonly outbox: NotificationOutbox;
  /** How the next new refunds are answered, in the order set (`sandbox.answerNextRefund`); one taken per refund. */
  readonly nextRefundAnswers: ("pending" | "failed")[];
  /** Refusals and timeouts a test injected (`sandbox.injectFault`), answered once each. */
  readonly faults: SandboxFaults;
}

/** Opens the books (reading the ledger file, when there is one) and sets up the rest. */
export function createSandboxState(options: ResolvedSandboxOptions): SandboxState {
  const id = options.id;
  const clock: Clock = options.clock ?? systemClock;
  const log: SandboxLog = options.log ?? (() => {});
  const webhookSecret = options.webhookSecret ?? generateWebhookSecret();
  const ledger = openSandboxLedger({
    gatewayId: id,
    file: options.ledgerFile ?? null,
    settlesAt: (charge) => settlesAt(options, charge),
    recurrenceDueAt: (recurrence) => recurrenceDueAt(recurrence, options.recurrenceDeclinedCharge),
  });
  const tokenizer = createCardTokenizer({
    gatewayId: id,
    clock,
    ttlSeconds: options.cardTokenTtlSeconds,
    newToken: () => newSandboxReference("tok"),
  });
  const sessions = createTokenizationSessions({
    clock,
    ttlSeconds: options.tokenizationSessionTtlSeconds,
    newToken: () => newSandboxReference("sop"),
  });
  const outbox = createNotificationOutbox({
    secret: webhookSecret,
    clock,
    webhookUrl: options.webhookUrl ?? null,
    fetch: options.fetch ?? ((...args) => fetch(...args)),
    log,
  });
  return {
    id,
    options,
    clock,
    log,
    webhookSecret,
    methods: sandboxMethods,
    capabilities: sandboxCapabilities(options),
    ledger,
    tokenizer,
    sessions,
    outbox,
    nextRefundAnswers: [],
    faults: createSandboxFaults({ gatewayId: id, refuseCredentials: options.refuseCredentials }),
  };
}

/** A request the provider refuses: `gateway_invalid_request`, with what was wrong in `details`. */
export function invalidRequest(
  state: SandboxState,
  message: string,
  details: Record<string, unknown> = {},
): Error {
  return gatewayError(state.id, "gateway_invalid_request", message, { details });
}

/** The simulated network delay (`latencyMs`) every gateway call waits first. */
export async function simulateLatency(state: SandboxState): Promise<void> {
  if (state.options.latencyMs > 0)
    await new Promise((resolve) => setTimeout(resolve, state.options.latencyMs));
}
