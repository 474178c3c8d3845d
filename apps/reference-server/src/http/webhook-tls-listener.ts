import { once } from "node:events";
import type { IncomingMessage } from "node:http";
import { createServer, type Server } from "node:https";
import type { TLSSocket } from "node:tls";
import { getRequestListener } from "@hono/node-server";
import type { Tessera } from "@tessera/core";
import { Hono } from "hono";
import type { Logger } from "../logging/logger";
import { webhooksArea } from "./webhooks-area";

/**
 * The header this listener itself puts the socket's verified certificate in before the
 * request reaches `webhooksArea`. Any header of that name (or of the proxy's name) a sender
 * sends is removed first, so only the TLS handshake can set it.
 */
const socketCertificateHeader = "x-tessera-tls-client-certificate";

/** What the built-in mutual-TLS webhook listener needs. */
export interface WebhookTlsListenerOptions {
  tessera: Tessera;
  logger: Logger;
  host: string;
  port: number;
  /** The server's own certificate and key (PEM). */
  certificate: string;
  privateKey: string;
  /**
   * The CAs a client certificate must chain to, asked again on every `refreshTrust()`:
   * the registered gateways' `trustedClientCertificateIssuers[].pem` plus the operator's extra CAs.
   */
  trustedCas: () => string[];
  /** The proxy header name configured for the plain listener; dropped here, never believed. */
  clientCertificateHeader: string | null;
  /** How often `trustedCas` is asked again, its answer applied when it changed (default 2 s; 0 = only `refreshTrust`). */
  trustRefreshMs?: number;
}

/** A running mutual-TLS webhook listener. */
export interface WebhookTlsListener {
  readonly server: Server;
  readonly port: number;
  /** Swaps the trust store now (it also follows `trustedCas` by itself every `trustRefreshMs`). */
  refreshTrust(): void;
  close(): Promise<void>;
}

/**
 * Starts an HTTPS listener serving only `/webhooks/*` that requests the provider's client
 * certificate and refuses the handshake unless it chains to a trusted CA, so a request
 * without a valid certificate never reaches Hono or the adapter. The verified peer
 * certificate becomes the notification's `verifiedClientCertificate`; core still checks
 * its issuer against the gateway, and the adapter still confirms by lookup.
 */
export async function startWebhookTlsListener(
  options: WebhookTlsListenerOptions,
): Promise<WebhookTlsListener> {
  const app = new Hono();
  app.route(
    "/webhooks",
    webhooksArea({
      tessera: options.tessera,
      logger: options.logger,
      clientCertificateHeader: socketCertificateHeader,
    }),
  );
  const handle = getRequestListener(app.fetch);
  let trusted = [...options.trustedCas()];
  const secureOptions = () => ({ cert: options.certificate, key: options.privateKey, ca: trusted });
  const server = createServer(
    { ...secureOptions(), requestCert: true, rejectUnauthorized: true },
    (request, response) => {
      stripCertificateHeaders(request, options.clientCertificateHeader);
      const peer = (request.socket as TLSSocket).getPeerX509Certificate?.();
      // URL-escaped like nginx's $ssl_client_escaped_cert: a PEM's newlines are not allowed in a header.
      if (peer) request.rawHeaders.push(socketCertificateHeader, encodeURIComponent(peer.toString()));
      void handle(request, response);
    },
  );
  server.listen(options.port, options.host);
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  /** A new TLS context only when the CAs changed: handshakes under way keep the one they began with. */
  const refreshTrust = () => {
    const now = [...options.trustedCas()];
    if (now.length === trusted.length && now.every((pem, index) => pem === trusted[index])) return;
    trusted = now;
    server.setSecureContext(secureOptions());
  };
  const every = options.trustRefreshMs ?? 2_000;
  const timer = every > 0 ? setInterval(refreshTrust, every) : null;
  timer?.unref();
  return {
    server,
    port,
    refreshTrust,
    close: () =>
      new Promise<void>((resolve) => {
        if (timer) clearInterval(timer);
        server.close(() => resolve());
        server.closeIdleConnections();
        // Notifications under way get a moment; the provider retries what is cut off.
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }),
  };
}

function stripCertificateHeaders(request: IncomingMessage, proxyHeader: string | null): void {
  delete request.headers[socketCertificateHeader];
  if (proxyHeader) delete request.headers[proxyHeader.toLowerCase()];
  // rawHeaders is what @hono/node-server builds the Request from; keep it in step.
  const dropped = new Set([socketCertificateHeader, proxyHeader?.toLowerCase()]);
  const kept: string[] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i] ?? "";
    if (!dropped.has(name.toLowerCase())) kept.push(name, request.rawHeaders[i + 1] ?? "");
  }
  request.rawHeaders.length = 0;
  request.rawHeaders.push(...kept);
}
