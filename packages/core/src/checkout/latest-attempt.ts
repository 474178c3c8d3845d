import { TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { Payment } from "../payments/payment";
import { recoveryGraceMs } from "../payments/recovery-grace";
import { settleFromProvider } from "../payments/settle-from-provider";
import type { ServiceContext } from "../ports/service-context";

/**
 * The newest attempt at the installments `paymentId` was for (a later retry supersedes it),
 * as a replayed request answers it: one with no answer yet is asked of the provider by our
 * reference right away; while the provider has no record and the first call may still be
 * in flight, `idempotency_key_in_use` with `details.retryAfterSeconds`.
 */
export async function answeredLatestAttempt(ctx: ServiceContext, paymentId: Id<"payment">): Promise<Payment> {
  const latest = await latestAttempt(ctx, paymentId);
  const unanswered =
    (latest.rawStatus === null && latest.status === "pending") || latest.status === "unknown";
  if (!unanswered) return latest;
  const verdict = await settleFromProvider(ctx, latest, recoveryGraceMs);
  switch (verdict.kind) {
    case "maybe_in_flight":
      throw new TesseraError(
        "idempotency_key_in_use",
        `The first request with this idempotency key is still running (payment ${latest.id}).`,
        {
          details: {
            entity: "payment",
            id: latest.id,
            retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000),
          },
        },
      );
    case "unreachable":
      return latest;
    default:
      return verdict.applied.payment;
  }
}

async function latestAttempt(ctx: ServiceContext, paymentId: Id<"payment">): Promise<Payment> {
  const payment = await ctx.storage.payments.findById(paymentId);
  if (!payment) {
    throw new TesseraError("not_found", `Payment ${paymentId} does not exist.`, {
      details: { entity: "payment", id: paymentId },
    });
  }
  const first = payment.installmentIds[0];
  const attempts = first ? await ctx.storage.payments.listByInstallment(first) : [];
  return attempts.reduce((newest, p) => (p.id > newest.id ? p : newest), payment);
}
