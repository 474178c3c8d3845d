import type { GatewayCapabilities } from "@tessera/core";
import { trustedIssuerFromPem } from "@tessera/pix-api";

/**
 * What a PSP's API Pix can do, as data (BACEN API Pix 2.9.0):
 * - `PUT /cob/{txid}` is idempotent: the same txid is the same charge;
 * - `PATCH` with `REMOVIDA_PELO_USUARIO_RECEBEDOR` drops a charge still `ATIVA`;
 * - devoluções are partial, keyed by our id, within 90 days of the Pix (Regulamento Pix);
 * - callbacks go to the key's registered webhook (`PUT /webhook/{chave}`), over mutual TLS,
 *   and carry no signature: each is confirmed by looking the charge up;
 * - `txid` is 26–35 letters and digits for `cob` and `cobv` created by `PUT`.
 */
export function pixCapabilities(gatewayId: string, webhookCa: string | undefined): GatewayCapabilities {
  return {
    currencies: ["BRL"],
    refunds: { pix: { partial: true, windowDays: 90, keyedByUs: true } },
    idempotentCreate: true,
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
      trustedClientCertificateIssuers:
        webhookCa === undefined ? [] : [trustedIssuerFromPem(gatewayId, webhookCa, "webhookCa")],
    },
    acceptsRawCard: false,
    references: { kind: "alphanumeric", minLength: 26, maxLength: 35 },
    capture: false,
    // `valor.original` is `\d{1,10}\.\d{2}`: one centavo up to 9,999,999,999.99. A `cob` needs
    // nothing of the payer; a due-date `cobv` needs their CPF or CNPJ (checked on create).
    boletoDocument: false,
    methodRules: {
      pix: {
        payer: { document: false, address: false, phone: false },
        minAmount: 1,
        maxAmount: 999_999_999_999,
      },
    },
  };
}
