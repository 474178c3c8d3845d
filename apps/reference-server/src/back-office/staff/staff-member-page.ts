import { canManageStaff, isId, isTesseraError, type StaffMember, type Tessera } from "@tessera/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { readFormBody } from "../../http/read-form-body";
import { errorTexts } from "../../i18n/error-texts";
import type { MessageKey } from "../../i18n/message-catalog";
import type { ViewRenderer } from "../../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "../back-office-env";
import { backOfficePageData } from "../back-office-page";
import { accessChoices, scopeOfInput } from "./access-choices";
import { recordStaffAction } from "./staff-audit";
import {
  changesOf,
  formPassword,
  readStaffForm,
  type StaffFormErrors,
  type StaffFormValues,
  staffFormErrorsOf,
  staffFormValuesOf,
} from "./staff-form";

interface MemberPageDeps {
  tessera: Tessera;
  views: ViewRenderer;
}

/** The notices a change redirects back with (`?notice=`), and what each says. */
const notices = {
  saved: "admin.staff.saved",
  disabled: "admin.staff.disabledNotice",
  enabled: "admin.staff.enabledNotice",
  password: "admin.staff.passwordReset",
} as const satisfies Record<string, MessageKey>;

/** The member an address names, when they are of the signed-in owner's organization; else 404. */
export async function memberOfOrganization(
  tessera: Tessera,
  staff: StaffMember,
  id: string,
): Promise<StaffMember> {
  const member = isId("staffMember", id) ? await tessera.staff.get(id) : null;
  if (!member || member.organizationId !== staff.organizationId)
    throw new HTTPException(404, { message: "no such staff member here" });
  return member;
}

async function renderMember(
  c: Context<BackOfficeEnv>,
  deps: MemberPageDeps,
  member: StaffMember,
  state: { values: StaffFormValues; errors: StaffFormErrors; status: 200 | 409 | 422; notice?: string },
) {
  const t = c.get("t");
  const units = await deps.tessera.organizations.listUnits(member.organizationId);
  const errors = errorTexts(state.errors, t);
  const notice = notices[state.notice as keyof typeof notices];
  const base = `/admin/staff/${member.id}`;
  return c.html(
    deps.views.render("admin-staff-member", {
      ...backOfficePageData(c, t("admin.staff.memberTitle", { name: member.name })),
      member: { name: member.name, email: member.email, active: member.status === "active" },
      notice: notice ? t(notice, { name: member.name }) : null,
      action: base,
      statusAction: `${base}/status`,
      passwordAction: `${base}/password`,
      choices: accessChoices(units, t),
      values: state.values,
      errors,
      errorCount: Object.keys(errors).length,
    }),
    state.status,
  );
}

/** Maps core's refusal of a change to the member page's errors, or rethrows what is no refusal. */
function refusal(error: unknown): { errors: StaffFormErrors; status: 409 | 422 } {
  if (!(isTesseraError(error, "validation_failed") || isTesseraError(error, "conflict"))) throw error;
  const errors = staffFormErrorsOf(error.details.issues ?? []);
  if (Object.keys(errors).length === 0) errors["form"] = "error.conflict";
  return { errors, status: isTesseraError(error, "conflict") ? 409 : 422 };
}

/** GET /admin/staff/:member — the member's role and access, their status and a new password. */
export function staffMemberPage(deps: MemberPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const member = await memberOfOrganization(
      deps.tessera,
      signedInStaff(c).staff,
      c.req.param("member") ?? "",
    );
    return renderMember(c, deps, member, {
      values: staffFormValuesOf(member),
      errors: {},
      status: 200,
      notice: c.req.query("notice") ?? "",
    });
  };
}

/**
 * POST /admin/staff/:member — name, role and access. Core refuses a unit-scoped owner and
 * demoting the last active owner (`last_owner`), shown beside the role; `canManageStaff` is
 * asked of the member as they are and as they would be. Audited as `staff.updated`.
 */
export function updateStaffMember(deps: MemberPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const { staff } = signedInStaff(c);
    const member = await memberOfOrganization(deps.tessera, staff, c.req.param("member") ?? "");
    const { values, errors, changes } = readStaffForm(await readFormBody(c));
    const shown = { ...values, email: member.email };
    if (
      Object.keys(errors).length === 0 &&
      !(
        canManageStaff(staff, member) &&
        canManageStaff(staff, { ...member, ...changes, scope: scopeOfInput(changes.scope) })
      )
    )
      errors["role"] = "admin.staff.error.notAllowed";
    if (Object.keys(errors).length > 0)
      return renderMember(c, deps, member, { values: shown, errors, status: 422 });
    const wanted = changesOf(member, changes);
    if (Object.keys(wanted).length === 0) return c.redirect(`/admin/staff/${member.id}?notice=saved`, 303);
    try {
      const updated = await deps.tessera.staff.update(member.id, wanted);
      await recordStaffAction(
        c,
        deps.tessera,
        "staff.updated",
        { kind: "staff_member", id: member.id },
        {
          ...(wanted.name ? { name: updated.name } : {}),
          ...(wanted.role ? { roleBefore: member.role, role: updated.role } : {}),
          ...(wanted.scope
            ? { scope: updated.scope.kind === "unit" ? updated.scope.unitId : "organization" }
            : {}),
        },
      );
      return c.redirect(`/admin/staff/${member.id}?notice=saved`, 303);
    } catch (error) {
      return renderMember(c, deps, member, { values: shown, ...refusal(error) });
    }
  };
}

/**
 * POST /admin/staff/:member/status — `status=disabled` ends every session of the member at
 * once and refuses their sign-ins (core); `status=active` lets them in again. The last
 * active owner cannot be disabled (`last_owner`). Audited as `staff.disabled` / `staff.enabled`.
 */
export function changeStaffStatus(deps: MemberPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const { staff } = signedInStaff(c);
    const member = await memberOfOrganization(deps.tessera, staff, c.req.param("member") ?? "");
    const body = await readFormBody(c);
    const status = body["status"] === "disabled" ? "disabled" : body["status"] === "active" ? "active" : null;
    const values = staffFormValuesOf(member);
    if (!status || !canManageStaff(staff, member))
      return renderMember(c, deps, member, { values, errors: { form: "form.error.invalid" }, status: 422 });
    if (status === member.status) return c.redirect(`/admin/staff/${member.id}`, 303);
    try {
      await deps.tessera.staff.update(member.id, { status });
      await recordStaffAction(c, deps.tessera, status === "disabled" ? "staff.disabled" : "staff.enabled", {
        kind: "staff_member",
        id: member.id,
      });
      return c.redirect(
        `/admin/staff/${member.id}?notice=${status === "disabled" ? "disabled" : "enabled"}`,
        303,
      );
    } catch (error) {
      return renderMember(c, deps, member, { values, ...refusal(error) });
    }
  };
}

/**
 * POST /admin/staff/:member/password — a new password the owner typed (at least 10
 * characters); every session of the member ends (core). Audited as `staff.password_reset`
 * (the password itself is never in the log).
 */
export function resetStaffPassword(deps: MemberPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const { staff } = signedInStaff(c);
    const member = await memberOfOrganization(deps.tessera, staff, c.req.param("member") ?? "");
    const password = formPassword(await readFormBody(c), "password");
    const values = staffFormValuesOf(member);
    if (!canManageStaff(staff, member))
      return renderMember(c, deps, member, {
        values,
        errors: { form: "admin.staff.error.notAllowed" },
        status: 422,
      });
    if (password === "")
      return renderMember(c, deps, member, {
        values,
        errors: { password: "form.error.required" },
        status: 422,
      });
    try {
      await deps.tessera.staff.setPassword(member.id, password);
      await recordStaffAction(c, deps.tessera, "staff.password_reset", {
        kind: "staff_member",
        id: member.id,
      });
      return c.redirect(`/admin/staff/${member.id}?notice=password`, 303);
    } catch (error) {
      return renderMember(c, deps, member, { values, ...refusal(error) });
    }
  };
}
