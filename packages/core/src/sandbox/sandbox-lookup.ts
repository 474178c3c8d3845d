import type { PaymentReference, PaymentResult } from "../ports/gateway";
import { instantToMillis } from "../time/instant";
import { chargeToPaymentResult, refundedAmount, type SandboxCharge } from "./sandbox-charge";
import { settle } from "./sandbox-settle";
import { settlementTimes } from "./sandbox-settlement-times";
import { type SandboxState, simulateLatency } from "./sandbox-state";

/**
 * The port's view of a charge, with what was refunded of it. A boleto issued
 * asynchronously (`boletoIssueDelayMs`) is in the books from the request, but answers
 * `processing`, without its line, until it is issued — as Banco Inter's `EM_PROCESSAMENTO`.
 */
export function paymentResultOf(state: SandboxState, charge: SandboxCharge): PaymentResult {
  const result = chargeToPaymentResult(
    charge,
    refundedAmount(charge, state.ledger.refundsOf(charge.reference)),
  );
  if (result.status !== "pending" || !isIssuing(state, charge)) return result;
  const { providerReference, amount, refundedAmount: refunded } = result;
  return {
    status: "processing",
    providerReference,
    rawStatus: "processing",
    amount,
    refundedAmount: refunded,
  };
}

/** True while a pending charge's payer action is not ready yet (an asynchronous boleto). */
export function isIssuing(state: SandboxState, charge: SandboxCharge): boolean {
  return instantToMillis(state.clock.now()) < settlementTimes(state.options, charge).issuedAt;
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
