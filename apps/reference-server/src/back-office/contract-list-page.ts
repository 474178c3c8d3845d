import {
  type Contract,
  type ContractListFilter,
  formatMoney,
  isTesseraError,
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
const statuses = ["pending_payment", "active", "past_due", "canceled", "ended"] as const;
const origins = ["online", "staff", "api", "renewal"] as const;
const paymentStatuses = ["pending", "error"] as const;

/** A query value when it is one of `allowed`, else "" (any). */
function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | "" {
  return allowed.includes(value as T) ? (value as T) : "";
}

/**
 * GET /admin/u/:unit/contracts — the unit's contracts, newest first, filtered by a GET form:
 * status, who registered it ("online contracting" — Conexa), the contracted period, and the
 * payment status (BEMP: pending / with an error). A row whose contract waits on a payment
 * says so. A date that is not one, or a period that ends before it starts, is shown beside
 * its field (422) with no rows.
 */
export function contractListPage(deps: { tessera: Tessera; views: ViewRenderer }) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const locale = c.get("locale");
    const unit = await unitInScope(deps.tessera, signedInStaff(c).staff, c.req.param("unit") ?? "");
    const values = {
      status: oneOf(c.req.query("status"), statuses),
      origin: oneOf(c.req.query("origin"), origins),
      paymentStatus: oneOf(c.req.query("paymentStatus"), paymentStatuses),
      from: (c.req.query("from") ?? "").slice(0, 10),
      to: (c.req.query("to") ?? "").slice(0, 10),
    };
    const cursor = c.req.query("cursor") ?? "";
    const filter: ContractListFilter = {
      unitId: unit.id,
      limit: pageSize,
      ...(values.status ? { status: values.status } : {}),
      ...(values.origin ? { origin: values.origin } : {}),
      ...(values.paymentStatus ? { paymentStatus: values.paymentStatus } : {}),
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
      ...(cursor ? { cursor } : {}),
    };
    const errors: Record<string, string> = {};
    let page: { items: Contract[]; nextCursor: string | null } = { items: [], nextCursor: null };
    try {
      page = await deps.tessera.contracts.list(filter);
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
        page = await deps.tessera.contracts.list(fresh);
      }
    }
    const names = new Map<string, string>();
    for (const contract of page.items) {
      if (!names.has(contract.customerId))
        names.set(contract.customerId, (await deps.tessera.customers.get(contract.customerId))?.name ?? "");
    }
    const base = `/admin/u/${unit.slug}/contracts`;
    const query = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ""));
    const option = (prefix: string, list: readonly string[]) =>
      list.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
    c.status(Object.keys(errors).length > 0 ? 422 : 200);
    return c.html(
      deps.views.render("admin-contracts", {
        ...backOfficePageData(c, t("admin.contracts.title", { unit: unit.name })),
        unitNav: { slug: unit.slug },
        unit: { name: unit.name },
        action: base,
        values,
        errors,
        options: {
          status: option("admin.contracts.status", statuses),
          origin: option("admin.contracts.origin", origins),
          paymentStatus: option("admin.contracts.paymentStatus", paymentStatuses),
        },
        contracts: page.items.map((contract) => ({
          href: `${base}/${contract.id}`,
          customer: names.get(contract.customerId) ?? "",
          plan: contract.terms.planName,
          price: formatMoney(contract.terms.price, locale),
          started: formatDay(contract.startDate, locale),
          status: t(`admin.contracts.status.${contract.status}` as MessageKey),
          origin: t(`admin.contracts.origin.${contract.origin}` as MessageKey),
          pendingPayment: contract.status === "pending_payment" || contract.paymentIssue !== null,
          issue: contract.paymentIssue?.message ?? "",
        })),
        nextHref: page.nextCursor
          ? `${base}?${new URLSearchParams([...query, ["cursor", page.nextCursor]])}`
          : null,
      }),
    );
  };
}
