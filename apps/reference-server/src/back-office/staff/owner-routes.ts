import type { Tessera } from "@tessera/core";
import { Hono, type MiddlewareHandler } from "hono";
import type { ViewRenderer } from "../../views/view-renderer";
import type { BackOfficeEnv } from "../back-office-env";
import { apiKeyListPage, createApiKey, revokeApiKey } from "./api-key-list-page";
import { auditLogPage } from "./audit-log-page";
import { ownersOnly } from "./owners-only";
import { createStaffMember, staffListPage } from "./staff-list-page";
import {
  changeStaffStatus,
  resetStaffPassword,
  staffMemberPage,
  updateStaffMember,
} from "./staff-member-page";

/**
 * The owners' pages of the back office — staff, API keys, the audit log — as a sub-app the
 * back-office area mounts at its root. Each route names its guards itself, in order: the
 * session, the form body limit and CSRF token on a change, then `ownersOnly`, so the route
 * walk finds every one of them guarded (and a non-owner is refused before anything is read).
 */
export function ownerRoutes(
  deps: { tessera: Tessera; views: ViewRenderer },
  guards: {
    signedIn: MiddlewareHandler<BackOfficeEnv>;
    body: MiddlewareHandler<BackOfficeEnv>;
    csrf: MiddlewareHandler<BackOfficeEnv>;
  },
): Hono<BackOfficeEnv> {
  const { signedIn, body, csrf } = guards;
  const owners = ownersOnly(deps.views);
  const routes = new Hono<BackOfficeEnv>();
  routes.get("/staff", signedIn, owners, staffListPage(deps));
  routes.post("/staff", signedIn, body, csrf, owners, createStaffMember(deps));
  routes.get("/staff/:member", signedIn, owners, staffMemberPage(deps));
  routes.post("/staff/:member", signedIn, body, csrf, owners, updateStaffMember(deps));
  routes.post("/staff/:member/status", signedIn, body, csrf, owners, changeStaffStatus(deps));
  routes.post("/staff/:member/password", signedIn, body, csrf, owners, resetStaffPassword(deps));
  routes.get("/api-keys", signedIn, owners, apiKeyListPage(deps));
  routes.post("/api-keys", signedIn, body, csrf, owners, createApiKey(deps));
  routes.post("/api-keys/:apiKey/revoke", signedIn, body, csrf, owners, revokeApiKey(deps));
  routes.get("/audit", signedIn, owners, auditLogPage(deps));
  return routes;
}
