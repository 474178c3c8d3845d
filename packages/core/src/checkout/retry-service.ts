import { z } from "zod";
import { TesseraError } from "../errors/tessera-error";
import { fingerprintOf } from "../idempotency/idempotency-record";
import { formatResourceReference } from "../idempotency/resource-reference";
import type { Id } from "../ids/id";
import { positiveMoneySchema } from "../money/money";
import type { Payment } from "../payments/payment";
import { paymentMethodSchema } from "../payments/payment-method";
import { buildPaymentRequest } from "../payments/payment-row";
import type { CreatePaymentRequest } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import { retryRecurrence } from "../recurrence/retry-recurrence";
import { calendarDateInZone } from "../time/timezone";
import { parseInput } from "../validation/parse-input";
import { collectPayment } from "./collect-payment";
import { runIdempotent } from "./idempotent-request";
import { writeNextAttempt } from "./next-attempt";
import { offeredMethod } from "./offered-method";
import { replayRequest } from "./replay-request";
import { cardInputSchema, idempotencyKeySchema } from "./sale-input";
import type { SaleOutcome } from "./sale-outcome";

export const retryInputSchema = z.object({
  contractId: z.string().startsWith("ctr_", "must be a contract id"),
  method: paymentMethodSchema,
  card: cardInputSchema.optional(),
  /**
   * `first` (the default): the contract's first unpaid installments, as a checkout's retry;
   * `due`: every unpaid installment already due, whatever its period, in one payment — the
   * link that pays a contract's open installments at once (and unblocks a past-due customer).
   */
  lines: z.enum(["first", "due"]).default("first"),
  /**
   * A split payment: this much from the customer's wallet, the rest by `method`. Debited
   * with the attempt and given back if it fails; less than what is due (all of it from the
   * balance is `wallet.payFromBalance`).
   */
  fromBalance: positiveMoneySchema.optional(),
  /** Who asks, for the wallet line of a split payment: a staff member's id, `api`, `customer`. */
  actor: z.string().trim().min(1).max(200).default("api"),
  idempotencyKey: idempotencyKeySchema,
});
export type RetryInput = z.input<typeof retryInputSchema>;

/** Paying a contract's pending installments again (the BEMP seed's pending-payment action). */
export interface RetryService {
  /**
   * A new attempt at a contract's first unpaid installments — after a decline, or with
   * another method — or, with `lines: "due"`, at every unpaid installment already due. Refused (`payment_in_progress`) while another attempt is still open,
   * so a buyer is never charged twice for one installment. The same `idempotencyKey` behaves
   * as a sale's does: it answers the first attempt, waits while it may be in flight, and
   * makes a fresh attempt when the first provably charged nothing.
   */
  retry(input: RetryInput): Promise<SaleOutcome>;
}

export function createRetryService(ctx: ServiceContext): RetryService {
  return {
    async retry(input) {
      const data = parseInput(retryInputSchema, input, "payment retry");
      const contractId = data.contractId as Id<"contract">;
      const contract = await ctx.storage.contracts.findById(contractId);
      if (!contract) {
        throw new TesseraError("not_found", `Contract ${contractId} does not exist.`, {
          details: { entity: "contract", id: contractId },
        });
      }
      // A retry charges through the provider: a `manual` method is not offered.
      const { unit, entry: offered } = offeredMethod(
        await ctx.storage.units.findById(contract.unitId),
        data.method,
        data.card,
        "payment retry",
      );
      async function requestFor(payment: Payment): Promise<CreatePaymentRequest> {
        const payer = await ctx.storage.customers.findById(payment.customerId);
        return buildPaymentRequest(ctx, payment, {
          description: `${contract!.terms.planName} — ${unit.name}`,
          payer: payer!,
          card: data.card,
          timeZone: unit.timeZone,
          // Only a retry of the sale's own first charge may start the provider's recurrence, and
          // not a split one: the provider would charge each later month what it charged first.
          ...(data.lines === "first" && !data.fromBalance
            ? { recurrence: await retryRecurrence(ctx, ctx.storage, contract!, payment, unit.timeZone) }
            : {}),
        });
      }
      const scope = `retry:${contractId}`;
      // `first` keeps the fingerprint it always had: keys stored before `lines` existed still replay.
      const fingerprint = fingerprintOf({
        contractId,
        method: data.method,
        ...(data.lines === "due" ? { lines: data.lines } : {}),
        ...(data.fromBalance ? { fromBalance: data.fromBalance } : {}),
      });
      const fromBalance = data.fromBalance ? { amount: data.fromBalance, actor: data.actor } : undefined;
      const dueOn = data.lines === "due" ? calendarDateInZone(ctx.clock.now(), unit.timeZone) : undefined;
      return runIdempotent(
        ctx,
        // Looked up first: a replay must be answered before `writeNextAttempt` refuses it as in progress.
        { scope, key: data.idempotencyKey, fingerprint, label: "payment retry", lookup: "first" },
        (reference) =>
          replayRequest(ctx, reference, {
            method: data.method,
            gatewayId: offered.gatewayId,
            ...(dueOn === undefined ? {} : { dueOn }),
            ...(fromBalance ? { fromBalance } : {}),
            request: requestFor,
          }),
        async () => {
          const { payment } = await ctx.storage.transaction(async (tx) => {
            const next = await writeNextAttempt(ctx, tx, {
              contractId,
              method: data.method,
              gatewayId: offered.gatewayId,
              ...(dueOn === undefined ? {} : { dueOn }),
              ...(fromBalance ? { fromBalance } : {}),
            });
            // Without `after`, writeNextAttempt either writes or throws.
            await tx.idempotencyKeys.insert({
              scope,
              key: data.idempotencyKey,
              fingerprint,
              resource: formatResourceReference({ kind: "payment", id: next!.payment.id }),
              createdAt: ctx.clock.now(),
            });
            return next!;
          });
          return collectPayment(ctx, payment, await requestFor(payment), false);
        },
      );
    },
  };
}
