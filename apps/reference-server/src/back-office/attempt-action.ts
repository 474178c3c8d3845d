import type { InstallmentWithPayments, Payment, Tessera } from "@tessera/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { BackOfficeEnv } from "./back-office-env";
import type { SaleKind } from "./sale-of-address";
import { recordStaffAction } from "./staff/staff-audit";

/** BEMP's pending-payment actions on an attempt: ask the provider where it stands, or drop it. */
export type AttemptAction = "refresh" | "cancel";

/** The attempt an action's address names (`:payment`), one of the sale's — else a 404. */
export function attemptOfSale(
  c: Context<BackOfficeEnv>,
  kind: SaleKind,
  installments: readonly InstallmentWithPayments[],
): Payment {
  const paymentId = c.req.param("payment") ?? "";
  const payment = installments
    .flatMap((entry) => entry.payments)
    .find((candidate) => candidate.id === paymentId);
  if (!payment) throw new HTTPException(404, { message: `no such attempt on this ${kind}` });
  return payment;
}

/** Core's answer to the action: the attempt as the provider has it now, or dropped. Core's refusal is thrown. */
export function actOnAttempt(tessera: Tessera, action: AttemptAction, payment: Payment): Promise<Payment> {
  return action === "refresh"
    ? tessera.payments.refresh(payment.id)
    : tessera.payments.cancelAttempt(payment.id);
}

/** The audit line of an action on an attempt of a sale (`{ contract }` or `{ order }`), with where it stands now. */
export function recordAttemptAction(
  c: Context<BackOfficeEnv>,
  tessera: Tessera,
  action: AttemptAction,
  payment: Payment,
  sale: { contract: string } | { order: string },
  result: Payment,
) {
  return recordStaffAction(
    c,
    tessera,
    action === "refresh" ? "payment.refreshed" : "payment.attempt_canceled",
    { kind: "payment", id: payment.id },
    { ...sale, status: result.status },
  );
}
