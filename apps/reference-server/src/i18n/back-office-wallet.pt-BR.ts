import type { Message } from "./message-catalog";

/**
 * The back office's customer wallet (its page, and paying from it and refunding on the
 * contract page), in Portuguese (Brazil): the source of their keys.
 */
export const backOfficeWalletPtBR = {
  "admin.customer.wallet": "Carteira",
  "admin.customer.balance": "Saldo na carteira: {balance}",
  "admin.customer.openWallet": "Abrir a carteira: extrato, créditos e débitos",

  "admin.wallet.title": "Carteira de {name}",
  "admin.wallet.balance": "Saldo",
  "admin.wallet.sharedHint": "O saldo é do cliente e vale em todas as unidades do estúdio.",
  "admin.wallet.amount": "Valor ({currency})",
  "admin.wallet.amountHint": "Como 189,90.",
  "admin.wallet.credit.legend": "Lançar crédito",
  "admin.wallet.credit.hint": "Dinheiro que o cliente deixa no estúdio para usar depois.",
  "admin.wallet.credit.method": "Forma de pagamento",
  "admin.wallet.credit.note": "Observação",
  "admin.wallet.credit.submit": "Lançar crédito",
  "admin.wallet.debit.legend": "Lançar débito",
  "admin.wallet.debit.hint":
    "Dinheiro que sai da carteira à mão, como um valor devolvido em espécie. Para pagar parcelas com o saldo, use o contrato.",
  "admin.wallet.debit.note": "Motivo",
  "admin.wallet.debit.submit": "Lançar débito",
  "admin.wallet.history": "Extrato, do mais recente ao mais antigo",
  "admin.wallet.historyEmpty": "Nenhum lançamento ainda.",
  "admin.wallet.older": "Lançamentos anteriores",
  "admin.wallet.newest": "Voltar aos lançamentos mais recentes",
  "admin.wallet.kind.credit": "Crédito",
  "admin.wallet.kind.debit": "Débito",
  "admin.wallet.kind.refund_credit": "Estorno para a carteira",
  "admin.wallet.kind.reversal": "Correção",
  "admin.wallet.method.cash": "Dinheiro",
  "admin.wallet.method.pix": "PIX",
  "admin.wallet.method.card": "Cartão",
  "admin.wallet.method.boleto": "Boleto",
  "admin.wallet.method.bank_transfer": "Transferência bancária",
  "admin.wallet.method.other": "Outra",
  "admin.wallet.by": "Por {who}",
  "admin.wallet.actor.api": "API",
  "admin.wallet.actor.customer": "o próprio cliente",
  "admin.wallet.actor.system": "o sistema",
  "admin.wallet.actor.key": "chave de API {name}",
  "admin.wallet.paid": "Pagou {plan}",
  "admin.wallet.refunded": "Estorno de um pagamento de {plan}",
  "admin.wallet.paidElsewhere": "Pagou um contrato ou pedido de outra unidade",
  "admin.wallet.refundedElsewhere": "Estorno de um pagamento de outra unidade",
  "admin.wallet.reverses": "Desfaz o lançamento de {when}",
  "admin.wallet.reversedOn": "Desfeito em {when}",
  "admin.wallet.reverse.legend": "Desfazer o lançamento de {when}",
  "admin.wallet.reverse.note": "Motivo para desfazer",
  "admin.wallet.reverse.submit": "Desfazer este lançamento",
  "admin.wallet.credited": "Crédito lançado.",
  "admin.wallet.debited": "Débito lançado.",
  "admin.wallet.reversed": "Lançamento desfeito.",
  "admin.wallet.error.positive": "Informe um valor maior que zero.",
  "admin.wallet.error.debitNote": "Diga por que o dinheiro sai da carteira.",
  "admin.wallet.error.reverseNote": "Diga por que o lançamento é desfeito.",
  "admin.wallet.error.beyondBalance": "O saldo ({balance}) não cobre este débito. Nada foi lançado.",
  "admin.wallet.error.reverseSpent":
    "O saldo ({balance}) não cobre desfazer este crédito: ele já foi usado. Nada foi lançado.",
  "admin.wallet.error.notReversible":
    "Este lançamento não pode ser desfeito: ele pagou ou estornou um pagamento (estorne o pagamento no contrato), ou já foi desfeito.",
  "admin.wallet.error.formExpired": "Este formulário expirou. Confira os dados e envie de novo.",
  "admin.wallet.error.resubmitted":
    "Este formulário já tinha sido enviado com outros dados, e aquele envio vale. Confira o extrato e envie de novo se ainda quiser lançar.",

  "admin.contract.balance": "Saldo na carteira do cliente: {balance}",
  "admin.contract.payFromBalance": "Pagar {amount} com o saldo",
  "admin.contract.payFromBalanceHint": "Desconta do saldo a próxima parcela em aberto, que vence em {date}.",
  "admin.contract.payFromBalanceBusy":
    "Há uma tentativa de pagamento em aberto para a próxima parcela: cancele-a para pagar com o saldo.",
  "admin.contract.paidFromBalance": "Pago com o saldo. Saldo restante: {balance}.",
  "admin.contract.error.balanceShort":
    "O saldo ({balance}) não cobre a parcela ({amount}). Nada foi descontado.",
  "admin.contract.split.legend": "Usar o saldo ({balance}) e cobrar o restante por",
  "admin.contract.split.hint":
    "O restante, {rest} dos {amount} da parcela que vence em {date}, é cobrado pela forma escolhida. Se a cobrança falhar ou for cancelada, o saldo volta para a carteira.",
  "admin.contract.split.submit": "Usar o saldo e cobrar o restante",
  "admin.contract.split.started":
    "Saldo usado. Cobrança do restante: {status}. Saldo restante: {balance}. Para o cliente pagar, reenvie as instruções pela tentativa abaixo.",
  "admin.contract.split.failed":
    "A cobrança do restante não foi feita ({status}): a parte do saldo voltou para a carteira. Saldo: {balance}.",
  "admin.contract.split.error.balanceShort":
    "O saldo do cliente mudou ({balance}) e não cobre mais a parte de {amount} do formulário. Nada foi cobrado nem descontado.",
  "admin.contract.split.error.covers":
    "O saldo ({balance}) agora cobre a parcela inteira: use “Pagar com o saldo”. Nada foi cobrado.",
  "admin.contract.split.error.busy":
    "Já há uma tentativa de pagamento em aberto para esta parcela: aguarde o resultado ou cancele-a antes de usar o saldo. Nada foi descontado.",
  "admin.contract.split.error.payer":
    "{method} exige dados do cliente que faltam no cadastro (documento, endereço ou telefone). Complete o cadastro ou escolha outra forma. Nada foi descontado.",
  "admin.contract.split.error.amountRule":
    "{method} não aceita cobrar {rest}: escolha outra forma. Nada foi descontado.",
  "admin.contract.payment.split": "{amount} {method} + {balance} do saldo",
  "admin.contract.payment.via.card": "por cartão",
  "admin.contract.payment.via.pix": "por PIX",
  "admin.contract.payment.via.boleto": "por boleto",
  "admin.contract.payment.via.payment_link": "por link de pagamento",
  "admin.contract.payment.via.wallet": "do saldo",
  "admin.contract.refund.walletPart":
    "Pago em parte com o saldo: para {method} volta no máximo o que o provedor cobrou; a parte do saldo ({amount}) volta só para a carteira do cliente.",
  "admin.contract.refund.error.walletPartLeft":
    "A parte do provedor já foi estornada: o que resta ({amount}) é a parte do saldo, que volta só para a carteira do cliente.",
  "admin.contract.refund.legend": "Estornar este pagamento",
  "admin.contract.refund.amount": "Valor ({currency})",
  "admin.contract.refund.amountHint": "Deixe em branco para estornar tudo o que resta: {amount}.",
  "admin.contract.refund.destination": "Para onde vai o dinheiro",
  "admin.contract.refund.original": "Para a forma de pagamento original ({method})",
  "admin.contract.refund.toWallet": "Para a carteira do cliente",
  "admin.contract.refund.walletOnly": "Pago com o saldo: o estorno volta para a carteira do cliente.",
  "admin.contract.refund.reason": "Motivo",
  "admin.contract.refund.submit": "Estornar",
  "admin.contract.refunded": "Estorno registrado: {status}.",
  "admin.contract.refundFailed": "O provedor recusou o estorno: {message}",
  "admin.contract.refund.error.tooBig": "Só resta {amount} para estornar.",
  "admin.contract.refund.error.wholeOnly": "O provedor só estorna este pagamento inteiro: {amount}.",
  "admin.contract.refund.error.nothingLeft": "Este pagamento já foi todo estornado.",
  "admin.refund.status.pending": "Em processamento",
  "admin.refund.status.unknown": "Indefinido (verificando)",
  "admin.refund.status.succeeded": "Concluído",
  "admin.refund.status.failed": "Recusado",
  "admin.refund.destination.original_method": "Forma de pagamento original",
  "admin.refund.destination.wallet": "Carteira do cliente",
} satisfies Record<string, Message>;
