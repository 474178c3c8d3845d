/**
 * The shape of an i18n catalog. The pt-BR catalog is the source of the keys; every other
 * catalog is typed as `MessageCatalog`, so a missing or extra key fails type-checking (and
 * `catalogs.test.ts` proves the same at run time).
 */
import type { ptBR } from "./pt-BR";

/**
 * A message with plural forms, chosen by `Intl.PluralRules` on the `count` parameter.
 * A catalog gives the categories its language uses (ru: one, few, many, other).
 */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** One catalog entry: text with `{name}` placeholders, or plural forms of such text. */
export type Message = string | PluralMessage;

export type MessageKey = keyof typeof ptBR;

export type MessageCatalog = Record<MessageKey, Message>;
