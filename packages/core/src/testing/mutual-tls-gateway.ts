import type { Gateway, TrustedCertificateIssuer } from "../ports/gateway";

/**
 * `gateway` as a provider whose notifications are proven by mutual TLS (Banco Inter, PSPs'
 * API Pix), trusting client certificates from `trustedIssuers` (none: any issuer), and
 * confirming by lookup as such a gateway must. For tests of listeners, proxies and the
 * inbox with the sandbox, whose own notifications stay as they are.
 */
export function withMutualTls(
  gateway: Gateway,
  trustedIssuers: readonly TrustedCertificateIssuer[] = [],
): Gateway {
  const webhooks = gateway.capabilities.webhooks;
  if (webhooks === null) throw new Error(`the ${gateway.id} gateway sends no notifications`);
  return {
    ...gateway,
    capabilities: {
      ...gateway.capabilities,
      webhooks: {
        ...webhooks,
        authentication: "mutual_tls",
        confirmsByLookup: true,
        trustedClientCertificateIssuers: trustedIssuers,
      },
    },
  };
}
