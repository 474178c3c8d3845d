import type { SupportedLocale } from "@tessera/core";
import { catalogs } from "./catalogs";
import type { MessageKey } from "./message-catalog";

/** Values for a message's `{name}` placeholders; `count` also picks the plural form. */
export type MessageParams = Record<string, string | number>;

/** Looks a key up in one locale's catalog and fills its placeholders. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * A translator for `locale`. Plural messages pick their form with `Intl.PluralRules` on
 * `params.count`; a placeholder without a value is left as written, so it shows in review.
 *
 * @example
 * ```ts
 * const t = createTranslator("ru");
 * t("plan.installments", { count: 12 }); // "12 платежей"
 * ```
 */
export function createTranslator(locale: SupportedLocale): Translate {
  const catalog = catalogs[locale];
  const plurals = new Intl.PluralRules(locale);
  return (key, params = {}) => {
    const message = catalog[key];
    const text =
      typeof message === "string"
        ? message
        : (message[plurals.select(Number(params["count"] ?? 0))] ?? message.other);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}
