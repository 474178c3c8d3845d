import type { PaymentResult } from "../ports/gateway";
import { paymentResultOf } from "./sandbox-lookup";
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
  return paymentResultOf(state, changeStatus(state, charge, "paid", state.clock.now()));
}
