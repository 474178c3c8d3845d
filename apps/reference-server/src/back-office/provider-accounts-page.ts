import { isTesseraError, type Unit } from "@tessera/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { readFormBody } from "../http/read-form-body";
import { requestOrigin } from "../http/request-origin";
import { errorTexts } from "../i18n/error-texts";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { forbiddenPage } from "./forbidden-page";
import {
  providerAccountErrorsOf,
  readProviderAccountForm,
  schemaFieldViews,
  withUploadedFiles,
} from "./provider-account-form";
import {
  accountOfUnit,
  accountView,
  basePath,
  type FailedForm,
  kindLabel,
  type ProviderPageDeps,
  providersUnit,
} from "./provider-account-view";

async function renderList(
  c: Context<BackOfficeEnv>,
  deps: ProviderPageDeps,
  unit: Unit,
  state: { status: 200 | 409 | 422; failed?: FailedForm; formError?: string; notice?: string },
) {
  const t = c.get("t");
  const locale = c.get("locale");
  const staff = signedInStaff(c).staff;
  const accounts = await deps.tessera.providerAccounts.list(staff, unit.id);
  const kinds = deps.tessera.providerAccounts.kinds().map((provider) => {
    const failed = state.failed?.key === provider.kind ? state.failed : null;
    const errors = failed ? errorTexts(failed.errors, t) : {};
    const formId = `new-${provider.kind}`;
    return {
      kind: provider.kind,
      label: kindLabel(c, provider, provider.kind),
      formId,
      action: basePath(unit),
      open: failed !== null,
      values: failed?.values ?? {},
      errors,
      errorCount: Object.keys(errors).length,
      fields: schemaFieldViews(
        provider,
        { formId, values: failed?.values ?? {}, errors, stored: null },
        locale,
        t,
      ),
    };
  });
  return c.html(
    deps.views.render("admin-providers", {
      ...backOfficePageData(c, t("admin.providers.title", { unit: unit.name })),
      unitNav: { slug: unit.slug },
      settingsHref: `/admin/u/${unit.slug}/settings`,
      accounts: accounts.map((account) => accountView(c, deps, unit, account)),
      kinds,
      notice: state.notice ?? null,
      formError: state.formError ?? null,
    }),
    state.status,
  );
}

const noticeKeys = { saved: "admin.providers.saved", removed: "admin.providers.removed" } as const;

/** GET /admin/u/:unit/providers — the unit's accounts, and a form for a new one of each kind. */
export function providerAccountsPage(deps: ProviderPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const unit = await providersUnit(c, deps.tessera);
    if (!unit) return forbiddenPage(c, deps.views);
    const done = c.req.query("done");
    const notice = done === "saved" || done === "removed" ? c.get("t")(noticeKeys[done]) : undefined;
    return renderList(c, deps, unit, { status: 200, ...(notice ? { notice } : {}) });
  };
}

/** POST /admin/u/:unit/providers — a new account of the kind the form names. */
export function createProviderAccount(deps: ProviderPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const unit = await providersUnit(c, deps.tessera);
    if (!unit) return forbiddenPage(c, deps.views);
    const posted = await readFormBody(c);
    const kind = typeof posted["kind"] === "string" ? posted["kind"] : "";
    const provider = deps.tessera.providerAccounts.kinds().find((candidate) => candidate.kind === kind);
    if (!provider) throw new HTTPException(400, { message: "no such provider kind" });
    const form = readProviderAccountForm(provider, await withUploadedFiles(provider, posted));
    try {
      await deps.tessera.providerAccounts.create(
        signedInStaff(c).staff,
        { unitId: unit.id, kind, id: form.id, label: form.label, options: form.options },
        { from: requestOrigin(c) },
      );
      return c.redirect(`${basePath(unit)}?done=saved`, 303);
    } catch (error) {
      if (!isTesseraError(error, "validation_failed")) throw error;
      return renderList(c, deps, unit, {
        status: 422,
        failed: {
          key: kind,
          values: form.values,
          errors: providerAccountErrorsOf(provider, error.details.issues ?? [], form.filled),
        },
      });
    }
  };
}

/** POST /admin/u/:unit/providers/:account/delete — refused while a payment method names the account. */
export function deleteProviderAccount(deps: ProviderPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const unit = await providersUnit(c, deps.tessera);
    if (!unit) return forbiddenPage(c, deps.views);
    const account = await accountOfUnit(c, deps.tessera, unit);
    try {
      await deps.tessera.providerAccounts.remove(signedInStaff(c).staff, account.id, {
        from: requestOrigin(c),
      });
      return c.redirect(`${basePath(unit)}?done=removed`, 303);
    } catch (error) {
      if (isTesseraError(error, "invalid_transition") || isTesseraError(error, "conflict")) {
        return renderList(c, deps, unit, {
          status: 409,
          formError: c.get("t")(
            isTesseraError(error, "invalid_transition") ? "admin.providers.error.inUse" : "error.conflict",
          ),
        });
      }
      throw error;
    }
  };
}
