import {
  canChangeUnitSettings,
  isTesseraError,
  renewalTermsOptions,
  type Tessera,
  type Unit,
} from "@tessera/core";
import type { Context } from "hono";
import { readFormBody } from "../http/read-form-body";
import { errorTexts } from "../i18n/error-texts";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { forbiddenPage } from "./forbidden-page";
import { recordStaffAction } from "./staff/staff-audit";
import { unitInScope } from "./unit-in-scope";
import {
  checkoutFieldTypes,
  readUnitSettingsForm,
  type UnitSettingsErrors,
  type UnitSettingsValues,
  unitSettingsErrorsOf,
  unitSettingsValuesOf,
} from "./unit-settings-form";

interface UnitSettingsDeps {
  tessera: Tessera;
  views: ViewRenderer;
}

/** The IANA zones the runtime knows, for the timezone select. */
const timeZones = Intl.supportedValuesOf("timeZone");

/** The ISO 4217 codes the runtime formats, for the currency select. */
const currencyCodes = Intl.supportedValuesOf("currency");

/**
 * The currency select's options, each code with its name in the viewer's language
 * (`BRL — Real brasileiro`); a stored code the runtime does not list stays first, so saving
 * the form never changes it unasked.
 */
function currencyOptions(locale: string, current: string): { code: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "currency", fallback: "code" });
  const codes =
    currencyCodes.includes(current) || current === "" ? currencyCodes : [current, ...currencyCodes];
  return codes.map((code) => {
    const name = /^[A-Z]{3}$/.test(code) ? names.of(code) : undefined;
    return { code, label: name && name !== code ? `${code} — ${name}` : code };
  });
}

async function renderSettings(
  c: Context<BackOfficeEnv>,
  deps: UnitSettingsDeps,
  unit: Unit,
  state: { values: UnitSettingsValues; errors: UnitSettingsErrors; status: 200 | 409 | 422; saved?: boolean },
) {
  const t = c.get("t");
  const errors = errorTexts(state.errors, t);
  const rows = (list: string) =>
    Array.from({ length: Number(state.values[`${list}Rows`] ?? 1) }, (_, i) => i);
  return c.html(
    deps.views.render("admin-unit-settings", {
      ...backOfficePageData(c, t("admin.settings.title", { unit: unit.name })),
      unit: { name: unit.name, slug: unit.slug },
      action: `/admin/u/${unit.slug}/settings`,
      values: state.values,
      errors,
      errorCount: Object.keys(errors).length,
      saved: state.saved ?? false,
      timeZones: timeZones.includes(state.values["timeZone"] ?? "")
        ? timeZones
        : [state.values["timeZone"] ?? "", ...timeZones],
      locales: ["pt-BR", "en", "ru"],
      currencies: currencyOptions(c.get("locale"), state.values["currency"] ?? ""),
      methods: ["card", "pix", "boleto", "payment_link"],
      // The server's gateways and this unit's own provider accounts — never another unit's.
      gateways: await deps.tessera.providerAccounts.gatewayIds(unit.id),
      providersHref: `/admin/u/${unit.slug}/providers`,
      modes: ["integrated", "manual"],
      fieldTypes: checkoutFieldTypes,
      renewalTermsOptions,
      methodRows: rows("method"),
      fieldRows: rows("field"),
    }),
    state.status,
  );
}

/** The unit a settings address names, when the member may change its settings; null → the 403 page. */
export async function settingsUnit(c: Context<BackOfficeEnv>, tessera: Tessera): Promise<Unit | null> {
  const staff = signedInStaff(c).staff;
  const unit = await unitInScope(tessera, staff, c.req.param("unit") ?? "");
  return canChangeUnitSettings(staff, unit) ? unit : null;
}

/** GET /admin/u/:unit/settings */
export function showUnitSettings(deps: UnitSettingsDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const unit = await settingsUnit(c, deps.tessera);
    if (!unit) return forbiddenPage(c, deps.views);
    return renderSettings(c, deps, unit, {
      values: unitSettingsValuesOf(unit),
      errors: {},
      status: 200,
      saved: c.req.query("saved") === "1",
    });
  };
}

/** POST /admin/u/:unit/settings — saved through `organizations.updateUnit`, with an audit record. */
export function saveUnitSettings(deps: UnitSettingsDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const _staff = signedInStaff(c).staff;
    const unit = await settingsUnit(c, deps.tessera);
    if (!unit) return forbiddenPage(c, deps.views);
    const { changes, values, errors } = readUnitSettingsForm(await readFormBody(c));
    if (Object.keys(errors).length > 0) return renderSettings(c, deps, unit, { values, errors, status: 422 });
    try {
      const saved = await deps.tessera.organizations.updateUnit(unit.id, changes);
      await recordStaffAction(c, deps.tessera, "unit.settings_changed", { kind: "unit", id: unit.id });
      return c.redirect(`/admin/u/${saved.slug}/settings?saved=1`, 303);
    } catch (error) {
      if (isTesseraError(error, "validation_failed") || isTesseraError(error, "conflict")) {
        const mapped = unitSettingsErrorsOf(error.details.issues ?? []);
        if (Object.keys(mapped).length === 0) mapped["form"] = "error.conflict";
        return renderSettings(c, deps, unit, {
          values,
          errors: mapped,
          status: isTesseraError(error, "conflict") ? 409 : 422,
        });
      }
      throw error;
    }
  };
}
