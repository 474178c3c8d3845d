import { gatewayError } from "../errors/gateway-error";
import type { PaymentMethod } from "../payments/payment-method";
import { sandboxTestCards, type TestCardOutcome } from "./test-cards";

/**
 * A bad day at the provider, injected by a test through `sandbox.injectFault` and answered
 * once, by the next call it fits — so the conformance suite and a studio's own tests can
 * see how Tessera reports what a real provider does: a rate limit, maintenance, a create
 * whose answer never comes.
 */
export type SandboxFault =
  /**
   * The next call (create, lookup, cancel, capture, refund, tokenization session) is refused
   * with 429 Too Many Requests and `Retry-After` (Banco Inter: 120 Cobrança calls a minute):
   * `gateway_unavailable` with `details.retryAfterSeconds`, and nothing done.
   */
  | { kind: "rate_limited"; retryAfterSeconds: number }
  /** The same for 503 Service Unavailable with `Retry-After` (Inter's `servico-indisponivel`). */
  | { kind: "maintenance"; retryAfterSeconds: number }
  /**
   * The next create of `method` times out: `before_receipt`, the request never reached the
   * provider (nothing recorded); `after_charge`, the provider made the charge but its answer
   * was lost. Either answers `unknown`; a lookup by our key tells them apart. (Cards also
   * have test cards for this; PIX and boletos have only this.)
   */
  | { kind: "timeout"; method: PaymentMethod; when: "before_receipt" | "after_charge" }
  /**
   * A card charge is declined by the issuer with `declineCode`, whatever the card — a card
   * that has no funds this month, as renewals meet them. The card stays usable. Which charge,
   * by `charge`: `ordinary` (the default) the next one a create makes, by token, stored card
   * or raw number; `recurrent` the next one the sandbox makes by itself for a recurrence it
   * runs (whichever falls due first, a retry included) — that month is then declined, and
   * what follows is as `recurrenceDeclinedCharge` says. Each waits for its own kind of charge.
   */
  | {
      kind: "card_declined";
      declineCode: CardDeclineFaultCode;
      charge?: CardDeclineFaultCharge;
    };

/** The issuer's answers a `card_declined` fault can give. */
export type CardDeclineFaultCode = "insufficient_funds" | "do_not_honor" | "card_declined";
/** Which card charge a `card_declined` fault declines: one a create makes, or one the sandbox makes for a recurrence. */
export type CardDeclineFaultCharge = "ordinary" | "recurrent";

/** The issuer's answers a `card_declined` fault gives, as the test cards of those codes give them. */
export const injectedDeclines = {
  insufficient_funds: sandboxTestCards.insufficientFunds.outcome,
  do_not_honor: sandboxTestCards.doNotHonor.outcome,
  card_declined: sandboxTestCards.cardDeclined.outcome,
} as const satisfies Record<CardDeclineFaultCode, TestCardOutcome>;

export interface SandboxFaults {
  inject(fault: SandboxFault): void;
  /**
   * What the provider's front door answers before doing anything: refused credentials
   * (`refuseCredentials`), or the next rate limit or maintenance queued. Throws the
   * `GatewayError` for it; returns when the call may go on.
   */
  admit(): void;
  /** Takes the first timeout queued for a create of `method`, if any. */
  takeTimeout(method: PaymentMethod): "before_receipt" | "after_charge" | null;
  /** Takes the first card decline queued for `charge` (a create's, or a recurrence's), if any. */
  takeCardDecline(charge: CardDeclineFaultCharge): CardDeclineFaultCode | null;
}

export function createSandboxFaults(options: {
  gatewayId: string;
  refuseCredentials: boolean;
}): SandboxFaults {
  const queue: SandboxFault[] = [];
  return {
    inject(fault) {
      if (
        (fault.kind === "rate_limited" || fault.kind === "maintenance") &&
        !(Number.isSafeInteger(fault.retryAfterSeconds) && fault.retryAfterSeconds >= 0)
      ) {
        throw gatewayError(
          options.gatewayId,
          "gateway_configuration",
          "retryAfterSeconds must be a whole number ≥ 0.",
          {
            details: { fault },
          },
        );
      }
      queue.push(fault);
    },
    admit() {
      if (options.refuseCredentials) {
        throw gatewayError(
          options.gatewayId,
          "gateway_authentication",
          "The provider refused the API key (sandbox: refuseCredentials). Check the gateway's credentials in the settings.",
          { details: { status: 401 } },
        );
      }
      const index = queue.findIndex((fault) => fault.kind === "rate_limited" || fault.kind === "maintenance");
      if (index === -1) return;
      const [fault] = queue.splice(index, 1);
      if (fault === undefined || (fault.kind !== "rate_limited" && fault.kind !== "maintenance")) return;
      const status = fault.kind === "rate_limited" ? 429 : 503;
      throw gatewayError(
        options.gatewayId,
        "gateway_unavailable",
        fault.kind === "rate_limited"
          ? `The provider is rate limiting calls (429); try again in ${fault.retryAfterSeconds} s.`
          : `The provider is under maintenance (503); try again in ${fault.retryAfterSeconds} s.`,
        { details: { status, retryAfterSeconds: fault.retryAfterSeconds } },
      );
    },
    takeCardDecline(charge) {
      const index = queue.findIndex(
        (fault) => fault.kind === "card_declined" && (fault.charge ?? "ordinary") === charge,
      );
      if (index === -1) return null;
      const [fault] = queue.splice(index, 1);
      return fault?.kind === "card_declined" ? fault.declineCode : null;
    },
    takeTimeout(method) {
      const index = queue.findIndex((fault) => fault.kind === "timeout" && fault.method === method);
      if (index === -1) return null;
      const [fault] = queue.splice(index, 1);
      return fault?.kind === "timeout" ? fault.when : null;
    },
  };
}
