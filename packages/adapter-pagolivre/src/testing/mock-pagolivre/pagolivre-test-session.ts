import { randomUUID } from "node:crypto";
import { request } from "node:http";
import {
  orderSchema,
  type PagoLivreOrder,
  type PagoLivreOrderCreateRequest,
  pagolivrePath,
  pagolivreProtocol,
} from "../../pagolivre-protocol";
import type { PagoLivreMock } from "./pagolivre-mock";

/** Test helpers: calls to a mock PagoLivre as a client would make them, and a valid order body. */

export const testUserAgent = "Tessera-Test/0.1";

export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed, or undefined when it is not JSON. */
  json: unknown;
}

/** `fetch` of `${mock.baseUrl}${path}` with the token and a User-Agent, unless `headers` says otherwise. */
export async function call(
  mock: PagoLivreMock,
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
  init: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<ApiAnswer> {
  const response = await fetch(`${mock.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Basic ${mock.token}`,
      "user-agent": testUserAgent,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...init.headers,
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    ...(init.signal === undefined ? {} : { signal: init.signal }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A request through `node:http`, which (unlike `fetch`) sends no User-Agent unless told. */
export function rawCall(
  url: string,
  options: { method: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: options.method, headers: options.headers, agent: false },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

/** A valid `POST /orders` body: R$ 300,00 in 3 monthly charges by card. */
export function orderBody(overrides: Partial<PagoLivreOrderCreateRequest> = {}): PagoLivreOrderCreateRequest {
  return {
    requestId: randomUUID(),
    orderKey: randomUUID(),
    amount: 300,
    orderGuests: [{ cpf: "12345678909", mobileNumber: "31987654321" }],
    installments: 3,
    receivingOptionType: "creditCard",
    callbackUrl: "http://127.0.0.1:9/hooks/pagolivre",
    returnUrl: "https://estudio.example/volta",
    description: "Plano anual",
    ...overrides,
  };
}

/** Creates an order and returns it as the protocol module parses it. */
export async function createOrder(
  mock: PagoLivreMock,
  overrides: Partial<PagoLivreOrderCreateRequest> = {},
): Promise<PagoLivreOrder> {
  const answer = await call(mock, "POST", pagolivreProtocol.paths.createOrder, orderBody(overrides));
  if (answer.status !== pagolivreProtocol.create.createdStatus) {
    throw new Error(`create answered ${answer.status}: ${answer.text}`);
  }
  return orderSchema.parse(answer.json);
}

export const lookupPath = (orderKey: string) =>
  pagolivrePath(pagolivreProtocol.paths.orderByKey, { orderKey });
export const cancelPath = (id: string) => pagolivrePath(pagolivreProtocol.paths.cancelOrder, { id });
