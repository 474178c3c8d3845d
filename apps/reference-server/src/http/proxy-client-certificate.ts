import { X509Certificate } from "node:crypto";
import type { WebhookInput } from "@tessera/core";

/** What core's inbox is told of a client certificate a proxy verified. */
export type VerifiedClientCertificate = NonNullable<WebhookInput["verifiedClientCertificate"]>;

/**
 * The client certificate a TLS-terminating proxy verified, from the header it sets: the
 * certificate as URL-escaped PEM (nginx `proxy_set_header X-Client-Cert $ssl_client_escaped_cert;`
 * with `ssl_verify_client on`), or plain PEM. Subject, issuer and SHA-256 fingerprint are
 * read from the certificate itself, never from further headers a sender could add; null
 * when the header is absent or holds no certificate — core then refuses a mutual-TLS
 * notification, as it would have no proof.
 *
 * Trust rests on the proxy: it must verify the client certificate against the provider's
 * CA and overwrite the header on every request, so no sender can set it. The gateway's
 * `trustedClientCertificateIssuers` is still checked by core, and mutual-TLS news is still
 * confirmed by lookup.
 */
export function proxyClientCertificate(headerValue: string | undefined): VerifiedClientCertificate | null {
  if (!headerValue) return null;
  let pem: string;
  try {
    pem = headerValue.includes("%") ? decodeURIComponent(headerValue) : headerValue;
  } catch {
    return null;
  }
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) return null;
  try {
    const certificate = new X509Certificate(pem);
    return {
      subject: certificate.subject,
      issuer: certificate.issuer,
      fingerprint256: certificate.fingerprint256,
    };
  } catch {
    return null;
  }
}
