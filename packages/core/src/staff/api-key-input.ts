import { z } from "zod";
import { declaredInput } from "../validation/declared-input";
import { refineOwnerScope, type StaffScopeInput, staffScopeSchema } from "./staff-input";
import { type StaffRole, staffRoles } from "./staff-member";

/** What `apiKeys.create` takes. */
export interface ApiKeyInput {
  organizationId: string;
  /** What the key is for ("Site WordPress"), to recognise it in the list. */
  name: string;
  /** What the key may do, as a member of that role (see `staff-access.ts`). */
  role: StaffRole;
  /** An owner key's is always the organization. */
  scope: StaffScopeInput;
  /** The member making it: an active member of the organization. */
  createdBy: string;
}

export const apiKeyInputSchema = declaredInput<ApiKeyInput>()(
  z
    .object({
      organizationId: z.string().startsWith("org_", "must be an organization id").max(64),
      name: z.string().trim().min(1, "is required").max(100),
      role: z.enum(staffRoles),
      scope: staffScopeSchema,
      createdBy: z.string().startsWith("stf_", "must be a staff member id").max(64),
    })
    .superRefine(refineOwnerScope),
);
