/**
 * The floor of a sale: the statements a hand-written program needs to store a new
 * customer's approved card sale of the bench plan, and their parameters — the rows and
 * values `tessera.sales.start` stores (sale-service.ts, apply-payment-result.ts and the
 * storage-kysely repositories), written with nothing more:
 * - the write-ahead transaction reads only what a sale cannot skip (is the idempotency key
 *   known? is the document a customer already?) and inserts the customer, the contract, its
 *   two first installments (the month and the enrollment fee), the payment and its two
 *   installment links, the idempotency record and two events (customer.created,
 *   contract.created);
 * - the answer's transaction reads nothing (the program still holds the ids) and sets the
 *   payment succeeded, the installments confirmed and the contract active, records the
 *   recurrence the provider started for the later months (the sandbox runs card recurrences,
 *   as Cielo's RecurrentPayment), with four events (payment.succeeded, contract.activated,
 *   sale.completed, recurrence.started).
 * Several rows of one table go in one statement, as a careful program would write them.
 * Columns a new row leaves NULL are left out (the stored row is the same); the constants of
 * every new row (a status, version 1, no attempts yet) are literals, anything else a
 * parameter. The SQL is written once with `?`, and numbered for PostgreSQL.
 */
import { createHash, randomBytes } from "node:crypto";
import type { IdGenerator } from "@tessera/core";
import type { BenchBuyer } from "./bench-buyers";

/** The plan every benchmark sale sells: "Mensal", R$ 149,90 a month plus an enrollment fee of R$ 50,00. */
export const benchPlan = {
  name: "Mensal",
  price: { amount: 14990, currency: "BRL" },
  enrollmentFee: { amount: 5000, currency: "BRL" },
  autoRenew: true,
} as const;

/** What the rows refer to: the catalog a sale sells from, set up through the library beforehand. */
export interface SaleCatalog {
  organizationId: string;
  unitId: string;
  planId: string;
  gatewayId: string;
}

const event =
  "insert into outbox (id, type, unit_id, occurred_at, payload, attempts, next_attempt_at, lease_version)";
const eventValues = "(?, ?, ?, ?, ?, 0, ?, 0)";

export const saleFloorSql = {
  findKey: "select 1 from idempotency_keys where scope = ? and key = ?",
  findCustomer: "select id from customers where organization_id = ? and document_key = ?",
  insertCustomer:
    "insert into customers (id, organization_id, name, document, document_key, email, source, attachments, " +
    "extra_fields, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
  insertContract:
    "insert into contracts (id, unit_id, customer_id, plan_id, terms, status, start_date, billing_day, " +
    "next_period_on, origin, created_at, updated_at, version) values (?, ?, ?, ?, ?, 'pending_payment', ?, ?, ?, ?, ?, ?, 1)",
  insertInstallments:
    "insert into installments (id, unit_id, customer_id, contract_id, sequence, kind, amount, currency, " +
    "due_date, period_start, period_end, status, failed_attempts, lease_version, created_at, updated_at, " +
    "version) values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 'awaiting', 0, 0, ?, ?, 1), " +
    "(?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 'awaiting', 0, 0, ?, ?, 1)",
  insertPayment:
    "insert into payments (id, unit_id, customer_id, gateway_id, method, amount, currency, idempotency_key, " +
    "status, refunded_amount, refunded_currency, attempt, created_at, updated_at, version) " +
    "values (?, ?, ?, ?, 'card', ?, ?, ?, 'pending', 0, ?, 1, ?, ?, 1)",
  insertLinks:
    "insert into payment_installments (payment_id, installment_id, position) values (?, ?, 0), (?, ?, 1)",
  insertKey:
    "insert into idempotency_keys (scope, key, fingerprint, resource, created_at) values (?, ?, ?, ?, ?)",
  insertWriteAheadEvents: `${event} values ${eventValues}, ${eventValues}`,
  answerPayment:
    "update payments set provider_reference = ?, status = 'succeeded', raw_status = 'paid', card = ?, " +
    "updated_at = ?, version = version + 1 where id = ?",
  confirmInstallments:
    "update installments set status = 'confirmed', confirmed_at = ?, updated_at = ?, version = version + 1 " +
    "where id in (?, ?)",
  activateContract:
    "update contracts set status = 'active', updated_at = ?, version = version + 1 where id = ?",
  insertRecurrence:
    "insert into recurrences (id, unit_id, customer_id, contract_id, gateway_id, method, first_payment_id, " +
    "provider_reference, status, terms, last_sequence, created_at, updated_at, version) " +
    "values (?, ?, ?, ?, ?, 'card', ?, ?, 'active', ?, 1, ?, ?, 1)",
  insertAnswerEvents: `${event} values ${eventValues}, ${eventValues}, ${eventValues}, ${eventValues}`,
} as const;

export type SaleFloorStatement = keyof typeof saleFloorSql;

/** One statement of a transaction with its parameters. */
export type SaleFloorStep = readonly [SaleFloorStatement, readonly unknown[]];

/** The two transactions of one floor sale. */
export interface SaleFloorSale {
  /** Reads first (each must find nothing: every bench buyer is new), then the inserts. */
  writeAhead: { lookups: SaleFloorStep[]; writes: SaleFloorStep[] };
  /** The provider's approval applied, built when it arrives (its own "now"). */
  answer(): SaleFloorStep[];
}

/** `?` → `$1`, `$2` … for PostgreSQL. */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The last day of a monthly period starting on `start` (`YYYY-MM-DD`), as the library's schedule has it. */
function periodEnd(start: string): string {
  const [year, month, day] = start.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month, day));
  // A month later, minus one day; a day past the month's end (Jan 31 → Mar 3) falls back to its last day.
  if (next.getUTCDate() !== day) next.setUTCDate(0);
  else next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

/** The first day of the period after the one starting on `start`: the day after its last. */
function nextPeriodStart(start: string): string {
  return new Date(Date.parse(periodEnd(start)) + 86_400_000).toISOString().slice(0, 10);
}

const terms = JSON.stringify({
  planName: benchPlan.name,
  kind: "recurring",
  price: benchPlan.price,
  interval: { unit: "month", count: 1 },
  installmentCount: null,
  enrollmentFee: benchPlan.enrollmentFee,
  clientFeeBasisPoints: 0,
  autoRenew: benchPlan.autoRenew,
  quotas: [],
  activationMode: "immediate",
});
const card = JSON.stringify({ brand: "visa", last4: "1111", reusableToken: null });

/** What the provider is asked to charge each later month: the period's price, from the day after the first period. */
function recurrenceTerms(today: string): string {
  const secondChargeOn = nextPeriodStart(today);
  return JSON.stringify({
    interval: { unit: "month", count: 1 },
    charges: null,
    amount: benchPlan.price,
    secondChargeOn,
  });
}

/** The statements and values of one new-customer card sale by `buyer`. */
export function saleFloorSale(catalog: SaleCatalog, buyer: BenchBuyer, ids: IdGenerator): SaleFloorSale {
  const now = new Date().toISOString();
  const today = now.slice(0, 10);
  const { currency } = benchPlan.price;
  const customerId = ids("customer");
  const contractId = ids("contract");
  const periodId = ids("installment");
  const feeId = ids("installment");
  const paymentId = ids("payment");
  const scope = `sale:${catalog.unitId}`;
  const documentKey = `cpf:${buyer.cpf}`;
  const fingerprint = createHash("sha256")
    .update(JSON.stringify({ unitId: catalog.unitId, planId: catalog.planId, buyer, method: "card" }))
    .digest("hex");
  const { unitId } = catalog;
  const writes: SaleFloorStep[] = [
    [
      "insertCustomer",
      [
        customerId,
        catalog.organizationId,
        buyer.name,
        JSON.stringify({ kind: "cpf", value: buyer.cpf }),
        documentKey,
        buyer.email,
        "online",
        "[]",
        "{}",
        now,
        now,
      ],
    ],
    [
      "insertContract",
      [
        contractId,
        unitId,
        customerId,
        catalog.planId,
        terms,
        today,
        Number(today.slice(8)),
        // An open-ended plan: the billing run schedules its second period on this day.
        nextPeriodStart(today),
        "online",
        now,
        now,
      ],
    ],
    [
      "insertInstallments",
      [
        ...[
          periodId,
          unitId,
          customerId,
          contractId,
          "period",
          benchPlan.price.amount,
          currency,
          today,
          today,
        ],
        ...[periodEnd(today), now, now],
        ...[
          feeId,
          unitId,
          customerId,
          contractId,
          "enrollment_fee",
          benchPlan.enrollmentFee.amount,
          currency,
        ],
        ...[today, null, null, now, now],
      ],
    ],
    [
      "insertPayment",
      [
        paymentId,
        unitId,
        customerId,
        catalog.gatewayId,
        benchPlan.price.amount + benchPlan.enrollmentFee.amount,
        currency,
        paymentId.replace("_", ""),
        currency,
        now,
        now,
      ],
    ],
    ["insertLinks", [paymentId, periodId, paymentId, feeId]],
    ["insertKey", [scope, buyer.idempotencyKey, fingerprint, `payment:${paymentId}`, now]],
    [
      "insertWriteAheadEvents",
      [
        ...eventRow(ids, "customer.created", null, now, { customerId, source: "online" }),
        ...eventRow(ids, "contract.created", unitId, now, { contractId, customerId, planId: catalog.planId }),
      ],
    ],
  ];
  return {
    writeAhead: {
      lookups: [
        ["findKey", [scope, buyer.idempotencyKey]],
        ["findCustomer", [catalog.organizationId, documentKey]],
      ],
      writes,
    },
    answer() {
      const at = new Date().toISOString();
      const providerReference = `sbxpay_${randomBytes(12).toString("hex")}`;
      const recurrenceId = ids("recurrence");
      const recurrenceReference = `sbxrec_${randomBytes(12).toString("hex")}`;
      return [
        ["answerPayment", [providerReference, card, at, paymentId]],
        ["confirmInstallments", [at, at, periodId, feeId]],
        ["activateContract", [at, contractId]],
        [
          "insertRecurrence",
          [
            ...[recurrenceId, unitId, customerId, contractId, catalog.gatewayId, paymentId],
            ...[recurrenceReference, recurrenceTerms(today), at, at],
          ],
        ],
        [
          "insertAnswerEvents",
          [
            ...eventRow(ids, "payment.succeeded", unitId, at, { paymentId, contractId }),
            ...eventRow(ids, "contract.activated", unitId, at, { contractId, customerId }),
            ...eventRow(ids, "sale.completed", unitId, at, { contractId, customerId, paymentId }),
            ...eventRow(ids, "recurrence.started", unitId, at, { recurrenceId, contractId, paymentId }),
          ],
        ],
      ];
    },
  };
}

function eventRow(ids: IdGenerator, type: string, unitId: string | null, at: string, payload: object) {
  return [ids("event"), type, unitId, at, JSON.stringify(payload), at];
}
