import type { IncomingMessage, ServerResponse } from "node:http";
import type { Instant } from "@tessera/core";
import { pagolivreProtocol } from "../../pagolivre-protocol";
import { payPathPrefix, serveHostedPage } from "./hosted-page";
import { headersOf, parseJson, readBody } from "./http-request";
import {
  fieldErrorsAnswer,
  messageAnswer,
  methodNotAllowedAnswer,
  notFoundAnswer,
  noUserAgentAnswer,
  type PagoLivreAnswer,
  tooManyRequestsAnswer,
  unauthorizedAnswer,
  writeAnswer,
} from "./pagolivre-answers";
import type { PagoLivreContext } from "./pagolivre-context";
import { refreshExpiries } from "./pagolivre-lifecycle";
import { matchPath, type PagoLivreRoute } from "./pagolivre-route";

/**
 * One HTTP request, in the order PagoLivre's edge takes it: the User-Agent (Cloudflare's
 * HTML 403), the hosted page, the route under `/api/v2`, the faults a test asked for, the
 * `Basic` token, the body's JSON and schema, and the route itself. Every request is recorded
 * first, its Authorization redacted.
 */

export const apiBasePath = "/api/v2";

export interface ReceivedRequest {
  method: string;
  /** Path and query, as received. */
  path: string;
  /** Names lower-case; `authorization` reads "[redacted]". */
  headers: Record<string, string>;
  at: Instant;
}

function authorized(request: IncomingMessage, context: PagoLivreContext): boolean {
  const expected = `${pagolivreProtocol.headers.authorizationScheme} ${context.token}`;
  return request.headers.authorization === expected;
}

export function createPagoLivreRequestHandler(options: {
  context: PagoLivreContext;
  routes: readonly PagoLivreRoute[];
  received: ReceivedRequest[];
}) {
  const { context } = options;

  async function answer(request: IncomingMessage): Promise<PagoLivreAnswer | null> {
    const url = new URL(request.url ?? "/", "http://mock.invalid");
    const method = (request.method ?? "GET").toUpperCase();
    if ((request.headers["user-agent"] ?? "").trim() === "") return noUserAgentAnswer();
    refreshExpiries(context);
    if (url.pathname.startsWith(payPathPrefix)) {
      return serveHostedPage(request, decodeURIComponent(url.pathname.slice(payPathPrefix.length)), context);
    }
    if (!url.pathname.startsWith(`${apiBasePath}/`)) return notFoundAnswer();
    const path = url.pathname.slice(apiBasePath.length);
    const fits = options.routes.flatMap((route) => {
      const params = matchPath(route.path, path);
      return params === null ? [] : [{ route, params }];
    });
    if (fits.length === 0) return notFoundAnswer();
    const matched = fits.find((fit) => fit.route.method === method);
    if (matched === undefined) return methodNotAllowedAnswer(fits.map((fit) => fit.route.method));
    const { route, params } = matched;

    if (context.faults.rateLimited > 0) {
      context.faults.rateLimited -= 1;
      return tooManyRequestsAnswer(1);
    }
    const fault = route.creates ? context.faults.nextCreate : null;
    if (fault !== null) context.faults.nextCreate = null;
    if (fault === "before_receipt") {
      request.socket.destroy();
      return null;
    }
    if (!authorized(request, context)) return unauthorizedAnswer();

    let json: unknown;
    if (route.takesBody) {
      const text = await readBody(request);
      if (text === null) return messageAnswer(413, "Request body too large.");
      const parsed = parseJson(text);
      if (parsed === null)
        return fieldErrorsAnswer([{ field: "body", message: "The body is not valid JSON." }]);
      json = parsed.value;
    }
    const served = route.serve(params, json, context);
    if (fault === "after_charge" && served.status >= 200 && served.status < 300) {
      // The order is made; the client never hears so: held past its timeout, then dropped.
      const socket = request.socket;
      const timer = setTimeout(() => socket.destroy(), context.createHoldMs);
      socket.once("close", () => clearTimeout(timer));
      return null;
    }
    return served;
  }

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    options.received.push({
      method: (request.method ?? "GET").toUpperCase(),
      path: request.url ?? "/",
      headers: {
        ...headersOf(request),
        ...(request.headers.authorization === undefined ? {} : { authorization: "[redacted]" }),
      },
      at: context.clock.now(),
    });
    let result: PagoLivreAnswer | null;
    try {
      result = await answer(request);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      result = messageAnswer(500, `mock PagoLivre failure: ${detail}`);
    }
    if (result === null) return;
    if (!request.complete) request.resume();
    writeAnswer(response, result);
  };
}
