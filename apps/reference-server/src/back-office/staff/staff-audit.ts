import type { AuditDetailValue, AuditSubject, Tessera } from "@tessera/core";
import type { Context } from "hono";
import { type BackOfficeEnv, signedInStaff } from "../back-office-env";

/** Where a request came from, as the audit log keeps it: the proxy's client address, if any. */
export function requestOrigin(c: Context): string | null {
  return c.req.header("x-forwarded-for")?.split(",")[0]?.trim() || null;
}

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
