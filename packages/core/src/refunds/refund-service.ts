import { z } from "zod";
import { idempotencyKeySchema } from "../checkout/sale-input";
import { isTesseraError, TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import { positiveMoneySchema } from "../money/money";
import { notSentNewsOf } from "../payments/not-sent";
import type { Payment } from "../payments/payment";
import { withRetryOnConflict } from "../payments/with-retry-on-conflict";
import type { RefundResult } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import { parseInput } from "../validation/parse-input";
import { refundToWallet } from "../wallet/wallet-refund";
import { applyRefundResult, refundKeyOf } from "./apply-refund-result";
import { type RefundRecoverOptions, type RefundRecoveryReport, recoverRefunds } from "./recover-refunds";
import type { Refund } from "./refund";
import { checkRefundRules } from "./refund-rules";
import { refundableAmount } from "./refundable-amount";

export const refundInputSchema = z.object({
  paymentId: z.string().startsWith("pay_", "must be a payment id"),
  /** How much to give back; leave it out to refund everything not refunded yet. */
  amount: positiveMoneySchema.optional(),
  idempotencyKey: idempotencyKeySchema,
  /** Why, for the customer's history and the reports. */
  reason: z.string().trim().max(500).default(""),
  /** Who asked: a staff member's id, `api`, or a plugin's name. */
  actor: z.string().trim().min(1).max(200).default("api"),
  /**
   * Where the money goes: back through the provider to the method it was paid by (the
   * default), or to the customer's wallet at once — how staff give back what the provider
   * cannot. A payment the wallet made is always refunded to the wallet.
   */
  destination: z.enum(["original_method", "wallet"]).optional(),
});
export type RefundInput = z.input<typeof refundInputSchema>;

/** What became of a refund: the refund as stored, and the payment it gave money back from. */
export interface RefundOutcome {
  refund: Refund;
  payment: Payment;
  /** True when this answer comes from an earlier call with the same idempotency key. */
  replayed: boolean;
  /** The provider's words when it refused (`refund.status === "failed"`). */
  message: string | null;
}

/** Refunds to the original method or to the wallet (DESIGN §4 "Refund"). */
export interface RefundService {
  /**
   * Gives back all or part of a paid payment through its provider, to the method it was paid
   * by. Never more than was collected less earlier refunds (counting those still pending or
   * unknown), and only as the gateway's `capabilities.refunds` allows for the payment's method,
   * checked before anything is written: a method it cannot refund, or a payment past its
   * `windowDays`, is `refund_not_possible` (refund to the wallet or by hand); part of a payment
   * where `partial` is false is `validation_failed` on `amount`. The refund row is written
   * before the provider is called (write-ahead), under its own key, and the same
   * `idempotencyKey` answers the first refund without a second one. The payment's
   * `refundedAmount` and its status (`partially_refunded` → `refunded`) follow from the
   * refunds that succeeded; a full refund marks the installments it paid `refunded`.
   *
   * With `destination: "wallet"` no provider is asked and its refund rules do not apply: the
   * refund succeeds in its own write-ahead transaction, with a `refund_credit` line in the
   * customer's wallet (still never more than was collected less earlier refunds).
   *
   * @example
   * ```ts
   * const { refund } = await tessera.refunds.refund({
   *   paymentId, amount: { amount: 5000, currency: "BRL" }, idempotencyKey: crypto.randomUUID(), reason: "aula cancelada",
   * });
   * ```
   */
  refund(input: RefundInput): Promise<RefundOutcome>;
  listByPayment(paymentId: Id<"payment">): Promise<Refund[]>;
  /**
   * Settles refunds whose answer was lost (`unknown`) or is still `pending`, left so past
   * `olderThanMs` (default `recoveryGraceMs`, two minutes): asks the provider (`getRefund`)
   * and applies its answer as `refund`'s own answer is applied. A refund the provider never
   * received is marked `failed` — nothing was given back — and never sent again by itself:
   * staff refund anew if they still mean to. Safe at any time, from several processes; a
   * refund it leaves open goes to the back of the queue. A gateway that cannot be asked is
   * reported (`failed`, `failures`, a `gateway.failing` event) and the pass goes on.
   *
   * @example
   * ```ts
   * const report = await tessera.refunds.recover({ limit: 50 });
   * // { examined: 3, settled: 2, neverReceived: 1, stillOpen: 0, failed: 0, failures: [] }
   * ```
   */
  recover(options?: RefundRecoverOptions): Promise<RefundRecoveryReport>;
}

export function createRefundService(ctx: ServiceContext): RefundService {
  async function paymentOrThrow(repos: Repositories, id: Id<"payment">): Promise<Payment> {
    const payment = await repos.payments.findById(id);
    if (!payment) {
      throw new TesseraError("not_found", `Payment ${id} does not exist.`, {
        details: { entity: "payment", id },
      });
    }
    return payment;
  }

  function invalid(path: string, code: string, message: string): TesseraError {
    return new TesseraError("validation_failed", `Invalid refund: ${path}: ${message}.`, {
      details: { issues: [{ path: [path], code, message }] },
    });
  }

  /** Transaction 1: checks what may be refunded and writes the refund row, not yet answered. */
  async function writeAhead(
    data: z.output<typeof refundInputSchema>,
  ): Promise<{ refund: Refund; payment: Payment; settled: boolean }> {
    return ctx.storage.transaction(async (tx) => {
      const payment = await paymentOrThrow(tx, data.paymentId as Id<"payment">);
      if (payment.status !== "succeeded" && payment.status !== "partially_refunded") {
        throw new TesseraError(
          "invalid_transition",
          `Payment ${payment.id} is ${payment.status}; only money collected can be refunded.`,
          { details: { entity: "payment", id: payment.id, from: payment.status, to: "refunded" } },
        );
      }
      const earlier = await tx.refunds.listByPayment(payment.id);
      const destination = payment.method === "wallet" ? "wallet" : (data.destination ?? "original_method");
      // A split payment's wallet part goes back only to the wallet: the provider gives back at
      // most what it collected itself.
      const refundable = refundableAmount(payment, earlier, destination).amount;
      const amount = data.amount ?? { amount: refundable, currency: payment.amount.currency };
      if (amount.currency !== payment.amount.currency) {
        throw invalid(
          "amount",
          "currency_mismatch",
          `must be in the payment's currency, ${payment.amount.currency}`,
        );
      }
      if (refundable <= 0) {
        const walletLeft = refundableAmount(payment, earlier, "wallet").amount;
        throw invalid(
          "amount",
          "nothing_to_refund",
          walletLeft > 0
            ? `the provider's part has been refunded; the ${walletLeft} minor units the wallet paid go back only to the wallet`
            : "the payment has been refunded already",
        );
      }
      if (amount.amount > refundable) {
        throw invalid("amount", "too_big", `at most ${refundable} minor units are left to refund`);
      }
      const now = ctx.clock.now();
      if (destination === "original_method")
        checkRefundRules(ctx.gateways.get(payment.gatewayId), payment, amount, now);
      const id = ctx.ids("refund");
      const refund: Refund = {
        id,
        unitId: payment.unitId,
        paymentId: payment.id,
        customerId: payment.customerId,
        amount,
        destination,
        status: "pending",
        // The caller's key, unique among refunds. The provider gets the refund's id without its
        // underscore instead (29 letters and digits fit an API Pix devolução id, 1–35).
        idempotencyKey: data.idempotencyKey,
        providerReference: null,
        reason: data.reason,
        actor: data.actor,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await tx.refunds.insert(refund);
      if (destination === "wallet") {
        const settled = await refundToWallet(ctx, tx, refund, payment);
        return { refund: settled.refund, payment, settled: true };
      }
      return { refund, payment, settled: false };
    });
  }

  /** Transaction 2: the provider's answer, applied to the refund, the payment and its installments. */
  function apply(refundId: Id<"refund">, answer: RefundResult): Promise<Refund> {
    return withRetryOnConflict(() =>
      ctx.storage.transaction((tx) => applyRefundResult(ctx, tx, refundId, answer)),
    );
  }

  async function outcomeOf(
    refund: Refund,
    replayed: boolean,
    message: string | null,
  ): Promise<RefundOutcome> {
    return { refund, payment: await paymentOrThrow(ctx.storage, refund.paymentId), replayed, message };
  }

  return {
    async refund(input) {
      const data = parseInput(refundInputSchema, input, "refund");
      const earlier = await ctx.storage.refunds.findByIdempotencyKey(data.idempotencyKey);
      if (earlier) {
        const same =
          earlier.paymentId === data.paymentId &&
          (data.destination === undefined || earlier.destination === data.destination) &&
          (data.amount === undefined ||
            (earlier.amount.amount === data.amount.amount &&
              earlier.amount.currency === data.amount.currency));
        if (!same) {
          throw new TesseraError(
            "idempotency_key_reused",
            "This idempotency key was used for a different refund.",
            {
              details: {
                issues: [{ path: ["idempotencyKey"], code: "reused", message: "used with different data" }],
              },
            },
          );
        }
        return outcomeOf(earlier, true, null);
      }
      let written: { refund: Refund; payment: Payment; settled: boolean };
      try {
        written = await writeAhead(data);
      } catch (error) {
        // A concurrent call with the same key inserted first: answer its refund.
        const raced = isTesseraError(error, "conflict")
          ? await ctx.storage.refunds.findByIdempotencyKey(data.idempotencyKey)
          : null;
        if (raced) return outcomeOf(raced, true, null);
        throw error;
      }
      const { refund, payment } = written;
      if (written.settled) return outcomeOf(refund, false, null);
      const gateway = ctx.gateways.get(payment.gatewayId);
      let answer: RefundResult;
      try {
        answer = await gateway.refund({
          refundKey: refundKeyOf(refund.id),
          providerReference: payment.providerReference ?? payment.idempotencyKey,
          paymentIdempotencyKey: payment.idempotencyKey,
          amount: refund.amount,
        });
      } catch (error) {
        // The provider refused before refunding (a window passed, a bad key): the refund failed,
        // and says why. Anything else may have reached the provider: unknown.
        const refused = notSentNewsOf(error);
        answer = refused
          ? {
              status: "failed",
              providerRefundReference: null,
              rawStatus: refused.code,
              message: refused.message,
            }
          : { status: "unknown", reason: error instanceof Error ? error.message : String(error) };
      }
      const stored = await apply(refund.id, answer);
      return outcomeOf(stored, false, answer.status === "failed" ? answer.message : null);
    },

    async listByPayment(paymentId) {
      const id = parseInput(z.string().startsWith("pay_", "must be a payment id"), paymentId, "payment id");
      return ctx.storage.refunds.listByPayment(id as Id<"payment">);
    },

    recover: (options) => recoverRefunds(ctx, options),
  };
}
