import type { backOfficeProvidersPtBR } from "./back-office-providers.pt-BR";
import type { Message } from "./message-catalog";

/** The back office's provider accounts page in English. */
export const backOfficeProvidersEn: Record<keyof typeof backOfficeProvidersPtBR, Message> = {
  "admin.nav.providers": "Payment accounts",
  "admin.providers.title": "Payment accounts — {unit}",
  "admin.providers.intro":
    "Each account connects this unit to its own account at a payment provider. Credentials are stored encrypted and never shown in full. Once an account exists, choose it for the payment methods in the unit's settings.",
  "admin.providers.accountsHeading": "This unit's accounts",
  "admin.providers.none": "This unit has no payment accounts yet.",
  "admin.providers.saved": "Account saved.",
  "admin.providers.removed": "Account removed.",
  "admin.providers.kind": "Provider",
  "admin.providers.id": "Identifier",
  "admin.providers.idHint":
    "2 to 40 lower-case letters, digits or hyphens, such as inter-centro. It cannot change later: payment methods and the webhook URL use this name.",
  "admin.providers.label": "Name",
  "admin.providers.settings": "Provider settings",
  "admin.providers.notSet": "not set",
  "admin.providers.yes": "Yes",
  "admin.providers.no": "No",
  "admin.providers.doesNotOpen":
    "This account's credentials do not open with the server's current key. Type them again to use it again.",
  "admin.providers.webhookUrl": "Webhook URL to register with the provider",
  "admin.providers.upload": "or upload the file (PEM: .crt, .pem, .key)",
  "admin.providers.webhookAuth": "How the provider proves it is the provider: {how}.",
  "admin.providers.edit": "Edit",
  "admin.providers.editNamed": "Edit {account}",
  "admin.providers.editTitle": "Payment account {account}",
  "admin.providers.delete": "Remove",
  "admin.providers.deleteNamed": "Remove {account}",
  "admin.providers.add": "New account: {provider}",
  "admin.providers.create": "Create account",
  "admin.providers.save": "Save account",
  "admin.providers.back": "Back to payment accounts",
  "admin.providers.secretKeep": "Leave empty to keep the saved value ({masked}).",
  "admin.providers.secretHint": "Secret: stored encrypted and never shown back.",
  "admin.providers.error.idTaken": "This identifier is already in use. Choose another.",
  "admin.providers.error.idFormat":
    "Use 2 to 40 lower-case letters, digits or hyphens, starting with a letter.",
  "admin.providers.error.number": "Enter a number.",
  "admin.providers.error.numberRange": "Enter a number within the allowed range.",
  "admin.providers.error.inUse":
    "The unit's payment methods use this account. Choose another account for them before removing it.",
  "admin.providers.error.rejected": "The provider refused these settings. Check them.",
  "admin.providers.kind.sandbox": "Sandbox (testing)",
  "admin.providers.webhookAuth.sandbox":
    "an HMAC-SHA256 signature of the timestamp and body with the webhook secret, in the tessera-sandbox-signature header",
  "admin.providers.field.sandbox.webhookSecret": "Webhook secret",
  "admin.providers.hint.sandbox.webhookSecret":
    "The sandbox signs its notifications with it; at least 16 characters.",
  "admin.providers.field.sandbox.autoPaySeconds": "Pay by itself after (seconds)",
  "admin.providers.hint.sandbox.autoPaySeconds":
    "Pending PIX and boletos are paid by themselves after this many seconds; empty = never.",
  "admin.providers.field.sandbox.boletoIssue": "Boleto issue",
  "admin.providers.hint.sandbox.boletoIssue": "At once, or a moment later, as Banco Inter does.",
  "admin.providers.choice.sandbox.boletoIssue.immediate": "At once",
  "admin.providers.choice.sandbox.boletoIssue.async": "A moment later",
  "admin.providers.field.sandbox.refuseCredentials": "Refuse the credentials",
  "admin.providers.hint.sandbox.refuseCredentials":
    "Refuses every call as a provider refuses revoked credentials, to see how Tessera reports it.",
  "admin.providers.field.sandbox.postNotifications": "Send notifications to the webhook URL",
  "admin.providers.hint.sandbox.postNotifications": "Needs the server's public address (TESSERA_PUBLIC_URL).",
  "admin.providers.field.sandbox.pixMerchantName": "Receiver's name in PIX",
  "admin.providers.hint.sandbox.pixMerchantName": "Shown in the PIX code; up to 25 characters.",
  "admin.settings.providersLink": "The unit's payment accounts (credentials and webhooks)",
};
