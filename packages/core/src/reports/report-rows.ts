import type { OperationMode } from "../organizations/unit";
import type { RecurringCreditStatus } from "./recurring-credit-status";
import type { OnlineSignUpStoredRow, RecurringCreditStoredRow } from "./report-queries";

/** One line of the recurring-credit report: the stored row, its report status, mode and unit name. */
export interface RecurringCreditRow extends RecurringCreditStoredRow {
  status: RecurringCreditStatus;
  /** From the unit's payment-method entry; a provider-run recurrence not yet charged is `integrated`. */
  mode: OperationMode;
  unitName: string;
}

/** One line of the online sign-ups report. */
export interface OnlineSignUpRow extends OnlineSignUpStoredRow {
  unitName: string;
}
