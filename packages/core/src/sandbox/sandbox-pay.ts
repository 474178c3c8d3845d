import type { PaymentResult } from "../ports/gateway";
import { isIssuing, paymentResultOf } from "./sandbox-lookup";
import { sandboxNotificationBatchBody } from "./sandbox-notification";
import { newSandboxReference } from "./sandbox-reference";
import { settle } from "./sandbox-settle";
import { invalidRequest, type SandboxState } from "./sandbox-state";
import { changeStatus } from "./sandbox-status-change";

/**
 * `sandbox.pay`: the payer pays a pending PIX or boleto now, found by its provider
 * reference or our idempotency key.
 */
export function pay(state: SandboxState, reference: string): PaymentResult {
  settle(state);
  const charge = state.ledger.findCharge(reference) ?? state.ledger.findChargeByKey(reference);
  if (charge === null) throw invalidRequest(state, "No payment has this reference or key.", { reference });
  if (charge.status !== "pending") {
    throw invalidRequest(state, `Only a pending payment can be paid; this one is ${charge.status}.`, {
      status: charge.status,
    });
  }
  if (isIssuing(state, charge)) {
    throw invalidRequest(state, "This boleto is still being issued: it has no line to pay yet.", {
      status: "processing",
    });
  }
  return paymentResultOf(state, changeStatus(state, charge, "paid", state.clock.now()));
}

/**
 * `sandbox.payTogether`: several payers pay at once, and the provider posts their news in
 * one notification — as API Pix posts `{"pix":[…]}` for several Pix. Each is paid as `pay`
 * pays it; a reference `pay` refuses throws, after the ones before it were paid and notified.
 */
export function payTogether(state: SandboxState, references: readonly string[]): PaymentResult[] {
  settle(state);
  const results: PaymentResult[] = [];
  state.outbox.together(
    () => {
      for (const reference of references) results.push(pay(state, reference));
    },
    (events) => {
      const id = newSandboxReference("evt");
      const createdAt = state.clock.now();
      return {
        eventId: id,
        type: "batch",
        rawBody: sandboxNotificationBatchBody({
          id,
          createdAt,
          rawBodies: events.map((event) => event.rawBody),
        }),
      };
    },
  );
  return results;
}
