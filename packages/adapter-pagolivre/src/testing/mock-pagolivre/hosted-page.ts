import type { IncomingMessage } from "node:http";
import { messagePageHtml, paymentPageHtml } from "./hosted-page-html";
import { readBody } from "./http-request";
import { type PagoLivreAnswer, redirectAnswer } from "./pagolivre-answers";
import type { PagoLivreContext } from "./pagolivre-context";
import { declineOrder, payOrder } from "./pagolivre-lifecycle";

/**
 * The payer's side: `GET /pay/{id}` shows the order's payment page (the order's `paymentUrl`);
 * `POST /pay/{id}` with the form's `outcome=paid|declined` (default paid) pays or declines
 * it as `pay`/`decline` do, then redirects (303) to the order's `returnUrl`. PagoLivre asks
 * the card on its own page; the mock takes any card number.
 */

export const payPathPrefix = "/pay/";

const htmlAnswer = (status: number, html: string): PagoLivreAnswer => ({ status, html });

export async function serveHostedPage(
  request: IncomingMessage,
  id: string,
  context: PagoLivreContext,
): Promise<PagoLivreAnswer> {
  const method = (request.method ?? "GET").toUpperCase();
  const order = context.books.orders.get(id);
  if (method !== "GET" && method !== "POST") {
    request.resume();
    return { status: 405, html: messagePageHtml("Método não permitido."), headers: { allow: "GET, POST" } };
  }
  if (order === undefined) {
    request.resume();
    return htmlAnswer(404, messagePageHtml("Pedido não encontrado."));
  }
  if (method === "GET") return htmlAnswer(200, paymentPageHtml(order, context.merchantName));

  const form = new URLSearchParams((await readBody(request)) ?? "");
  const outcome = form.get("outcome") ?? "paid";
  if (outcome !== "paid" && outcome !== "declined") {
    return htmlAnswer(400, messagePageHtml(`Resultado inválido: ${outcome}.`));
  }
  if (order.status !== "created") {
    return htmlAnswer(409, messagePageHtml(`Este pedido está ${order.status}.`));
  }
  if (outcome === "paid") payOrder(context, order);
  else declineOrder(context, order, "Cartão recusado");
  return redirectAnswer(order.returnUrl);
}
