import type { Tessera } from "@tessera/core";
import { createMiddleware } from "hono/factory";
import type { ApiEnv } from "./api-env";
import { ApiProblem } from "./api-problem";

/**
 * Lets a request through only with a live API key in `Authorization: Bearer tsk_…`
 * (`tessera.apiKeys.verify`: unknown, wrong and revoked keys are all `null`). Cookies are
 * never read, so a browser's staff session cannot call the API and the API needs no CSRF
 * token: a request from another site cannot carry the key.
 */
export function requireApiKey(deps: { tessera: Tessera }) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer[ \t]+(\S{1,200})[ \t]*$/i.exec(header);
    if (!match?.[1]) throw new ApiProblem("unauthenticated", "Authorization: Bearer <API key> is missing.");
    const key = await deps.tessera.apiKeys.verify(match[1]);
    if (!key) throw new ApiProblem("unauthenticated", "The API key is unknown or revoked.");
    c.set("apiKey", key);
    c.header("Cache-Control", "no-store");
    await next();
  });
}
