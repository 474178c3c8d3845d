import type { Installment } from "../installments/installment";
import { allocateMoney } from "../money/allocate-money";
import type { ServiceContext } from "../ports/service-context";
import { addMonths, type CalendarDate } from "../time/calendar-date";
import type { Order } from "./order";

/**
 * An order's total as `order.installmentCount` monthly lines from `firstDueOn` (on its day
 * of the month, the month's last day where it has fewer), `awaiting`. The total is split
 * into equal parts to the centavo, the leftover centavos on the first lines, so the lines
 * always add up to the total.
 */
export function orderInstallments(
  ctx: Pick<ServiceContext, "ids" | "clock">,
  order: Pick<Order, "id" | "unitId" | "customerId" | "total" | "installmentCount">,
  firstDueOn: CalendarDate,
): Installment[] {
  const now = ctx.clock.now();
  return allocateMoney(order.total, order.installmentCount).map((amount, index) => ({
    id: ctx.ids("installment"),
    unitId: order.unitId,
    customerId: order.customerId,
    contractId: null,
    orderId: order.id,
    sequence: index + 1,
    kind: "order",
    amount,
    dueDate: addMonths(firstDueOn, index),
    periodStart: null,
    periodEnd: null,
    status: "awaiting",
    failedAttempts: 0,
    nextAttemptOn: null,
    confirmedAt: null,
    lease: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  }));
}
