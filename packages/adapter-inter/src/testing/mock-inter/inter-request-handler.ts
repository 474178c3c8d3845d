import type { IncomingMessage, ServerResponse } from "node:http";
import {
  answeringFailures,
  matchRoute,
  methodNotAllowed,
  parseJsonBody,
  peerFingerprint,
  readRequestBody,
  writeAnswer,
} from "@tessera/pix-api/testing";
import { internalErrorAnswer, invalidAnswer, notFoundAnswer, tooManyRequestsAnswer } from "./inter-answer";
import type { InterContext } from "./inter-context";
import { refreshDueDates } from "./inter-lifecycle";
import type { InterOAuth } from "./inter-oauth";
import type { InterRoute } from "./inter-route";
import { bodyViolations } from "./inter-schemas";

/**
 * One HTTPS request, in the order Inter's edge takes it: the token endpoint; then, under
 * `/cobranca/v3`, the route, the faults a test asked for, the bearer token and its scope,
 * the body's JSON and schema, and the route itself.
 */

export const tokenPath = "/oauth/v2/token";
export const apiBasePath = "/cobranca/v3";

export function createInterRequestHandler(options: {
  context: InterContext;
  oauth: InterOAuth;
  routes: readonly InterRoute[];
}) {
  const { context, oauth } = options;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "https://mock.invalid");
    const method = (request.method ?? "GET").toUpperCase();
    const certificate = peerFingerprint(request);

    if (url.pathname === tokenPath) {
      if (method !== "POST") return writeAnswer(response, methodNotAllowed(["POST"]));
      const rawBody = (await readRequestBody(request)) ?? "";
      const contentType = String(request.headers["content-type"] ?? "");
      return writeAnswer(response, oauth.issue({ contentType, rawBody, certificate }));
    }
    if (!url.pathname.startsWith(`${apiBasePath}/`)) return writeAnswer(response, notFoundAnswer());
    const matched = matchRoute(options.routes, method, url.pathname.slice(apiBasePath.length));
    if (matched.route === null) {
      if (matched.allowed.length > 0) return writeAnswer(response, methodNotAllowed(matched.allowed));
      return writeAnswer(response, notFoundAnswer());
    }
    const { route, params } = matched;

    if (context.faults.rateLimited > 0) {
      context.faults.rateLimited -= 1;
      request.resume();
      return writeAnswer(response, tooManyRequestsAnswer());
    }
    const fault = route.creates === true ? context.faults.nextCreate : null;
    if (fault === "before_receipt") {
      context.faults.nextCreate = null;
      request.socket.destroy();
      return;
    }

    const rawBody = method === "GET" || method === "DELETE" ? "" : await readRequestBody(request);
    const now = context.clock.now();
    if (rawBody === null)
      return writeAnswer(response, invalidAnswer([{ razao: "Corpo grande demais." }], now));
    const refusal = oauth.refusal(request.headers.authorization, certificate, route.scope);
    if (refusal !== null) return writeAnswer(response, refusal);

    const parsed = parseJsonBody(rawBody);
    if (parsed === null) {
      return writeAnswer(
        response,
        invalidAnswer([{ razao: "O corpo da requisição não é um JSON válido." }], now),
      );
    }
    const { body } = parsed;
    if (route.body !== undefined) {
      const violacoes = bodyViolations(route.body, body);
      if (violacoes.length > 0) return writeAnswer(response, invalidAnswer(violacoes, now));
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
    writeAnswer(response, answer);
    answer.afterAnswer?.();
  }

  return answeringFailures(handle, (error) => internalErrorAnswer(`mock Inter failure: ${String(error)}`));
}
