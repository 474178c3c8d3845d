import { formatMoney } from "@tessera/core";
import type { OrderState } from "./pagolivre-books";

/**
 * The hosted payment page's HTML: minimal, for a browser test to find the merchant, the
 * amount, the number of monthly charges, a card number field and the "Pagar" button.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return (
    `<!DOCTYPE html><html lang="pt-BR"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body>${body}</body></html>`
  );
}

const reais = (centavos: number) => formatMoney({ amount: centavos, currency: "BRL" }, "pt-BR");

export function paymentPageHtml(order: OrderState, merchantName: string): string {
  const count = order.installments.length;
  const monthly = order.installments[0]?.amount ?? order.amount;
  const action = `/pay/${encodeURIComponent(order.id)}`;
  const form =
    order.status === "created"
      ? `<form method="post" action="${escapeHtml(action)}">` +
        '<label for="cardNumber">Número do cartão</label>' +
        '<input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="cc-number">' +
        '<label for="outcome">Resultado (simulação)</label>' +
        '<select id="outcome" name="outcome"><option value="paid">Aprovado</option>' +
        '<option value="declined">Recusado</option></select>' +
        '<button type="submit">Pagar</button></form>'
      : `<p class="status">Este pedido está ${escapeHtml(order.status)}.</p>`;
  return page(
    "PagoLivre",
    "<h1>PagoLivre</h1>" +
      `<p class="merchant">${escapeHtml(merchantName)}</p>` +
      `<p class="amount">${escapeHtml(reais(order.amount))}</p>` +
      `<p class="installments">${count} ${count === 1 ? "parcela" : "parcelas mensais"} de ${escapeHtml(reais(monthly))}</p>` +
      (order.description === undefined ? "" : `<p class="description">${escapeHtml(order.description)}</p>`) +
      form,
  );
}

export function messagePageHtml(message: string): string {
  return page("PagoLivre", `<h1>PagoLivre</h1><p>${escapeHtml(message)}</p>`);
}
