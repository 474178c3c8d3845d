import type { Repositories } from "@tessera/core";
import type { RepositoryContext } from "../repository-context";
import { createActivationCodeRepository } from "./activation-code-repository";
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
import { createRecurrenceRepository } from "./recurrence-repository";
import { createRefundRepository } from "./refund-repository";
import { createUnitRepository } from "./unit-repository";
import { createWalletRepository } from "./wallet-repository";

/** Every repository over one executor: the database, or one open transaction. */
export function createRepositories(ctx: RepositoryContext): Repositories {
  return {
    organizations: createOrganizationRepository(ctx),
    units: createUnitRepository(ctx),
    plans: createPlanRepository(ctx),
    customers: createCustomerRepository(ctx),
    contracts: createContractRepository(ctx),
    orders: createOrderRepository(ctx),
    installments: createInstallmentRepository(ctx),
    payments: createPaymentRepository(ctx),
    refunds: createRefundRepository(ctx),
    recurrences: createRecurrenceRepository(ctx),
    wallet: createWalletRepository(ctx),
    activationCodes: createActivationCodeRepository(ctx),
    outbox: createOutboxRepository(ctx),
    inbox: createInboxRepository(ctx),
    idempotencyKeys: createIdempotencyKeyRepository(ctx),
  };
}
