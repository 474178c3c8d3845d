import { isTesseraError } from "../errors/tessera-error";
import type { CreatePaymentRequest } from "../ports/gateway";
import type { ServiceContext } from "../tessera/service-context";
import { applyPaymentResult, type PaymentNews } from "./apply-payment-result";
import type { Payment } from "./payment";
import { withRetryOnConflict } from "./with-retry-on-conflict";

const refusals = new Set(["gateway_configuration", "gateway_authentication", "gateway_invalid_request"]);

/**
 * Calls the gateway for a payment row that is already committed (write-ahead), then
 * stores the answer in a second transaction. The outcome is always a value:
 * - the provider's answer, as it came;
 * - a `GatewayError` (configuration, credentials, invalid request) — the provider refused
 *   before charging — becomes a failed payment carrying that code;
 * - anything else thrown (a timeout, a reset, a bug after the request left) is `unknown`,
 *   left for recovery to settle by asking the provider by our key.
 */
export async function submitPayment(
  ctx: ServiceContext,
  payment: Payment,
  request: CreatePaymentRequest,
): Promise<Payment> {
  const gateway = ctx.gateways.get(payment.gatewayId);
  let news: PaymentNews;
  try {
    news = await gateway.createPayment(request);
  } catch (error) {
    news =
      isTesseraError(error) && refusals.has(error.code)
        ? { status: "refused", code: error.code, message: error.message }
        : {
            status: "unknown",
            providerReference: null,
            rawStatus: null,
            reason: error instanceof Error ? error.message : String(error),
          };
  }
  return applyNews(ctx, payment.id, news);
}

/** Applies news in its own transaction, retrying when a concurrent writer got there first. */
export function applyNews(
  ctx: ServiceContext,
  paymentId: Payment["id"],
  news: PaymentNews,
): Promise<Payment> {
  return withRetryOnConflict(() =>
    ctx.storage.transaction((tx) => applyPaymentResult(ctx, tx, paymentId, news)),
  );
}
