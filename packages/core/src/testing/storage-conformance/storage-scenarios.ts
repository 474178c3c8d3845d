import { activationCodeScenarios } from "./activation-code-scenarios";
import { backOfficeQueryScenarios } from "./back-office-query-scenarios";
import { billingRunScenarios } from "./billing-run-scenarios";
import { catalogScenarios } from "./catalog-scenarios";
import { contractOrderScenarios } from "./contract-order-scenarios";
import { customerScenarios } from "./customer-scenarios";
import { inboxScenarios } from "./inbox-scenarios";
import { installmentScenarios } from "./installment-scenarios";
import { migrationScenarios } from "./migration-scenarios";
import { outboxScenarios } from "./outbox-scenarios";
import { paymentRefundScenarios } from "./payment-refund-scenarios";
import { providerAccountScenarios } from "./provider-account-scenarios";
import { recurrenceScenarios } from "./recurrence-scenarios";
import { reportScenarios } from "./report-scenarios";
import { staffScenarios } from "./staff-scenarios";
import { transactionScenarios } from "./transaction-scenarios";
import { walletScenarios } from "./wallet-scenarios";

/** Every scenario of the storage suite, by group; a scenario's key is its id. */
export const storageScenarios = {
  "organizations, units and plans": catalogScenarios,
  customers: customerScenarios,
  "contracts and orders": contractOrderScenarios,
  "installments and claims": installmentScenarios,
  "billing runs": billingRunScenarios,
  "payments and refunds": paymentRefundScenarios,
  recurrences: recurrenceScenarios,
  wallet: walletScenarios,
  "activation codes": activationCodeScenarios,
  "staff, sessions, API keys and audit log": staffScenarios,
  outbox: outboxScenarios,
  "inbox and idempotency keys": inboxScenarios,
  transactions: transactionScenarios,
  migrations: migrationScenarios,
  "back-office queries": backOfficeQueryScenarios,
  reports: reportScenarios,
  "provider accounts": providerAccountScenarios,
};

type Groups = typeof storageScenarios;

/** The id of one scenario (`customerDocumentUnique`, `concurrentClaimsNeverOverlap`, …). */
export type StorageScenarioId = { [G in keyof Groups]: keyof Groups[G] & string }[keyof Groups];
