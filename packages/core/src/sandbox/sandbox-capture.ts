import type { Money } from "../money/money";
import type { PaymentReference, PaymentResult } from "../ports/gateway";
import { findCharge, paymentResultOf } from "./sandbox-lookup";
import { notify } from "./sandbox-notify";
import { settle } from "./sandbox-settle";
import { invalidRequest, type SandboxState, simulateLatency } from "./sandbox-state";

/**
 * `capture`: takes the money of a card authorization (`createPayment({ capture: false })`),
 * all of it or `amount` of it — once, as Cielo captures a sale once (`PUT
 * /1/sales/{PaymentId}/capture?amount=`): what was not captured goes back to the card. The
 * payment is then paid for the captured amount, which is what it collects and what can be
 * refunded.
 *
 * A payment that is no longer an authorization is answered as it stands: captured already
 * (`succeeded`, so a capture whose answer was lost can be asked again), lapsed (`canceled`,
 * reason `expired`, after `authorizationLapseDays`), voided or declined. Refused with
 * `gateway_invalid_request`: a payment that never was an authorization (a PIX, a boleto),
 * and an amount over what is held.
 */
export async function capture(
  state: SandboxState,
  reference: PaymentReference,
  amount?: Money,
): Promise<PaymentResult> {
  await simulateLatency(state);
  settle(state);
  const charge = findCharge(state, reference);
  if (charge === null) throw invalidRequest(state, "No payment matches this lookup.", { lookup: reference });
  if (charge.method !== "card") {
    throw invalidRequest(state, `A ${charge.method} payment is never an authorization to capture.`, {
      field: "reference",
    });
  }
  if (charge.status !== "authorized") return paymentResultOf(state, charge);
  const captured = amount ?? charge.amount;
  if (captured.currency !== charge.amount.currency) {
    throw invalidRequest(state, "A capture is in the authorization's currency.", {
      field: "amount.currency",
    });
  }
  if (!Number.isSafeInteger(captured.amount) || captured.amount <= 0) {
    throw invalidRequest(state, "A capture amount is a positive whole number of centavos.", {
      field: "amount.amount",
    });
  }
  if (captured.amount > charge.amount.amount) {
    throw invalidRequest(
      state,
      `The capture exceeds what was authorized (${charge.amount.amount} minor units).`,
      { field: "amount.amount", authorized: charge.amount.amount },
    );
  }
  const at = state.clock.now();
  state.ledger.append({ kind: "charge_capture", at, reference: charge.reference, amount: captured });
  const paid = state.ledger.findCharge(charge.reference) ?? charge;
  state.log({
    level: "info",
    message: "authorization captured",
    data: { reference: charge.reference, amount: captured.amount, authorized: charge.amount.amount },
  });
  notify(state, "payment.paid", paid, null, at);
  return paymentResultOf(state, paid);
}
