import type { Quota } from "../catalog/plan";
import type { Id } from "../ids/id";
import type { Money } from "../money/money";
import type { BillingInterval } from "../time/billing-schedule";
import type { CalendarDate } from "../time/calendar-date";
import type { Instant } from "../time/instant";
import type { ContractStatus } from "./contract-status";

/** The plan's terms as they were when it was sold: later plan edits never change a contract. */
export interface ContractTerms {
  planName: string;
  kind: "recurring" | "pass";
  price: Money;
  interval: BillingInterval;
  installmentCount: number | null;
  enrollmentFee: Money | null;
  clientFeeBasisPoints: number;
  autoRenew: boolean;
  quotas: Quota[];
  activationMode: "immediate" | "staff_code";
}

/** The last failed attempt to collect, shown to staff until a payment succeeds (BEMP seed). */
export interface PaymentIssue {
  paymentId: Id<"payment">;
  code: string;
  message: string;
  at: Instant;
}

/**
 * A customer's subscription to a plan. Starts on the day it is contracted (the unit's
 * timezone) and bills on that day of the month (Conexa FAQ).
 */
export interface Contract {
  id: Id<"contract">;
  unitId: Id<"unit">;
  customerId: Id<"customer">;
  planId: Id<"plan">;
  terms: ContractTerms;
  status: ContractStatus;
  startDate: CalendarDate;
  /** Day of month the periods start on (1–31; shorter months use their last day). */
  billingDay: number;
  endDate: CalendarDate | null;
  /**
   * For an open-ended contract, the first day of its next period not yet scheduled: the
   * billing run adds that period's lines when the day comes (`ContractRepository.listNeedingNextPeriod`)
   * and moves this on. Null when every period is scheduled (a fixed number of installments)
   * or nothing more will be.
   */
  nextPeriodOn: CalendarDate | null;
  origin: "online" | "staff" | "api" | "renewal";
  /** The contract this one renews, for the renewal chain. */
  renewsContractId: Id<"contract"> | null;
  paymentIssue: PaymentIssue | null;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}
