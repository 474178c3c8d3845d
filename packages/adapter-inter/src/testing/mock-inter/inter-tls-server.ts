import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import type { TestCertificate } from "@tessera/pix-api/testing";

/**
 * Inter's HTTPS edge on 127.0.0.1: mutual TLS on every call, the token endpoint included, so
 * a client without a certificate issued by `clientCa` never gets an answer — the handshake is
 * refused before any HTTP is read.
 */
export interface InterTlsServer {
  port: number;
  /** Stops listening and ends every open connection (keep-alive ones included). */
  close(): Promise<void>;
}

export async function startInterTlsServer(options: {
  serverCertificate: TestCertificate;
  clientCa: string;
  handler: (request: IncomingMessage, response: ServerResponse) => void;
}): Promise<InterTlsServer> {
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
