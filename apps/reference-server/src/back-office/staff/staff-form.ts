import {
  type FieldIssue,
  type StaffMember,
  type StaffMemberChanges,
  type StaffRole,
  type StaffScopeInput,
  staffRoles,
} from "@tessera/core";
import { type FormBody, formText } from "../../http/read-form-body";
import type { MessageKey } from "../../i18n/message-catalog";
import { scopeValueOf } from "./access-choices";

/** What the owner typed, by input name, to show it back after an error (never a password). */
export type StaffFormValues = Record<"name" | "email" | "role" | "scope", string>;
/** Errors by input name (or `form`), as i18n keys. */
export type StaffFormErrors = Record<string, MessageKey>;

/** A password exactly as typed: no trimming (a space may be part of it), cut far above core's limit. */
export function formPassword(body: FormBody, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first.slice(0, 5_000) : "";
}

export function staffFormValuesOf(member: StaffMember | null): StaffFormValues {
  return member
    ? { name: member.name, email: member.email, role: member.role, scope: scopeValueOf(member.scope) }
    : { name: "", email: "", role: "staff", scope: "organization" };
}

/** The scope a select's value names; a unit's id is checked to be the organization's by core. */
function scopeOf(value: string): StaffScopeInput | null {
  if (value === "organization") return { kind: "organization" };
  return /^unit_[0-9A-Za-z]{1,60}$/.test(value) ? { kind: "unit", unitId: value } : null;
}

/**
 * Reads the role, scope and name inputs the new-member and the edit forms share. Shape only:
 * a role or a scope that is none of the options is refused here; e-mail, password length,
 * an owner's scope and the last owner are core's rules, placed by `staffFormErrorsOf`.
 */
export function readStaffForm(body: FormBody): {
  values: StaffFormValues;
  errors: StaffFormErrors;
  changes: { name: string; role: StaffRole; scope: StaffScopeInput };
} {
  const values: StaffFormValues = {
    name: formText(body, "name", 200),
    email: formText(body, "email", 300),
    role: formText(body, "role", 20),
    scope: formText(body, "scope", 80),
  };
  const errors: StaffFormErrors = {};
  if (values.name === "") errors["name"] = "form.error.required";
  const role = (staffRoles as readonly string[]).includes(values.role) ? (values.role as StaffRole) : null;
  if (!role) errors["role"] = "form.error.option";
  const scope = scopeOf(values.scope);
  if (!scope) errors["scope"] = "form.error.option";
  return {
    values,
    errors,
    changes: { name: values.name, role: role ?? "staff", scope: scope ?? { kind: "organization" } },
  };
}

/** What a change asks core to do to the member, with only the fields that differ. */
export function changesOf(
  member: StaffMember,
  wanted: { name: string; role: StaffRole; scope: StaffScopeInput },
): StaffMemberChanges {
  const changes: StaffMemberChanges = {};
  if (wanted.name !== member.name) changes.name = wanted.name;
  if (wanted.role !== member.role) changes.role = wanted.role;
  const wantedScope = wanted.scope.kind === "organization" ? "organization" : wanted.scope.unitId;
  if (wantedScope !== scopeValueOf(member.scope)) changes.scope = wanted.scope;
  return changes;
}

/** The i18n key of one core issue about a member, and the input it sits beside. */
function placed(issue: FieldIssue): [string, MessageKey] {
  const [head] = issue.path.map(String);
  if (issue.code === "last_owner")
    return [head === "status" ? "form" : "role", "admin.staff.error.lastOwner"];
  switch (head) {
    case "email":
      return ["email", issue.code === "taken" ? "admin.staff.error.emailTaken" : "form.error.email"];
    case "password":
      return [
        "password",
        issue.code === "too_long" ? "admin.staff.error.passwordLong" : "admin.staff.error.passwordShort",
      ];
    case "scope":
      return [
        "scope",
        issue.code === "owner_scope" ? "admin.staff.error.ownerScope" : "admin.staff.error.unit",
      ];
    case "name":
      return ["name", "form.error.invalid"];
    case "role":
      return ["role", "form.error.option"];
    default:
      return ["form", "form.error.invalid"];
  }
}

/** Places core's issues about a member beside the inputs they are about. */
export function staffFormErrorsOf(issues: readonly FieldIssue[]): StaffFormErrors {
  const errors: StaffFormErrors = {};
  for (const issue of issues) {
    const [input, key] = placed(issue);
    errors[input] ??= key;
  }
  return errors;
}
