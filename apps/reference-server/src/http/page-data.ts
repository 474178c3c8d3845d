import type { Context } from "hono";
import { localeNames, supportedLocales } from "../i18n/catalogs";
import type { PageData, StudioBrand } from "../views/view-renderer";
import type { AppEnv } from "./app-env";

/** The layout's data for this request: its language, translator, title, language switch and studio. */
export function pageData(c: Context<AppEnv>, title: string, brand: StudioBrand | null = null): PageData {
  const locale = c.get("locale");
  return {
    locale,
    t: c.get("t"),
    title,
    brand,
    languages: supportedLocales.map((option) => ({
      locale: option,
      name: localeNames[option],
      href: `${c.req.path}?lang=${encodeURIComponent(option)}`,
      current: option === locale,
    })),
  };
}
