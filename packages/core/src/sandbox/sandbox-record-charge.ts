import type { CreatePaymentRequest } from "../ports/gateway";
import type { SandboxCharge } from "./sandbox-charge";
import { notify } from "./sandbox-notify";
import { newSandboxReference } from "./sandbox-reference";
import type { SandboxState } from "./sandbox-state";

/** Only what decides whether a repeated key is the same request; never card data. */
export function requestFingerprint(request: CreatePaymentRequest): string {
  return `${request.method}:${request.amount.amount}:${request.amount.currency}`;
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

/** Records a new charge durably, then lets a crash test in (`onCharge`), then notifies. */
export function recordCharge(state: SandboxState, charge: SandboxCharge): void {
  state.ledger.append({ kind: "charge", at: charge.createdAt, charge });
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
}
