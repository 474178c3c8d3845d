import { createMiddleware } from "hono/factory";
import type { ViewRenderer } from "../../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "../back-office-env";
import { forbiddenPage } from "../forbidden-page";

/**
 * The staff, API key and audit log pages are owners' (`canSeeAuditLog`, `canManageApiKeys`
 * in core; staff management too, though core would let a manager manage their unit's
 * staff-role members: the back office keeps the whole list to owners, who answer for who
 * gets in). Anyone else gets the 403 page in their language, before anything is read or
 * changed. Runs after `requireStaff` (and, on a change, after `requireCsrf`).
 */
export function ownersOnly(views: ViewRenderer) {
  return createMiddleware<BackOfficeEnv>(async (c, next) => {
    if (signedInStaff(c).staff.role !== "owner") return forbiddenPage(c, views);
    await next();
  });
}
