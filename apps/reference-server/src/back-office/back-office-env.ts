import type { StaffMember } from "@tessera/core";
import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";

/** The back office's routes share the server's context; `requireStaff` fills its staff fields. */
export type BackOfficeEnv = AppEnv;

/** The member `requireStaff` let in; a route that forgot the guard fails loudly, never as anyone. */
export function signedInStaff(c: Context<AppEnv>): { staff: StaffMember; csrfToken: string } {
  const staff = c.get("staff");
  const csrfToken = c.get("csrfToken");
  if (!staff || !csrfToken) throw new Error(`${c.req.method} ${c.req.path} runs without requireStaff`);
  return { staff, csrfToken };
}
