import type { PaymentReference, PaymentResult } from "../ports/gateway";
import { chargeToPaymentResult, refundedAmount, type SandboxCharge } from "./sandbox-charge";
import { settle } from "./sandbox-settle";
import { type SandboxState, simulateLatency } from "./sandbox-state";

/** The port's view of a charge, with what was refunded of it. */
export function paymentResultOf(state: SandboxState, charge: SandboxCharge): PaymentResult {
  return chargeToPaymentResult(charge, refundedAmount(charge, state.ledger.refundsOf(charge.reference)));
}

/** The charge a lookup means: by the provider's reference when it carries one, else by our key. */
export function findCharge(state: SandboxState, reference: PaymentReference): SandboxCharge | null {
  return (
    (reference.providerReference === null ? null : state.ledger.findCharge(reference.providerReference)) ??
    state.ledger.findChargeByKey(reference.idempotencyKey)
  );
}

/** `getPayment`: the payment as the provider has it now, or null when it never received it. */
export async function getPayment(
  state: SandboxState,
  reference: PaymentReference,
): Promise<PaymentResult | null> {
  await simulateLatency(state);
  settle(state);
  const charge = findCharge(state, reference);
  return charge === null ? null : paymentResultOf(state, charge);
}
