import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One request as a mock's route reads it. */
export interface MockRequest {
  method: string;
  url: URL;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string>>;
  body: string;
  raw: IncomingMessage;
}

/** What a route answers: a status, headers and a body; `held` keeps the connection open and unanswered. */
export type MockAnswer =
  | { status: number; headers?: Record<string, string>; body?: string }
  | { held: true }
  | { dropped: true };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): MockAnswer {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(body),
  };
}

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  close(): Promise<void>;
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/**
 * A plain HTTP server on 127.0.0.1 for a mock provider. `beforeBody` may drop the connection
 * before the body is read (a request that never reached the provider); a `held` answer is
 * never sent, and the connection ends when the server closes.
 */
export async function startLoopbackServer(routes: {
  beforeBody?(method: string, url: URL): boolean;
  handle(request: MockRequest): Promise<MockAnswer> | MockAnswer;
}): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const method = incoming.method ?? "GET";
    if (routes.beforeBody?.(method, url) === true) {
      incoming.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", async () => {
      const request: MockRequest = {
        method,
        url,
        headers: headersOf(incoming),
        body: Buffer.concat(chunks).toString("utf8"),
        raw: incoming,
      };
      let answer: MockAnswer;
      try {
        answer = await routes.handle(request);
      } catch (error) {
        answer = json(500, [{ Code: 0, Message: `mock failure: ${(error as Error).message}` }]);
      }
      if ("held" in answer) return;
      if ("dropped" in answer) {
        incoming.socket.destroy();
        return;
      }
      outgoing.writeHead(answer.status, answer.headers ?? {});
      outgoing.end(answer.body ?? "");
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
