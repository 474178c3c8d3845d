import type { GatewayCapabilities } from "@tessera/core";
import { trustedIssuerFromPem } from "@tessera/pix-api";

/**
 * What Banco Inter's Cobrança v3 does, as data:
 * - boleto with PIX only (a PIX alone at Inter is its API Pix: a `pix` account with Inter's addresses);
 * - no refunds of a boleto through the API (staff refund to the wallet or by hand);
 * - a repeated `seuNumero` is refused for 30 minutes and then makes a second cobrança, so a
 *   create is never idempotent and core never sends one twice;
 * - cancel (`POST …/cancelar`, 202), the PDF through the API only (`boletoDocument`);
 * - callbacks over mutual TLS from Inter's own CA, confirmed by lookup;
 * - `seuNumero` is at most 15 characters; the payer needs a CPF or CNPJ and a full address;
 *   `valorNominal` from R$ 2,50 to R$ 99.999.999,99.
 */
export function interCapabilities(gatewayId: string, webhookCaCertificate: string): GatewayCapabilities {
  return {
    currencies: ["BRL"],
    refunds: {},
    idempotentCreate: false,
    cancel: true,
    cardTokenization: "none",
    storedCards: false,
    providerRecurrence: [],
    webhooks: {
      authentication: "mutual_tls",
      confirmsByLookup: true,
      registration: "api",
      secretQueryParameters: [],
      secretHeaders: [],
      trustedClientCertificateIssuers: [
        trustedIssuerFromPem(gatewayId, webhookCaCertificate, "webhookCaCertificate"),
      ],
    },
    acceptsRawCard: false,
    references: { kind: "alphanumeric", minLength: 1, maxLength: 15 },
    capture: false,
    methodRules: {
      boleto: {
        payer: { document: true, address: true, phone: false },
        minAmount: 250,
        maxAmount: 9_999_999_999,
      },
    },
    boletoDocument: true,
  };
}
