import type { PaymentReference, PaymentResult } from "../ports/gateway";
import { findCharge, isIssuing, paymentResultOf } from "./sandbox-lookup";
import { settle } from "./sandbox-settle";
import { invalidRequest, type SandboxState, simulateLatency } from "./sandbox-state";
import { changeStatus } from "./sandbox-status-change";

/**
 * `cancel`: a pending PIX or boleto is canceled now, and a card authorization is voided (the
 * hold released, as Cielo's `void` of an authorized sale); a payment that can no longer be
 * canceled (paid, declined, expired, already canceled, a boleto still being issued) is
 * answered as it stands.
 */
export async function cancel(state: SandboxState, reference: PaymentReference): Promise<PaymentResult> {
  await simulateLatency(state);
  settle(state);
  const charge = findCharge(state, reference);
  if (charge === null) throw invalidRequest(state, "No payment matches this lookup.", { lookup: reference });
  const open = charge.status === "authorized" || (charge.status === "pending" && !isIssuing(state, charge));
  if (!open) return paymentResultOf(state, charge);
  return paymentResultOf(state, changeStatus(state, charge, "canceled", state.clock.now()));
}
