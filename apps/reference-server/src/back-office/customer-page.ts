import { calendarDateInZone, formatMoney, orderNote, type Tessera } from "@tessera/core";
import type { Context } from "hono";
import type { MessageKey } from "../i18n/message-catalog";
import { formatDay } from "../pages/date-display";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { orderPath } from "./order-list-page";
import { newOrderFormPath } from "./order-new-page";
import { customerOfUnit } from "./sale-in-scope";
import { unitInScope } from "./unit-in-scope";
import { walletPath } from "./wallet-page";

/**
 * GET /admin/u/:unit/customers/:customer — one customer as the unit sees them: their data,
 * derived status and source, their wallet's balance (with the way to the wallet's page),
 * their contracts and orders in this unit (newest first) with the way to a new order, the
 * names of the files they handed over.
 */
export function customerPage(deps: { tessera: Tessera; views: ViewRenderer }) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const locale = c.get("locale");
    const unit = await unitInScope(deps.tessera, signedInStaff(c).staff, c.req.param("unit") ?? "");
    const customer = await customerOfUnit(deps.tessera, unit, c.req.param("customer") ?? "");
    const [contracts, orders, balance] = await Promise.all([
      deps.tessera.contracts.list({ unitId: unit.id, customerId: customer.id, limit: 200 }),
      deps.tessera.orders.list({ unitId: unit.id, customerId: customer.id, limit: 200 }),
      deps.tessera.wallet.balance(customer.id, unit.currency),
    ]);
    return c.html(
      deps.views.render("admin-customer", {
        ...backOfficePageData(c, t("admin.customer.title", { name: customer.name })),
        unitNav: { slug: unit.slug },
        customer: {
          name: customer.name,
          document: customer.document?.value ?? "",
          email: customer.email,
          phone: customer.phone ?? "",
          blocked: customer.status === "blocked",
          status: t(`admin.customers.status.${customer.status}` as MessageKey),
          source: t(`admin.customers.source.${customer.source}` as MessageKey),
          attachments: customer.attachments.map((attachment) => attachment.name),
        },
        wallet: { balance: formatMoney(balance, locale), href: walletPath(unit, customer) },
        contracts: contracts.items.map((contract) => ({
          href: `/admin/u/${unit.slug}/contracts/${contract.id}`,
          plan: contract.terms.planName,
          price: formatMoney(contract.terms.price, locale),
          started: formatDay(contract.startDate, locale),
          status: t(`admin.contracts.status.${contract.status}` as MessageKey),
        })),
        newOrderHref: newOrderFormPath(unit, customer),
        orders: orders.items.map((order) => ({
          href: orderPath(unit, order),
          description: orderNote(order),
          total: formatMoney(order.total, locale),
          made: formatDay(calendarDateInZone(order.createdAt, unit.timeZone), locale),
          status: t(`admin.orders.status.${order.status}` as MessageKey),
          paidFromBalance: order.paidFromBalance,
        })),
      }),
    );
  };
}
