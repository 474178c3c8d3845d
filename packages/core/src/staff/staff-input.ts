import { z } from "zod";
import type { FieldIssue } from "../errors/tessera-error";
import { declaredInput } from "../validation/declared-input";
import { type StaffRole, staffRoles } from "./staff-member";

/**
 * The shortest password a member may choose, in characters (NIST SP 800-63B asks at least 8
 * of a chosen password; a back office that holds customers' data and money asks a little more).
 */
export const minPasswordLength = 10;
/** The longest: scrypt takes any length, but a megabyte "password" is only a way to burn CPU. */
export const maxPasswordLength = 1024;

/** A scope as given: `unitId` is checked to be a unit of the member's organization. */
export type StaffScopeInput = { kind: "organization" } | { kind: "unit"; unitId: string };

/** What `staff.create` takes. */
export interface StaffMemberInput {
  organizationId: string;
  name: string;
  /** Unique in the installation; kept lower-cased. */
  email: string;
  /** At least 10 characters; kept only as its scrypt hash. */
  password: string;
  role: StaffRole;
  /** An owner's is always the organization. */
  scope: StaffScopeInput;
}

/** What `staff.update` may change; fields left out stay as they are. */
export interface StaffMemberChanges {
  name?: string;
  role?: StaffRole;
  scope?: StaffScopeInput;
  /** `disabled` ends every session of the member and refuses their sign-ins. */
  status?: "active" | "disabled";
}

/** What `staff.authenticate` takes. */
export interface StaffLoginInput {
  email: string;
  password: string;
  /** Where the attempt came from (an IP address); kept on the session. Empty is none. */
  from?: string | null;
}

/**
 * A password as it is hashed: NFKC-normalized (NIST SP 800-63B 5.1.1.2), so the same
 * password typed on two keyboards that compose "ç" differently is the same password.
 */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

export const passwordSchema = z
  .string()
  // Bounded before normalizing, which takes time in proportion to the length.
  .max(maxPasswordLength * 4, `must have at most ${maxPasswordLength} characters`)
  .transform(normalizePassword)
  .refine((password) => [...password].length >= minPasswordLength, {
    message: `must have at least ${minPasswordLength} characters`,
    params: { code: "too_short" },
  })
  .refine((password) => [...password].length <= maxPasswordLength, {
    message: `must have at most ${maxPasswordLength} characters`,
    params: { code: "too_long" },
  });

export const staffEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("must be an e-mail address").max(254));

const nameSchema = z.string().trim().min(1, "is required").max(200);

export const staffScopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("organization") }),
  z.object({ kind: z.literal("unit"), unitId: z.string().startsWith("unit_", "must be a unit id").max(64) }),
]);

const roleSchema = z.enum(staffRoles);

/** An owner answers for the whole organization: a unit-scoped owner would be a contradiction. */
export function ownerScopeIssue(value: {
  role?: StaffRole | undefined;
  scope?: StaffScopeInput | undefined;
}): FieldIssue | null {
  return value.role === "owner" && value.scope?.kind === "unit"
    ? { path: ["scope"], code: "owner_scope", message: "an owner's scope is the whole organization" }
    : null;
}

/** `ownerScopeIssue` as a zod refinement. */
export function refineOwnerScope(
  value: { role?: StaffRole | undefined; scope?: StaffScopeInput | undefined },
  ctx: z.RefinementCtx,
): void {
  const issue = ownerScopeIssue(value);
  if (issue)
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, params: { code: issue.code } });
}

export const staffMemberInputSchema = declaredInput<StaffMemberInput>()(
  z
    .object({
      organizationId: z.string().startsWith("org_", "must be an organization id").max(64),
      name: nameSchema,
      email: staffEmailSchema,
      password: passwordSchema,
      role: roleSchema,
      scope: staffScopeSchema,
    })
    .superRefine(refineOwnerScope),
);

export const staffMemberChangesSchema = declaredInput<StaffMemberChanges>()(
  z.object({
    name: nameSchema.optional(),
    role: roleSchema.optional(),
    scope: staffScopeSchema.optional(),
    status: z.enum(["active", "disabled"]).optional(),
  }),
);

/**
 * Log-in input is only shaped here, not judged: an e-mail that is no e-mail, or a password
 * too short to be anyone's, answers `invalid` after the usual work, like any wrong pair.
 */
export const staffLoginInputSchema = declaredInput<StaffLoginInput>()(
  z.object({
    email: z.string().max(1000),
    password: z.string().max(maxPasswordLength * 4),
    from: z.string().max(1000).nullable().optional(),
  }),
);
