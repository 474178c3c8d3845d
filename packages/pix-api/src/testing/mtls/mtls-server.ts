import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import type { TestCertificate } from "../test-pki";

/**
 * An HTTPS server on 127.0.0.1 that requires mutual TLS on every call, as both API Pix (Manual
 * de Padrões, Anexo II) and Banco Inter do: a client without a certificate issued by
 * `clientCa` never gets an answer — the handshake is refused before any HTTP is read. Each
 * loopback mock (and the webhook receiver) puts its own handler behind it.
 */
export interface MtlsServer {
  port: number;
  /** Stops listening and ends every open connection (keep-alive ones included). */
  close(): Promise<void>;
}

export async function startMtlsServer(options: {
  serverCertificate: TestCertificate;
  clientCa: string;
  handler: (request: IncomingMessage, response: ServerResponse) => void;
}): Promise<MtlsServer> {
  const server = createServer(
    {
      cert: options.serverCertificate.certificate,
      key: options.serverCertificate.privateKey,
      ca: options.clientCa,
      requestCert: true,
      rejectUnauthorized: true,
    },
    options.handler,
  );
  // Tracked so `close` can end keep-alive connections, which `server.close` alone waits for.
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // A refused handshake is the point of mutual TLS, not a failure of the mock.
  server.on("tlsClientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/**
 * The SHA-256 fingerprint of the certificate the caller presented. The server refuses a
 * client without a certificate from the PKI, so behind it one is always there.
 */
export function peerFingerprint(request: IncomingMessage): string {
  return (request.socket as TLSSocket).getPeerCertificate().fingerprint256 ?? "";
}
