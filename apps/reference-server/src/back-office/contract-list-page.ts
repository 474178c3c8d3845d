import { formatMoney, type Tessera } from "@tessera/core";
import type { MessageKey } from "../i18n/message-catalog";
import { formatDay } from "../pages/date-display";
import type { ViewRenderer } from "../views/view-renderer";
import { filteredListPage } from "./filtered-list-page";

const statuses = ["pending_payment", "active", "past_due", "canceled", "ended"] as const;
const origins = ["online", "staff", "api", "renewal"] as const;
const paymentStatuses = ["pending", "error"] as const;

/**
 * GET /admin/u/:unit/contracts — the unit's contracts, newest first, filtered by a GET form:
 * status, who registered it ("online contracting" — Conexa), the contracted period, and the
 * payment status (BEMP: pending / with an error). A row whose contract waits on a payment
 * says so. A date that is not one, or a period that ends before it starts, is shown beside
 * its field (422) with no rows.
 */
export function contractListPage(deps: { tessera: Tessera; views: ViewRenderer }) {
  return filteredListPage(deps, {
    name: "contracts",
    choices: { status: statuses, origin: origins, paymentStatus: paymentStatuses },
    list: (filter) => deps.tessera.contracts.list(filter),
    rows: (c, { unit, page, names }) => {
      const t = c.get("t");
      const locale = c.get("locale");
      return {
        contracts: page.items.map((contract) => ({
          href: `/admin/u/${unit.slug}/contracts/${contract.id}`,
          customer: names.get(contract.customerId) ?? "",
          plan: contract.terms.planName,
          price: formatMoney(contract.terms.price, locale),
          started: formatDay(contract.startDate, locale),
          status: t(`admin.contracts.status.${contract.status}` as MessageKey),
          origin: t(`admin.contracts.origin.${contract.origin}` as MessageKey),
          pendingPayment: contract.status === "pending_payment" || contract.paymentIssue !== null,
          issue: contract.paymentIssue?.message ?? "",
        })),
      };
    },
  });
}
