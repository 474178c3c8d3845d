import { TesseraError } from "../errors/tessera-error";
import type { NotSentNews } from "../payments/not-sent";
import type { Payment } from "../payments/payment";
import { submitPayment } from "../payments/submit-payment";
import type { CreatePaymentRequest } from "../ports/gateway";
import type { ServiceContext } from "../tessera/service-context";
import { type SaleOutcome, saleOutcomeOf } from "./sale-outcome";
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
): Promise<SaleOutcome> {
  const { payment: answered, notSent } = await submitPayment(ctx, payment, request);
  if (notSent) throw notSentError(answered, notSent);
  return saleOutcomeOf(await loadSaleState(ctx.storage, answered.id, replayed));
}

function notSentError(payment: Payment, news: NotSentNews): TesseraError {
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
