import type { CreatePaymentRequest, RecurrenceRequest } from "../ports/gateway";
import type { SandboxCharge } from "./sandbox-charge";
import { notify } from "./sandbox-notify";
import type { SandboxRecurrenceTerms } from "./sandbox-recurrence-record";
import { newSandboxReference } from "./sandbox-reference";
import type { SandboxState } from "./sandbox-state";

/** Only what decides whether a repeated key is the same request; never card data. */
export function requestFingerprint(request: CreatePaymentRequest): string {
  return `${request.method}:${request.amount.amount}:${request.amount.currency}${recurrenceFingerprint(request.recurrence)}`;
}

/** A recurrence is part of the request: the same key with another one (or none) is another payment. */
function recurrenceFingerprint(recurrence: RecurrenceRequest | undefined): string {
  if (recurrence === undefined) return "";
  const { interval, charges, amount, secondChargeOn } = recurrence;
  return `:every ${interval.count} ${interval.unit}:${charges ?? "open"}:${amount.amount}:${amount.currency}:${secondChargeOn}`;
}

/** A new charge for the request, made now, with what its method decided. */
export function newCharge(
  state: SandboxState,
  request: CreatePaymentRequest,
  fields: Pick<SandboxCharge, "status" | "card" | "decline" | "action" | "paidAt">,
  reference: string = newSandboxReference("sbxpay"),
): SandboxCharge {
  return {
    reference,
    idempotencyKey: request.idempotencyKey,
    method: request.method as SandboxCharge["method"],
    amount: request.amount,
    description: request.description,
    createdAt: state.clock.now(),
    closedAt: null,
    requestFingerprint: requestFingerprint(request),
    ...fields,
  };
}

/**
 * Records a new charge durably (with the recurrence it starts, in the same line), then lets
 * a crash test in (`onCharge`), then notifies: a paid charge, and a declined one the
 * provider made by itself for a recurrence (a create's decline is in its answer).
 */
export function recordCharge(
  state: SandboxState,
  charge: SandboxCharge,
  startsRecurrence?: SandboxRecurrenceTerms,
): void {
  state.ledger.append({
    kind: "charge",
    at: charge.createdAt,
    charge,
    ...(startsRecurrence === undefined ? {} : { startsRecurrence }),
  });
  state.log({
    level: "info",
    message: "charge recorded",
    data: {
      reference: charge.reference,
      idempotencyKey: charge.idempotencyKey,
      method: charge.method,
      status: charge.status,
      amount: charge.amount.amount,
      currency: charge.amount.currency,
    },
  });
  state.options.onCharge?.({ ...charge });
  if (charge.status === "paid") notify(state, "payment.paid", charge, null, charge.createdAt);
  else if (charge.status === "declined" && (charge.recurrence?.sequence ?? 1) > 1)
    notify(state, "payment.declined", charge, null, charge.createdAt);
}
