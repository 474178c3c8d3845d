import { mailMessagesPtBR } from "../notifications/mail-messages.pt-BR";
import { backOfficePtBR } from "./back-office.pt-BR";
import { backOfficeApiPtBR } from "./back-office-api.pt-BR";
import { backOfficeBillingPtBR } from "./back-office-billing.pt-BR";
import { backOfficeOrdersPtBR } from "./back-office-orders.pt-BR";
import { backOfficeProvidersPtBR } from "./back-office-providers.pt-BR";
import { backOfficeReportsPtBR } from "./back-office-reports.pt-BR";
import { backOfficeSalesPtBR } from "./back-office-sales.pt-BR";
import { backOfficeSettingsPtBR } from "./back-office-settings.pt-BR";
import { backOfficeStaffPtBR } from "./back-office-staff.pt-BR";
import { backOfficeToolsPtBR } from "./back-office-tools.pt-BR";
import { backOfficeWalletPtBR } from "./back-office-wallet.pt-BR";
import { checkoutPtBR } from "./checkout.pt-BR";
import type { Message } from "./message-catalog";

/** Portuguese (Brazil): the default catalog, and the source of every message key. */
export const ptBR = {
  "site.name": "Tessera",
  "site.skipToContent": "Pular para o conteúdo",
  "site.language": "Idioma",
  "site.footer": "Planos e assinaturas, vendidos online.",

  "home.title": "Planos",
  "home.intro": "Escolha um plano em uma das nossas unidades.",
  "home.empty": "Nenhuma unidade está em exibição ainda.",
  "home.emptyHint":
    "Rode `tessera demo` para criar um estúdio de demonstração, ou defina TESSERA_HOME_UNITS.",
  "home.unitPlans": "Planos de {unit}",
  "home.noPlans": "Esta unidade ainda não vende planos online.",
  "home.paymentMethods": "Formas de pagamento",

  "plan.pricePerMonth": "{price} por mês",

  "plan.priceOnce": "{price} à vista",
  "plan.pricePerMonths": { one: "{price} a cada {count} mês", other: "{price} a cada {count} meses" },
  "plan.pricePerDay": "{price} por dia",
  "plan.pricePerDays": { one: "{price} a cada {count} dia", other: "{price} a cada {count} dias" },
  "plan.installments": { one: "{count} parcela", other: "{count} parcelas" },
  "plan.openEnded": "Cobrança recorrente até o cancelamento",
  "plan.enrollmentFee": "Taxa de matrícula: {price}",
  "plan.autoRenew": "Renovação automática",
  "plan.quota": "{quantity} {name} por período",
  "plan.kind.pass": "Passe",
  "plan.kind.recurring": "Plano",
  "plan.activation.staffCode": "Ativado na recepção com um código",
  "plan.details": "Condições",

  "method.card": "Cartão de crédito",
  "method.pix": "PIX",
  "method.boleto": "Boleto",
  "method.payment_link": "Link de pagamento",
  "method.wallet": "Saldo em conta",

  // What a buyer is told for each decline code (`outcome.messageKey` of a declined sale).
  // A card reported stolen or lost, or a suspected fraud, gets the plain "declined": telling
  // whoever holds the card why would help someone trying stolen cards (Stripe's advice, too).
  "payment.declined.insufficient_funds":
    "Pagamento recusado: saldo ou limite insuficiente. Use outro cartão ou outra forma de pagamento.",
  "payment.declined.card_declined":
    "O banco emissor recusou o cartão. Use outro cartão ou fale com o seu banco.",
  "payment.declined.do_not_honor":
    "O banco emissor não autorizou o pagamento. Fale com o seu banco ou use outro cartão.",
  "payment.declined.stolen_card": "O pagamento foi recusado. Use outro cartão ou outra forma de pagamento.",
  "payment.declined.lost_card": "O pagamento foi recusado. Use outro cartão ou outra forma de pagamento.",
  "payment.declined.expired_card": "O cartão está vencido. Confira a validade ou use outro cartão.",
  "payment.declined.invalid_card":
    "Os dados do cartão não são válidos. Confira o número e a validade e tente de novo.",
  "payment.declined.incorrect_cvc":
    "O código de segurança (CVV) está incorreto. Confira o código no verso do cartão e tente de novo.",
  "payment.declined.suspected_fraud":
    "O pagamento foi recusado. Use outro cartão ou outra forma de pagamento.",
  "payment.declined.limit_exceeded":
    "O valor ou o número de compras passa do limite permitido para este cartão. Fale com o seu banco ou use outro cartão.",
  "payment.declined.card_not_supported":
    "Este cartão não é aceito para esta compra. Use outro cartão ou outra forma de pagamento.",
  "payment.declined.authentication_required":
    "O seu banco pediu uma confirmação que não foi concluída. Tente de novo e confirme o pagamento no app ou no site do banco.",
  "payment.declined.invalid_amount":
    "O valor desta compra não foi aceito por esta forma de pagamento. Use outra forma de pagamento ou fale com o estabelecimento.",
  "payment.declined.payment_expired":
    "O prazo para pagar terminou. Tente de novo para gerar um novo pagamento.",
  "payment.declined.processing_error":
    "Não foi possível processar o pagamento. Tente de novo em instantes ou use outra forma de pagamento.",
  "payment.declined.other": "O pagamento foi recusado. Use outro cartão ou outra forma de pagamento.",

  "notFound.title": "Página não encontrada",
  "notFound.message": "O endereço {path} não existe.",
  "notFound.back": "Voltar para o início",

  "error.title": "Algo deu errado",
  "error.back": "Voltar para o início",
  "error.reference": "Código do erro: {code}",
  "error.internal": "Ocorreu um erro inesperado. Tente de novo em alguns instantes.",
  "error.validation_failed": "Alguns dados estão incorretos. Corrija os campos indicados e tente de novo.",
  "error.not_found": "Não encontramos o que você procurou.",
  "error.conflict": "Os dados mudaram enquanto você trabalhava. Recarregue a página e tente de novo.",
  "error.invalid_transition": "Esta ação não é possível no estado atual.",
  "error.idempotency_key_reused": "Esta solicitação já foi enviada com outros dados.",
  "error.idempotency_key_in_use": "Esta solicitação ainda está em andamento. Aguarde e tente de novo.",
  "error.lease_lost": "Outro processo assumiu esta tarefa. Tente de novo.",
  "error.insufficient_balance": "O saldo não é suficiente para esta operação.",
  "error.gateway_unavailable": "A forma de pagamento está indisponível no momento. Avise o estabelecimento.",
  "error.gateway_rejected": "O provedor de pagamento recusou a solicitação.",
  "error.method_not_supported": "Esta forma de pagamento não está disponível aqui.",
  "error.refund_not_possible":
    "O provedor de pagamento não pode mais estornar este pagamento. Devolva o valor na carteira do cliente ou por fora.",
  "error.activation_code_unknown":
    "Este código de ativação não existe nesta unidade. Confira e digite de novo.",
  "error.activation_code_used": "Este código de ativação já foi usado ou foi cancelado.",
  "error.payment_in_progress":
    "Um pagamento desta cobrança já está em andamento. Aguarde o resultado antes de tentar de novo.",
  "error.storage_failure": "O serviço está temporariamente indisponível. Tente de novo em instantes.",
  "error.server_configuration": "O servidor está mal configurado. Avise o estabelecimento.",
  ...mailMessagesPtBR,
  ...checkoutPtBR,
  ...backOfficePtBR,
  ...backOfficeToolsPtBR,
  ...backOfficeReportsPtBR,
  ...backOfficeStaffPtBR,
  ...backOfficeSettingsPtBR,
  ...backOfficeProvidersPtBR,
  ...backOfficeApiPtBR,
  ...backOfficeSalesPtBR,
  ...backOfficeWalletPtBR,
  ...backOfficeBillingPtBR,
  ...backOfficeOrdersPtBR,
} as const satisfies Record<string, Message>;
