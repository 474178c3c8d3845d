import type { ApiKey, SupportedLocale } from "@tessera/core";
import type { Context } from "hono";
import type { Translate } from "../i18n/translator";

/** What the API's middleware puts on each request's context. */
export interface ApiEnv {
  Variables: {
    /** The language problem titles are written in (Accept-Language only: the API reads no cookies). */
    locale: SupportedLocale;
    t: Translate;
    /** The key that signed the request, set by `requireApiKey`. */
    apiKey?: ApiKey;
  };
}

/** The key `requireApiKey` let in; a route that forgot the guard fails loudly, never as anyone. */
export function callingKey(c: Context<ApiEnv>): ApiKey {
  const key = c.get("apiKey");
  if (!key) throw new Error(`${c.req.method} ${c.req.path} runs without requireApiKey`);
  return key;
}
