import { gatewayError, instantToMillis, type PaymentReference, type PaymentResult } from "@tessera/core";
import { type CieloClient, CieloTransportError, cieloErrorText } from "./client";
import { type CieloReading, cieloInstant, mapCieloPayment } from "./mapping";
import { type CieloSale, cieloOrderSalesSchema, cieloSaleSchema } from "./schemas";

/** Cielo answers 404 for a sale over three months old (the manual's "Consulta"): then nobody can say it was never made. */
const queryableDays = 90;

export type SaleAnswer = { found: CieloSale } | { missing: true } | { unknown: string };

/** `GET /1/sales/{PaymentId}` on the query host. */
export async function fetchSale(client: CieloClient, paymentId: string, origin: string): Promise<SaleAnswer> {
  let answer: Awaited<ReturnType<CieloClient["send"]>>;
  try {
    answer = await client.send({
      host: "query",
      method: "GET",
      path: `/1/sales/${encodeURIComponent(paymentId)}`,
    });
  } catch (error) {
    if (error instanceof CieloTransportError) return { unknown: error.message };
    throw error;
  }
  if (answer.status === 404) return { missing: true };
  if (answer.status >= 500) return { unknown: `Cielo's query host answered ${answer.status}` };
  const sale = cieloSaleSchema.safeParse(answer.json);
  if (answer.status !== 200 || !sale.success)
    throw gatewayError(
      origin,
      "gateway_invalid_request",
      `Cielo refused the sale query: ${cieloErrorText(answer) || answer.status}`,
    );
  return { found: sale.data };
}

/**
 * `GET /1/sales?merchantOrderId=` then the sale. Cielo lists every sale made under that id —
 * it never deduplicates, and each recurrent charge reuses the first sale's id — so our
 * payment is the first received; core never sent a second create under one key.
 */
export async function findSaleByOrder(
  client: CieloClient,
  merchantOrderId: string,
  origin: string,
): Promise<SaleAnswer> {
  let answer: Awaited<ReturnType<CieloClient["send"]>>;
  try {
    answer = await client.send({
      host: "query",
      method: "GET",
      path: `/1/sales?merchantOrderId=${encodeURIComponent(merchantOrderId)}`,
    });
  } catch (error) {
    if (error instanceof CieloTransportError) return { unknown: error.message };
    throw error;
  }
  if (answer.status === 404) return { missing: true };
  if (answer.status >= 500) return { unknown: `Cielo's query host answered ${answer.status}` };
  const listed = cieloOrderSalesSchema.safeParse(answer.json);
  if (!listed.success) return { unknown: "Cielo's list of sales could not be read" };
  const received = (sale: (typeof listed.data)[number]) =>
    cieloInstant(sale.ReceveidDate ?? sale.ReceivedDate) ?? "9999";
  const first = [...listed.data].sort((a, b) =>
    received(a) < received(b) ? -1 : received(a) > received(b) ? 1 : 0,
  )[0];
  if (first === undefined) return { missing: true };
  return fetchSale(client, first.PaymentId, origin);
}

/**
 * The port's `getPayment`: by `PaymentId` when known, else by our `MerchantOrderId` — cards,
 * PIX and boletos alike (`GET /1/sales/{PaymentId}` answers each with its own fields).
 */
export async function lookUpPayment(
  client: CieloClient,
  reference: PaymentReference,
  context: CieloReading & { origin: string },
): Promise<PaymentResult | null> {
  const answer =
    reference.providerReference !== null
      ? await fetchSale(client, reference.providerReference, context.origin)
      : await findSaleByOrder(client, reference.idempotencyKey, context.origin);
  if ("found" in answer) return mapCieloPayment(answer.found.Payment, context);
  if ("unknown" in answer)
    return {
      status: "unknown",
      providerReference: reference.providerReference,
      rawStatus: null,
      reason: answer.unknown,
    };
  const ageDays = (instantToMillis(context.now) - instantToMillis(reference.createdAt)) / 86_400_000;
  if (ageDays > queryableDays)
    return {
      status: "unknown",
      providerReference: reference.providerReference,
      rawStatus: null,
      reason: `Cielo no longer answers for sales over ${queryableDays} days old`,
    };
  return null;
}
