import type { Message } from "./message-catalog";

/**
 * The back office's one-off orders (their list, an order's page and its actions, the new
 * order form, the customer page's orders), in Portuguese (Brazil): the source of their keys.
 * What an order shares with a contract's collection (installment and payment statuses, the
 * split payment's words) comes from the contracts' keys.
 */
export const backOfficeOrdersPtBR = {
  "admin.nav.orders": "Pedidos",

  "admin.orders.title": "Pedidos de {unit}",
  "admin.orders.status": "Situação do pedido",
  "admin.orders.anyStatus": "Todas",
  "admin.orders.status.open": "Em aberto",
  "admin.orders.status.paid": "Pago",
  "admin.orders.status.canceled": "Cancelado",
  "admin.orders.status.refunded": "Estornado",
  "admin.orders.paymentStatus": "Pagamento",
  "admin.orders.anyPayment": "Todos",
  "admin.orders.paymentStatus.pending": "Pendente",
  "admin.orders.paymentStatus.error": "Com erro",
  "admin.orders.from": "Feito a partir de",
  "admin.orders.to": "Feito até",
  "admin.orders.filter": "Filtrar",
  "admin.orders.empty": "Nenhum pedido encontrado.",
  "admin.orders.next": "Próxima página",
  "admin.orders.open": "Abrir o pedido de {customer}: {description}",
  "admin.orders.newHint": "Para fazer um pedido, abra o cliente em Clientes e escolha “Novo pedido”.",
  "admin.orders.installments": { one: "em {count} parcela", other: "em {count} parcelas" },
  "admin.orders.paidFromBalance": "Descontado do saldo",

  "admin.order.title": "Pedido {description} — {customer}",
  "admin.order.madeOn": "Feito em {date}",
  "admin.order.items": "Itens",
  "admin.order.item": "{quantity} × {description}",
  "admin.order.itemEach": "{price} cada",
  "admin.order.total": "Total",
  "admin.order.installmentCount": { one: "{count} parcela", other: "{count} parcelas" },
  "admin.order.created.paidFromBalance": "Pedido criado e descontado do saldo. Saldo restante: {balance}.",
  "admin.order.created.awaiting":
    "Pedido criado. O saldo ({balance}) não cobre a primeira parcela: o pedido aguarda o pagamento.",
  "admin.order.created.charged":
    "Pedido criado. Cobrança por {method}: {status}. Passe ao cliente as instruções de pagamento da tentativa abaixo.",
  "admin.order.split.started":
    "Saldo usado. Cobrança do restante: {status}. Saldo restante: {balance}. Passe ao cliente as instruções de pagamento da tentativa abaixo.",
  "admin.order.created.notCharged":
    "Pedido criado, mas o provedor de pagamento não aceitou a cobrança agora: nada foi cobrado. Cobre de novo abaixo, por esta ou por outra forma.",
  "admin.order.charge.legend": "Cobrar {amount} por",
  "admin.order.charge.hint":
    "A próxima parcela em aberto, que vence em {date}, cobrada inteira pela forma escolhida.",
  "admin.order.charge.submit": "Cobrar",
  "admin.order.charged":
    "Cobrança por {method}: {status}. Passe ao cliente as instruções de pagamento da tentativa abaixo.",
  "admin.order.error.gateway":
    "O provedor de pagamento não aceitou a cobrança por {method} agora: nada foi cobrado nem descontado. Tente de novo em instantes, ou por outra forma.",
  "admin.order.busy":
    "Há uma tentativa de pagamento em aberto para a próxima parcela: aguarde o resultado, ou cancele a tentativa abaixo para pagar de outra forma.",
  "admin.order.action.pix": "PIX copia e cola",
  "admin.order.action.boleto": "Linha digitável do boleto",
  "admin.order.action.boletoPdf": "Abrir o boleto (PDF)",
  "admin.order.action.redirect": "Link de pagamento",
  "admin.order.action.copy": "Copiar",
  "admin.order.canceled": "Pedido cancelado.",
  "admin.order.cancel.legend": "Cancelar o pedido",
  "admin.order.cancel.intro":
    "Cancela o pedido e as suas parcelas. Só é possível enquanto nada dele foi pago: o que já foi pago volta por um estorno.",
  "admin.order.cancel.confirm": "Confirmo o cancelamento deste pedido.",
  "admin.order.cancel.submit": "Cancelar o pedido",
  "admin.order.cancel.error.confirm": "Marque a confirmação para cancelar o pedido.",
  "admin.order.cancel.error.paid":
    "Parte deste pedido já foi paga, e ele não pode mais ser cancelado: devolva o que foi pago com um estorno.",
  "admin.order.cancel.error.inProgress":
    "Há uma tentativa de pagamento em aberto para este pedido: cancele essa tentativa primeiro. Nada foi cancelado.",
  "admin.order.error.closed":
    "Este pedido não está mais em aberto ({status}): não há o que pagar. Nada foi cobrado.",

  "admin.orderForm.title": "Novo pedido para {customer}",
  "admin.orderForm.items": "Itens",
  "admin.orderForm.itemsHint": "Preencha uma linha por item; linhas em branco são ignoradas.",
  "admin.orderForm.item": "Item {number}",
  "admin.orderForm.item.description": "Descrição",
  "admin.orderForm.item.quantity": "Quantidade",
  "admin.orderForm.item.quantityHint": "1 se ficar em branco.",
  "admin.orderForm.item.unitPrice": "Preço unitário ({currency})",
  "admin.orderForm.moreRows": "Mais linhas de itens",
  "admin.orderForm.installments": "Parcelas",
  "admin.orderForm.installmentsHint":
    "Mensais, a primeira hoje; o total é dividido em partes iguais, os centavos que sobram na primeira.",
  "admin.orderForm.payment": "Pagamento da primeira parcela",
  "admin.orderForm.payment.balance": "Do saldo do cliente (agora: {balance})",
  "admin.orderForm.payment.balanceHint":
    "Do saldo: se ele cobrir a primeira parcela, ela é descontada dele; se não, o pedido fica aguardando o pagamento. Por PIX, boleto ou link, a cobrança é feita agora: passe ao cliente as instruções que aparecem no pedido.",
  "admin.orderForm.submit": "Criar o pedido",
  "admin.orderForm.error.noItems": "Informe pelo menos um item, com descrição e preço.",
  "admin.orderForm.error.quantity": "Informe uma quantidade inteira, como 1 ou 2.",
  "admin.orderForm.error.total": "O total do pedido precisa ser maior que zero.",
  "admin.orderForm.error.split": "O total ({total}) é pequeno demais para {count} parcelas.",
  "admin.orderForm.error.payer":
    "{method} exige dados do cliente que faltam no cadastro (documento, endereço ou telefone). Complete o cadastro ou escolha outra forma.",
  "admin.orderForm.error.amountRule": "{method} não aceita cobrar {amount}: escolha outra forma.",
  "admin.orderForm.error.gateway":
    "O provedor de pagamento não aceitou a cobrança agora: nada foi cobrado. Envie o formulário de novo para tentar outra vez (é o mesmo pedido, sem duplicar).",
  "admin.orderForm.error.resubmitted":
    "Este formulário já tinha sido enviado com outros dados, e aquele pedido vale. Confira os pedidos do cliente e envie de novo se ainda quiser um pedido novo.",

  "admin.customer.orders": "Pedidos nesta unidade",
  "admin.customer.noOrders": "Nenhum pedido ainda.",
  "admin.customer.newOrder": "Novo pedido",

  "admin.wallet.paidOrder": "Pagou o pedido {description}",
  "admin.wallet.refundedOrder": "Estorno de um pagamento do pedido {description}",
} satisfies Record<string, Message>;
