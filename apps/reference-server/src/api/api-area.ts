import type { SupportedLocale, Tessera } from "@tessera/core";
import { idempotencyKeySchema } from "@tessera/core";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { requestOrigin } from "../http/request-origin";
import { negotiateLocale } from "../i18n/negotiate-locale";
import { createTranslator, type Translate } from "../i18n/translator";
import type { Logger } from "../logging/logger";
import { type ApiEnv, callingKey } from "./api-env";
import { ApiProblem, problemOf } from "./api-problem";
import type { ApiCall, ApiRoute } from "./api-route";
import { apiRoutes } from "./api-routes";
import { openApiDocument } from "./openapi-document";
import { requireApiKey } from "./require-api-key";
import { openApiRoute } from "./routes/openapi-route";

/** A JSON body larger than this is refused (413) before it is read. */
const maxBodyBytes = 64 * 1024;

const tooLarge = (): never => {
  throw new HTTPException(413, { message: `The body is larger than ${maxBodyBytes / 1024} KiB.` });
};

/** `/plans/{plan}` → Hono's `/plans/:plan`. */
const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");

async function readJsonBody(c: Context<ApiEnv>): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiProblem("bad_request", "Send the body as application/json.", [
      { path: ["Content-Type"], code: "unsupported_media_type", message: "must be application/json" },
    ]);
  }
  const body: unknown = await c.req.json().catch(() => undefined);
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ApiProblem("bad_request", "The body is not a JSON object.", [
      { path: [], code: "invalid_json", message: "must be a JSON object" },
    ]);
  }
  return body as Record<string, unknown>;
}

function readIdempotencyKey(c: Context<ApiEnv>): string {
  const header = c.req.header("idempotency-key");
  if (header === undefined) {
    throw new ApiProblem("idempotency_key_required", "The Idempotency-Key header is missing.", [
      { path: ["Idempotency-Key"], code: "required", message: "is required" },
    ]);
  }
  const parsed = idempotencyKeySchema.safeParse(header);
  if (!parsed.success) {
    throw new ApiProblem("idempotency_key_required", "The Idempotency-Key header is not valid.", [
      {
        path: ["Idempotency-Key"],
        code: "invalid",
        message: parsed.error.issues[0]?.message ?? "is not valid",
      },
    ]);
  }
  return parsed.data;
}

/** Where the request came from, for the audit log: the proxy's client address when there is one. */

/**
 * The JSON API at `/api/v1`, for integrators: every route of `apiRoutes` (and the OpenAPI
 * document at `/openapi.json`) registered from the one table. Each takes an API key
 * (`requireApiKey`, which reads no cookies, so no CSRF token is needed), an `Idempotency-Key`
 * where it moves money, and answers every refusal as `application/problem+json`. Every
 * write the key makes is in the organization's audit log, with the key as its actor.
 */
export function apiArea(deps: {
  tessera: Tessera;
  logger: Logger;
  defaultLocale: SupportedLocale;
}): Hono<ApiEnv> {
  const area = new Hono<ApiEnv>();
  const signed = requireApiKey(deps);
  // The document lists its own route too, so it is built once the table is complete.
  let document: object = {};
  const routes: readonly ApiRoute[] = [...apiRoutes, openApiRoute(() => document)];
  document = openApiDocument(routes);

  const translators = new Map<SupportedLocale, Translate>();
  const translatorOf = (locale: SupportedLocale) => {
    const known = translators.get(locale) ?? createTranslator(locale);
    translators.set(locale, known);
    return known;
  };

  area.use(async (c, next) => {
    const locale = negotiateLocale({ acceptLanguage: c.req.header("accept-language") }, deps.defaultLocale);
    c.set("locale", locale);
    c.set("t", translatorOf(locale));
    c.header("Content-Language", locale);
    c.header("Vary", "Accept-Language, Authorization", { append: true });
    await next();
  });

  for (const route of routes) {
    const method = route.method.toUpperCase();
    const path = honoPath(route.path);
    // Hono runs the handlers of one method and path in the order they are registered.
    if (!route.public) area.on(method, path, signed);
    if (route.body) area.on(method, path, bodyLimit({ maxSize: maxBodyBytes, onError: tooLarge }));
    area.on(method, path, async (c) => {
      const idempotencyKey = route.idempotent ? readIdempotencyKey(c) : "";
      const body = route.body ? await readJsonBody(c) : {};
      const call: Omit<ApiCall<unknown>, "query"> = {
        c,
        tessera: deps.tessera,
        get key() {
          return callingKey(c);
        },
        params: c.req.param() as Record<string, string>,
        body,
        idempotencyKey,
        async audit(action, subject, details) {
          const key = callingKey(c);
          await deps.tessera.audit.record({
            organizationId: key.organizationId,
            actor: { kind: "api_key", id: key.id },
            action,
            subject,
            from: requestOrigin(c),
            ...(details ? { details } : {}),
          });
        },
      };
      const result = await route.handle(call, c.req.query());
      return c.json(result, route.response.status);
    });
  }

  // Last, so it answers only what no route did: a sub-app's `notFound` would never run, and
  // the pages area would answer an HTML page.
  area.all("*", (c) => {
    throw new ApiProblem("not_found", `No API route ${c.req.method} ${c.req.path}.`);
  });
  area.onError((error, c) => {
    const t = c.get("t") ?? translatorOf(deps.defaultLocale);
    const answer = problemOf(error, t);
    if (answer.status >= 500) {
      deps.logger.error("API request failed", {
        method: c.req.method,
        path: c.req.path,
        status: answer.status,
        code: answer.body.code,
        err: error,
      });
    }
    return c.body(JSON.stringify(answer.body), answer.status as 500, {
      ...answer.headers,
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
    });
  });
  return area;
}
