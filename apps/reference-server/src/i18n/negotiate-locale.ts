import type { SupportedLocale } from "@tessera/core";
import { supportedLocales } from "./catalogs";

/** Where a request may say which language it wants, strongest first. */
export interface LocaleHints {
  /** `?lang=` — an explicit choice from the language switch. */
  query?: string | null | undefined;
  /** The cookie the language switch set on an earlier visit. */
  cookie?: string | null | undefined;
  /** The browser's `Accept-Language` header. */
  acceptLanguage?: string | null | undefined;
}

/** The supported locale for one language tag, matching exactly, then by language (`pt-PT` → `pt-BR`). */
export function matchLocale(tag: string): SupportedLocale | null {
  const wanted = tag.trim().toLowerCase();
  if (!wanted || wanted === "*") return null;
  const exact = supportedLocales.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split("-")[0];
  return supportedLocales.find((locale) => locale.toLowerCase().split("-")[0] === language) ?? null;
}

/**
 * The tags of an `Accept-Language` header, best first: ordered by q-value, ties kept in
 * header order; tags with `q=0` (refused) or an unreadable q are dropped.
 */
export function parseAcceptLanguage(header: string): string[] {
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";").map((s) => s.trim());
      const q = params.find((p) => /^q=/i.test(p));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag, weight: Number.isFinite(weight) && weight >= 0 && weight <= 1 ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}

/**
 * The locale a request is served in: `?lang=`, then the cookie, then `Accept-Language`
 * (by q-value), then `fallback`. A hint naming an unsupported locale is skipped, not an error.
 */
export function negotiateLocale(hints: LocaleHints, fallback: SupportedLocale): SupportedLocale {
  for (const explicit of [hints.query, hints.cookie]) {
    const locale = explicit ? matchLocale(explicit) : null;
    if (locale) return locale;
  }
  for (const tag of parseAcceptLanguage(hints.acceptLanguage ?? "")) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return fallback;
}
