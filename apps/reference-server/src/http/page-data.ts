import type { Context } from "hono";
import { localeNames, supportedLocales } from "../i18n/catalogs";
import type { PageData } from "../views/view-renderer";
import type { AppEnv } from "./app-env";

/** The layout's data for this request: its language, translator, title and language switch. */
export function pageData(c: Context<AppEnv>, title: string): PageData {
  const locale = c.get("locale");
  return {
    locale,
    t: c.get("t"),
    title,
    languages: supportedLocales.map((option) => ({
      locale: option,
      name: localeNames[option],
      href: `${c.req.path}?lang=${encodeURIComponent(option)}`,
      current: option === locale,
    })),
  };
}
