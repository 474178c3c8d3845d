import type { Context } from "hono";
import type { ViewRenderer } from "../views/view-renderer";
import type { BackOfficeEnv } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";

/**
 * The 403 page of a back-office page the member's role does not allow (a staff-role member
 * opening the unit settings): it says so in their language instead of a generic error.
 */
export function forbiddenPage(c: Context<BackOfficeEnv>, views: ViewRenderer) {
  const t = c.get("t");
  return c.html(
    views.render("admin-forbidden", {
      ...backOfficePageData(c, t("admin.forbidden.title")),
      message: t("admin.forbidden.message"),
    }),
    403,
  );
}
