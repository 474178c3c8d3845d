import { z } from "zod";
import { cardInputSchema, idempotencyKeySchema } from "../checkout/sale-input";
import { type SaleOutcome, saleOutcomeOf } from "../checkout/sale-outcome";
import { loadSaleState } from "../checkout/sale-state";
import { TesseraError } from "../errors/tessera-error";
import { fingerprintOf } from "../idempotency/idempotency-record";
import type { Id } from "../ids/id";
import { sumMoney } from "../money/money";
import type { PaymentResult } from "../ports/gateway";
import type { ServiceContext } from "../tessera/service-context";
import { addMilliseconds } from "../time/instant";
import { parseInput } from "../validation/parse-input";
import type { Payment } from "./payment";
import { paymentMethodSchema } from "./payment-method";
import { buildPaymentRequest, newPaymentRow } from "./payment-row";
import type { PaymentStatus } from "./payment-status";
import { applyNews, submitPayment } from "./submit-payment";
import { withRetryOnConflict } from "./with-retry-on-conflict";

/** Statuses of an attempt that may still turn into money. */
const openStatuses: readonly PaymentStatus[] = ["pending", "requires_action", "unknown"];

export const retryInputSchema = z.object({
  contractId: z.string().startsWith("ctr_", "must be a contract id"),
  method: paymentMethodSchema,
  card: cardInputSchema.optional(),
  idempotencyKey: idempotencyKeySchema,
});
export type RetryInput = z.input<typeof retryInputSchema>;

/** The result of a recovery pass. */
export interface RecoveryReport {
  examined: number;
  /** Settled from the provider's answer. */
  settled: number;
  /** The provider never received them: marked failed, safe to attempt again. */
  neverReceived: number;
  /** Still open (the payer has not paid yet, or the provider could not answer). */
  stillOpen: number;
}

/** The pending-payment actions (BEMP seed) and recovery. */
export interface PaymentService {
  get(id: Id<"payment">): Promise<Payment | null>;
  /**
   * A new attempt at a contract's first unpaid installments — after a decline, or with
   * another method. Refused (`payment_in_progress`) while another attempt is still open,
   * so a buyer is never charged twice for one installment.
   */
  retry(input: RetryInput): Promise<SaleOutcome>;
  /** Asks the provider for the payment's current state and applies it. */
  refresh(id: Id<"payment">): Promise<Payment>;
  /**
   * Drops an open attempt without touching the contract: at the provider when it can
   * cancel, and here in any case (money that arrives later still converges to paid).
   */
  cancelAttempt(id: Id<"payment">): Promise<Payment>;
  /**
   * Settles payments left open past `olderThanMs` (default: `recoveryGraceMs`; pass less
   * only when no call can still be in flight, e.g. right after a crash): asks the provider by our idempotency
   * key and applies the answer; a payment the provider never received is marked failed,
   * so it can be attempted again under a new key. Safe at any time, from several processes.
   * A payment it leaves open goes to the back of the queue, so passes of `limit` reach every
   * open payment in turn.
   */
  recover(options?: { olderThanMs?: number; limit?: number }): Promise<RecoveryReport>;
}

/** Default grace before recovery looks at an open payment: longer than any adapter's timeout. */
export const recoveryGraceMs = 120_000;

export function createPaymentService(ctx: ServiceContext): PaymentService {
  async function getOrThrow(id: Id<"payment">): Promise<Payment> {
    const payment = await ctx.storage.payments.findById(id);
    if (!payment)
      throw new TesseraError("not_found", `Payment ${id} does not exist.`, {
        details: { entity: "payment", id },
      });
    return payment;
  }

  /**
   * Stamps a payment recovery looked at and left open as just updated. `listStale` walks
   * the oldest `updatedAt` first, and an answer that changes nothing writes nothing; without
   * this stamp, `limit` payments waiting on their payers (a boleto never expires) would fill
   * every pass, and a card charge left `unknown` behind them would never be settled — the
   * buyer charged, the contract never active, every retry refused as `payment_in_progress`.
   */
  async function sendToBackOfQueue(payment: Payment): Promise<void> {
    await withRetryOnConflict(() =>
      ctx.storage.transaction(async (tx) => {
        const current = await tx.payments.findById(payment.id);
        // Someone else wrote it meanwhile (a webhook, another recovery): it has moved already.
        if (!current || current.version !== payment.version) return;
        await tx.payments.update({ ...current, updatedAt: ctx.clock.now() });
      }),
    );
  }

  /** Settles one payment from the provider's books; returns what recovery made of it. */
  async function settle(
    payment: Payment,
    graceMs: number,
  ): Promise<{ payment: Payment; verdict: "settled" | "never_received" | "open" }> {
    const gateway = ctx.gateways.get(payment.gatewayId);
    let found: PaymentResult | null;
    try {
      found = await gateway.getPayment({ idempotencyKey: payment.idempotencyKey });
    } catch {
      return { payment, verdict: "open" };
    }
    if (found === null) {
      // Only an attempt old enough that no call can still be in flight is proven unsent.
      const unanswered = payment.rawStatus === null || payment.status === "unknown";
      const age = new Date(ctx.clock.now()).getTime() - new Date(payment.createdAt).getTime();
      if (!unanswered || age < graceMs) return { payment, verdict: "open" };
      const failed = await applyNews(ctx, payment.id, {
        status: "refused",
        code: "never_received",
        message: "The provider has no record of this payment; it was never charged.",
      });
      return { payment: failed, verdict: "never_received" };
    }
    const applied = await applyNews(ctx, payment.id, found);
    return { payment: applied, verdict: openStatuses.includes(applied.status) ? "open" : "settled" };
  }

  const service: PaymentService = {
    get: (id) => ctx.storage.payments.findById(id),

    async retry(input) {
      const data = parseInput(retryInputSchema, input, "payment retry");
      const contractId = data.contractId as Id<"contract">;
      const scope = `retry:${contractId}`;
      const fingerprint = fingerprintOf({ contractId, method: data.method });
      const earlier = await ctx.storage.idempotencyKeys.find(scope, data.idempotencyKey);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) {
          throw new TesseraError(
            "idempotency_key_reused",
            "This idempotency key was used for a different retry.",
            {
              details: {
                issues: [{ path: ["idempotencyKey"], code: "reused", message: "used with different data" }],
              },
            },
          );
        }
        return saleOutcomeOf(
          await loadSaleState(ctx.storage, earlier.resource.replace(/^payment:/, "") as Id<"payment">, true),
        );
      }
      const contract = await ctx.storage.contracts.findById(contractId);
      if (!contract)
        throw new TesseraError("not_found", `Contract ${contractId} does not exist.`, {
          details: { entity: "contract", id: contractId },
        });
      const unit = await ctx.storage.units.findById(contract.unitId);
      const offered = unit?.paymentMethods.find((m) => m.method === data.method);
      if (!unit || !offered) {
        throw new TesseraError(
          "validation_failed",
          `Invalid payment retry: method: the unit does not take ${data.method}.`,
          {
            details: {
              issues: [
                { path: ["method"], code: "method_not_offered", message: `not offered: ${data.method}` },
              ],
            },
          },
        );
      }
      if (data.method === "card" && !data.card) {
        throw new TesseraError(
          "validation_failed",
          "Invalid payment retry: card: a card payment needs the provider's card token.",
          {
            details: { issues: [{ path: ["card"], code: "required", message: "required for card" }] },
          },
        );
      }

      const payment = await ctx.storage.transaction(async (tx) => {
        const installments = await tx.installments.listByContract(contractId);
        const unpaid = installments.filter((i) => i.status === "awaiting" || i.status === "denied");
        const sequence = Math.min(...unpaid.map((i) => i.sequence));
        const due = unpaid.filter((i) => i.sequence === sequence);
        if (due.length === 0) {
          throw new TesseraError("invalid_transition", `Contract ${contractId} has nothing left to pay.`, {
            details: { entity: "contract", id: contractId },
          });
        }
        const attempts = await tx.payments.listByInstallment(due[0]!.id);
        const open = attempts.find((p) => openStatuses.includes(p.status));
        if (open) {
          throw new TesseraError(
            "payment_in_progress",
            `Payment ${open.id} for these installments is still open.`,
            {
              details: { entity: "payment", id: open.id },
            },
          );
        }
        const row = newPaymentRow(ctx, {
          unitId: contract.unitId,
          customerId: contract.customerId,
          gatewayId: offered.gatewayId,
          method: data.method,
          amount: sumMoney(
            due.map((i) => i.amount),
            contract.terms.price.currency,
          ),
          installmentIds: due.map((i) => i.id),
          attempt: attempts.length + 1,
        });
        await tx.payments.insert(row);
        await tx.idempotencyKeys.insert({
          scope,
          key: data.idempotencyKey,
          fingerprint,
          resource: `payment:${row.id}`,
          createdAt: ctx.clock.now(),
        });
        return row;
      });
      const customer = await ctx.storage.customers.findById(contract.customerId);
      await submitPayment(
        ctx,
        payment,
        buildPaymentRequest(ctx, payment, {
          description: `${contract.terms.planName} — ${unit.name}`,
          payer: customer!,
          card: data.card,
          timeZone: unit.timeZone,
        }),
      );
      return saleOutcomeOf(await loadSaleState(ctx.storage, payment.id, false));
    },

    async refresh(id) {
      const payment = await getOrThrow(id);
      return (await settle(payment, recoveryGraceMs)).payment;
    },

    async cancelAttempt(id) {
      const payment = await getOrThrow(id);
      if (!openStatuses.includes(payment.status)) {
        throw new TesseraError(
          "invalid_transition",
          `Payment ${id} is ${payment.status}; only an open attempt can be canceled.`,
          {
            details: { entity: "payment", id, from: payment.status, to: "canceled" },
          },
        );
      }
      const gateway = ctx.gateways.get(payment.gatewayId);
      if (gateway.cancel && payment.rawStatus !== null) {
        const answer = await gateway.cancel({ idempotencyKey: payment.idempotencyKey });
        return applyNews(ctx, id, answer);
      }
      return applyNews(ctx, id, {
        status: "canceled",
        providerReference: payment.providerReference ?? payment.idempotencyKey,
        rawStatus: "canceled_locally",
        amount: payment.amount,
        refundedAmount: payment.refundedAmount,
      });
    },

    async recover(options = {}) {
      const olderThanMs = options.olderThanMs ?? recoveryGraceMs;
      const stale = await ctx.storage.payments.listStale({
        statuses: openStatuses,
        updatedBefore: addMilliseconds(ctx.clock.now(), -olderThanMs),
        limit: options.limit ?? 100,
      });
      const report: RecoveryReport = { examined: stale.length, settled: 0, neverReceived: 0, stillOpen: 0 };
      for (const payment of stale) {
        const settled = await settle(payment, olderThanMs);
        if (settled.verdict === "settled") report.settled++;
        else if (settled.verdict === "never_received") report.neverReceived++;
        else {
          report.stillOpen++;
          if (settled.payment.version === payment.version) await sendToBackOfQueue(payment);
        }
      }
      return report;
    },
  };
  return service;
}
