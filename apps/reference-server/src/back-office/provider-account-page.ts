import { isTesseraError, type ShownProviderAccount, type Unit } from "@tessera/core";
import type { Context } from "hono";
import { readFormBody } from "../http/read-form-body";
import { requestOrigin } from "../http/request-origin";
import { errorTexts } from "../i18n/error-texts";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { forbiddenPage } from "./forbidden-page";
import {
  type ProviderAccountErrors,
  type ProviderAccountValues,
  providerAccountErrorsOf,
  providerAccountValuesOf,
  readProviderAccountForm,
  schemaFieldViews,
  withUploadedFiles,
} from "./provider-account-form";
import {
  accountOfUnit,
  accountView,
  basePath,
  type ProviderPageDeps,
  providerOf,
  providersUnit,
} from "./provider-account-view";

async function renderAccount(
  c: Context<BackOfficeEnv>,
  deps: ProviderPageDeps,
  unit: Unit,
  account: ShownProviderAccount,
  state: { status: 200 | 409 | 422; values: ProviderAccountValues; errors: ProviderAccountErrors },
) {
  const t = c.get("t");
  const provider = providerOf(deps.tessera, account.kind);
  const errors = errorTexts(state.errors, t);
  return c.html(
    deps.views.render("admin-provider-account", {
      ...backOfficePageData(c, t("admin.providers.editTitle", { account: account.label })),
      unitNav: { slug: unit.slug },
      account: accountView(c, deps, unit, account),
      listHref: basePath(unit),
      action: `${basePath(unit)}/${account.id}`,
      values: state.values,
      errors,
      errorCount: Object.keys(errors).length,
      fields: schemaFieldViews(
        provider,
        { formId: "account", values: state.values, errors, stored: account },
        c.get("locale"),
        t,
      ),
    }),
    state.status,
  );
}

/** GET /admin/u/:unit/providers/:account — the account's settings form. */
export function showProviderAccount(deps: ProviderPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const unit = await providersUnit(c, deps.tessera);
    if (!unit) return forbiddenPage(c, deps.views);
    const account = await accountOfUnit(c, deps.tessera, unit);
    return renderAccount(c, deps, unit, account, {
      status: 200,
      values: providerAccountValuesOf(account),
      errors: {},
    });
  };
}

/** POST /admin/u/:unit/providers/:account — new label or settings; a secret left empty is kept. */
export function updateProviderAccount(deps: ProviderPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const unit = await providersUnit(c, deps.tessera);
    if (!unit) return forbiddenPage(c, deps.views);
    const account = await accountOfUnit(c, deps.tessera, unit);
    const provider = providerOf(deps.tessera, account.kind);
    const form = readProviderAccountForm(provider, await withUploadedFiles(provider, await readFormBody(c)));
    const values = { ...form.values, id: account.id };
    try {
      await deps.tessera.providerAccounts.update(
        signedInStaff(c).staff,
        { unitId: unit.id, kind: account.kind, id: account.id, label: form.label, options: form.options },
        { from: requestOrigin(c) },
      );
      return c.redirect(`${basePath(unit)}?done=saved`, 303);
    } catch (error) {
      if (isTesseraError(error, "validation_failed")) {
        return renderAccount(c, deps, unit, account, {
          status: 422,
          values,
          errors: providerAccountErrorsOf(provider, error.details.issues ?? [], form.filled),
        });
      }
      if (isTesseraError(error, "conflict")) {
        return renderAccount(c, deps, unit, account, {
          status: 409,
          values,
          errors: { form: "error.conflict" },
        });
      }
      throw error;
    }
  };
}
