import { TesseraError } from "../errors/tessera-error";
import type { NotSentNews } from "../payments/not-sent";
import type { Payment } from "../payments/payment";
import { openPaymentStatuses } from "../payments/payment-status";
import { type Submitted, submitPayment } from "../payments/submit-payment";
import type { CreatePaymentRequest } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import { type SaleOutcome, type SaleRecords, type SaleState, saleOutcomeOf } from "./sale-outcome";
import { loadSaleState } from "./sale-state";

/**
 * The one collection path, after a write-ahead committed `payment`: submit → apply →
 * outcome. The sale, a retry, and a replay that makes a fresh attempt all end here, so they
 * answer alike. An attempt the provider refused before charging (our credentials, its
 * outage, a rate limit) is not the buyer's decline: it throws `gateway_unavailable` (or
 * `gateway_invalid_request`) for the integrator to show "payment temporarily unavailable",
 * having blocked nobody and told staff through `gateway.failing`.
 */
export async function collectPayment(
  ctx: ServiceContext,
  payment: Payment,
  request: CreatePaymentRequest,
  replayed: boolean,
  known?: SaleRecords,
): Promise<SaleOutcome> {
  const submitted = await submitPayment(
    ctx,
    payment,
    request,
    known
      ? {
          installments: known.installments.filter((i) => payment.installmentIds.includes(i.id)),
          contract: known.contract,
        }
      : {},
  );
  if (submitted.notSent) throw notSentError(submitted.payment, submitted.notSent);
  const state = known ? stateAfter(known, submitted, replayed) : null;
  return saleOutcomeOf(state ?? (await loadSaleState(ctx.storage, submitted.payment.id, replayed)));
}

/**
 * The sale's state after its answer, from what the write-ahead wrote and what the apply
 * step changed — no row read again. Null when it cannot be known so (the answer changed
 * nothing here because someone else — a webhook — settled the payment first): then the
 * caller reads the rows.
 */
function stateAfter(known: SaleRecords, submitted: Submitted, replayed: boolean): SaleState | null {
  const { payment, effects } = submitted;
  if (!effects && !openPaymentStatuses.includes(payment.status)) return null;
  const changed = new Map((effects?.installments ?? []).map((i) => [i.id, i]));
  return {
    contract: effects?.contract ?? known.contract,
    customer: effects?.customer ?? known.customer,
    installments: known.installments.map((i) => changed.get(i.id) ?? i),
    activationCode: effects?.activationCode ?? known.activationCode,
    payment,
    replayed,
  };
}

/** The error an attempt the provider refused before charging answers with (see `collectPayment`). */
export function notSentError(payment: Payment, news: NotSentNews): TesseraError {
  const invalid = news.code === "gateway_invalid_request";
  return new TesseraError(
    invalid ? "gateway_invalid_request" : "gateway_unavailable",
    invalid
      ? `The provider refused payment ${payment.id} as invalid, and charged nothing: ${news.message}`
      : `The provider did not take payment ${payment.id} (${news.code}), and charged nothing.`,
    {
      details: {
        paymentId: payment.id,
        gatewayId: payment.gatewayId,
        reason: news.code,
        retryAfterSeconds: news.retryAfterSeconds,
      },
    },
  );
}
