import { isTesseraError, type Plan, type Tessera, type Unit } from "@tessera/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { readFormBody } from "../http/read-form-body";
import { errorTexts } from "../i18n/error-texts";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import {
  type PlanFormErrors,
  type PlanFormValues,
  planFormErrorsOf,
  planFormValuesOf,
  readPlanForm,
} from "./plan-form";
import { recordStaffAction } from "./staff/staff-audit";
import { unitInScope } from "./unit-in-scope";

interface PlanEditDeps {
  tessera: Tessera;
  views: ViewRenderer;
}

/** The plan an address names, when it is the unit's: another unit's plan is a 404 too. */
export async function planOfUnit(tessera: Tessera, unit: Unit, id: string): Promise<Plan> {
  const plan = /^plan_[0-9A-Za-z]{10,40}$/.test(id) ? await tessera.plans.get(id as Plan["id"]) : null;
  if (!plan || plan.unitId !== unit.id) throw new HTTPException(404, { message: "no such plan here" });
  return plan;
}

function renderPlanForm(
  c: Context<BackOfficeEnv>,
  deps: PlanEditDeps,
  unit: Unit,
  plan: Plan | null,
  state: { values: PlanFormValues; errors: PlanFormErrors; status: 200 | 409 | 422 },
) {
  const t = c.get("t");
  const errors = errorTexts(state.errors, t);
  return c.html(
    deps.views.render("admin-plan-form", {
      ...backOfficePageData(
        c,
        plan ? t("admin.plan.editTitle", { plan: plan.name }) : t("admin.plan.newTitle"),
      ),
      unit: { name: unit.name, slug: unit.slug },
      plan: plan ? { id: plan.id, archived: plan.status === "archived" } : null,
      action: plan ? `/admin/u/${unit.slug}/plans/${plan.id}` : `/admin/u/${unit.slug}/plans`,
      archiveAction: plan ? `/admin/u/${unit.slug}/plans/${plan.id}/archive` : null,
      backHref: `/admin/u/${unit.slug}/plans`,
      currency: unit.currency,
      values: state.values,
      errors,
      errorCount: Object.keys(errors).length,
    }),
    state.status,
  );
}

/** GET /admin/u/:unit/plans/new and GET /admin/u/:unit/plans/:plan */
export function showPlanForm(deps: PlanEditDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const unit = await unitInScope(deps.tessera, signedInStaff(c).staff, c.req.param("unit") ?? "");
    const id = c.req.param("plan");
    const plan = id ? await planOfUnit(deps.tessera, unit, id) : null;
    return renderPlanForm(c, deps, unit, plan, { values: planFormValuesOf(plan), errors: {}, status: 200 });
  };
}

/** POST /admin/u/:unit/plans (create) and POST /admin/u/:unit/plans/:plan (save). */
export function savePlan(deps: PlanEditDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const staff = signedInStaff(c).staff;
    const unit = await unitInScope(deps.tessera, staff, c.req.param("unit") ?? "");
    const id = c.req.param("plan");
    const current = id ? await planOfUnit(deps.tessera, unit, id) : null;
    const { input, values, errors } = readPlanForm(await readFormBody(c), unit.currency);
    if (Object.keys(errors).length > 0)
      return renderPlanForm(c, deps, unit, current, { values, errors, status: 422 });
    try {
      // The plan form has no design inputs: the designer's design stays as it was.
      if (current && input.onlineSale)
        input.onlineSale = { buttonDesign: current.onlineSale.buttonDesign, ...input.onlineSale };
      const plan = current
        ? await deps.tessera.plans.update(current.id, input)
        : await deps.tessera.plans.create({ ...input, unitId: unit.id });
      await recordStaffAction(c, deps.tessera, current ? "plan.updated" : "plan.created", {
        kind: "plan",
        id: plan.id,
      });
      return c.redirect(`/admin/u/${unit.slug}/plans`, 303);
    } catch (error) {
      if (isTesseraError(error, "validation_failed") || isTesseraError(error, "conflict")) {
        const issues = error.details.issues ?? [];
        const mapped = planFormErrorsOf(issues);
        if (Object.keys(mapped).length === 0) mapped["form"] = "error.conflict";
        // A clash offers the free slug core found, ready to save.
        const suggestion =
          typeof error.details["suggestion"] === "string" ? error.details["suggestion"] : null;
        return renderPlanForm(c, deps, unit, current, {
          values: suggestion ? { ...values, slug: suggestion } : values,
          errors: mapped,
          status: isTesseraError(error, "conflict") ? 409 : 422,
        });
      }
      throw error;
    }
  };
}

/** POST /admin/u/:unit/plans/:plan/archive — off sale; contracts sold from it stay as they are. */
export function archivePlan(deps: PlanEditDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const staff = signedInStaff(c).staff;
    const unit = await unitInScope(deps.tessera, staff, c.req.param("unit") ?? "");
    const plan = await planOfUnit(deps.tessera, unit, c.req.param("plan") ?? "");
    await deps.tessera.plans.archive(plan.id);
    await recordStaffAction(c, deps.tessera, "plan.archived", { kind: "plan", id: plan.id });
    return c.redirect(`/admin/u/${unit.slug}/plans`, 303);
  };
}
