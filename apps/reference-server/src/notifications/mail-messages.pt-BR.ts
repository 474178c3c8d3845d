/**
 * Portuguese (Brazil): the e-mails the server sends and the dev mailbox page. The source of
 * the `mail.*` keys; spread into the main pt-BR catalog, whose `satisfies` checks each
 * message. (No import from `i18n/`: the catalogs import this file.)
 */
export const mailMessagesPtBR = {
  "mail.greeting": "Olá, {name}!",
  "mail.signoff": "Equipe {studio}",
  "mail.footer": "Você recebeu esta mensagem por causa de uma compra online em {studio}.",
  "mail.orderFooter": "Você recebeu esta mensagem por causa de um pedido em {studio}.",

  "mail.fact.unit": "Unidade",
  "mail.fact.plan": "Plano",
  "mail.fact.amount": "Valor",
  "mail.fact.method": "Forma de pagamento",
  "mail.fact.card": "{brand} final {last4}",
  "mail.fact.customer": "Nome",
  "mail.fact.email": "E-mail",
  "mail.fact.document": "Documento",
  "mail.fact.phone": "Telefone",
  "mail.fact.startDate": "Início",
  "mail.fact.endDate": "Válido até",
  "mail.fact.nextDueDate": "Próximo vencimento",
  "mail.fact.installments": "Parcelas",
  "mail.fact.installmentCount": { one: "{count} parcela", other: "{count} parcelas" },
  "mail.fact.openEnded": "Recorrente, até o cancelamento",
  "mail.fact.renewal": "Renovação",
  "mail.fact.autoRenew": "Automática, ao fim de cada período",
  "mail.fact.totalPaid": "Total pago",
  "mail.fact.fromBalance": "Pago com o saldo",
  "mail.fact.activationCode": "Código de ativação",
  "mail.fact.contract": "Contrato",
  "mail.fact.order": "Pedido",
  "mail.fact.orderTotal": "Total do pedido",
  "mail.fact.stillDue": "Falta pagar",

  "mail.document.cpf": "CPF {number}",
  "mail.document.cnpj": "CNPJ {number}",
  "mail.document.foreign": "{number} ({country})",

  "mail.line.enrollment_fee": "Taxa de matrícula",
  "mail.line.period": "Parcela {sequence}",
  "mail.line.periodDates": "{name} ({start} a {end})",
  "mail.line.closing_prorata": "Valor proporcional",
  "mail.line.fee": "Taxa de serviço",
  "mail.line.order": "Parcela {sequence} do pedido",

  "mail.howToPay.subject": "{studio}: seu pedido de {plan} — como pagar",
  "mail.howToPay.intro":
    "Recebemos o seu pedido do plano {plan}. Falta só o pagamento para concluir a compra.",
  "mail.howToPay.pix.title": "Como pagar com PIX",
  "mail.howToPay.pix.steps": "Abra o app do seu banco, escolha PIX Copia e Cola e cole o código abaixo.",
  "mail.howToPay.pix.code": "Código PIX Copia e Cola",
  "mail.howToPay.pix.expiresAt": "Pague até",
  "mail.howToPay.pix.expiryNote": "Depois desse horário o código expira e será preciso gerar um novo.",
  "mail.howToPay.boleto.title": "Como pagar com boleto",
  "mail.howToPay.boleto.steps":
    "Pague no app ou no site do seu banco, em uma lotérica ou em uma agência, usando a linha digitável abaixo.",
  "mail.howToPay.boleto.line": "Linha digitável",
  "mail.howToPay.boleto.dueDate": "Vencimento",
  "mail.howToPay.boleto.pdf": "Boleto em PDF",
  "mail.howToPay.boleto.pix": "Ou pague com PIX Copia e Cola",
  "mail.howToPay.boleto.clearing": "O pagamento de boleto pode levar até 3 dias úteis para ser compensado.",
  "mail.installmentDue.subject": "{studio}: sua parcela de {plan} venceu — como pagar",
  "mail.installmentDue.intro": "Uma parcela do seu plano {plan} está em aberto. Veja abaixo como pagar.",
  "mail.installmentPaid.subject": "{studio}: pagamento recebido — {plan}",
  "mail.installmentPaid.intro": "Recebemos o pagamento de uma parcela do seu plano {plan}. Obrigado!",
  "mail.howToPay.after": "Assim que o pagamento for confirmado, você receberá o recibo por e-mail.",
  "mail.orderHowToPay.subject": "{studio}: como pagar o seu pedido — {order}",
  "mail.orderHowToPay.intro": "O seu pedido ({order}) tem um pagamento em aberto. Veja abaixo como pagar.",
  "mail.orderPaid.subject": "{studio}: pagamento recebido — {order}",
  "mail.orderPaid.intro": "Recebemos um pagamento do seu pedido ({order}). Obrigado!",
  "mail.orderPaid.introSettled":
    "Recebemos o pagamento do seu pedido ({order}), que agora está todo pago. Obrigado!",
  "mail.orderPaid.orderTitle": "O seu pedido",
  "mail.order.item": "{description} × {quantity}",
  "mail.order.unitPrice": "{price} cada",

  "mail.contractFooter": "Você recebeu esta mensagem porque tem um plano em {studio}.",
  "mail.fact.total": "Total",
  "mail.line.due": "{name} — vencimento {date}",
  "mail.reminder.beforeDue.subject": "{studio}: {amount} vence em {date}",
  "mail.reminder.beforeDue.intro": "A parcela do seu plano {plan}, de {amount}, vence em {date}.",
  "mail.reminder.collection.wallet":
    "Ela será paga com o saldo da sua conta em {studio}: você não precisa fazer nada.",
  "mail.reminder.collection.card":
    "Ela será cobrada no cartão que você cadastrou: você não precisa fazer nada.",
  "mail.reminder.collection.link": "No dia do vencimento, enviaremos por e-mail um link para pagá-la.",
  "mail.reminder.overdue.subject": "{studio}: {amount} com vencimento em {date} está em aberto",
  "mail.reminder.overdue.intro":
    "A parcela do seu plano {plan}, de {amount}, venceu em {date} e ainda não foi paga. Pague pelo link abaixo.",
  "mail.reminder.overdue.moreDue": "Com as outras parcelas vencidas, o total em aberto hoje é {total}.",
  "mail.reminder.overdue.alreadyPaid": "Se você já pagou, desconsidere esta mensagem.",
  "mail.pastDue.subject": "{studio}: seu plano {plan} está em atraso",
  "mail.pastDue.intro":
    "Não conseguimos receber o pagamento do seu plano {plan} e as novas tentativas automáticas acabaram. Seu acesso fica bloqueado até o pagamento.",
  "mail.pastDue.unblock": "Assim que o pagamento for confirmado, o seu acesso é liberado de novo.",
  "mail.payLink.subject": "{studio}: pague as parcelas em aberto de {plan}",
  "mail.payLink.intro":
    "Aqui está o link para pagar as parcelas vencidas do seu plano {plan}: {total} no total.",
  "mail.payLink.action": "Pagar agora",
  "mail.payLink.howItWorks":
    "O link paga todas as parcelas vencidas de uma vez, com a forma de pagamento que você escolher.",

  "mail.receipt.subject": "{studio}: recibo de {plan}",
  "mail.receipt.intro": "Pagamento confirmado, obrigado! O seu plano {plan} está ativo.",
  "mail.receipt.introFree": "A sua inscrição no plano {plan} está confirmada. Não há nada a pagar agora.",
  "mail.receipt.paidTitle": "O que você pagou",
  "mail.receipt.planTitle": "O seu plano",
  "mail.receipt.activationHint": "Apresente este código na recepção para ativar o seu passe.",
  "mail.receipt.keep": "Guarde este e-mail como comprovante.",

  "mail.unitPending.subject": "Nova venda online aguardando pagamento: {plan} — {customer}",
  "mail.unitPending.intro":
    "{customer} fez um pedido de {plan} online, com pagamento por {method}. O pagamento ainda não foi confirmado.",
  "mail.unitPending.after": "Você receberá outro aviso quando o pagamento for confirmado.",
  "mail.unitSale.subject": "Nova venda online: {plan} — {customer}",
  "mail.unitSale.intro": "{customer} comprou {plan} online e o pagamento foi confirmado.",
  "mail.unitSale.introFree": "{customer} se inscreveu em {plan} online, sem valor a pagar agora.",
  "mail.unit.customerTitle": "Cliente",
  "mail.unit.saleTitle": "Venda",

  "mail.mailbox.title": "Mensagens enviadas",
  "mail.mailbox.intro":
    "Sem um servidor SMTP configurado, o Tessera guarda aqui os e-mails em vez de enviá-los. Em produção, defina TESSERA_SMTP_URL.",
  "mail.mailbox.empty": "Nenhuma mensagem ainda.",
  "mail.mailbox.caption": "Mensagens, das mais recentes para as mais antigas",
  "mail.mailbox.time": "Data",
  "mail.mailbox.from": "De",
  "mail.mailbox.to": "Para",
  "mail.mailbox.subject": "Assunto",
  "mail.mailbox.sms": "SMS",
  "mail.mailbox.tag": "Tipo",
  "mail.mailbox.id": "Identificador",
  "mail.mailbox.dedupeKey": "Chave de deduplicação",
  "mail.mailbox.headers": "Cabeçalhos",
  "mail.mailbox.text": "Texto da mensagem",
  "mail.mailbox.htmlSource": "Código HTML da mensagem",
  "mail.mailbox.back": "Voltar para as mensagens",
} as const;

/** The `mail.*` keys: every other locale's mail catalog has exactly these. */
export type MailMessageKey = keyof typeof mailMessagesPtBR;

/**
 * What another locale's mail catalog must be: every key, nothing else. Each value's shape is
 * checked where the catalog is spread into its `MessageCatalog`.
 */
export type MailMessages = Record<MailMessageKey, string | Readonly<Record<string, string>>>;
