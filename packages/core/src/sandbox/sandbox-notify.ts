import { refundedAmount, type SandboxCharge, type SandboxRefund } from "./sandbox-charge";
import { type SandboxEventType, sandboxNotificationBody } from "./sandbox-notification";
import { newSandboxReference } from "./sandbox-reference";
import type { SandboxState } from "./sandbox-state";

/**
 * Queues a notification of what just happened to a charge (and, for a refund, the refund),
 * with the charge as the provider sees it at `at` — signed when it leaves the outbox.
 */
export function notify(
  state: SandboxState,
  type: SandboxEventType,
  charge: SandboxCharge,
  refund: SandboxRefund | null,
  at: string,
): void {
  const eventId = newSandboxReference("evt");
  const rawBody = sandboxNotificationBody({
    id: eventId,
    type,
    createdAt: at,
    charge,
    refundedAmount: refundedAmount(charge, state.ledger.refundsOf(charge.reference)),
    refund,
  });
  state.outbox.publish({ eventId, type, rawBody });
}
