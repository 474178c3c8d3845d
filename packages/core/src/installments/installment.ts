import type { Id } from "../ids/id";
import type { Money } from "../money/money";
import type { CalendarDate } from "../time/calendar-date";
import type { Instant } from "../time/instant";
import type { InstallmentStatus } from "./installment-status";

/** `order`: a part of a one-off order's total (`orders.create`). */
export type InstallmentKind = "enrollment_fee" | "period" | "closing_prorata" | "fee" | "order";

/** A lease on an item claimed by a worker: only the holder of this token may complete it. */
export interface Lease {
  owner: string;
  expiresAt: Instant;
  /** Fencing token: grows with every claim, so a late holder's write is refused. */
  version: number;
}

/** An amount due on a date, of a contract or of an order. */
export interface Installment {
  id: Id<"installment">;
  unitId: Id<"unit">;
  customerId: Id<"customer">;
  contractId: Id<"contract"> | null;
  orderId: Id<"order"> | null;
  /** Position within its contract or order, from 1; lines due together share it. */
  sequence: number;
  kind: InstallmentKind;
  amount: Money;
  dueDate: CalendarDate;
  /** The period it pays for, when it pays for one. */
  periodStart: CalendarDate | null;
  periodEnd: CalendarDate | null;
  status: InstallmentStatus;
  /** How many times collection was attempted and failed (drives the dunning schedule). */
  failedAttempts: number;
  /** When the next automatic attempt may run; null = on the due date. */
  nextAttemptOn: CalendarDate | null;
  confirmedAt: Instant | null;
  lease: Lease | null;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}
