import { expect } from "vitest";
import type { Payment } from "../../payments/payment";
import { expectTesseraError } from "./expect-tessera-error";
import { type Fixtures, seedWorld, type World } from "./fixtures";
import { rawJson, rawNumber } from "./raw-values";
import type { ScenarioContext, StorageScenario } from "./storage-scenario";

async function withInstallments({ storage, fixtures }: ScenarioContext) {
  const world = await seedWorld(storage, fixtures);
  const owner = { unitId: world.unit.id, customerId: world.customer.id, contractId: world.contract.id };
  const installments = [
    fixtures.installment(owner, { kind: "enrollment_fee", amount: { amount: 5_000, currency: "BRL" } }),
    fixtures.installment(owner),
    fixtures.installment(owner, { sequence: 2, dueDate: "2026-04-01" }),
  ] as const;
  await storage.installments.insertMany([...installments]);
  return { world, installments };
}

const paymentOwner = (world: World) => ({ unitId: world.unit.id, customerId: world.customer.id });

function cardPayment(fixtures: Fixtures, world: World, overrides: Partial<Payment> = {}) {
  return fixtures.payment(paymentOwner(world), {
    method: "card",
    status: "succeeded",
    providerReference: "0f3a-cielo-payment-id",
    rawStatus: "2",
    action: null,
    card: { brand: "Visa", last4: "0002", reusableToken: "tok_abc" },
    ...overrides,
  });
}

/** Payments (write-ahead attempts) and refunds. */
export const paymentRefundScenarios = {
  paymentRoundTrip: {
    title:
      "stores a payment exactly — payer action, card, covered installments in order — and finds it by key and reference",
    async run(context) {
      const { storage, readRows, fixtures } = context;
      const { world, installments } = await withInstallments(context);
      const [fee, first] = installments;
      const pix = fixtures.payment(paymentOwner(world), {
        installmentIds: [first.id, fee.id],
        amount: { amount: 17_990, currency: "BRL" },
      });
      const card = cardPayment(fixtures, world, {
        installmentIds: [first.id],
        refundedAmount: { amount: 990, currency: "BRL" },
        status: "partially_refunded",
      });
      const failed = fixtures.payment(paymentOwner(world), {
        status: "failed",
        action: null,
        failureCode: "card_declined",
        failureMessage: "Não autorizada",
        attempt: 2,
      });
      for (const payment of [pix, card, failed]) await storage.payments.insert(payment);
      expect(await storage.payments.findById(pix.id)).toEqual(pix);
      expect(await storage.payments.findById(card.id)).toEqual(card);
      expect(await storage.payments.findById(failed.id)).toEqual(failed);
      expect(await storage.payments.findById(fixtures.ids("payment"))).toBeNull();
      expect(await storage.payments.findByIdempotencyKey("sandbox", pix.idempotencyKey)).toEqual(pix);
      expect(await storage.payments.findByIdempotencyKey("cielo", pix.idempotencyKey)).toBeNull();
      expect(await storage.payments.findByProviderReference("sandbox", "0f3a-cielo-payment-id")).toEqual(
        card,
      );
      expect(await storage.payments.findByProviderReference("sandbox", "unknown")).toBeNull();
      const [row] = await readRows("payments", { id: pix.id });
      expect(rawNumber(row?.amount)).toBe(17_990);
      expect(row?.currency).toBe("BRL");
      expect(rawJson(row?.action)).toEqual(pix.action);
    },
  },

  paymentListByInstallment: {
    title: "lists every payment covering an installment, oldest first, and only those",
    async run(context) {
      const { storage, fixtures } = context;
      const { world, installments } = await withInstallments(context);
      const [fee, first, second] = installments;
      const attempt1 = fixtures.payment(paymentOwner(world), {
        installmentIds: [fee.id, first.id],
        status: "failed",
      });
      const attempt2 = fixtures.payment(paymentOwner(world), {
        installmentIds: [fee.id, first.id],
        attempt: 2,
      });
      const other = fixtures.payment(paymentOwner(world), { installmentIds: [second.id] });
      for (const payment of [attempt2, other, attempt1]) await storage.payments.insert(payment);
      expect(await storage.payments.listByInstallment(first.id)).toEqual([attempt1, attempt2]);
      expect(await storage.payments.listByInstallment(second.id)).toEqual([other]);
      expect(await storage.payments.listByInstallment(fixtures.ids("installment"))).toEqual([]);
    },
  },

  paymentIdempotencyKeyUnique: {
    title:
      "refuses a second payment with the same idempotency key at one gateway; another gateway may reuse it",
    async run(context) {
      const { storage, readRows, fixtures } = context;
      const { world } = await withInstallments(context);
      const payment = fixtures.payment(paymentOwner(world), { idempotencyKey: "sale-123" });
      await storage.payments.insert(payment);
      const twin = fixtures.payment(paymentOwner(world), { idempotencyKey: "sale-123" });
      const error = await expectTesseraError(storage.payments.insert(twin), "conflict");
      expect(error.details.entity).toBe("payment");
      expect(await readRows("payments", { id: twin.id })).toEqual([]);
      await storage.payments.insert({ ...twin, gatewayId: "cielo" });
      expect(await storage.payments.findByIdempotencyKey("cielo", "sale-123")).toEqual({
        ...twin,
        gatewayId: "cielo",
      });
    },
  },

  paymentUpdateCompareAndSet: {
    title:
      "updates a payment only from its current version, covered installments included; a stale write is a conflict",
    async run(context) {
      const { storage, readRows, fixtures } = context;
      const { world, installments } = await withInstallments(context);
      const [fee, first, second] = installments;
      const payment = fixtures.payment(paymentOwner(world), { installmentIds: [fee.id, first.id] });
      await storage.payments.insert(payment);
      const succeeded = await storage.payments.update({
        ...payment,
        status: "succeeded",
        action: null,
        providerReference: "txid-1",
        installmentIds: [first.id, second.id],
        updatedAt: "2026-03-01T12:05:00.000Z",
      });
      expect(succeeded).toEqual({
        ...payment,
        status: "succeeded",
        action: null,
        providerReference: "txid-1",
        installmentIds: [first.id, second.id],
        updatedAt: "2026-03-01T12:05:00.000Z",
        version: 2,
      });
      expect(await storage.payments.findById(payment.id)).toEqual(succeeded);
      expect(await storage.payments.listByInstallment(fee.id)).toEqual([]);
      expect(await storage.payments.listByInstallment(second.id)).toEqual([succeeded]);
      const error = await expectTesseraError(
        storage.payments.update({ ...payment, status: "failed" }),
        "conflict",
      );
      expect(error.details.entity).toBe("payment");
      const [row] = await readRows("payments", { id: payment.id });
      expect(row?.status).toBe("succeeded");
    },
  },

  paymentUpdateFromPrevious: {
    title:
      "updates a payment given as it was at its version (previous) to exactly what a full write stores, links included",
    async run(context) {
      const { storage, readRows, fixtures } = context;
      const { world, installments } = await withInstallments(context);
      const [fee, first, second] = installments;
      const payment = fixtures.payment(paymentOwner(world), { installmentIds: [fee.id, first.id] });
      await storage.payments.insert(payment);
      const answered = {
        ...payment,
        status: "succeeded" as const,
        rawStatus: "paid",
        providerReference: "txid-2",
        card: { brand: "Visa", last4: "0002", reusableToken: null },
        updatedAt: "2026-03-01T12:05:00.000Z",
      };
      expect(await storage.payments.update(answered, payment)).toEqual({ ...answered, version: 2 });
      expect(await storage.payments.findById(payment.id)).toEqual({ ...answered, version: 2 });
      const moved = { ...answered, installmentIds: [second.id], version: 2 };
      expect(await storage.payments.update(moved, { ...answered, version: 2 })).toEqual({
        ...moved,
        version: 3,
      });
      expect(await storage.payments.listByInstallment(fee.id)).toEqual([]);
      expect(await storage.payments.listByInstallment(second.id)).toEqual([{ ...moved, version: 3 }]);
      await expectTesseraError(
        storage.payments.update({ ...payment, status: "failed" }, payment),
        "conflict",
      );
      const [row] = await readRows("payments", { id: payment.id });
      expect(row?.status).toBe("succeeded");
      expect(rawJson(row?.card)).toEqual(answered.card);
    },
  },

  paymentListStale: {
    title:
      "lists payments in the given statuses last changed before a moment, oldest change first, up to a limit",
    async run(context) {
      const { storage, fixtures } = context;
      const { world } = await withInstallments(context);
      const at = (minute: number) => `2026-03-01T12:${String(minute).padStart(2, "0")}:00.000Z`;
      const oldUnknown = fixtures.payment(paymentOwner(world), { status: "unknown", updatedAt: at(1) });
      const oldPending = fixtures.payment(paymentOwner(world), { status: "pending", updatedAt: at(0) });
      const recentUnknown = fixtures.payment(paymentOwner(world), { status: "unknown", updatedAt: at(30) });
      const oldSucceeded = fixtures.payment(paymentOwner(world), { status: "succeeded", updatedAt: at(0) });
      for (const p of [oldUnknown, oldPending, recentUnknown, oldSucceeded]) await storage.payments.insert(p);
      const stale = await storage.payments.listStale({
        statuses: ["unknown", "pending"],
        updatedBefore: at(10),
        limit: 10,
      });
      expect(stale).toEqual([oldPending, oldUnknown]);
      expect(
        await storage.payments.listStale({
          statuses: ["unknown", "pending"],
          updatedBefore: at(10),
          limit: 1,
        }),
      ).toEqual([oldPending]);
    },
  },

  refundRoundTrip: {
    title:
      "stores refunds exactly, finds them by idempotency key, lists a payment's refunds and updates by compare-and-set",
    async run(context) {
      const { storage, readRows, fixtures } = context;
      const { world } = await withInstallments(context);
      const payment = cardPayment(fixtures, world);
      await storage.payments.insert(payment);
      const partial = fixtures.refund(payment);
      const toWallet = fixtures.refund(payment, {
        destination: "wallet",
        status: "succeeded",
        amount: { amount: 2_000, currency: "BRL" },
      });
      await storage.refunds.insert(partial);
      await storage.refunds.insert(toWallet);
      expect(await storage.refunds.findById(partial.id)).toEqual(partial);
      expect(await storage.refunds.findByIdempotencyKey(toWallet.idempotencyKey)).toEqual(toWallet);
      expect(await storage.refunds.findByIdempotencyKey("nope")).toBeNull();
      expect(await storage.refunds.listByPayment(payment.id)).toEqual([partial, toWallet]);
      const done = await storage.refunds.update({
        ...partial,
        status: "succeeded",
        providerReference: "rf-1",
      });
      expect(done).toEqual({ ...partial, status: "succeeded", providerReference: "rf-1", version: 2 });
      await expectTesseraError(storage.refunds.update(partial), "conflict");
      const [row] = await readRows("refunds", { id: toWallet.id });
      expect(rawNumber(row?.amount)).toBe(2_000);
    },
  },

  refundIdempotencyKeyUnique: {
    title: "refuses a second refund with the same idempotency key with conflict",
    async run(context) {
      const { storage, fixtures } = context;
      const { world } = await withInstallments(context);
      const payment = cardPayment(fixtures, world);
      await storage.payments.insert(payment);
      await storage.refunds.insert(fixtures.refund(payment, { idempotencyKey: "refund-once" }));
      const error = await expectTesseraError(
        storage.refunds.insert(fixtures.refund(payment, { idempotencyKey: "refund-once" })),
        "conflict",
      );
      expect(error.details.entity).toBe("refund");
      expect(await storage.refunds.listByPayment(payment.id)).toHaveLength(1);
    },
  },

  refundListUnsettled: {
    title:
      "lists refunds to the original method still pending or unknown, last changed before a moment, oldest change first, up to a limit",
    async run(context) {
      const { storage, fixtures } = context;
      const { world } = await withInstallments(context);
      const payment = cardPayment(fixtures, world);
      await storage.payments.insert(payment);
      const at = (minute: number) => `2026-03-01T12:${String(minute).padStart(2, "0")}:00.000Z`;
      const oldUnknown = fixtures.refund(payment, { status: "unknown", updatedAt: at(1) });
      const oldPending = fixtures.refund(payment, {
        status: "pending",
        providerReference: "rf-1",
        updatedAt: at(0),
      });
      const recentPending = fixtures.refund(payment, { status: "pending", updatedAt: at(30) });
      const oldSucceeded = fixtures.refund(payment, { status: "succeeded", updatedAt: at(0) });
      const oldFailed = fixtures.refund(payment, { status: "failed", updatedAt: at(0) });
      const toWallet = fixtures.refund(payment, {
        destination: "wallet",
        status: "pending",
        updatedAt: at(0),
      });
      for (const refund of [oldUnknown, oldPending, recentPending, oldSucceeded, oldFailed, toWallet])
        await storage.refunds.insert(refund);
      const unsettled = await storage.refunds.listUnsettled({ updatedBefore: at(10), limit: 10 });
      expect(unsettled).toEqual([oldPending, oldUnknown]);
      expect(await storage.refunds.listUnsettled({ updatedBefore: at(10), limit: 1 })).toEqual([oldPending]);
      // A refund stamped as just looked at goes to the back of the queue.
      const stamped = await storage.refunds.update({ ...oldPending, updatedAt: at(5) });
      expect(await storage.refunds.listUnsettled({ updatedBefore: at(10), limit: 10 })).toEqual([
        oldUnknown,
        stamped,
      ]);
    },
  },
} satisfies Record<string, StorageScenario>;
