import type { Message } from "./message-catalog";

/**
 * The back office's provider accounts page in Portuguese (Brazil): each unit's own accounts
 * at payment providers, their settings form and webhook URL. The `admin.providers.field.*`,
 * `hint.*`, `choice.*`, `kind.*` and `webhookAuth.*` keys translate what an adapter's options
 * schema says, by kind; a kind without them shows the adapter's own words.
 */
export const backOfficeProvidersPtBR = {
  "admin.nav.providers": "Contas de pagamento",
  "admin.providers.title": "Contas de pagamento — {unit}",
  "admin.providers.intro":
    "Cada conta liga esta unidade à sua própria conta num provedor de pagamento. As credenciais são guardadas cifradas e nunca aparecem por inteiro. Depois de criar uma conta, escolha-a nas formas de pagamento das configurações da unidade.",
  "admin.providers.accountsHeading": "Contas desta unidade",
  "admin.providers.none": "Esta unidade ainda não tem contas de pagamento.",
  "admin.providers.saved": "Conta salva.",
  "admin.providers.removed": "Conta removida.",
  "admin.providers.kind": "Provedor",
  "admin.providers.id": "Identificador",
  "admin.providers.idHint":
    "De 2 a 40 letras minúsculas, números ou hífen, como inter-centro. Não muda depois: as formas de pagamento e a URL de webhook usam este nome.",
  "admin.providers.label": "Nome",
  "admin.providers.settings": "Configurações do provedor",
  "admin.providers.notSet": "não definido",
  "admin.providers.yes": "Sim",
  "admin.providers.no": "Não",
  "admin.providers.doesNotOpen":
    "As credenciais desta conta não abrem com a chave atual do servidor. Digite-as de novo para voltar a usá-la.",
  "admin.providers.webhookUrl": "URL de webhook para cadastrar no provedor",
  "admin.providers.upload": "ou envie o arquivo (PEM: .crt, .pem, .key)",
  "admin.providers.webhookAuth": "Como o provedor prova que é ele: {how}.",
  "admin.providers.edit": "Editar",
  "admin.providers.editNamed": "Editar {account}",
  "admin.providers.editTitle": "Conta de pagamento {account}",
  "admin.providers.delete": "Remover",
  "admin.providers.deleteNamed": "Remover {account}",
  "admin.providers.add": "Nova conta: {provider}",
  "admin.providers.create": "Criar conta",
  "admin.providers.save": "Salvar conta",
  "admin.providers.back": "Voltar às contas de pagamento",
  "admin.providers.secretKeep": "Deixe vazio para manter o valor salvo ({masked}).",
  "admin.providers.secretHint": "Secreto: guardado cifrado e nunca mostrado de volta.",
  "admin.providers.error.idTaken": "Este identificador já está em uso. Escolha outro.",
  "admin.providers.error.idFormat":
    "Use de 2 a 40 letras minúsculas, números ou hífen, começando por uma letra.",
  "admin.providers.error.number": "Informe um número.",
  "admin.providers.error.numberRange": "Informe um número dentro do intervalo permitido.",
  "admin.providers.error.inUse":
    "Esta conta está em uso nas formas de pagamento da unidade. Escolha outra conta nelas antes de removê-la.",
  "admin.providers.error.rejected": "O provedor recusou estas configurações. Confira-as.",
  "admin.providers.kind.sandbox": "Sandbox (testes)",
  "admin.providers.webhookAuth.sandbox":
    "assinatura HMAC-SHA256 do horário e do corpo com o segredo do webhook, no cabeçalho tessera-sandbox-signature",
  "admin.providers.field.sandbox.webhookSecret": "Segredo do webhook",
  "admin.providers.hint.sandbox.webhookSecret":
    "Com ele o sandbox assina as notificações; ao menos 16 caracteres.",
  "admin.providers.field.sandbox.autoPaySeconds": "Pagar sozinho após (segundos)",
  "admin.providers.hint.sandbox.autoPaySeconds":
    "PIX e boletos pendentes são pagos sozinhos após estes segundos; vazio = nunca.",
  "admin.providers.field.sandbox.boletoIssue": "Emissão de boletos",
  "admin.providers.hint.sandbox.boletoIssue": "Na hora, ou um instante depois, como faz o Banco Inter.",
  "admin.providers.choice.sandbox.boletoIssue.immediate": "Na hora",
  "admin.providers.choice.sandbox.boletoIssue.async": "Um instante depois",
  "admin.providers.field.sandbox.refuseCredentials": "Recusar as credenciais",
  "admin.providers.hint.sandbox.refuseCredentials":
    "Recusa toda chamada como um provedor recusa credenciais revogadas, para ver como o Tessera avisa.",
  "admin.providers.field.sandbox.postNotifications": "Enviar notificações à URL de webhook",
  "admin.providers.hint.sandbox.postNotifications":
    "Exige o endereço público do servidor (TESSERA_PUBLIC_URL).",
  "admin.providers.field.sandbox.pixMerchantName": "Nome do recebedor no PIX",
  "admin.providers.hint.sandbox.pixMerchantName": "Aparece no código PIX; até 25 caracteres.",
  "admin.settings.providersLink": "Contas de pagamento da unidade (credenciais e webhooks)",
} satisfies Record<string, Message>;
