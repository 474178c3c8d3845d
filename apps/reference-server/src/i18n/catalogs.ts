import type { SupportedLocale } from "@tessera/core";
import { en } from "./en";
import type { MessageCatalog } from "./message-catalog";
import { ptBR } from "./pt-BR";
import { ru } from "./ru";

/** The locales the server speaks, in the order the language switch lists them. */
export const supportedLocales = ["pt-BR", "en", "ru"] as const satisfies readonly SupportedLocale[];

/** Each locale's catalog. pt-BR is the default and the source of the keys. */
export const catalogs: Record<SupportedLocale, MessageCatalog> = { "pt-BR": ptBR, en, ru };

/** Each language's name in itself, for the language switch. */
export const localeNames: Record<SupportedLocale, string> = {
  "pt-BR": "Português",
  en: "English",
  ru: "Русский",
};

export function isSupportedLocale(value: unknown): value is SupportedLocale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}
