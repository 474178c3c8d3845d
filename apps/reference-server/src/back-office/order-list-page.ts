import { calendarDateInZone, formatMoney, type Order, orderNote, type Tessera } from "@tessera/core";
import type { MessageKey } from "../i18n/message-catalog";
import { formatDay } from "../pages/date-display";
import type { ViewRenderer } from "../views/view-renderer";
import { filteredListPage } from "./filtered-list-page";

const statuses = ["open", "paid", "canceled", "refunded"] as const;
const paymentStatuses = ["pending", "error"] as const;

/** The address of an order's page. */
export const orderPath = (unit: { slug: string }, order: Pick<Order, "id">) =>
  `/admin/u/${unit.slug}/orders/${order.id}`;

/**
 * GET /admin/u/:unit/orders — the unit's orders, newest first, filtered by a GET form as the
 * contracts are: status, payment status (BEMP: pending / with an error), the days they were
 * made in the unit's calendar. Each row: the day, the customer, what was bought, the total
 * and its installments, the status, and "descontado do saldo" when the wallet paid it. A date
 * that is not one, or a period that ends before it starts, is shown beside its field (422)
 * with no rows; a hand-edited cursor starts again from the first page.
 */
export function orderListPage(deps: { tessera: Tessera; views: ViewRenderer }) {
  return filteredListPage(deps, {
    name: "orders",
    choices: { status: statuses, paymentStatus: paymentStatuses },
    list: (filter) => deps.tessera.orders.list(filter),
    rows: (c, { unit, page, names }) => {
      const t = c.get("t");
      const locale = c.get("locale");
      return {
        customersHref: `/admin/u/${unit.slug}/customers`,
        orders: page.items.map((order) => ({
          href: orderPath(unit, order),
          customer: names.get(order.customerId) ?? "",
          description: orderNote(order),
          total: formatMoney(order.total, locale),
          installments: t("admin.orders.installments", { count: order.installmentCount }),
          made: formatDay(calendarDateInZone(order.createdAt, unit.timeZone), locale),
          status: t(`admin.orders.status.${order.status}` as MessageKey),
          paidFromBalance: order.paidFromBalance,
        })),
      };
    },
  });
}
