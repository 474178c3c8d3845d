import type { Message } from "./message-catalog";

/** The billing runs' page in Portuguese (Brazil): what each run of the automatic billing did in a unit. */
export const backOfficeBillingPtBR = {
  "admin.nav.billing": "Cobrança automática",
  "admin.billing.title": "Cobrança automática de {unit}",
  "admin.billing.intro":
    "O que cada execução da cobrança automática fez nesta unidade, da mais recente para a mais antiga. Uma execução que não encontrou nada a fazer aqui não fica registrada.",
  "admin.billing.schedule.heading": "Novas tentativas",
  "admin.billing.schedule": {
    one: "Uma cobrança sem sucesso é repetida {days} dia após o vencimento; depois disso, o contrato fica em atraso e o cliente é bloqueado até pagar.",
    other:
      "Uma cobrança sem sucesso é repetida {days} dias após o vencimento; depois da última, o contrato fica em atraso e o cliente é bloqueado até pagar.",
  },
  "admin.billing.noRetries":
    "Esta unidade não repete cobranças: uma cobrança sem sucesso deixa o contrato em atraso.",
  "admin.billing.changeSchedule": "Alterar nas configurações da unidade",
  "admin.billing.runs": "Últimas execuções",
  "admin.billing.empty": "Nenhuma execução da cobrança automática cobrou nada ainda.",
  "admin.billing.claimed": {
    one: "{count} parcela analisada",
    other: "{count} parcelas analisadas",
  },
  "admin.billing.took": "levou {duration}",
  "admin.billing.by": "por {owner}",
  "admin.billing.count.paid": "Pagas",
  "admin.billing.count.declined": "Recusadas",
  "admin.billing.count.linkIssued": "Links de pagamento enviados",
  "admin.billing.count.pastDue": "Contratos que ficaram em atraso",
  "admin.billing.count.held": "Parcelas retidas (contrato em atraso)",
  "admin.billing.count.notSent": "Não enviadas: o provedor recusou antes de cobrar",
  "admin.billing.count.unknown": "Sem resposta do provedor (verificadas depois)",
  "admin.billing.count.noMethod": "Sem forma de pagamento que cobre sozinha",
  "admin.billing.count.periodsScheduled": "Novos períodos lançados",
  "admin.billing.count.renewed": "Contratos renovados",
  "admin.billing.count.ended": "Contratos encerrados",
  "admin.billing.count.remindersBefore": "Lembretes antes do vencimento",
  "admin.billing.count.remindersAfter": "Lembretes de atraso",
  "admin.billing.count.errors": "Erros",
  "admin.billing.nothingCharged": "Nada foi cobrado nesta execução.",
  "admin.billing.errors": "Erros desta execução",
  "admin.billing.errorsHint":
    "Uma falha do servidor ou do banco de dados, não do cliente: a parcela é tentada de novo no dia seguinte.",
  "admin.billing.error.contract": "Abrir o contrato",
  "admin.billing.error.installment": "Parcela {id}",
} satisfies Record<string, Message>;
