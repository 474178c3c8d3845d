import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import type { WebhookInput } from "@tessera/core";
import { startMtlsServer } from "../mtls/mtls-server";
import type { TestCertificate } from "../test-pki";

/**
 * A receiver's webhook endpoint on 127.0.0.1 that does what the Manual asks of one: serves
 * HTTPS and requires the PSP's client certificate (mutual TLS), here checked against
 * `clientCa`. It keeps every callback as a listener would hand it to `parseWebhook` (a
 * `WebhookInput`: headers, the raw body, the URL, the verified certificate), plus its method.
 */
export interface ReceivedCallback extends WebhookInput {
  method: string;
  /** Path and query as received (`/hooks/pix`). */
  url: string;
  headers: Record<string, string>;
  rawBody: string;
  verifiedClientCertificate: { subject: string; issuer: string; fingerprint256: string };
}

export interface LoopbackWebhookReceiver {
  /** The URL to register (`PUT /webhook/{chave}`); the PSP posts to it with `/pix` appended. */
  webhookUrl: string;
  /** Every callback received so far. */
  received(): ReceivedCallback[];
  close(): Promise<void>;
}

function distinguishedName(name: object | undefined): string {
  if (name === undefined) return "";
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join("+") : String(value)}`)
    .join(", ");
}

/**
 * Starts the receiver. `statuses` are the answers to the first callbacks, in order (to make a
 * delivery fail: `[500]`); every later callback is answered 200.
 */
export async function startLoopbackWebhookReceiver(options: {
  serverCertificate: TestCertificate;
  clientCa: string;
  path?: string;
  statuses?: readonly number[];
}): Promise<LoopbackWebhookReceiver> {
  const received: ReceivedCallback[] = [];
  const statuses = [...(options.statuses ?? [])];
  const server = await startMtlsServer({
    serverCertificate: options.serverCertificate,
    clientCa: options.clientCa,
    handler: (request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const peer = (request.socket as TLSSocket).getPeerCertificate();
        received.push({
          method: request.method ?? "",
          url: request.url ?? "",
          headers: Object.fromEntries(
            Object.entries(request.headers).map(([key, value]) => [
              key,
              Array.isArray(value) ? value.join(", ") : String(value),
            ]),
          ),
          rawBody: Buffer.concat(chunks).toString("utf8"),
          verifiedClientCertificate: {
            subject: distinguishedName(peer.subject),
            issuer: distinguishedName(peer.issuer),
            fingerprint256: peer.fingerprint256,
          },
        });
        response.writeHead(statuses.shift() ?? 200).end();
      });
    },
  });
  return {
    webhookUrl: `https://127.0.0.1:${server.port}${options.path ?? "/hooks"}`,
    received: () => [...received],
    // Closing twice is no error: a test may close the receiver itself and again in its cleanup.
    close: () => server.close().catch(() => undefined),
  };
}
