import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { problemOf } from "./api-pix-problem";
import { specScopes } from "./api-pix-spec";
import { requestViolations } from "./api-pix-validator";
import { type PspAnswer, problemAnswer } from "./psp-answer";
import type { PspContext } from "./psp-context";
import type { PspOAuth } from "./psp-oauth";
import { matchRoute, type PspRoute } from "./psp-route";

/**
 * One HTTPS request to the mock, in the order a PSP's edge takes it: the token endpoint; then,
 * under the base path, the route, the faults a test asked for, the bearer token and its
 * scopes, the spec's schemas, and the route itself.
 */

/** Bodies beyond this are refused unread (no API Pix request comes near it). */
const maxBodyBytes = 1_048_576;

function readBody(request: IncomingMessage): Promise<string | null> {
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

function write(response: ServerResponse, answer: PspAnswer): void {
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

export interface PspRequestHandlerOptions {
  context: PspContext;
  oauth: PspOAuth;
  routes: readonly PspRoute[];
  basePath: string;
  tokenPath: string;
  /** Answers held open by an `after_charge` fault with `hold`, so closing the mock can end them. */
  held: Set<ServerResponse>;
}

export function createPspRequestHandler(options: PspRequestHandlerOptions) {
  const { context, oauth } = options;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "https://mock.invalid");
    const method = (request.method ?? "GET").toUpperCase();
    // The TLS server refuses a client without a certificate from the PKI's CA, so one is always there.
    const certificate = (request.socket as TLSSocket).getPeerCertificate().fingerprint256 ?? "";

    if (url.pathname === options.tokenPath) {
      if (method !== "POST") return write(response, { status: 405, headers: { allow: "POST" } });
      const rawBody = (await readBody(request)) ?? "";
      return write(
        response,
        oauth.issue({ headers: request.headers, rawBody, clientCertificate: certificate }),
      );
    }
    if (!url.pathname.startsWith(`${options.basePath}/`)) {
      return write(response, problemAnswer(problemOf("NaoEncontrado")));
    }
    const matched = matchRoute(options.routes, method, url.pathname.slice(options.basePath.length));
    if (matched.route === null) {
      if (matched.allowed.length > 0)
        return write(response, { status: 405, headers: { allow: matched.allowed.join(", ") } });
      return write(response, problemAnswer(problemOf("NaoEncontrado")));
    }
    const { route, params } = matched;

    if (context.faults.rateLimited > 0) {
      context.faults.rateLimited -= 1;
      request.resume();
      // RFC 9457's "about:blank": the API Pix catalogue has no error type for a rate limit.
      return write(response, {
        status: 429,
        headers: { "retry-after": "1" },
        contentType: "application/problem+json",
        body: { type: "about:blank", title: "Too Many Requests", status: 429 },
      });
    }
    const fault = route.creates === true ? context.faults.nextCreate : null;
    if (fault?.kind === "before_receipt") {
      context.faults.nextCreate = null;
      request.socket.destroy();
      return;
    }

    const rawBody = method === "GET" || method === "DELETE" ? "" : await readBody(request);
    if (rawBody === null)
      return write(
        response,
        problemAnswer(problemOf("RequisicaoInvalida", { detail: "Corpo grande demais." })),
      );
    const refusal = oauth.refusal(request.headers.authorization, certificate, specScopes(route.path, method));
    if (refusal !== null) return write(response, refusal);

    let body: unknown;
    if (rawBody.trim() !== "") {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return write(
          response,
          problemAnswer(problemOf(route.invalid, { detail: "O corpo da requisição não é JSON válido." })),
        );
      }
    }
    const violacoes = requestViolations(route.path, method, route.resource, {
      pathParameters: params,
      query: url.searchParams,
      body,
    });
    if (violacoes.length > 0) return write(response, problemAnswer(problemOf(route.invalid, { violacoes })));

    const answer = route.handle({ params, query: url.searchParams, body }, context);
    if (fault?.kind === "after_charge" && answer.status === 201) {
      context.faults.nextCreate = null;
      if (fault.answer === "hold") {
        options.held.add(response);
        response.on("close", () => options.held.delete(response));
      } else {
        request.socket.destroy();
      }
      return;
    }
    write(response, answer);
    answer.afterAnswer?.();
  }

  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      // A bug in the mock: its 500 says what broke rather than hide it.
      if (!response.headersSent) {
        write(
          response,
          problemAnswer(problemOf("ErroInternoDoServidor", { detail: `mock PSP failure: ${String(error)}` })),
        );
      } else {
        response.destroy();
      }
    });
  };
}
