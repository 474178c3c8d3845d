import type { backOfficeBillingPtBR } from "./back-office-billing.pt-BR";
import type { Message } from "./message-catalog";

/** The billing runs' page in English. */
export const backOfficeBillingEn: Record<keyof typeof backOfficeBillingPtBR, Message> = {
  "admin.nav.billing": "Automatic billing",
  "admin.billing.title": "Automatic billing at {unit}",
  "admin.billing.intro":
    "What each run of the automatic billing did at this unit, newest first. A run that found nothing to do here is not kept.",
  "admin.billing.schedule.heading": "Retries",
  "admin.billing.schedule": {
    one: "A failed charge is retried {days} day after the due date; after that, the contract is past due and the customer is blocked until they pay.",
    other:
      "A failed charge is retried {days} days after the due date; after the last one, the contract is past due and the customer is blocked until they pay.",
  },
  "admin.billing.noRetries":
    "This unit does not retry charges: one failed charge makes the contract past due.",
  "admin.billing.changeSchedule": "Change it in the unit's settings",
  "admin.billing.runs": "Latest runs",
  "admin.billing.empty": "No billing run has charged anything yet.",
  "admin.billing.claimed": {
    one: "{count} installment looked at",
    other: "{count} installments looked at",
  },
  "admin.billing.took": "took {duration}",
  "admin.billing.by": "by {owner}",
  "admin.billing.count.paid": "Paid",
  "admin.billing.count.declined": "Declined",
  "admin.billing.count.linkIssued": "Payment links sent",
  "admin.billing.count.pastDue": "Contracts now past due",
  "admin.billing.count.held": "Installments held (contract past due)",
  "admin.billing.count.notSent": "Not sent: the provider refused before charging",
  "admin.billing.count.unknown": "No answer from the provider (checked later)",
  "admin.billing.count.noMethod": "No payment method that charges by itself",
  "admin.billing.count.periodsScheduled": "New periods added",
  "admin.billing.count.renewed": "Contracts renewed",
  "admin.billing.count.ended": "Contracts ended",
  "admin.billing.count.remindersBefore": "Reminders before the due date",
  "admin.billing.count.remindersAfter": "Overdue reminders",
  "admin.billing.count.errors": "Errors",
  "admin.billing.nothingCharged": "Nothing was charged in this run.",
  "admin.billing.errors": "Errors in this run",
  "admin.billing.errorsHint":
    "A failure of the server or the database, not the customer's: the installment is tried again the next day.",
  "admin.billing.error.contract": "Open the contract",
  "admin.billing.error.installment": "Installment {id}",
};
