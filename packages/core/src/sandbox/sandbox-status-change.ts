import type { SandboxCharge, SandboxChargeStatus } from "./sandbox-charge";
import type { SandboxEventType } from "./sandbox-notification";
import { notify } from "./sandbox-notify";
import type { SandboxState } from "./sandbox-state";

/**
 * Closes an open charge (pending, or an authorization) — paid, canceled or expired — in
 * the books, logs it and notifies; answers the charge as it now stands.
 */
export function changeStatus(
  state: SandboxState,
  charge: SandboxCharge,
  status: Exclude<SandboxChargeStatus, "pending" | "authorized" | "declined">,
  at: string,
): SandboxCharge {
  state.ledger.append({ kind: "charge_status", at, reference: charge.reference, status });
  const updated = state.ledger.findCharge(charge.reference) ?? charge;
  state.log({
    level: "info",
    message: "charge status changed",
    data: { reference: charge.reference, status },
  });
  const type: SandboxEventType =
    status === "paid" ? "payment.paid" : status === "expired" ? "payment.expired" : "payment.canceled";
  notify(state, type, updated, null, at);
  return updated;
}
