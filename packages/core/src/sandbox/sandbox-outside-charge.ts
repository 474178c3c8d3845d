import type { Money } from "../money/money";
import type { PaymentResult } from "../ports/gateway";
import { paymentResultOf } from "./sandbox-lookup";
import { chargePix } from "./sandbox-pix-charge";
import { newSandboxReference } from "./sandbox-reference";
import { settle } from "./sandbox-settle";
import type { SandboxState } from "./sandbox-state";
import { changeStatus } from "./sandbox-status-change";

/**
 * `sandbox.chargeOutside`: a PIX someone else made on the same provider account — another
 * system of the studio's, or the provider's own portal — under a reference Tessera never
 * made, and paid at once. Its notification is genuine (signed like any other), so a
 * receiver can be tried with news about none of its payments.
 */
export function chargeOutside(state: SandboxState, amount: Money): PaymentResult {
  settle(state);
  const idempotencyKey = newSandboxReference("outside");
  chargePix(state, {
    idempotencyKey,
    amount,
    method: "pix",
    description: "Charged outside Tessera",
    payer: {
      name: "Pagador Externo",
      email: "externo@example.com",
      phone: null,
      document: null,
      address: null,
    },
  });
  const charge = state.ledger.findChargeByKey(idempotencyKey);
  if (charge === null) throw new Error(`The sandbox lost the charge it just made (${idempotencyKey}).`);
  return paymentResultOf(state, changeStatus(state, charge, "paid", state.clock.now()));
}
