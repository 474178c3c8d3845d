import type { Contract } from "../contracts/contract";
import type { ScheduledLine } from "../contracts/contract-schedule";
import type { ServiceContext } from "../ports/service-context";
import type { Instant } from "../time/instant";
import type { Installment } from "./installment";

/**
 * A contract's scheduled lines as new installment rows, `awaiting` — or `confirmed` at `now`
 * where `confirmed(line)` says so (a free first period). The sale writes its contract's
 * lines with it, and a provider's recurrent charge the period an open-ended contract had
 * not scheduled yet.
 */
export function contractInstallments(
  ctx: Pick<ServiceContext, "ids">,
  contract: Pick<Contract, "id" | "unitId" | "customerId">,
  lines: readonly ScheduledLine[],
  now: Instant,
  confirmed: (line: ScheduledLine) => boolean = () => false,
): Installment[] {
  // Every field written out, not `...line` then the rest: an object literal is one allocation
  // of its final shape, where a spread grew each row's property store field by field.
  return lines.map((line) => {
    const paid = confirmed(line);
    return {
      sequence: line.sequence,
      kind: line.kind,
      amount: line.amount,
      dueDate: line.dueDate,
      periodStart: line.periodStart,
      periodEnd: line.periodEnd,
      id: ctx.ids("installment"),
      unitId: contract.unitId,
      customerId: contract.customerId,
      contractId: contract.id,
      orderId: null,
      status: paid ? "confirmed" : "awaiting",
      failedAttempts: 0,
      nextAttemptOn: null,
      confirmedAt: paid ? now : null,
      lease: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
  });
}
