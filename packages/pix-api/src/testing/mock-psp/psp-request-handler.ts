import type { IncomingMessage, ServerResponse } from "node:http";
import {
  answeringFailures,
  methodNotAllowed,
  parseJsonBody,
  readRequestBody,
  writeAnswer,
} from "../mtls/mock-exchange";
import { peerFingerprint } from "../mtls/mtls-server";
import { matchRoute } from "../mtls/route-match";
import { problemOf } from "./api-pix-problem";
import { specScopes } from "./api-pix-spec";
import { requestViolations } from "./api-pix-validator";
import { problemAnswer } from "./psp-answer";
import type { PspContext } from "./psp-context";
import type { PspOAuth } from "./psp-oauth";
import type { PspRoute } from "./psp-route";

/**
 * One HTTPS request to the mock, in the order a PSP's edge takes it: the token endpoint; then,
 * under the base path, the route, the faults a test asked for, the bearer token and its
 * scopes, the spec's schemas, and the route itself.
 */

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
    const certificate = peerFingerprint(request);

    if (url.pathname === options.tokenPath) {
      if (method !== "POST") return writeAnswer(response, methodNotAllowed(["POST"]));
      const rawBody = (await readRequestBody(request)) ?? "";
      return writeAnswer(
        response,
        oauth.issue({ headers: request.headers, rawBody, clientCertificate: certificate }),
      );
    }
    if (!url.pathname.startsWith(`${options.basePath}/`)) {
      return writeAnswer(response, problemAnswer(problemOf("NaoEncontrado")));
    }
    const matched = matchRoute(options.routes, method, url.pathname.slice(options.basePath.length));
    if (matched.route === null) {
      if (matched.allowed.length > 0) return writeAnswer(response, methodNotAllowed(matched.allowed));
      return writeAnswer(response, problemAnswer(problemOf("NaoEncontrado")));
    }
    const { route, params } = matched;

    if (context.faults.rateLimited > 0) {
      context.faults.rateLimited -= 1;
      request.resume();
      // RFC 9457's "about:blank": the API Pix catalogue has no error type for a rate limit.
      return writeAnswer(response, {
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

    const rawBody = method === "GET" || method === "DELETE" ? "" : await readRequestBody(request);
    if (rawBody === null)
      return writeAnswer(
        response,
        problemAnswer(problemOf("RequisicaoInvalida", { detail: "Corpo grande demais." })),
      );
    const refusal = oauth.refusal(request.headers.authorization, certificate, specScopes(route.path, method));
    if (refusal !== null) return writeAnswer(response, refusal);

    const parsed = parseJsonBody(rawBody);
    if (parsed === null) {
      return writeAnswer(
        response,
        problemAnswer(problemOf(route.invalid, { detail: "O corpo da requisição não é JSON válido." })),
      );
    }
    const { body } = parsed;
    const violacoes = requestViolations(route.path, method, route.resource, {
      pathParameters: params,
      query: url.searchParams,
      body,
    });
    if (violacoes.length > 0)
      return writeAnswer(response, problemAnswer(problemOf(route.invalid, { violacoes })));

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
    writeAnswer(response, answer);
    answer.afterAnswer?.();
  }

  return answeringFailures(handle, (error) =>
    problemAnswer(problemOf("ErroInternoDoServidor", { detail: `mock PSP failure: ${String(error)}` })),
  );
}
