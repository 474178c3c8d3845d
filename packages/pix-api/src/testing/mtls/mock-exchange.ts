import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The HTTP ends of one request to a loopback mock: reading the body (and its JSON), writing the
 * answer, and turning a bug in the mock into a 500 that says what broke. What comes between — the
 * provider's routes, faults, tokens and schemas — is each mock's own.
 */

/** What a mock writes back for one request: a status, headers, and a JSON body or none. */
export interface MockAnswer {
  status: number;
  headers?: Record<string, string>;
  /** Serialized as JSON; absent for an empty body. */
  body?: unknown;
  /** Default `application/json`. */
  contentType?: string;
}

/** Bodies beyond this are refused unread (no API Pix or Cobrança request comes near it). */
const maxBodyBytes = 1_048_576;

/** The body as text; null when it is too large (the request is then dropped). */
export function readRequestBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** The body's JSON: undefined for an empty (or blank) body; null when it is not JSON. */
export function parseJsonBody(rawBody: string): { body: unknown } | null {
  if (rawBody.trim() === "") return { body: undefined };
  try {
    return { body: JSON.parse(rawBody) };
  } catch {
    return null;
  }
}

export function writeAnswer(response: ServerResponse, answer: MockAnswer): void {
  const payload = answer.body === undefined ? "" : JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...(answer.body === undefined
      ? {}
      : { "content-type": `${answer.contentType ?? "application/json"}; charset=utf-8` }),
    "content-length": Buffer.byteLength(payload),
    ...answer.headers,
  });
  response.end(payload);
}

/** 405 naming the methods the path does have. */
export function methodNotAllowed(allowed: readonly string[]): MockAnswer {
  return { status: 405, headers: { allow: allowed.join(", ") } };
}

/**
 * A request listener running `handle`; when it throws, the caller hears `failure(error)` —
 * a bug in the mock answers a 500 that says what broke rather than hide it — or, once the
 * answer has begun, a dropped connection.
 */
export function answeringFailures(
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  failure: (error: unknown) => MockAnswer,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) writeAnswer(response, failure(error));
      else response.destroy();
    });
  };
}
