import type { PaymentReference, PaymentResult } from "../ports/gateway";
import { findCharge, paymentResultOf } from "./sandbox-lookup";
import { settle } from "./sandbox-settle";
import { invalidRequest, type SandboxState, simulateLatency } from "./sandbox-state";
import { changeStatus } from "./sandbox-status-change";

/**
 * `cancel`: a pending PIX or boleto is canceled now; a payment that can no longer be
 * canceled (paid, declined, expired, already canceled) is answered as it stands.
 */
export async function cancel(state: SandboxState, reference: PaymentReference): Promise<PaymentResult> {
  await simulateLatency(state);
  settle(state);
  const charge = findCharge(state, reference);
  if (charge === null) throw invalidRequest(state, "No payment matches this lookup.", { lookup: reference });
  if (charge.status !== "pending") return paymentResultOf(state, charge);
  return paymentResultOf(state, changeStatus(state, charge, "canceled", state.clock.now()));
}
