import { X509Certificate } from "node:crypto";
import { gatewayError, type TrustedCertificateIssuer } from "@tessera/core";

/**
 * The CA that issues the client certificate a provider presents on its callbacks (a PSP's
 * webhook CA, Banco Inter's "Certificado Webhook" `ca.crt`), as core trusts it: named by the
 * certificate's own subject, so the issuer a listener reports matches it, and kept as PEM for
 * the listener's trust store. A PEM that is no certificate, or a leaf rather than a CA, is the
 * operator's to fix: a `gateway_configuration` error at `field`.
 */
export function trustedIssuerFromPem(
  gatewayId: string,
  pem: string,
  field: string,
): TrustedCertificateIssuer {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch (cause) {
    throw gatewayError(gatewayId, "gateway_configuration", `The ${field} is not a PEM certificate.`, {
      details: { issues: [{ path: [field], code: "invalid_certificate", message: "not a certificate" }] },
      cause,
    });
  }
  if (!certificate.ca) {
    throw gatewayError(
      gatewayId,
      "gateway_configuration",
      `The ${field} must be the certificate of the authority that issues the provider's client certificate, not a leaf.`,
      { details: { issues: [{ path: [field], code: "not_a_ca", message: "not a CA certificate" }] } },
    );
  }
  return { name: certificate.subject, pem };
}
