import { z } from "zod";
import { TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { Money } from "../money/money";
import type { ServiceContext } from "../ports/service-context";
import { addMilliseconds } from "../time/instant";
import { parseInput } from "../validation/parse-input";
import type { Payment } from "./payment";
import { referenceOf } from "./payment-reference";
import { openPaymentStatuses } from "./payment-status";
import { recoveryGraceMs } from "./recovery-grace";
import { type RecoverOptions, recoverOptionsSchema, tallyGatewayFailures } from "./recovery-pass";
import { settleFromProvider } from "./settle-from-provider";
import { applyNews } from "./submit-payment";
import { withRetryOnConflict } from "./with-retry-on-conflict";

export { recoveryGraceMs } from "./recovery-grace";

const paymentIdSchema = z.string().startsWith("pay_", "must be a payment id");

export { type RecoverOptions, recoverOptionsSchema };

/**
 * The result of a recovery pass. `settled` and `neverReceived` count what this pass itself
 * changed, so the reports of several workers recovering at once add up to at most the
 * payments there are.
 */
export interface RecoveryReport {
  examined: number;
  /** Settled from the provider's answer by this pass. */
  settled: number;
  /** The provider never received them: marked never sent by this pass, safe to attempt again. */
  neverReceived: number;
  /** Still open (the payer has not paid yet, or another worker settled them meanwhile). */
  stillOpen: number;
  /** The provider could not be asked (an outage, credentials): left as they were. */
  failed: number;
  /** What went wrong, one line per gateway that failed this pass (also sent as `gateway.failing`). */
  failures: { gatewayId: string; code: string; message: string; payments: number }[];
}

/** The pending-payment actions (BEMP seed) and recovery. */
export interface PaymentService {
  get(id: Id<"payment">): Promise<Payment | null>;
  /** Asks the provider for the payment's current state and applies it. */
  refresh(id: Id<"payment">): Promise<Payment>;
  /**
   * Drops an open attempt without touching the contract: at the provider when it can
   * cancel, and here in any case (money that arrives later still converges to paid).
   */
  cancelAttempt(id: Id<"payment">): Promise<Payment>;
  /**
   * Settles an `authorized` card payment at the provider — all of it, or `amount` of it
   * where the provider captures less. Refused (`method_not_supported`) for a gateway
   * without `capabilities.capture`, and (`invalid_transition`) for a payment not authorized.
   */
  capture(id: Id<"payment">, amount?: Money): Promise<Payment>;
  /**
   * The PDF of a boleto payment, fetched from a provider that hands it over only through its
   * API (`capabilities.boletoDocument`: Banco Inter), for the server to serve to the payer.
   * Null for a payment that is not a boleto, whose gateway links its PDF itself
   * (`PayerAction.pdfUrl`), or whose boleto the provider has no PDF for (not issued yet).
   */
  boletoDocument(id: Id<"payment">): Promise<Uint8Array | null>;
  /**
   * Settles payments left open past `olderThanMs` (default: `recoveryGraceMs`, two minutes;
   * pass less only when no call can still be in flight, e.g. right after a crash): asks the
   * provider by our reference and applies the answer; a payment the provider never received
   * is marked never sent, so it can be attempted again under a new reference. Safe at any
   * time, from several processes. A payment it leaves open goes to the back of the queue, so
   * passes of `limit` reach every open payment in turn. A gateway that cannot be asked is
   * reported (`failed`, `failures`, a `gateway.failing` event) and the pass goes on.
   */
  recover(options?: RecoverOptions): Promise<RecoveryReport>;
}

export function createPaymentService(ctx: ServiceContext): PaymentService {
  async function getOrThrow(id: Id<"payment">): Promise<Payment> {
    const checked = parseInput(paymentIdSchema, id, "payment id") as Id<"payment">;
    const payment = await ctx.storage.payments.findById(checked);
    if (!payment)
      throw new TesseraError("not_found", `Payment ${checked} does not exist.`, {
        details: { entity: "payment", id: checked },
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

  const service: PaymentService = {
    get: async (id) =>
      ctx.storage.payments.findById(parseInput(paymentIdSchema, id, "payment id") as Id<"payment">),

    async refresh(id) {
      const payment = await getOrThrow(id);
      const verdict = await settleFromProvider(ctx, payment, recoveryGraceMs);
      switch (verdict.kind) {
        case "unreachable":
          throw verdict.error;
        case "maybe_in_flight":
          return payment;
        default:
          return verdict.applied.payment;
      }
    },

    async boletoDocument(id) {
      const payment = await getOrThrow(id);
      if (payment.method !== "boleto") return null;
      const gateway = ctx.gateways.get(payment.gatewayId);
      if (!gateway.capabilities.boletoDocument || !gateway.boletoDocument) return null;
      return gateway.boletoDocument(referenceOf(payment));
    },

    async cancelAttempt(id) {
      const payment = await getOrThrow(id);
      if (!openPaymentStatuses.includes(payment.status)) {
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
        // The provider answers the payment as it stands: canceled, or paid already (which applies as paid).
        const answer = await gateway.cancel(referenceOf(payment));
        return (await applyNews(ctx, payment.id, answer)).payment;
      }
      const applied = await applyNews(ctx, payment.id, {
        status: "canceled",
        providerReference: payment.providerReference ?? payment.idempotencyKey,
        rawStatus: "canceled_locally",
        reason: "by_us",
        amount: payment.amount,
        refundedAmount: payment.refundedAmount,
      });
      return applied.payment;
    },

    async capture(id, amount) {
      const payment = await getOrThrow(id);
      const gateway = ctx.gateways.get(payment.gatewayId);
      if (!gateway.capabilities.capture || !gateway.capture) {
        throw new TesseraError(
          "method_not_supported",
          `The ${gateway.id} gateway cannot capture authorizations.`,
          {
            details: { gatewayId: gateway.id },
          },
        );
      }
      if (payment.status !== "authorized") {
        throw new TesseraError(
          "invalid_transition",
          `Payment ${id} is ${payment.status}; only an authorization can be captured.`,
          {
            details: { entity: "payment", id, from: payment.status, to: "succeeded" },
          },
        );
      }
      if (amount !== undefined) {
        const valid =
          Number.isSafeInteger(amount.amount) &&
          amount.amount > 0 &&
          amount.amount <= payment.amount.amount &&
          amount.currency === payment.amount.currency;
        if (!valid) {
          throw new TesseraError(
            "validation_failed",
            "Invalid capture: amount: must be positive, in the payment's currency, and at most what was authorized.",
            {
              details: {
                issues: [
                  { path: ["amount"], code: "invalid_amount", message: "at most the authorized amount" },
                ],
              },
            },
          );
        }
      }
      const answer = await gateway.capture(referenceOf(payment), amount);
      return (await applyNews(ctx, payment.id, answer)).payment;
    },

    async recover(options = {}) {
      const parsed = parseInput(recoverOptionsSchema, options, "recovery options");
      const olderThanMs = parsed.olderThanMs ?? recoveryGraceMs;
      const stale = await ctx.storage.payments.listStale({
        statuses: openPaymentStatuses,
        updatedBefore: addMilliseconds(ctx.clock.now(), -olderThanMs),
        limit: parsed.limit ?? 100,
      });
      const report: RecoveryReport = {
        examined: stale.length,
        settled: 0,
        neverReceived: 0,
        stillOpen: 0,
        failed: 0,
        failures: [],
      };
      const failing = tallyGatewayFailures();
      for (const payment of stale) {
        const verdict = await settleFromProvider(ctx, payment, olderThanMs);
        if (verdict.kind === "unreachable") {
          report.failed++;
          failing.record(payment.gatewayId, payment.unitId, verdict.error);
          continue;
        }
        if (verdict.kind === "never_received" && verdict.applied.moved) report.neverReceived++;
        else if (
          verdict.kind === "answered" &&
          verdict.applied.moved &&
          !openPaymentStatuses.includes(verdict.applied.payment.status)
        ) {
          report.settled++;
        } else {
          report.stillOpen++;
          const after = verdict.kind === "maybe_in_flight" ? payment : verdict.applied.payment;
          if (after.version === payment.version) await sendToBackOfQueue(payment);
        }
      }
      report.failures = (await failing.report(ctx)).map(({ count, ...failure }) => ({
        ...failure,
        payments: count,
      }));
      return report;
    },
  };
  return service;
}
