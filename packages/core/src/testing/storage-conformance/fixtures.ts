import type { ActivationCode } from "../../activation/activation-code";
import type { Plan } from "../../catalog/plan";
import type { Contract } from "../../contracts/contract";
import type { DomainEvent } from "../../events/domain-event";
import type { IdempotencyRecord } from "../../idempotency/idempotency-record";
import { createIdGenerator, type Id, type IdGenerator } from "../../ids/id";
import type { Installment } from "../../installments/installment";
import type { Order } from "../../orders/order";
import type { Organization } from "../../organizations/organization";
import type { Unit } from "../../organizations/unit";
import type { Payment } from "../../payments/payment";
import type { InboxEntry, NewCustomer, Repositories } from "../../ports/storage";
import type { Refund } from "../../refunds/refund";
import type { WalletEntry } from "../../wallet/wallet-entry";

/** The instant every fixture is stamped with, unless a scenario says otherwise. */
export const fixtureNow = "2026-03-01T12:00:00.000Z";

/**
 * Builders of valid entities with fixed, sortable ids (ids made later sort later) and
 * every optional field filled, so a round trip exercises JSON, nulls and money alike.
 * Overrides replace fields one for one.
 */
export interface Fixtures {
  ids: IdGenerator;
  organization(overrides?: Partial<Organization>): Organization;
  unit(organizationId: Id<"organization">, overrides?: Partial<Unit>): Unit;
  plan(unitId: Id<"unit">, overrides?: Partial<Plan>): Plan;
  customer(organizationId: Id<"organization">, overrides?: Partial<NewCustomer>): NewCustomer;
  contract(owner: ContractOwner, overrides?: Partial<Contract>): Contract;
  order(owner: { unitId: Id<"unit">; customerId: Id<"customer"> }, overrides?: Partial<Order>): Order;
  installment(owner: InstallmentOwner, overrides?: Partial<Installment>): Installment;
  payment(owner: { unitId: Id<"unit">; customerId: Id<"customer"> }, overrides?: Partial<Payment>): Payment;
  refund(payment: Payment, overrides?: Partial<Refund>): Refund;
  walletEntry(
    owner: { unitId: Id<"unit">; customerId: Id<"customer"> },
    amount: number,
    overrides?: Partial<WalletEntry>,
  ): WalletEntry;
  activationCode(
    owner: { unitId: Id<"unit">; contractId: Id<"contract"> },
    overrides?: Partial<ActivationCode>,
  ): ActivationCode;
  event(
    unitId: Id<"unit"> | null,
    overrides?: Partial<DomainEvent<"plan.created">>,
  ): DomainEvent<"plan.created">;
  inboxEntry(overrides?: Partial<InboxEntry>): InboxEntry;
  idempotencyRecord(overrides?: Partial<IdempotencyRecord>): IdempotencyRecord;
}

export interface ContractOwner {
  unitId: Id<"unit">;
  customerId: Id<"customer">;
  planId: Id<"plan">;
}

export interface InstallmentOwner {
  unitId: Id<"unit">;
  customerId: Id<"customer">;
  contractId?: Id<"contract"> | null;
  orderId?: Id<"order"> | null;
}

export function createFixtures(): Fixtures {
  const ids = createIdGenerator(() => Date.parse(fixtureNow));
  const at = fixtureNow;
  let sequence = 0;
  const next = () => ++sequence;

  return {
    ids,
    organization: (overrides = {}) => ({
      id: ids("organization"),
      name: "Estúdio Ágil",
      createdAt: at,
      ...overrides,
    }),

    unit: (organizationId, overrides = {}) => {
      const n = next();
      return {
        id: ids("unit"),
        organizationId,
        name: `Unidade ${n}`,
        slug: `unidade-${n}`,
        timeZone: "America/Sao_Paulo",
        currency: "BRL",
        locale: "pt-BR",
        notificationEmails: ["owner@example.com", "desk@example.com"],
        clientFeeBasisPoints: 350,
        paymentMethods: [
          { method: "card", gatewayId: "sandbox", mode: "integrated" },
          { method: "pix", gatewayId: "sandbox", mode: "integrated" },
        ],
        checkoutFields: [
          { key: "birth_date", label: "Data de nascimento", type: "date", required: true },
          { key: "shift", label: "Turno", type: "select", required: false, options: ["manhã", "noite"] },
        ],
        dunningRetryDays: [2, 5, 10, 15],
        renewalTerms: "contract",
        reminderDays: { before: 5, after: null },
        createdAt: at,
        updatedAt: at,
        ...overrides,
      };
    },

    plan: (unitId, overrides = {}) => {
      const n = next();
      return {
        id: ids("plan"),
        unitId,
        name: `Plano ${n}`,
        description: 'Musculação e aulas coletivas — "ilimitado"',
        kind: "recurring",
        price: { amount: 12_990, currency: "BRL" },
        interval: { unit: "month", count: 1 },
        installmentCount: 12,
        enrollmentFee: { amount: 5_000, currency: "BRL" },
        autoRenew: true,
        quotas: [{ name: "aulas", quantity: 8 }],
        onlineSale: {
          enabled: true,
          slug: `plano-${n}`,
          buttonText: "Assinar",
          buttonDesign: {
            textColor: "#ffffff",
            textSizePx: 16,
            bold: true,
            backgroundColor: "#1f6feb",
            borderColor: "#1f6feb",
            borderWidthPx: 0,
            cornerRadiusPx: 8,
            widthPx: null,
            heightPx: 48,
          },
        },
        activationMode: "immediate",
        status: "active",
        createdAt: at,
        updatedAt: at,
        version: 1,
        ...overrides,
      };
    },

    customer: (organizationId, overrides = {}) => {
      const n = next();
      const id = ids("customer");
      return {
        id,
        organizationId,
        name: `Cliente ${n}`,
        document: { kind: "foreign", value: `P${String(n).padStart(7, "0")}`, country: "PT" },
        email: `cliente${n}@example.com`,
        phone: "+55 11 99999-0000",
        address: {
          street: "Rua das Flores",
          number: "100",
          complement: "ap. 12",
          district: "Centro",
          city: "São Paulo",
          state: "SP",
          postalCode: "01001-000",
          country: "BR",
        },
        source: "online",
        attachments: [
          {
            id: `att_01JQ0000000000000000000${String(n).padStart(3, "0")}`,
            fileKey: `${id}/att_01JQ0000000000000000000${String(n).padStart(3, "0")}`,
            fieldKey: "atestado",
            name: "Atestado médico.pdf",
            contentType: "application/pdf",
            size: 12_345,
            createdAt: at,
          },
        ],
        passwordHash: "scrypt$abc$def",
        extraFields: { birth_date: "1990-05-17", shift: "noite" },
        createdAt: at,
        updatedAt: at,
        version: 1,
        ...overrides,
      };
    },

    contract: (owner, overrides = {}) => ({
      id: ids("contract"),
      ...owner,
      terms: {
        planName: "Plano Mensal",
        kind: "recurring",
        price: { amount: 12_990, currency: "BRL" },
        interval: { unit: "month", count: 1 },
        installmentCount: null,
        enrollmentFee: null,
        clientFeeBasisPoints: 0,
        autoRenew: true,
        quotas: [],
        activationMode: "immediate",
      },
      status: "active",
      startDate: "2026-03-01",
      billingDay: 1,
      endDate: null,
      origin: "online",
      nextPeriodOn: null,
      renewsContractId: null,
      paymentIssue: null,
      createdAt: at,
      updatedAt: at,
      version: 1,
      ...overrides,
    }),

    order: (owner, overrides = {}) => ({
      id: ids("order"),
      ...owner,
      items: [
        { description: "Camiseta", quantity: 2, unitPrice: { amount: 4_990, currency: "BRL" } },
        { description: "Garrafa", quantity: 1, unitPrice: { amount: 2_500, currency: "BRL" } },
      ],
      total: { amount: 12_480, currency: "BRL" },
      installmentCount: 2,
      status: "open",
      paidFromBalance: false,
      createdAt: at,
      updatedAt: at,
      version: 1,
      ...overrides,
    }),

    installment: (owner, overrides = {}) => ({
      id: ids("installment"),
      unitId: owner.unitId,
      customerId: owner.customerId,
      contractId: owner.contractId ?? null,
      orderId: owner.orderId ?? null,
      sequence: 1,
      kind: "period",
      amount: { amount: 12_990, currency: "BRL" },
      dueDate: "2026-03-01",
      periodStart: "2026-03-01",
      periodEnd: "2026-03-31",
      status: "awaiting",
      failedAttempts: 0,
      nextAttemptOn: null,
      confirmedAt: null,
      lease: null,
      createdAt: at,
      updatedAt: at,
      version: 1,
      ...overrides,
    }),

    payment: (owner, overrides = {}) => ({
      id: ids("payment"),
      ...owner,
      gatewayId: "sandbox",
      method: "pix",
      amount: { amount: 12_990, currency: "BRL" },
      installmentIds: [],
      idempotencyKey: `key-${next()}`,
      providerReference: null,
      status: "pending",
      rawStatus: "ATIVA",
      action: {
        type: "pix",
        qrCodePayload:
          "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR",
        expiresAt: "2026-03-01T13:00:00.000Z",
      },
      failureCode: null,
      failureMessage: null,
      card: null,
      refundedAmount: { amount: 0, currency: "BRL" },
      fromBalance: null,
      attempt: 1,
      createdAt: at,
      updatedAt: at,
      version: 1,
      ...overrides,
    }),

    refund: (payment, overrides = {}) => ({
      id: ids("refund"),
      unitId: payment.unitId,
      paymentId: payment.id,
      customerId: payment.customerId,
      amount: { amount: 1_000, currency: payment.amount.currency },
      destination: "original_method",
      status: "pending",
      idempotencyKey: `refund-${next()}`,
      providerReference: null,
      reason: "cliente desistiu",
      actor: "staff_1",
      createdAt: at,
      updatedAt: at,
      version: 1,
      ...overrides,
    }),

    walletEntry: (owner, amount, overrides = {}) => ({
      id: ids("walletEntry"),
      ...owner,
      kind: amount >= 0 ? "credit" : "debit",
      amount: { amount, currency: "BRL" },
      method: amount >= 0 ? "cash" : null,
      note: amount >= 0 ? "crédito em conta" : "descontado do saldo",
      actor: "staff_1",
      orderId: null,
      paymentId: null,
      refundId: null,
      reversesEntryId: null,
      createdAt: at,
      ...overrides,
    }),

    activationCode: (owner, overrides = {}) => ({
      id: ids("activationCode"),
      ...owner,
      code: `K7RM-${String(next()).padStart(4, "3")}`,
      status: "unattached",
      attachedCustomerId: null,
      validFrom: null,
      validUntil: null,
      attachedAt: null,
      createdAt: at,
      version: 1,
      ...overrides,
    }),

    event: (unitId, overrides = {}) => {
      const id = ids("event");
      return {
        id,
        type: "plan.created",
        occurredAt: at,
        unitId,
        payload: { planId: ids("plan") },
        ...overrides,
      };
    },

    inboxEntry: (overrides = {}) => ({
      id: ids("inboxEntry"),
      gatewayId: "sandbox",
      providerEventId: `evt-${next()}`,
      receivedAt: at,
      headers: { "content-type": "application/json", "x-signature": "t=1,v1=abc" },
      rawBody: '{"id":"evt","status":"paid","amount":12990,"note":"ação ✓"}',
      status: "received",
      processedAt: null,
      outcome: null,
      url: "https://studio.example/webhooks/sandbox?token=[redacted]",
      authentication: {
        method: "mutual_tls",
        clientCertificate: { subject: "CN=psp.example", issuer: "CN=ICP-Brasil AC", fingerprint256: "AB:CD" },
        confirmedByLookup: true,
      },
      ...overrides,
    }),

    idempotencyRecord: (overrides = {}) => ({
      scope: "sale:unit_1",
      key: `idem-${next()}`,
      fingerprint: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      resource: "contract:ctr_1",
      createdAt: at,
      ...overrides,
    }),
  };
}

/** The parents most scenarios need, inserted: organization → unit → plan → customer → contract. */
export interface World {
  organization: Organization;
  unit: Unit;
  plan: Plan;
  customer: NewCustomer;
  contract: Contract;
}

export async function seedWorld(repositories: Repositories, fixtures: Fixtures): Promise<World> {
  const organization = fixtures.organization();
  const unit = fixtures.unit(organization.id);
  const plan = fixtures.plan(unit.id);
  const customer = fixtures.customer(organization.id);
  const contract = fixtures.contract({ unitId: unit.id, customerId: customer.id, planId: plan.id });
  await repositories.organizations.insert(organization);
  await repositories.units.insert(unit);
  await repositories.plans.insert(plan);
  await repositories.customers.insert(customer);
  await repositories.contracts.insert(contract);
  return { organization, unit, plan, customer, contract };
}

/** A second unit of the world's organization, with a plan of its own, inserted. */
export async function seedSiblingUnit(
  repositories: Repositories,
  fixtures: Fixtures,
  world: Pick<World, "organization">,
): Promise<{ sibling: Unit; siblingPlan: Plan }> {
  const sibling = fixtures.unit(world.organization.id);
  await repositories.units.insert(sibling);
  const siblingPlan = fixtures.plan(sibling.id);
  await repositories.plans.insert(siblingPlan);
  return { sibling, siblingPlan };
}
