import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { headersOf, readBody } from "./http-request";

/**
 * A merchant's callback endpoint on 127.0.0.1 (plain HTTP), for tests: it keeps every
 * callback as received and answers the first ones with `statuses` (to make a delivery fail:
 * `[500]`), every later one 200.
 */
export interface ReceivedCallback {
  method: string;
  /** Path and query, as received (`/hooks/pagolivre?accessToken=…`). */
  url: string;
  headers: Record<string, string>;
  rawBody: string;
}

export interface LoopbackCallbackReceiver {
  /** The `callbackUrl` to give PagoLivre. */
  callbackUrl: string;
  /** Every callback received so far, oldest first. */
  received(): ReceivedCallback[];
  close(): Promise<void>;
}

export async function startLoopbackCallbackReceiver(
  options: { path?: string; statuses?: readonly number[] } = {},
): Promise<LoopbackCallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const statuses = [...(options.statuses ?? [])];
  const server = createServer((request, response) => {
    void readBody(request).then((rawBody) => {
      received.push({
        method: request.method ?? "",
        url: request.url ?? "",
        headers: headersOf(request),
        rawBody: rawBody ?? "",
      });
      response.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | null = null;
  return {
    callbackUrl: `http://127.0.0.1:${port}${options.path ?? "/hooks/pagolivre"}`,
    received: () => received.map((callback) => ({ ...callback })),
    close() {
      // Closing twice is no error: a test may close it and again in its cleanup.
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
