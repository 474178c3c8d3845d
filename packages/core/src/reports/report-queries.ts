import type { ContractStatus } from "../contracts/contract-status";
import type { Id } from "../ids/id";
import type { InstallmentKind } from "../installments/installment";
import type { InstallmentStatus } from "../installments/installment-status";
import type { Money } from "../money/money";
import type { PaymentMethod } from "../payments/payment-method";
import type { PaymentStatus } from "../payments/payment-status";
import type { CalendarDate } from "../time/calendar-date";
import type { Instant } from "../time/instant";

/** What the storage reads one batch of a report by: the units, the days, and where the last batch ended. */
export interface ReportBatchQuery<Cursor> {
  unitIds: readonly Id<"unit">[];
  /** First and last calendar day, both included. */
  from: CalendarDate;
  to: CalendarDate;
  customerId?: Id<"customer">;
  /** A typed customer search, matched as the customer lists match it (`customerSearchTerms`). */
  customerSearch?: string;
  /** The last row of the previous batch (keyset); null for the first batch. */
  after: Cursor | null;
  limit: number;
}

/** Where a recurring-credit batch ended: rows are ordered by due day, then installment id. */
export interface RecurringCreditCursor {
  dueDate: CalendarDate;
  installmentId: Id<"installment">;
}

/**
 * A contract installment collected by credit (its latest attempt was by `card` or
 * `payment_link`, or its contract has a provider-run recurrence), with that latest attempt.
 */
export interface RecurringCreditStoredRow {
  installmentId: Id<"installment">;
  unitId: Id<"unit">;
  contractId: Id<"contract">;
  customerId: Id<"customer">;
  customerName: string;
  planName: string;
  sequence: number;
  kind: InstallmentKind;
  amount: Money;
  dueDate: CalendarDate;
  installmentStatus: InstallmentStatus;
  confirmedAt: Instant | null;
  /** The latest attempt (highest payment id covering it); all null when none was made yet. */
  paymentId: Id<"payment"> | null;
  paymentStatus: PaymentStatus | null;
  method: PaymentMethod | null;
  gatewayId: string | null;
  failureCode: string | null;
  failureMessage: string | null;
}

/** Where an online sign-ups batch ended: rows are ordered by contract id (so by creation). */
export interface OnlineSignUpCursor {
  contractId: Id<"contract">;
}

/** A contract made at the online checkout (`origin: "online"`), contracted in the period. */
export interface OnlineSignUpStoredRow {
  contractId: Id<"contract">;
  unitId: Id<"unit">;
  customerId: Id<"customer">;
  customerName: string;
  customerEmail: string;
  planName: string;
  /** The price per period, as sold. */
  price: Money;
  enrollmentFee: Money | null;
  status: ContractStatus;
  startDate: CalendarDate;
  createdAt: Instant;
}
