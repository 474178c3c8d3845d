import { canManageStaff, isTesseraError, type StaffMember, type Tessera } from "@tessera/core";
import type { Context } from "hono";
import { readFormBody } from "../../http/read-form-body";
import { errorTexts } from "../../i18n/error-texts";
import { formatInstant } from "../../notifications/mail-dates";
import type { ViewRenderer } from "../../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "../back-office-env";
import { backOfficePageData } from "../back-office-page";
import { accessChoices, roleText, scopeOfInput, scopeText } from "./access-choices";
import { recordStaffAction } from "./staff-audit";
import {
  formPassword,
  readStaffForm,
  type StaffFormErrors,
  type StaffFormValues,
  staffFormErrorsOf,
  staffFormValuesOf,
} from "./staff-form";
import { viewerTimeZones } from "./viewer-time-zone";

interface StaffPageDeps {
  tessera: Tessera;
  views: ViewRenderer;
}

/** When the member last signed in: the newest `staff.signed_in` line of the audit log, if any. */
async function lastSignIn(tessera: Tessera, member: StaffMember) {
  const page = await tessera.audit.list(member.organizationId, {
    actor: { kind: "staff", id: member.id },
    action: "staff.signed_in",
    limit: 1,
  });
  return page.items[0]?.occurredAt ?? null;
}

async function renderStaffList(
  c: Context<BackOfficeEnv>,
  deps: StaffPageDeps,
  state: { values: StaffFormValues; errors: StaffFormErrors; status: 200 | 409 | 422; created?: string },
) {
  const t = c.get("t");
  const locale = c.get("locale");
  const { staff } = signedInStaff(c);
  const [members, units, zone] = await Promise.all([
    deps.tessera.staff.list(staff.organizationId),
    deps.tessera.organizations.listUnits(staff.organizationId),
    viewerTimeZones(deps.tessera, staff),
  ]);
  const rows = [];
  for (const member of members) {
    const signedIn = await lastSignIn(deps.tessera, member);
    rows.push({
      name: member.name,
      href: `/admin/staff/${member.id}`,
      email: member.email,
      role: roleText(member.role, t),
      scope: scopeText(member.scope, units, t),
      active: member.status === "active",
      lastSignIn: signedIn ? formatInstant(signedIn, locale, zone.timeZone) : null,
      lastSignInAt: signedIn,
    });
  }
  const errors = errorTexts(state.errors, t);
  const created = state.created ? members.find((member) => member.id === state.created) : undefined;
  return c.html(
    deps.views.render("admin-staff", {
      ...backOfficePageData(c, t("admin.staff.title")),
      members: rows,
      created: created ? t("admin.staff.created", { name: created.name }) : null,
      choices: accessChoices(units, t),
      values: state.values,
      errors,
      errorCount: Object.keys(errors).length,
    }),
    state.status,
  );
}

/** GET /admin/staff — every member of the organization, and the form that adds one. */
export function staffListPage(deps: StaffPageDeps) {
  return async (c: Context<BackOfficeEnv>) =>
    renderStaffList(c, deps, {
      values: staffFormValuesOf(null),
      errors: {},
      status: 200,
      created: c.req.query("created") ?? "",
    });
}

/**
 * POST /admin/staff — adds a member with the initial password the owner typed (core keeps
 * only its scrypt hash); audited as `staff.created`. Errors come back beside their inputs.
 */
export function createStaffMember(deps: StaffPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const { staff } = signedInStaff(c);
    const body = await readFormBody(c);
    const { values, errors, changes } = readStaffForm(body);
    const password = formPassword(body, "password");
    if (password === "") errors["password"] = "form.error.required";
    if (values.email === "") errors["email"] = "form.error.required";
    const member = { organizationId: staff.organizationId, ...changes };
    if (
      Object.keys(errors).length === 0 &&
      !canManageStaff(staff, { ...member, scope: scopeOfInput(member.scope) })
    )
      errors["role"] = "admin.staff.error.notAllowed";
    if (Object.keys(errors).length > 0) return renderStaffList(c, deps, { values, errors, status: 422 });
    try {
      const created = await deps.tessera.staff.create({ ...member, email: values.email, password });
      await recordStaffAction(
        c,
        deps.tessera,
        "staff.created",
        { kind: "staff_member", id: created.id },
        { role: created.role, scope: created.scope.kind === "unit" ? created.scope.unitId : "organization" },
      );
      return c.redirect(`/admin/staff?created=${created.id}`, 303);
    } catch (error) {
      if (isTesseraError(error, "validation_failed") || isTesseraError(error, "conflict")) {
        const mapped = staffFormErrorsOf(error.details.issues ?? []);
        if (Object.keys(mapped).length === 0) mapped["form"] = "error.conflict";
        return renderStaffList(c, deps, {
          values,
          errors: mapped,
          status: isTesseraError(error, "conflict") ? 409 : 422,
        });
      }
      throw error;
    }
  };
}
