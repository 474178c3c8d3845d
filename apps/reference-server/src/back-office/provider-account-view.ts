import type { GatewayProvider, ShownProviderAccount, Tessera, Unit } from "@tessera/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ServerConfig } from "../config/server-config";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import type { ProviderAccountErrors, ProviderAccountValues } from "./provider-account-form";
import { schemaFieldViews, translatedOr } from "./provider-account-form";
import { publicBase } from "./public-address";
import { settingsUnit } from "./unit-settings-page";

export interface ProviderPageDeps {
  tessera: Tessera;
  views: ViewRenderer;
  config: ServerConfig;
}

/** A form that did not save, to draw again: whose it is, what was typed, what was wrong. */
export interface FailedForm {
  /** The kind of a new account's form, or the account's id on its own page. */
  key: string;
  values: ProviderAccountValues;
  errors: ProviderAccountErrors;
}

export const basePath = (unit: Unit) => `/admin/u/${unit.slug}/providers`;

export function kindLabel(c: Context<BackOfficeEnv>, provider: GatewayProvider | undefined, kind: string) {
  return translatedOr(c.get("locale"), c.get("t"), `admin.providers.kind.${kind}`, provider?.label ?? kind);
}

/** An account as the list shows it: its settings with their labels, its webhook to register. */
export function accountView(
  c: Context<BackOfficeEnv>,
  deps: ProviderPageDeps,
  unit: Unit,
  account: ShownProviderAccount,
) {
  const t = c.get("t");
  const locale = c.get("locale");
  const provider = deps.tessera.providerAccounts.kinds().find((kind) => kind.kind === account.kind);
  const fields = provider
    ? schemaFieldViews(provider, { formId: account.id, values: {}, errors: {}, stored: account }, locale, t)
    : [];
  return {
    id: account.id,
    label: account.label,
    kind: kindLabel(c, provider, account.kind),
    opens: Object.keys(account.maskedOptions).length > 0,
    options: fields.map((field) => {
      const value = account.maskedOptions[field.name.slice("options.".length)];
      return {
        label: field.label,
        value:
          value === null || value === undefined
            ? t("admin.providers.notSet")
            : typeof value === "boolean"
              ? t(value ? "admin.providers.yes" : "admin.providers.no")
              : (field.choices.find((choice) => choice.value === value)?.label ?? String(value)),
      };
    }),
    webhookUrl: account.webhookUrl ?? `${publicBase(c, deps.config.publicUrl)}webhooks/${account.id}`,
    webhookAuth: provider
      ? translatedOr(
          locale,
          t,
          `admin.providers.webhookAuth.${provider.kind}`,
          provider.webhook.authentication,
        )
      : null,
    editHref: `${basePath(unit)}/${account.id}`,
    deleteAction: `${basePath(unit)}/${account.id}/delete`,
  };
}

/** The unit of a providers address for an owner or manager of it; null → the 403 page (404 when out of scope). */
export const providersUnit = settingsUnit;

/** The account the address names, of this unit; a 404 otherwise (another unit's, or none). */
export async function accountOfUnit(
  c: Context<BackOfficeEnv>,
  tessera: Tessera,
  unit: Unit,
): Promise<ShownProviderAccount> {
  const account = await tessera.providerAccounts.get(signedInStaff(c).staff, c.req.param("account") ?? "");
  if (!account || account.unitId !== unit.id)
    throw new HTTPException(404, { message: "no such account here" });
  return account;
}

/** The registered kind of an account; a 404 when this server lacks it. */
export function providerOf(tessera: Tessera, kind: string): GatewayProvider {
  const provider = tessera.providerAccounts.kinds().find((candidate) => candidate.kind === kind);
  if (!provider) throw new HTTPException(404, { message: "this server has no provider of this kind" });
  return provider;
}
