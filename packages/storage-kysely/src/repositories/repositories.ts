import type { Repositories } from "@tessera/core";
import type { RepositoryContext } from "../repository-context";
import { createActivationCodeRepository } from "./activation-code-repository";
import { createApiKeyRepository } from "./api-key-repository";
import { createAuditLogRepository } from "./audit-log-repository";
import { createBillingRunRepository } from "./billing-run-repository";
import { createContractRepository } from "./contract-repository";
import { createCustomerRepository } from "./customer-repository";
import { createIdempotencyKeyRepository } from "./idempotency-key-repository";
import { createInboxRepository } from "./inbox-repository";
import { createInstallmentRepository } from "./installment-repository";
import { createOrderRepository } from "./order-repository";
import { createOrganizationRepository } from "./organization-repository";
import { createOutboxRepository } from "./outbox-repository";
import { createPaymentRepository } from "./payment-repository";
import { createPlanRepository } from "./plan-repository";
import { createProviderAccountRepository } from "./provider-account-repository";
import { createRecurrenceRepository } from "./recurrence-repository";
import { createRefundRepository } from "./refund-repository";
import { createReportRepository } from "./report-repository";
import { createStaffRepository } from "./staff-repository";
import { createStaffSessionRepository } from "./staff-session-repository";
import { createUnitRepository } from "./unit-repository";
import { createWalletRepository } from "./wallet-repository";

const factories: { [K in keyof Repositories]: (ctx: RepositoryContext) => Repositories[K] } = {
  organizations: createOrganizationRepository,
  units: createUnitRepository,
  plans: createPlanRepository,
  customers: createCustomerRepository,
  contracts: createContractRepository,
  orders: createOrderRepository,
  installments: createInstallmentRepository,
  payments: createPaymentRepository,
  refunds: createRefundRepository,
  recurrences: createRecurrenceRepository,
  wallet: createWalletRepository,
  activationCodes: createActivationCodeRepository,
  outbox: createOutboxRepository,
  inbox: createInboxRepository,
  idempotencyKeys: createIdempotencyKeyRepository,
  staff: createStaffRepository,
  staffSessions: createStaffSessionRepository,
  apiKeys: createApiKeyRepository,
  auditLog: createAuditLogRepository,
  billingRuns: createBillingRunRepository,
  reports: createReportRepository,
  providerAccounts: createProviderAccountRepository,
};

/** Every repository over one executor: the database, or one open transaction. */
export function createRepositories(ctx: RepositoryContext): Repositories {
  const repositories = {} as Record<keyof Repositories, unknown>;
  for (const name of Object.keys(factories) as (keyof Repositories)[]) {
    repositories[name] = factories[name](ctx);
  }
  return repositories as Repositories;
}

/**
 * The repositories of one transaction, each made the first time it is used. A transaction
 * uses a few of the fifteen, and making all of them — each a dozen closures — for each of a
 * sale's two transactions was some 10 KiB of garbage per sale.
 */
export class TransactionRepositories implements Repositories {
  readonly #ctx: RepositoryContext;
  readonly #made: Partial<Repositories> = {};

  constructor(ctx: RepositoryContext) {
    this.#ctx = ctx;
  }

  #get<K extends keyof Repositories>(name: K): Repositories[K] {
    let repository = this.#made[name];
    if (repository === undefined) {
      repository = factories[name](this.#ctx);
      this.#made[name] = repository;
    }
    return repository as Repositories[K];
  }

  get organizations() {
    return this.#get("organizations");
  }
  get units() {
    return this.#get("units");
  }
  get plans() {
    return this.#get("plans");
  }
  get customers() {
    return this.#get("customers");
  }
  get contracts() {
    return this.#get("contracts");
  }
  get orders() {
    return this.#get("orders");
  }
  get installments() {
    return this.#get("installments");
  }
  get payments() {
    return this.#get("payments");
  }
  get refunds() {
    return this.#get("refunds");
  }
  get recurrences() {
    return this.#get("recurrences");
  }
  get wallet() {
    return this.#get("wallet");
  }
  get activationCodes() {
    return this.#get("activationCodes");
  }
  get outbox() {
    return this.#get("outbox");
  }
  get inbox() {
    return this.#get("inbox");
  }
  get idempotencyKeys() {
    return this.#get("idempotencyKeys");
  }
  get staff() {
    return this.#get("staff");
  }
  get staffSessions() {
    return this.#get("staffSessions");
  }
  get apiKeys() {
    return this.#get("apiKeys");
  }
  get auditLog() {
    return this.#get("auditLog");
  }
  get billingRuns() {
    return this.#get("billingRuns");
  }
  get reports() {
    return this.#get("reports");
  }
  get providerAccounts() {
    return this.#get("providerAccounts");
  }
}
