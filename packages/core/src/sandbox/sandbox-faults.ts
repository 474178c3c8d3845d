import { gatewayError } from "../errors/gateway-error";
import type { PaymentMethod } from "../payments/payment-method";

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
   * The next card charge is declined by the issuer with `declineCode`, whatever the card — a
   * stored card that has no funds this month, as renewals meet them. The card stays usable.
   */
  | { kind: "card_declined"; declineCode: "insufficient_funds" | "do_not_honor" | "card_declined" };

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
  /** Takes the first card decline queued, if any. */
  takeCardDecline(): Extract<SandboxFault, { kind: "card_declined" }>["declineCode"] | null;
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
    takeCardDecline() {
      const index = queue.findIndex((fault) => fault.kind === "card_declined");
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
