import { z } from "zod";
import { calendarDateSchema } from "../time/calendar-date";
import { dayRangeInOrder, reversedDayRange } from "../time/day-range";

/**
 * What staff find sales by (Conexa: registered by "online"; BEMP: the payment-status filter),
 * parsed at `tessera.contracts.list`. `from`/`to` are the contracted days (`startDate`, the
 * unit's calendar), both inclusive; `cursor` is the `nextCursor` of the previous page.
 */
export const contractListFilterSchema = z
  .object({
    unitId: z.string().startsWith("unit_", "must be a unit id"),
    status: z.enum(["pending_payment", "active", "past_due", "canceled", "ended"]).optional(),
    origin: z.enum(["online", "staff", "api", "renewal"]).optional(),
    from: calendarDateSchema.optional(),
    to: calendarDateSchema.optional(),
    paymentStatus: z.enum(["pending", "error"]).optional(),
    customerId: z.string().startsWith("cus_", "must be a customer id").optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine(dayRangeInOrder, reversedDayRange);
export type ContractListFilter = z.input<typeof contractListFilterSchema>;
