import type { SupportedLocale } from "@tessera/core";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { matchLocale, negotiateLocale } from "../i18n/negotiate-locale";
import { createTranslator } from "../i18n/translator";
import type { AppEnv } from "./app-env";

/** Remembers the language a visitor picked with the language switch. */
export const localeCookie = "tessera_lang";

/**
 * Chooses each request's language (`?lang=`, cookie, Accept-Language, default) and puts
 * it and its translator on the context. A supported `?lang=` is also stored in a cookie,
 * so the choice holds on the next pages without the parameter.
 */
export function localeMiddleware(defaultLocale: SupportedLocale) {
  const translators = new Map<SupportedLocale, ReturnType<typeof createTranslator>>();
  return createMiddleware<AppEnv>(async (c, next) => {
    const query = c.req.query("lang");
    const locale = negotiateLocale(
      { query, cookie: getCookie(c, localeCookie), acceptLanguage: c.req.header("accept-language") },
      defaultLocale,
    );
    if (!translators.has(locale)) translators.set(locale, createTranslator(locale));
    c.set("locale", locale);
    c.set("t", translators.get(locale)!);
    if (query && matchLocale(query)) {
      setCookie(c, localeCookie, locale, {
        path: "/",
        maxAge: 60 * 60 * 24 * 365,
        sameSite: "Lax",
        httpOnly: true,
      });
    }
    c.header("Content-Language", locale);
    c.header("Vary", "Accept-Language, Cookie", { append: true });
    await next();
  });
}
