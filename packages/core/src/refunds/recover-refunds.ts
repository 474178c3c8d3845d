import { recoveryGraceMs } from "../payments/recovery-grace";
import { type RecoverOptions, recoverOptionsSchema, tallyGatewayFailures } from "../payments/recovery-pass";
import { withRetryOnConflict } from "../payments/with-retry-on-conflict";
import type { ServiceContext } from "../ports/service-context";
import { addMilliseconds } from "../time/instant";
import { parseInput } from "../validation/parse-input";
import type { Refund } from "./refund";
import { settleRefundFromProvider } from "./settle-refund-from-provider";

/** The options of a refund recovery pass: the same as payment recovery's. */
export const refundRecoverOptionsSchema = recoverOptionsSchema;
export type RefundRecoverOptions = RecoverOptions;

/**
 * The result of a refund recovery pass. `settled` and `neverReceived` count what this pass
 * itself changed, so the reports of several workers recovering at once add up to at most the
 * refunds there are.
 */
export interface RefundRecoveryReport {
  examined: number;
  /** Finished (`succeeded` or `failed`) from the provider's answer by this pass. */
  settled: number;
  /** The provider never received them: marked `failed` by this pass — nothing was given back. */
  neverReceived: number;
  /** Still open: the provider has not finished, cannot tell yet, or another worker settled them. */
  stillOpen: number;
  /** The provider could not be asked (an outage, credentials): left as they were. */
  failed: number;
  /** What went wrong, one line per gateway that failed this pass (also sent as `gateway.failing`). */
  failures: { gatewayId: string; code: string; message: string; refunds: number }[];
}

/**
 * One recovery pass over refunds to the original method left `pending` or `unknown` past
 * `olderThanMs`: asks each one's provider (`getRefund`) and applies the answer. See
 * `RefundService.recover`.
 */
export async function recoverRefunds(
  ctx: ServiceContext,
  options: RefundRecoverOptions = {},
): Promise<RefundRecoveryReport> {
  const parsed = parseInput(refundRecoverOptionsSchema, options, "refund recovery options");
  const olderThanMs = parsed.olderThanMs ?? recoveryGraceMs;
  const stale = await ctx.storage.refunds.listUnsettled({
    updatedBefore: addMilliseconds(ctx.clock.now(), -olderThanMs),
    limit: parsed.limit ?? 100,
  });
  const report: RefundRecoveryReport = {
    examined: stale.length,
    settled: 0,
    neverReceived: 0,
    stillOpen: 0,
    failed: 0,
    failures: [],
  };
  const failing = tallyGatewayFailures();
  for (const refund of stale) {
    const payment = await ctx.storage.payments.findById(refund.paymentId);
    if (!payment) throw new Error(`payment ${refund.paymentId} of refund ${refund.id} vanished`);
    const verdict = await settleRefundFromProvider(ctx, refund, payment, olderThanMs);
    if (verdict.kind === "unreachable") {
      report.failed++;
      failing.record(payment.gatewayId, refund.unitId, verdict.error);
      continue;
    }
    const finished = verdict.refund.status === "succeeded" || verdict.refund.status === "failed";
    if (verdict.kind === "never_received" && verdict.moved) report.neverReceived++;
    else if (verdict.kind === "answered" && verdict.moved && finished) report.settled++;
    else {
      report.stillOpen++;
      if (verdict.refund.version === refund.version) await sendToBackOfQueue(ctx, refund);
    }
  }
  report.failures = (await failing.report(ctx)).map(({ count, ...failure }) => ({
    ...failure,
    refunds: count,
  }));
  return report;
}

/**
 * Stamps a refund recovery looked at and left open as just updated, as payment recovery does:
 * `listUnsettled` walks the oldest `updatedAt` first, and refunds a provider takes days to
 * finish (API Pix `EM_PROCESSAMENTO`) must not fill every pass and hide one whose answer was lost.
 */
async function sendToBackOfQueue(ctx: ServiceContext, refund: Refund): Promise<void> {
  await withRetryOnConflict(() =>
    ctx.storage.transaction(async (tx) => {
      const current = await tx.refunds.findById(refund.id);
      // Someone else wrote it meanwhile (a webhook, another recovery): it has moved already.
      if (!current || current.version !== refund.version) return;
      await tx.refunds.update({ ...current, updatedAt: ctx.clock.now() });
    }),
  );
}
