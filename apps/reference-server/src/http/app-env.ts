import type { SupportedLocale } from "@tessera/core";
import type { Translate } from "../i18n/translator";

/** What the middleware puts on each request's context for the routes after it. */
export interface AppEnv {
  Variables: {
    /** The language this response is written in (see `negotiateLocale`). */
    locale: SupportedLocale;
    t: Translate;
  };
}
