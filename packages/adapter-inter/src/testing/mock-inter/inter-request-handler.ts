import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import {
  type InterAnswer,
  internalErrorAnswer,
  invalidAnswer,
  notFoundAnswer,
  tooManyRequestsAnswer,
} from "./inter-answer";
import type { InterContext } from "./inter-context";
import { refreshDueDates } from "./inter-lifecycle";
import type { InterOAuth } from "./inter-oauth";
import { type InterRoute, matchRoute } from "./inter-route";
import { bodyViolations } from "./inter-schemas";

/**
 * One HTTPS request, in the order Inter's edge takes it: the token endpoint; then, under
 * `/cobranca/v3`, the route, the faults a test asked for, the bearer token and its scope,
 * the body's JSON and schema, and the route itself.
 */

export const tokenPath = "/oauth/v2/token";
export const apiBasePath = "/cobranca/v3";

/** Bodies beyond this are refused unread (no Cobrança request comes near it). */
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

function write(response: ServerResponse, answer: InterAnswer): void {
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

export function createInterRequestHandler(options: {
  context: InterContext;
  oauth: InterOAuth;
  routes: readonly InterRoute[];
}) {
  const { context, oauth } = options;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "https://mock.invalid");
    const method = (request.method ?? "GET").toUpperCase();
    // The TLS server refuses a client without a certificate from the PKI, so one is always there.
    const certificate = (request.socket as TLSSocket).getPeerCertificate().fingerprint256 ?? "";

    if (url.pathname === tokenPath) {
      if (method !== "POST") return write(response, { status: 405, headers: { allow: "POST" } });
      const rawBody = (await readBody(request)) ?? "";
      const contentType = String(request.headers["content-type"] ?? "");
      return write(response, oauth.issue({ contentType, rawBody, certificate }));
    }
    if (!url.pathname.startsWith(`${apiBasePath}/`)) return write(response, notFoundAnswer());
    const matched = matchRoute(options.routes, method, url.pathname.slice(apiBasePath.length));
    if (matched.route === null) {
      if (matched.allowed.length > 0)
        return write(response, { status: 405, headers: { allow: matched.allowed.join(", ") } });
      return write(response, notFoundAnswer());
    }
    const { route, params } = matched;

    if (context.faults.rateLimited > 0) {
      context.faults.rateLimited -= 1;
      request.resume();
      return write(response, tooManyRequestsAnswer());
    }
    const fault = route.creates === true ? context.faults.nextCreate : null;
    if (fault === "before_receipt") {
      context.faults.nextCreate = null;
      request.socket.destroy();
      return;
    }

    const rawBody = method === "GET" || method === "DELETE" ? "" : await readBody(request);
    const now = context.clock.now();
    if (rawBody === null) return write(response, invalidAnswer([{ razao: "Corpo grande demais." }], now));
    const refusal = oauth.refusal(request.headers.authorization, certificate, route.scope);
    if (refusal !== null) return write(response, refusal);

    let body: unknown;
    if (rawBody.trim() !== "") {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return write(
          response,
          invalidAnswer([{ razao: "O corpo da requisição não é um JSON válido." }], now),
        );
      }
    }
    if (route.body !== undefined) {
      const violacoes = bodyViolations(route.body, body);
      if (violacoes.length > 0) return write(response, invalidAnswer(violacoes, now));
    }
    refreshDueDates(context);
    const answer = route.handle({ params, query: url.searchParams, body }, context);
    if (fault === "after_charge" && answer.status === 200) {
      // The charge is made; the client never hears so.
      context.faults.nextCreate = null;
      request.socket.destroy();
      answer.afterAnswer?.();
      return;
    }
    write(response, answer);
    answer.afterAnswer?.();
  }

  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      // A bug in the mock: its 500 says what broke rather than hide it.
      if (!response.headersSent) write(response, internalErrorAnswer(`mock Inter failure: ${String(error)}`));
      else response.destroy();
    });
  };
}
