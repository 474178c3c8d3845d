import type { DeactivateRecurrenceResult, RecurrenceReference } from "../ports/gateway";
import { settle } from "./sandbox-settle";
import { invalidRequest, type SandboxState, simulateLatency } from "./sandbox-state";

/**
 * `deactivateRecurrence`: the sandbox makes no further charge of the recurrence (as Cielo's
 * `PUT /1/RecurrentPayment/{id}/Deactivate`). Charges already due by now are made first, as
 * on every call. Idempotent: one already deactivated, finished or given up answers
 * `already_ended` with its raw status; an unknown reference, or a first payment that is not
 * the recurrence's, is `gateway_invalid_request`.
 */
export async function deactivateRecurrence(
  state: SandboxState,
  reference: RecurrenceReference,
): Promise<DeactivateRecurrenceResult> {
  await simulateLatency(state);
  settle(state);
  const recurrence = state.ledger.findRecurrence(reference.recurrenceReference);
  if (recurrence === null) {
    throw invalidRequest(state, "No recurrence has this reference.", { field: "recurrenceReference" });
  }
  if (recurrence.idempotencyKey !== reference.firstPayment.idempotencyKey) {
    throw invalidRequest(state, "The recurrence and the first payment's key belong to different payments.", {
      field: "firstPayment.idempotencyKey",
    });
  }
  if (recurrence.status !== "active") return { status: "already_ended", rawStatus: recurrence.status };
  const at = state.clock.now();
  state.ledger.append({
    kind: "recurrence_status",
    at,
    reference: recurrence.reference,
    status: "deactivated",
  });
  state.log({ level: "info", message: "recurrence deactivated", data: { reference: recurrence.reference } });
  return { status: "deactivated", rawStatus: "deactivated" };
}
