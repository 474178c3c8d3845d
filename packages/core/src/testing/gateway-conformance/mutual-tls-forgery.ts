import { createHash } from "node:crypto";
import type { WebhookInput } from "../../ports/gateway";
import type { WebhookForgery } from "./gateway-harness";

/**
 * The forgeries of a notification proven by mutual TLS, for a harness's `forge`: with no
 * verified certificate (a listener or proxy that let a caller without one through); with a
 * certificate of another CA (a listener that trusts more CAs than the provider's — core must
 * refuse its issuer, and the adapter still confirms by lookup); with a body changed by
 * `tamper` (the certificate is genuine, the body says something the provider never did). A
 * mutual-TLS notification has no timestamp, so there is no stale one to make: null.
 *
 * @example
 * ```ts
 * forge: (notification, forgery) =>
 *   forgeMutualTlsNotification(notification, forgery, (body) => body.map((item) => ({ ...item, situacao: "RECEBIDO" }))),
 * ```
 */
export function forgeMutualTlsNotification<Body>(
  notification: WebhookInput,
  forgery: WebhookForgery,
  tamper: (body: Body) => Body,
): WebhookInput | null {
  switch (forgery) {
    case "missing_signature": {
      const { verifiedClientCertificate: _none, ...bare } = notification;
      return bare;
    }
    case "bad_signature":
      return {
        ...notification,
        verifiedClientCertificate: {
          subject: "C=BR\nO=Elsewhere\nCN=impostor.example",
          issuer: "C=BR\nO=Elsewhere\nCN=Someone Else CA",
          fingerprint256: createHash("sha256")
            .update("impostor.example")
            .digest("hex")
            .toUpperCase()
            .replace(/(..)(?!$)/g, "$1:"),
        },
      };
    case "tampered_body":
      return { ...notification, rawBody: JSON.stringify(tamper(JSON.parse(notification.rawBody) as Body)) };
    case "stale_timestamp":
      return null;
  }
}
