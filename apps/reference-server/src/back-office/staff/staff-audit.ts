import type { AuditDetailValue, AuditSubject, Tessera } from "@tessera/core";
import type { Context } from "hono";
import { requestOrigin } from "../../http/request-origin";
import { type BackOfficeEnv, signedInStaff } from "../back-office-env";

/** Appends what the signed-in member just did to the organization's audit log. */
export async function recordStaffAction(
  c: Context<BackOfficeEnv>,
  tessera: Tessera,
  action: string,
  subject: AuditSubject,
  details: Record<string, AuditDetailValue> = {},
): Promise<void> {
  const { staff } = signedInStaff(c);
  await tessera.audit.record({
    organizationId: staff.organizationId,
    actor: { kind: "staff", id: staff.id },
    action,
    subject,
    from: requestOrigin(c),
    details,
  });
}
