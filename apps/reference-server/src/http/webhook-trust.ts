import type { Tessera } from "@tessera/core";

/**
 * The CAs the mutual-TLS webhook listener trusts for client certificates: those every
 * registered gateway proving its notifications by mutual TLS names with a PEM
 * (`trustedClientCertificateIssuers`: Banco Inter's webhook CA, a PSP's), plus the operator's
 * own (`TESSERA_WEBHOOK_TLS_CA_FILE`, for a PSP whose CA is a public one it does not ship).
 * Read again as accounts change, so a new account's CA is trusted without a restart.
 */
export function webhookTrustedCas(tessera: Tessera, operatorCas: readonly string[]): string[] {
  const pems = new Set(operatorCas.map((pem) => pem.trim()).filter(Boolean));
  for (const gateway of tessera.gateways.list()) {
    const webhooks = gateway.capabilities.webhooks;
    if (webhooks?.authentication !== "mutual_tls") continue;
    for (const issuer of webhooks.trustedClientCertificateIssuers) {
      if (issuer.pem !== null) pems.add(issuer.pem.trim());
    }
  }
  return [...pems];
}
