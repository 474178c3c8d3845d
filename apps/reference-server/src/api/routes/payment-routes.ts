import { paymentView, saleOutcomeView } from "../api-response-schemas";
import { apiRoute, noQuery } from "../api-route";
import { paymentForKey } from "../api-scope";
import { publicOutcome } from "../public-customer";

const paymentParam = { payment: "The payment's id (`pay_…`)." };

/** A payment attempt and the pending-payment actions (BEMP seed): refresh from the provider, cancel. */
export const paymentRoutes = [
  apiRoute({
    method: "get",
    path: "/payments/{payment}",
    operationId: "getPaymentOutcome",
    tag: "Payments",
    summary: "The current outcome of the sale a payment belongs to",
    params: paymentParam,
    query: noQuery,
    response: {
      status: 200,
      description: "The sale's outcome, about this attempt.",
      schema: { name: "SaleOutcome", schema: saleOutcomeView },
    },
    handle: async ({ tessera, key, params }) => {
      const payment = await paymentForKey(tessera, key, params["payment"] ?? "");
      return publicOutcome(await tessera.sales.outcome(payment.id));
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
];
