import { isTesseraError, parseInput, refundInputSchema } from "@tessera/core";
import { paymentOutcomeView, paymentView, refundOutcomeView } from "../api-response-schemas";
import { apiRoute, noQuery } from "../api-route";
import { paymentForKey } from "../api-scope";
import { publicOutcome } from "../public-customer";

const paymentParam = { payment: "The payment's id (`pay_…`)." };

/** A refund's body: `RefundInput` without what the request decides (the payment in the address, the header's key, the key as actor). */
const refundBodySchema = refundInputSchema.omit({ paymentId: true, idempotencyKey: true, actor: true });

/** A payment attempt, the pending-payment actions (BEMP seed: refresh from the provider, cancel), and refunds. */
export const paymentRoutes = [
  apiRoute({
    method: "get",
    path: "/payments/{payment}",
    operationId: "getPaymentOutcome",
    tag: "Payments",
    summary: "The current outcome of the sale or order a payment belongs to",
    params: paymentParam,
    query: noQuery,
    response: {
      status: 200,
      description: "The sale's outcome (with `contract`) or the order's (with `order`), about this attempt.",
      schema: { name: "PaymentOutcome", schema: paymentOutcomeView },
    },
    handle: async ({ tessera, key, params }) => {
      const payment = await paymentForKey(tessera, key, params["payment"] ?? "");
      try {
        return publicOutcome(await tessera.sales.outcome(payment.id));
      } catch (error) {
        // Not a contract's: an order's payment (the only other kind).
        if (!isTesseraError(error, "not_found")) throw error;
        return publicOutcome(await tessera.orders.outcome(payment.id));
      }
    },
  }),
  apiRoute({
    method: "post",
    path: "/payments/{payment}/refresh",
    operationId: "refreshPayment",
    tag: "Payments",
    summary: "Asks the provider for the payment's state and applies it",
    params: paymentParam,
    query: noQuery,
    problems: [409, 503],
    response: {
      status: 200,
      description: "The payment as it is now.",
      schema: { name: "Payment", schema: paymentView },
    },
    handle: async ({ tessera, key, params, audit }) => {
      const payment = await paymentForKey(tessera, key, params["payment"] ?? "");
      const refreshed = await tessera.payments.refresh(payment.id);
      await audit("payment.refreshed", { kind: "payment", id: payment.id }, { status: refreshed.status });
      return refreshed;
    },
  }),
  apiRoute({
    method: "post",
    path: "/payments/{payment}/cancel",
    operationId: "cancelPaymentAttempt",
    tag: "Payments",
    summary: "Drops an open attempt; the contract still waits for payment",
    params: paymentParam,
    query: noQuery,
    problems: [409, 503],
    response: {
      status: 200,
      description: "The canceled attempt.",
      schema: { name: "Payment", schema: paymentView },
    },
    handle: async ({ tessera, key, params, audit }) => {
      const payment = await paymentForKey(tessera, key, params["payment"] ?? "");
      const canceled = await tessera.payments.cancelAttempt(payment.id);
      await audit(
        "payment.attempt_canceled",
        { kind: "payment", id: payment.id },
        { status: canceled.status },
      );
      return canceled;
    },
  }),
  apiRoute({
    method: "post",
    path: "/payments/{payment}/refunds",
    operationId: "refundPayment",
    tag: "Payments",
    summary: "Gives back all or part of a paid payment, to its method or to the customer's wallet",
    description:
      "`amount` left out refunds all that is left. `destination: original_method` (the default) goes through the provider, within what it can refund (else a 422 `refund_not_possible`); `wallet` credits the customer's wallet at once, asking no provider. A payment made from the wallet is always refunded to it. A refund the provider refused answers `refund.status: failed` with its `message`. The same `Idempotency-Key` answers the first refund.",
    params: paymentParam,
    query: noQuery,
    body: { name: "RefundInput", schema: refundBodySchema },
    idempotent: true,
    problems: [409],
    response: {
      status: 201,
      description: "The refund as stored, and the payment as it is now.",
      schema: { name: "RefundOutcome", schema: refundOutcomeView },
    },
    handle: async ({ tessera, key, params, body, idempotencyKey, audit }) => {
      const payment = await paymentForKey(tessera, key, params["payment"] ?? "");
      const refund = parseInput(refundBodySchema, body, "refund");
      const result = await tessera.refunds.refund({
        ...refund,
        paymentId: payment.id,
        actor: key.id,
        idempotencyKey,
      });
      await audit(
        "payment.refunded",
        { kind: "payment", id: payment.id },
        {
          refund: result.refund.id,
          amount: result.refund.amount.amount,
          currency: result.refund.amount.currency,
          destination: result.refund.destination,
          status: result.refund.status,
          replayed: result.replayed,
        },
      );
      return result;
    },
  }),
];
