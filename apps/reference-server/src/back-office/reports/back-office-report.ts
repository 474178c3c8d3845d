import type { Money, OnlineSignUpRow, RecurringCreditRow } from "@tessera/core";
import type { MessageKey } from "../../i18n/message-catalog";
import { onlineSignUpsSource } from "../../reports/online-sign-ups-source";
import { recurringCreditSource } from "../../reports/recurring-credit-source";
import type { ReportSource } from "../../reports/report-source";
import { onlineSignUpColumns } from "./online-sign-up-columns";
import { recurringCreditColumns } from "./recurring-credit-columns";
import type { ReportColumn } from "./report-column";

/**
 * A report as the back office shows and exports it: where its rows come from, its columns,
 * its name, which filters it takes, and what each row adds to the totals the PDF ends with.
 */
export interface BackOfficeReport<Row> {
  source: ReportSource<Row>;
  title: MessageKey;
  description: MessageKey;
  columns: readonly ReportColumn<Row>[];
  /** BEMP's report filters by the charge's status and the method's operation mode; Conexa's has neither. */
  filters: { status: boolean; mode: boolean };
  /** The row's amount, and the group (a translated status key) it is totalled under. */
  total(row: Row): { group: MessageKey; money: Money };
}

export const recurringCreditReport: BackOfficeReport<RecurringCreditRow> = {
  source: recurringCreditSource,
  title: "admin.reports.recurringCredit.title",
  description: "admin.reports.recurringCredit.description",
  columns: recurringCreditColumns,
  filters: { status: true, mode: true },
  total: (row) => ({ group: `admin.reports.status.${row.status}` as MessageKey, money: row.amount }),
};

export const onlineSignUpsReport: BackOfficeReport<OnlineSignUpRow> = {
  source: onlineSignUpsSource,
  title: "admin.reports.onlineSignUps.title",
  description: "admin.reports.onlineSignUps.description",
  columns: onlineSignUpColumns,
  filters: { status: false, mode: false },
  total: (row) => ({ group: `admin.contracts.status.${row.status}` as MessageKey, money: row.price }),
};
