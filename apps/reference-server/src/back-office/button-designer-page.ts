import { type ButtonDesign, isTesseraError, type Plan, type Tessera, type Unit } from "@tessera/core";
import type { Context } from "hono";
import type { ServerConfig } from "../config/server-config";
import { buttonDesignLimits } from "../embed/button-design-limits";
import { readFormBody } from "../http/read-form-body";
import { errorTexts } from "../i18n/error-texts";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import {
  type ButtonDesignFormErrors,
  type ButtonDesignFormValues,
  buttonDesignErrorsOf,
  buttonDesignValuesOf,
  readButtonDesignForm,
} from "./button-design-form";
import { buttonSnippet } from "./button-snippet";
import { planOfUnit } from "./plan-edit-page";
import { publicBase } from "./public-address";
import { recordStaffAction } from "./staff/staff-audit";
import { unitInScope } from "./unit-in-scope";

/** The saved design as the preview's inline style; every value is core-validated, so it is plain CSS. */
export function previewStyleOf(design: ButtonDesign): string {
  return [
    `color: ${design.textColor}`,
    `background-color: ${design.backgroundColor}`,
    `border: ${design.borderWidthPx}px solid ${design.borderColor}`,
    `border-radius: ${design.cornerRadiusPx}px`,
    `font-size: ${design.textSizePx}px`,
    `font-weight: ${design.bold ? 700 : 400}`,
    ...(design.widthPx === null ? [] : [`width: ${design.widthPx}px`]),
    ...(design.heightPx === null ? [] : [`height: ${design.heightPx}px`]),
  ].join("; ");
}

interface DesignerDeps {
  tessera: Tessera;
  views: ViewRenderer;
  config: ServerConfig;
}

function renderDesigner(
  c: Context<BackOfficeEnv>,
  deps: DesignerDeps,
  unit: Unit,
  plan: Plan,
  state: {
    values: ButtonDesignFormValues;
    errors: ButtonDesignFormErrors;
    saved: boolean;
    status: 200 | 422;
  },
) {
  const t = c.get("t");
  const errors = errorTexts(state.errors as Record<string, never>, t);
  const base = publicBase(c, deps.config.publicUrl);
  const page = backOfficePageData(c, t("admin.button.title", { plan: plan.name }));
  return c.html(
    deps.views.render("admin-button-designer", {
      ...page,
      scripts: [...page.scripts, "/assets/button-designer.js"],
      unit: { name: unit.name, slug: unit.slug },
      plan: { name: plan.name, onSale: plan.status === "active" && plan.onlineSale.enabled },
      action: `/admin/u/${unit.slug}/plans/${plan.id}/button`,
      backHref: `/admin/u/${unit.slug}/plans`,
      editHref: `/admin/u/${unit.slug}/plans/${plan.id}`,
      previewStyle: previewStyleOf(plan.onlineSale.buttonDesign),
      previewText: plan.onlineSale.buttonText,
      snippet: buttonSnippet(base, unit.slug, plan.onlineSale.slug),
      limits: buttonDesignLimits,
      values: state.values,
      errors,
      errorCount: Object.keys(errors).length,
      saved: state.saved,
    }),
    state.status,
  );
}

/** GET /admin/u/:unit/plans/:plan/button — the buy-button designer, its preview and its snippet. */
export function showButtonDesigner(deps: DesignerDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const unit = await unitInScope(deps.tessera, signedInStaff(c).staff, c.req.param("unit") ?? "");
    const plan = await planOfUnit(deps.tessera, unit, c.req.param("plan") ?? "");
    return renderDesigner(c, deps, unit, plan, {
      values: buttonDesignValuesOf(plan.onlineSale),
      errors: {},
      saved: c.req.query("saved") === "1",
      status: 200,
    });
  };
}

/** POST /admin/u/:unit/plans/:plan/button — saves the button's text and design (Otmechalka's designer). */
export function saveButtonDesign(deps: DesignerDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const staff = signedInStaff(c).staff;
    const unit = await unitInScope(deps.tessera, staff, c.req.param("unit") ?? "");
    const plan = await planOfUnit(deps.tessera, unit, c.req.param("plan") ?? "");
    const { text, design, values, errors } = readButtonDesignForm(await readFormBody(c));
    if (Object.keys(errors).length > 0)
      return renderDesigner(c, deps, unit, plan, { values, errors, saved: false, status: 422 });
    try {
      await deps.tessera.plans.update(plan.id, {
        onlineSale: { ...plan.onlineSale, buttonText: text, buttonDesign: design },
      });
    } catch (error) {
      if (isTesseraError(error, "validation_failed")) {
        const mapped = buttonDesignErrorsOf(error.details.issues ?? []);
        if (Object.keys(mapped).length === 0) mapped.form = "form.error.invalid";
        return renderDesigner(c, deps, unit, plan, { values, errors: mapped, saved: false, status: 422 });
      }
      throw error;
    }
    await recordStaffAction(c, deps.tessera, "plan.button_designed", { kind: "plan", id: plan.id });
    return c.redirect(`/admin/u/${unit.slug}/plans/${plan.id}/button?saved=1`, 303);
  };
}
