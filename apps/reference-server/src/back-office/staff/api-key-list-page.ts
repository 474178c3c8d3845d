import { type ApiKey, isId, isTesseraError, type Tessera } from "@tessera/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { formText, readFormBody } from "../../http/read-form-body";
import { errorTexts } from "../../i18n/error-texts";
import { formatInstant } from "../../notifications/mail-dates";
import type { ViewRenderer } from "../../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "../back-office-env";
import { backOfficePageData } from "../back-office-page";
import { accessChoices, roleText, scopeText } from "./access-choices";
import { recordStaffAction } from "./staff-audit";
import { readStaffForm, type StaffFormErrors, staffFormErrorsOf } from "./staff-form";
import { viewerTimeZones } from "./viewer-time-zone";

interface ApiKeyPageDeps {
  tessera: Tessera;
  views: ViewRenderer;
}

type KeyFormValues = { name: string; role: string; scope: string };

/** What a key's secret starts with, to tell keys apart: `tsk_<key id>_`; the rest is never kept. */
export function apiKeyPrefix(key: Pick<ApiKey, "id">): string {
  return `tsk_${key.id}_…`;
}

/** The organization's key an address names; any other is a 404. */
export async function apiKeyOfOrganization(
  tessera: Tessera,
  organizationId: string,
  id: string,
): Promise<ApiKey> {
  const key = isId("apiKey", id)
    ? (await tessera.apiKeys.list(organizationId as ApiKey["organizationId"])).find(
        (known) => known.id === id,
      )
    : undefined;
  if (!key) throw new HTTPException(404, { message: "no such API key here" });
  return key;
}

export async function renderApiKeyList(
  c: Context<BackOfficeEnv>,
  deps: ApiKeyPageDeps,
  state: {
    values: KeyFormValues;
    errors: StaffFormErrors;
    /** A revoke form's error, by the key it is about. */
    revokeError?: { id: string; message: StaffFormErrors[string] };
    status: 200 | 422;
    revoked?: string;
  },
) {
  const t = c.get("t");
  const locale = c.get("locale");
  const { staff } = signedInStaff(c);
  const [keys, units, zone] = await Promise.all([
    deps.tessera.apiKeys.list(staff.organizationId),
    deps.tessera.organizations.listUnits(staff.organizationId),
    viewerTimeZones(deps.tessera, staff),
  ]);
  const at = (instant: string) => formatInstant(instant, locale, zone.timeZone);
  const errors = errorTexts(state.errors, t);
  const revoked = state.revoked ? keys.find((key) => key.id === state.revoked) : undefined;
  return c.html(
    deps.views.render("admin-api-keys", {
      ...backOfficePageData(c, t("admin.apiKeys.title")),
      keys: keys.map((key) => ({
        id: key.id,
        name: key.name,
        prefix: apiKeyPrefix(key),
        role: roleText(key.role, t),
        scope: scopeText(key.scope, units, t),
        created: at(key.createdAt),
        createdAt: key.createdAt,
        lastUsed: key.lastUsedAt ? at(key.lastUsedAt) : null,
        lastUsedAt: key.lastUsedAt,
        revoked: key.revokedAt ? t("admin.apiKeys.revoked", { at: at(key.revokedAt) }) : null,
        revokeAction: `/admin/api-keys/${key.id}/revoke`,
        revokeError: state.revokeError?.id === key.id ? t(state.revokeError.message) : null,
      })),
      revokedNotice: revoked ? t("admin.apiKeys.revokedNotice", { name: revoked.name }) : null,
      choices: accessChoices(units, t),
      values: state.values,
      errors,
      errorCount: Object.keys(errors).length,
    }),
    state.status,
  );
}

const emptyForm: KeyFormValues = { name: "", role: "staff", scope: "organization" };

/** GET /admin/api-keys — the organization's keys, revoked ones too, and the form that makes one. */
export function apiKeyListPage(deps: ApiKeyPageDeps) {
  return async (c: Context<BackOfficeEnv>) =>
    renderApiKeyList(c, deps, {
      values: emptyForm,
      errors: {},
      status: 200,
      revoked: c.req.query("revoked") ?? "",
    });
}

/**
 * POST /admin/api-keys — makes a key and answers its secret on this response only (201, not
 * a redirect: a page that could be reloaded or reached from the history would have to keep
 * the secret). Core keeps its SHA-256; audited as `api_key.created`.
 */
export function createApiKey(deps: ApiKeyPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const { staff } = signedInStaff(c);
    const body = await readFormBody(c);
    // A key's name, role and access are read like a member's; its name's length is core's to check.
    const { changes, errors, values: typed } = readStaffForm(body);
    const values: KeyFormValues = { name: typed.name, role: typed.role, scope: typed.scope };
    if (Object.keys(errors).length > 0) return renderApiKeyList(c, deps, { values, errors, status: 422 });
    try {
      const { apiKey, secret } = await deps.tessera.apiKeys.create({
        organizationId: staff.organizationId,
        name: changes.name,
        role: changes.role,
        scope: changes.scope,
        createdBy: staff.id,
      });
      await recordStaffAction(
        c,
        deps.tessera,
        "api_key.created",
        { kind: "api_key", id: apiKey.id },
        {
          name: apiKey.name,
          role: apiKey.role,
          scope: apiKey.scope.kind === "unit" ? apiKey.scope.unitId : "organization",
        },
      );
      c.header("Cache-Control", "no-store");
      return c.html(
        deps.views.render("admin-api-key-created", {
          ...backOfficePageData(c, t("admin.apiKeys.createdTitle", { name: apiKey.name })),
          secret,
          prefix: apiKeyPrefix(apiKey),
        }),
        201,
      );
    } catch (error) {
      if (!isTesseraError(error, "validation_failed")) throw error;
      const mapped = staffFormErrorsOf(error.details.issues ?? []);
      if (Object.keys(mapped).length === 0) mapped["form"] = "form.error.invalid";
      return renderApiKeyList(c, deps, { values, errors: mapped, status: 422 });
    }
  };
}

/**
 * POST /admin/api-keys/:apiKey/revoke — for good: the API answers 401 to the key from the
 * next request. The form's confirmation box must be ticked (no script needed for the
 * "are you sure"). Audited as `api_key.revoked`.
 */
export function revokeApiKey(deps: ApiKeyPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const { staff } = signedInStaff(c);
    const key = await apiKeyOfOrganization(deps.tessera, staff.organizationId, c.req.param("apiKey") ?? "");
    const body = await readFormBody(c);
    if (formText(body, "confirm") !== "on") {
      return renderApiKeyList(c, deps, {
        values: emptyForm,
        errors: {},
        revokeError: { id: key.id, message: "admin.apiKeys.error.confirm" },
        status: 422,
      });
    }
    if (key.status === "active") {
      await deps.tessera.apiKeys.revoke(key.id);
      await recordStaffAction(
        c,
        deps.tessera,
        "api_key.revoked",
        { kind: "api_key", id: key.id },
        { name: key.name },
      );
    }
    return c.redirect(`/admin/api-keys?revoked=${key.id}`, 303);
  };
}
