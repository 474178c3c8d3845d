import { gatewayError, type PaymentReference, type PaymentResult } from "@tessera/core";
import { type CieloClient, CieloTransportError, cieloErrorCodes, cieloErrorText } from "./client";
import { type CieloReading, cieloKindOf, mapCieloPayment } from "./mapping";
import { unknownOf } from "./sale-create";
import { fetchSale, findSaleByOrder, type SaleAnswer } from "./sale-lookup";

/**
 * The port's `cancel`, declared only with the `Cielo2` PIX provider: its QR code, while
 * unpaid, is removed by `PUT /1/sales/{PaymentId}/void` without an amount (reference "Remove
 * a Pix QR Code"); a card authorization is voided in full the same way (manual
 * "Cancelamento"). Everything else is answered as it stands — paid, already expired or
 * removed, declined — never a throw for those. The sale is read first, because a void of a
 * PIX already paid would ask for its money back instead: the payer paying between that read
 * and the void is the one window left, and the sale is read again after it to say what
 * happened. Cielo cancels no boleto through its API, so that is `gateway_invalid_request`.
 */
export async function cancelCieloPayment(
  client: CieloClient,
  reference: PaymentReference,
  context: CieloReading & { origin: string },
): Promise<PaymentResult> {
  const { origin } = context;
  if (reference.method === "boleto")
    throw gatewayError(
      origin,
      "gateway_invalid_request",
      "Cielo cancels no boleto through its API: cancel it in Cielo's portal, or let it fall due.",
      { details: { method: "boleto" } },
    );
  const found: SaleAnswer =
    reference.providerReference !== null
      ? await fetchSale(client, reference.providerReference, origin)
      : await findSaleByOrder(client, reference.idempotencyKey, origin);
  if ("unknown" in found) return unknownOf(found.unknown, reference.providerReference);
  if ("missing" in found)
    throw gatewayError(origin, "gateway_invalid_request", "Cielo has no such sale to cancel.");
  const sale = found.found.Payment;
  const standing = mapCieloPayment(sale, context);
  const kind = cieloKindOf(sale.Type);
  const removable = kind === "pix" ? standing.status === "pending" : standing.status === "authorized";
  if (!removable) return standing;

  let answer: Awaited<ReturnType<CieloClient["send"]>>;
  try {
    answer = await client.send({
      host: "api",
      method: "PUT",
      path: `/1/sales/${encodeURIComponent(sale.PaymentId)}/void`,
    });
  } catch (error) {
    if (!(error instanceof CieloTransportError)) throw error;
    if (error.kind === "not_sent")
      throw gatewayError(origin, "gateway_unavailable", `Cielo could not be reached: ${error.message}`, {
        cause: error,
      });
    return unknownOf(error.message, sale.PaymentId);
  }
  if (answer.status >= 500) return unknownOf(`Cielo answered ${answer.status} to the cancel`, sale.PaymentId);
  if (answer.status !== 200) {
    // Refused: most likely the payer paid (or it expired) meanwhile; the sale says which.
    const after = await fetchSale(client, sale.PaymentId, origin);
    if ("found" in after) {
      const now = mapCieloPayment(after.found.Payment, context);
      if (now.status !== standing.status) return now;
    }
    throw gatewayError(
      origin,
      "gateway_invalid_request",
      `Cielo refused the cancel: ${cieloErrorText(answer) || answer.status}`,
      { details: { status: answer.status, codes: cieloErrorCodes(answer) } },
    );
  }
  // The answer's own Status is not to be trusted (the reference's example shows 2 for a removal).
  const after = await fetchSale(client, sale.PaymentId, origin);
  if (!("found" in after)) return unknownOf("the canceled sale could not be read back", sale.PaymentId);
  return mapCieloPayment(after.found.Payment, context);
}
