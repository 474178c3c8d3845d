import { isTesseraError, type Tessera } from "@tessera/core";
import type { Context } from "hono";
import type { MessageKey } from "../i18n/message-catalog";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { unitInScope } from "./unit-in-scope";

/** Customers per page: a phone screen's worth of rows and a few more. */
const pageSize = 25;

/**
 * GET /admin/u/:unit/customers — the unit's customers (those with a contract here), newest
 * first: a search box (name, CPF/CNPJ or phone, punctuated or not), the derived status, the
 * source, and a link to the next page. A GET form: it works without JavaScript and the
 * address can be bookmarked.
 */
export function customerListPage(deps: { tessera: Tessera; views: ViewRenderer }) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const staff = signedInStaff(c).staff;
    const unit = await unitInScope(deps.tessera, staff, c.req.param("unit") ?? "");
    const search = (c.req.query("q") ?? "").slice(0, 200);
    const status = c.req.query("status");
    const chosen = status === "active" || status === "blocked" ? status : "";
    const cursor = c.req.query("cursor") ?? "";
    let page: Awaited<ReturnType<Tessera["customers"]["list"]>>;
    try {
      page = await deps.tessera.customers.list(unit.organizationId, {
        unitId: unit.id,
        limit: pageSize,
        ...(search.trim() ? { search } : {}),
        ...(chosen ? { status: chosen } : {}),
        ...(cursor ? { cursor } : {}),
      });
    } catch (error) {
      // A cursor edited by hand: start again from the first page.
      if (!isTesseraError(error, "validation_failed")) throw error;
      page = await deps.tessera.customers.list(unit.organizationId, { unitId: unit.id, limit: pageSize });
    }
    const base = `/admin/u/${unit.slug}/customers`;
    const query = new URLSearchParams({
      ...(search ? { q: search } : {}),
      ...(chosen ? { status: chosen } : {}),
    });
    return c.html(
      deps.views.render("admin-customers", {
        ...backOfficePageData(c, t("admin.customers.title", { unit: unit.name })),
        unitNav: { slug: unit.slug },
        unit: { name: unit.name },
        action: base,
        search,
        status: chosen,
        customers: page.items.map((customer) => ({
          name: customer.name,
          href: `${base}/${customer.id}`,
          email: customer.email,
          phone: customer.phone ?? "",
          blocked: customer.status === "blocked",
          status: t(`admin.customers.status.${customer.status}` as MessageKey),
          source: t(`admin.customers.source.${customer.source}` as MessageKey),
        })),
        nextHref: page.nextCursor
          ? `${base}?${new URLSearchParams([...query, ["cursor", page.nextCursor]])}`
          : null,
      }),
    );
  };
}
