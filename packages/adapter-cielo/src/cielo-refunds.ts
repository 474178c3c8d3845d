import { gatewayError, type RefundReference, type RefundRequest, type RefundResult } from "@tessera/core";
import { type CieloClient, CieloTransportError, cieloErrorCodes, cieloErrorText } from "./client";
import { cieloKindOf } from "./mapping";
import { fetchSale } from "./sale-lookup";
import { cieloChangeAnswerSchema } from "./schemas";

/**
 * Refunds are voids (`PUT /1/sales/{PaymentId}/void?amount=`, manual "Cancelamento"): total,
 * or partial once captured, each adding to the sale's `VoidedAmount`. Cielo keeps no key of
 * ours for a void, so a void's reference is the sale's `VoidedAmount` after it
 * (`{PaymentId}/void/{cumulative}`), read from the sale before the void is sent.
 *
 * A PIX is given back through the same endpoint (manual "Solicitando uma devolução Pix"),
 * in full or in part, but not at once: Cielo answers `Status` 12 "Reembolso solicitado com
 * sucesso" and notifies once its PIX provider took it (the sale then 11 when all is given
 * back), or denied it (ChangeType 5). So a PIX refund answers `pending`, and is `succeeded`
 * once the sale's `VoidedAmount` reaches it. The void of a PIX not paid would remove its QR
 * code instead, so an unpaid PIX is refused here, never sent. Cielo voids no boleto
 * ("Voided: todos, exceto boleto"): a boleto refund is refused before anything is sent.
 */

/** Void `ReturnCode`s that mean done (manual "Códigos de Retorno de Cancelamento"): 0 partial, 9 total (6 as the capture answer shows). */
const voidDone = new Set(["0", "9", "6"]);
/** Refusals of a request we should not have sent: too late (40), already disputed or voided (17). */
const voidInvalid = new Set(["40", "17", "3"]);
/**
 * A PIX refund Cielo refused to take (manual "Códigos e Mensagens de Erro - Pix", code 422):
 * "Error on pix service integration for moneyback" — no balance to give back from — or
 * "Merchant bank for moneyback is not Cielo". The refund failed; the payment stands.
 */
const pixRefundRefused = "422";

export function voidReference(paymentId: string, cumulative: number): string {
  return `${paymentId}/void/${cumulative}`;
}

function parseVoidReference(reference: string): { paymentId: string; cumulative: number } | null {
  const match = /^(.+)\/void\/(\d+)$/.exec(reference);
  return match?.[1] !== undefined && match[2] !== undefined
    ? { paymentId: match[1], cumulative: Number(match[2]) }
    : null;
}

const stripZeros = (code: string) => code.replace(/^0+(?=.)/, "");

export async function voidPayment(
  client: CieloClient,
  request: RefundRequest,
  origin: string,
): Promise<RefundResult> {
  const before = await fetchSale(client, request.providerReference, origin);
  if ("unknown" in before) return { status: "unknown", reason: before.unknown };
  if ("missing" in before)
    throw gatewayError(origin, "gateway_invalid_request", "Cielo has no sale with that PaymentId to void.");
  const sale = before.found.Payment;
  const kind = cieloKindOf(sale.Type);
  if (kind === "boleto")
    throw gatewayError(
      origin,
      "gateway_invalid_request",
      "Cielo gives no boleto back: refund the payer by other means.",
      { details: { method: "boleto" } },
    );
  // Only a paid PIX (2) has money to give back; a void of one still pending removes its QR code.
  if (kind === "pix" && sale.Status !== 2)
    throw gatewayError(
      origin,
      "gateway_invalid_request",
      `Cielo has no money of this PIX to give back (Status ${sale.Status}).`,
      { details: { method: "pix", status: sale.Status } },
    );
  const voided = sale.VoidedAmount ?? 0;
  const reference = voidReference(request.providerReference, voided + request.amount.amount);
  let answer: Awaited<ReturnType<CieloClient["send"]>>;
  try {
    answer = await client.send({
      host: "api",
      method: "PUT",
      path: `/1/sales/${encodeURIComponent(request.providerReference)}/void?amount=${request.amount.amount}`,
    });
  } catch (error) {
    if (!(error instanceof CieloTransportError)) throw error;
    if (error.kind === "not_sent")
      throw gatewayError(origin, "gateway_unavailable", `Cielo could not be reached: ${error.message}`, {
        cause: error,
      });
    return { status: "unknown", reason: error.message };
  }
  if (answer.status >= 500)
    return { status: "unknown", reason: `Cielo answered ${answer.status} to the void` };
  if (kind === "pix" && cieloErrorCodes(answer).includes(pixRefundRefused))
    return {
      status: "failed",
      providerRefundReference: null,
      rawStatus: `refused/${pixRefundRefused}`,
      message: `Cielo's PIX provider refused the refund: ${cieloErrorText(answer)}`,
    };
  if (answer.status !== 200)
    throw gatewayError(
      origin,
      "gateway_invalid_request",
      `Cielo refused the void: ${cieloErrorText(answer) || answer.status}`,
      {
        details: { status: answer.status, codes: cieloErrorCodes(answer) },
      },
    );
  const json = answer.json;
  const parsed = cieloChangeAnswerSchema.safeParse(json);
  if (!parsed.success) return { status: "unknown", reason: "Cielo's void answer could not be read" };
  const code = stripZeros(parsed.data.ReturnCode ?? parsed.data.ProviderReturnCode ?? "");
  const rawStatus = `${parsed.data.Status}/${code}`;
  if (kind === "pix" && voidDone.has(code))
    // 12: requested, done when Cielo's PIX provider takes it; 11: given back in full already.
    return {
      status: parsed.data.Status === 11 ? "succeeded" : "pending",
      providerRefundReference: reference,
      rawStatus,
    };
  if (voidDone.has(code)) return { status: "succeeded", providerRefundReference: reference, rawStatus };
  if (voidInvalid.has(code))
    throw gatewayError(
      origin,
      "gateway_invalid_request",
      `Cielo refused the void: ${code} ${parsed.data.ReturnMessage ?? ""}`.trim(),
      {
        details: { returnCode: code },
      },
    );
  return {
    status: "failed",
    providerRefundReference: null,
    rawStatus,
    message: parsed.data.ReturnMessage ?? `void refused (${code})`,
  };
}

/**
 * A void whose answer was had: done when the sale's `VoidedAmount` reached its cumulative
 * figure. One whose answer was lost has no reference, and Cielo cannot be asked by our key:
 * it stays `unknown` for staff to reconcile against the sale's `VoidedAmount`.
 */
export async function lookUpVoid(
  client: CieloClient,
  reference: RefundReference,
  origin: string,
): Promise<RefundResult | null> {
  if (reference.providerRefundReference === null) {
    // No reference: nothing voided at all proves the void never arrived; otherwise Cielo
    // cannot say which void was ours.
    const paymentId = reference.payment.providerReference;
    if (paymentId === null) return null;
    const sale = await fetchSale(client, paymentId, origin);
    if ("unknown" in sale) return { status: "unknown", reason: sale.unknown };
    if ("missing" in sale) return null;
    // A PIX refund still in the works shows nowhere in the sale: nothing voided proves nothing.
    if (cieloKindOf(sale.found.Payment.Type) === "pix")
      return {
        status: "unknown",
        reason:
          "Cielo keeps no refund key and shows a PIX refund only once done: compare the sale's VoidedAmount by hand",
      };
    if ((sale.found.Payment.VoidedAmount ?? 0) === 0) return null;
    return {
      status: "unknown",
      reason: "Cielo keeps no refund key: compare the sale's VoidedAmount by hand",
    };
  }
  const parsed = parseVoidReference(reference.providerRefundReference);
  if (parsed === null) return null;
  const sale = await fetchSale(client, parsed.paymentId, origin);
  if ("unknown" in sale) return { status: "unknown", reason: sale.unknown };
  if ("missing" in sale) return null;
  const voided = sale.found.Payment.VoidedAmount ?? 0;
  if (voided < parsed.cumulative) {
    // Cielo answered this PIX refund requested: until its provider takes it, it is pending.
    if (cieloKindOf(sale.found.Payment.Type) === "pix")
      return {
        status: "pending",
        providerRefundReference: reference.providerRefundReference,
        rawStatus: `${sale.found.Payment.Status}`,
      };
    return null;
  }
  return {
    status: "succeeded",
    providerRefundReference: reference.providerRefundReference ?? "",
    rawStatus: `${sale.found.Payment.Status}`,
  };
}
