import { merchantRefusal } from "./api-routes";
import type { CieloContext } from "./cielo-context";
import { cieloError } from "./cielo-errors";
import { json, type MockAnswer, type MockRequest } from "./loopback-server";
import { cieloDateTime, recurrenceView, saleView } from "./sale-view";

/**
 * The query host: GETs only. `?merchantOrderId=` lists every sale made under it — Cielo does
 * not deduplicate, and recurrent charges reuse the first sale's id — under `Payments` (the
 * shape of the current reference and the SDKs; the old manual wrote `Payment`).
 */
export function handleQuery(context: CieloContext, request: MockRequest): MockAnswer {
  const refusal = merchantRefusal(context, request);
  if (refusal !== null) return refusal;
  if (request.method !== "GET") return { status: 405 };
  const path = request.url.pathname.replace(/\/$/, "");
  if (path === "/1/sales") {
    const merchantOrderId = request.url.searchParams.get("merchantOrderId") ?? "";
    const sales = [...context.books.sales.values()].filter(
      (sale) => sale.merchantOrderId === merchantOrderId,
    );
    if (sales.length === 0) return cieloError(303, "Sent OrderId does not exist", 404);
    return json(200, {
      ReasonCode: 0,
      ReasonMessage: "Successful",
      Payments: sales.map((sale) => ({
        PaymentId: sale.paymentId,
        ReceveidDate: cieloDateTime(sale.receivedAt),
      })),
    });
  }
  const sale = /^\/1\/sales\/([0-9a-f-]{36})$/i.exec(path)?.[1];
  if (sale !== undefined) {
    const found = context.books.sales.get(sale);
    if (found === undefined) return cieloError(307, "Transaction not found", 404);
    return json(200, saleView(context.books, context.origins, found));
  }
  const recurrent = /^\/1\/RecurrentPayment\/([0-9a-f-]{36})$/.exec(path)?.[1];
  if (recurrent !== undefined) {
    const found = context.books.recurrences.get(recurrent);
    if (found === undefined) return cieloError(313, "Recurrent Payment not found", 404);
    return json(200, recurrenceView(context.origins, found));
  }
  return { status: 404 };
}
