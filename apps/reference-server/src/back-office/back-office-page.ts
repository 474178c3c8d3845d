import type { Context } from "hono";
import { pageData } from "../http/page-data";
import type { PageData } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { csrfField } from "./csrf";

/** What every signed-in back-office page carries: the layout's data, who is in, the CSRF token. */
export interface BackOfficePageData extends PageData {
  /** The copy buttons' script. */
  scripts: string[];
  staffName: string;
  /** Owners' nav links (staff, API keys, audit log, mailbox); false for everyone else. */
  ownerNav: boolean;
  csrf: { field: string; token: string };
}

export function backOfficePageData(c: Context<BackOfficeEnv>, title: string): BackOfficePageData {
  return {
    ...pageData(c, title, { name: c.get("t")("admin.brand"), href: "/admin" }),
    scripts: ["/assets/checkout.js"],
    staffName: signedInStaff(c).staff.name,
    ownerNav: signedInStaff(c).staff.role === "owner",
    csrf: { field: csrfField, token: signedInStaff(c).csrfToken },
  };
}
