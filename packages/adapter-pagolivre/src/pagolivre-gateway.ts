import {
  type Clock,
  type Gateway,
  gatewayError,
  type PaymentReference,
  type PaymentResult,
  type RefundResult,
  systemClock,
} from "@tessera/core";
import {
  createPagoLivreClient,
  type PagoLivreClient,
  PagoLivreTransportError,
  pagolivreRefusal,
} from "./client";
import { mapMonthlyCharge, mapOrder, parseMonthlyChargeReference, reaisOf } from "./mapping";
import { type PagoLivreOptions, pagolivreBaseUrl } from "./options";
import { lookUpOrder } from "./order-lookup";
import { callbackUrlOf, guidOf, orderCreateBody } from "./order-request";
import { pagolivreCapabilities } from "./pagolivre-capabilities";
import { orderSchema, type PagoLivreOrder, pagolivrePath, pagolivreProtocol } from "./pagolivre-protocol";
import { parsePagoLivreWebhook } from "./pagolivre-webhook";

export interface PagoLivreGatewayOptions extends PagoLivreOptions {
  id?: string;
  clock?: Clock;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Where PagoLivre posts callbacks (the account's webhook URL); the token is added to it. */
  webhookUrl: string | null;
}

const unknownOf = (reason: string, providerReference: string | null = null): PaymentResult => ({
  status: "unknown",
  providerReference,
  rawStatus: null,
  reason,
});

async function cancelOrder(
  client: PagoLivreClient,
  origin: string,
  orderId: string,
  body: { cancellationRequestId: string; reason: string; amount?: number; refund?: boolean },
): Promise<PagoLivreOrder | { unknown: string }> {
  let answer: Awaited<ReturnType<PagoLivreClient["send"]>>;
  try {
    answer = await client.send(
      "POST",
      pagolivrePath(pagolivreProtocol.paths.cancelOrder, { id: orderId }),
      body,
    );
  } catch (error) {
    if (!(error instanceof PagoLivreTransportError)) throw error;
    if (error.kind === "not_sent")
      throw gatewayError(origin, "gateway_unavailable", `PagoLivre could not be reached: ${error.message}`, {
        cause: error,
      });
    return { unknown: error.message };
  }
  if (answer.status >= 500) return { unknown: `PagoLivre answered ${answer.status} to the cancel` };
  const order = orderSchema.safeParse(answer.json);
  if (answer.status >= 400 || !order.success) throw pagolivreRefusal(origin, answer, "the cancel");
  return order.data;
}

/**
 * A PagoLivre account as a Tessera gateway: a sale is an order PagoLivre sends by SMS as a
 * link (charge 1 paid on its hosted page), then its monthly charges, each its own payment in
 * core, reported by callbacks confirmed by lookup. What of the protocol is assumed lives in
 * `pagolivre-protocol.ts`.
 */
export function createPagoLivreGateway(options: PagoLivreGatewayOptions): Gateway {
  const id = options.id ?? "pagolivre";
  const clock = options.clock ?? systemClock;
  const client = createPagoLivreClient({
    baseUrl: pagolivreBaseUrl(options),
    token: options.token,
    userAgent: options.userAgent,
    timeoutMs: options.timeoutMs ?? 30_000,
    clock,
    origin: id,
    ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
  });

  /** The order a reference is about, and the monthly charge's number when it is one. */
  function orderKeyOf(reference: { idempotencyKey: string; providerReference: string | null }) {
    const monthly =
      reference.providerReference === null ? null : parseMonthlyChargeReference(reference.providerReference);
    return monthly ?? { orderKey: reference.idempotencyKey, number: 1 };
  }

  async function orderOrThrow(orderKey: string): Promise<PagoLivreOrder> {
    const answer = await lookUpOrder(client, orderKey);
    if ("found" in answer) return answer.found;
    if ("missing" in answer)
      throw gatewayError(id, "gateway_invalid_request", "PagoLivre has no order under that key.");
    throw gatewayError(id, "gateway_unavailable", `PagoLivre could not be asked: ${answer.unknown}`);
  }

  return {
    id,
    methods: ["payment_link"],
    capabilities: pagolivreCapabilities,
    async createPayment(request) {
      if (request.method !== "payment_link")
        throw gatewayError(
          id,
          "gateway_invalid_request",
          `PagoLivre takes payment links only, not ${request.method}.`,
        );
      if (options.webhookUrl === null)
        throw gatewayError(
          id,
          "gateway_configuration",
          "PagoLivre needs the installation's public webhook URL to send news.",
        );
      const minimum = pagolivreCapabilities.methodRules.payment_link?.minAmount ?? 0;
      if (request.amount.amount < minimum)
        throw gatewayError(
          id,
          "gateway_invalid_request",
          `PagoLivre takes at least R$ ${(minimum / 100).toFixed(2)}.`,
          {
            details: { field: "amount" },
          },
        );
      const body = orderCreateBody(request, {
        origin: id,
        callbackUrl: callbackUrlOf(options.webhookUrl, options.token),
        returnUrl: request.returnUrl ?? new URL("/", options.webhookUrl).toString(),
      });
      let answer: Awaited<ReturnType<PagoLivreClient["send"]>>;
      try {
        answer = await client.send("POST", pagolivreProtocol.paths.createOrder, body);
      } catch (error) {
        if (!(error instanceof PagoLivreTransportError)) throw error;
        if (error.kind === "not_sent")
          throw gatewayError(id, "gateway_unavailable", `PagoLivre could not be reached: ${error.message}`, {
            cause: error,
          });
        // Never re-sent: the sandbox makes a new payable order per create. Recovery asks by orderKey.
        return unknownOf(error.message);
      }
      if (answer.status >= 500) return unknownOf(`PagoLivre answered ${answer.status}: the order may exist`);
      const order = orderSchema.safeParse(answer.json);
      if (answer.status >= 400 || !order.success) throw pagolivreRefusal(id, answer, "the order");
      return mapOrder(order.data, request.amount.amount);
    },
    async getPayment(reference) {
      const { orderKey, number } = orderKeyOf(reference);
      const answer = await lookUpOrder(client, orderKey);
      if ("missing" in answer) return null;
      if ("unknown" in answer) return unknownOf(answer.unknown, reference.providerReference);
      if (number === 1) {
        // PagoLivre answers only the latest order under a key (its sandbox made a new one per
        // repeat): one we know by another id cannot be read, so nobody can say how it stands.
        if (reference.providerReference !== null && answer.found.id !== reference.providerReference)
          return unknownOf(
            "PagoLivre answers only the latest order under this key, and it is another one",
            reference.providerReference,
          );
        return mapOrder(answer.found, reference.amount.amount);
      }
      const charge = answer.found.installments?.find((candidate) => candidate.number === number);
      return charge === undefined ? null : mapMonthlyCharge(answer.found, charge);
    },
    async cancel(reference: PaymentReference) {
      const order = await orderOrThrow(orderKeyOf(reference).orderKey);
      if (order.status !== "created") return mapOrder(order, reference.amount.amount);
      const canceled = await cancelOrder(client, id, order.id, {
        cancellationRequestId: guidOf(`cancel:${order.orderKey}`),
        reason: "Cancelado pela loja",
      });
      return "unknown" in canceled
        ? unknownOf(canceled.unknown, order.id)
        : mapOrder(canceled, reference.amount.amount);
    },
    async refund(request): Promise<RefundResult> {
      const { orderKey } = orderKeyOf({
        idempotencyKey: request.paymentIdempotencyKey,
        providerReference: request.providerReference,
      });
      const order = await orderOrThrow(orderKey);
      const cancellationRequestId = guidOf(`refund:${request.refundKey}`);
      const answered = await cancelOrder(client, id, order.id, {
        cancellationRequestId,
        reason: "Reembolso",
        amount: reaisOf(request.amount.amount),
      });
      if ("unknown" in answered) return { status: "unknown", reason: answered.unknown };
      const refund = answered.refunds?.find((entry) => entry.cancellationRequestId === cancellationRequestId);
      if (refund === undefined)
        return { status: "unknown", reason: "PagoLivre's answer lists no such refund" };
      return {
        status: refund.status === "refunded" ? "succeeded" : "pending",
        providerRefundReference: cancellationRequestId,
        rawStatus: refund.status,
      };
    },
    async getRefund(reference) {
      const { orderKey } = orderKeyOf(reference.payment);
      const answer = await lookUpOrder(client, orderKey);
      if ("missing" in answer) return null;
      if ("unknown" in answer) return { status: "unknown", reason: answer.unknown };
      const cancellationRequestId = guidOf(`refund:${reference.refundKey}`);
      const refund = answer.found.refunds?.find(
        (entry) => entry.cancellationRequestId === cancellationRequestId,
      );
      if (refund === undefined) return null;
      return {
        status: refund.status === "refunded" ? "succeeded" : "pending",
        providerRefundReference: cancellationRequestId,
        rawStatus: refund.status,
      };
    },
    async deactivateRecurrence(reference) {
      const order = await orderOrThrow(orderKeyOf(reference.firstPayment).orderKey);
      const scheduled = (order.installments ?? []).some((charge) => charge.status === "scheduled");
      if (order.status !== "paid" || !scheduled) return { status: "already_ended", rawStatus: order.status };
      const stopped = await cancelOrder(client, id, order.id, {
        cancellationRequestId: guidOf(`stop:${order.orderKey}`),
        reason: "Contrato cancelado",
        refund: false,
      });
      if ("unknown" in stopped)
        throw gatewayError(id, "gateway_unavailable", `PagoLivre's answer was lost: ${stopped.unknown}`);
      return { status: "deactivated", rawStatus: stopped.status };
    },
    parseWebhook: (input) => parsePagoLivreWebhook({ client, clock, token: options.token }, input),
  };
}
