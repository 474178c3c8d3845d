import type { SupportedLocale } from "@tessera/core";
import { Eta } from "eta";
import type { Translate } from "../i18n/translator";
import { packageDirectory } from "../package-directory";

/** A link of the language switch. */
export interface LanguageLink {
  locale: SupportedLocale;
  name: string;
  href: string;
  current: boolean;
}

/** The studio a page belongs to: its name heads the page, in place of the product's. */
export interface StudioBrand {
  name: string;
  href: string;
}

/** What the layout needs on every page. */
export interface PageData {
  locale: SupportedLocale;
  t: Translate;
  title: string;
  languages: LanguageLink[];
  /** The studio whose page this is; null on the server's own pages (home, errors). */
  brand: StudioBrand | null;
}

/** The page templates in this folder, by name. */
export type ViewName =
  | "home"
  | "not-found"
  | "error"
  | "unit-plans"
  | "plan-checkout"
  | "plan-not-on-sale"
  | "checkout"
  | "pay-due"
  | "admin-login"
  | "admin-dashboard"
  | "admin-plans"
  | "admin-plan-form"
  | "admin-button-designer"
  | "admin-activation"
  | "admin-customers"
  | "admin-customer"
  | "admin-contracts"
  | "admin-contract"
  | "admin-orders"
  | "admin-order"
  | "admin-order-form"
  | "admin-wallet"
  | "admin-unit-settings"
  | "admin-providers"
  | "admin-provider-account"
  | "admin-forbidden"
  | "admin-staff"
  | "admin-staff-member"
  | "admin-api-keys"
  | "admin-api-key-created"
  | "admin-audit"
  | "admin-reports"
  | "admin-report"
  | "admin-billing-runs"
  | "mailbox"
  | "mailbox-message";

export interface ViewRenderer {
  render(view: ViewName, data: PageData & Record<string, unknown>): string;
}

/**
 * Renders the eta templates of `src/views` (compiled once, then cached). Interpolations
 * are HTML-escaped; every page extends `layout.eta`.
 */
export function createViewRenderer(): ViewRenderer {
  const eta = new Eta({ views: packageDirectory("views"), cache: true, autoEscape: true });
  return { render: (view, data) => eta.render(view, data) };
}
