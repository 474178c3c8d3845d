import {
  calendarDateInZone,
  formatMoney,
  isTesseraError,
  type Order,
  type OrderListFilter,
  orderNote,
  type Tessera,
} from "@tessera/core";
import type { Context } from "hono";
import type { MessageKey } from "../i18n/message-catalog";
import { formatDay } from "../pages/date-display";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { unitInScope } from "./unit-in-scope";

const pageSize = 25;
const statuses = ["open", "paid", "canceled", "refunded"] as const;
const paymentStatuses = ["pending", "error"] as const;

/** A query value when it is one of `allowed`, else "" (any). */
function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | "" {
  return allowed.includes(value as T) ? (value as T) : "";
}

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
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const locale = c.get("locale");
    const unit = await unitInScope(deps.tessera, signedInStaff(c).staff, c.req.param("unit") ?? "");
    const values = {
      status: oneOf(c.req.query("status"), statuses),
      paymentStatus: oneOf(c.req.query("paymentStatus"), paymentStatuses),
      from: (c.req.query("from") ?? "").slice(0, 10),
      to: (c.req.query("to") ?? "").slice(0, 10),
    };
    const cursor = c.req.query("cursor") ?? "";
    const filter: OrderListFilter = {
      unitId: unit.id,
      limit: pageSize,
      ...(values.status ? { status: values.status } : {}),
      ...(values.paymentStatus ? { paymentStatus: values.paymentStatus } : {}),
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
      ...(cursor ? { cursor } : {}),
    };
    const errors: Record<string, string> = {};
    let page: { items: Order[]; nextCursor: string | null } = { items: [], nextCursor: null };
    try {
      page = await deps.tessera.orders.list(filter);
    } catch (error) {
      if (!isTesseraError(error, "validation_failed")) throw error;
      for (const issue of error.details.issues ?? []) {
        const field = String(issue.path[0] ?? "");
        if (field === "from" || field === "to") {
          errors[field] = t(
            issue.code === "range_reversed" ? "admin.contracts.error.range" : "admin.contracts.error.date",
          );
        }
      }
      // Only a hand-edited cursor is left: start again from the first page.
      if (Object.keys(errors).length === 0) {
        const { cursor: _dropped, ...fresh } = filter;
        page = await deps.tessera.orders.list(fresh);
      }
    }
    const names = new Map<string, string>();
    for (const order of page.items) {
      if (!names.has(order.customerId))
        names.set(order.customerId, (await deps.tessera.customers.get(order.customerId))?.name ?? "");
    }
    const base = `/admin/u/${unit.slug}/orders`;
    const query = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ""));
    const option = (prefix: string, list: readonly string[]) =>
      list.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
    c.status(Object.keys(errors).length > 0 ? 422 : 200);
    return c.html(
      deps.views.render("admin-orders", {
        ...backOfficePageData(c, t("admin.orders.title", { unit: unit.name })),
        unitNav: { slug: unit.slug },
        unit: { name: unit.name },
        customersHref: `/admin/u/${unit.slug}/customers`,
        action: base,
        values,
        errors,
        options: {
          status: option("admin.orders.status", statuses),
          paymentStatus: option("admin.orders.paymentStatus", paymentStatuses),
        },
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
        nextHref: page.nextCursor
          ? `${base}?${new URLSearchParams([...query, ["cursor", page.nextCursor]])}`
          : null,
      }),
    );
  };
}
