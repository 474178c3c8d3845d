import {
  type BillingRunRecord,
  type BillingRunReport,
  canChangeUnitSettings,
  type StaffMember,
  type SupportedLocale,
  type Tessera,
  type Unit,
} from "@tessera/core";
import type { Context } from "hono";
import type { MessageKey } from "../i18n/message-catalog";
import type { Translate } from "../i18n/translator";
import { formatMoment } from "../pages/date-display";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { contractsOfInstallments } from "./billing-error-contracts";
import { unitInScope } from "./unit-in-scope";

/** Runs the page lists: the latest that did anything in the unit (`billing.history` keeps no others). */
export const billingRunsShown = 20;

/** The billing runs page's address. */
export const billingRunsPath = (unit: Unit) => `/admin/u/${unit.slug}/billing`;

/**
 * The counts a studio acts on, in the order shown; a count of zero is left out, so a run that
 * paid twelve lines reads "Pagas 12", not twelve rows of zeros. `in_progress`,
 * `provider_owned` and `nothing_due` are not shown: nothing happened to those lines.
 */
const shownCounts: readonly { key: MessageKey; of: (report: BillingRunReport) => number }[] = [
  { key: "admin.billing.count.paid", of: (report) => report.outcomes.paid },
  {
    key: "admin.billing.count.declined",
    of: (report) => report.outcomes.declined + report.outcomes.provider_declined,
  },
  { key: "admin.billing.count.linkIssued", of: (report) => report.outcomes.link_issued },
  { key: "admin.billing.count.pastDue", of: (report) => report.outcomes.past_due },
  { key: "admin.billing.count.held", of: (report) => report.outcomes.held },
  { key: "admin.billing.count.notSent", of: (report) => report.outcomes.not_sent },
  { key: "admin.billing.count.unknown", of: (report) => report.outcomes.unknown },
  { key: "admin.billing.count.noMethod", of: (report) => report.outcomes.no_method },
  { key: "admin.billing.count.periodsScheduled", of: (report) => report.periodsScheduled },
  { key: "admin.billing.count.renewed", of: (report) => report.renewed },
  { key: "admin.billing.count.ended", of: (report) => report.ended },
  { key: "admin.billing.count.remindersBefore", of: (report) => report.reminders.beforeDue },
  { key: "admin.billing.count.remindersAfter", of: (report) => report.reminders.overdue },
  { key: "admin.billing.count.errors", of: (report) => report.outcomes.error },
];

/** How long a run took, in the unit that reads best: `350 ms`, `4,2 s`, `2,5 min`. */
export function formatDuration(ms: number, locale: SupportedLocale): string {
  const [value, unit] =
    ms < 1_000 ? [ms, "millisecond"] : ms < 60_000 ? [ms / 1_000, "second"] : [ms / 60_000, "minute"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, maximumFractionDigits: 1 }).format(value);
}

/** The unit's retry schedule (`Unit.dunningRetryDays`, days after the due date — docs/billing-run.md). */
function scheduleOf(unit: Unit, staff: StaffMember, t: Translate, locale: SupportedLocale) {
  const days = unit.dunningRetryDays;
  const last = days[days.length - 1];
  return {
    text:
      last === undefined
        ? t("admin.billing.noRetries")
        : t("admin.billing.schedule", {
            days: new Intl.ListFormat(locale, { type: "conjunction" }).format(days.map(String)),
            count: last,
          }),
    // The settings page is for those who may change them; the rest read the schedule here.
    settingsHref: canChangeUnitSettings(staff, unit) ? `/admin/u/${unit.slug}/settings` : null,
  };
}

/**
 * GET /admin/u/:unit/billing — what the latest billing runs did in the unit, newest first
 * (`tessera.billing.history`): when, in the unit's timezone; how long; which worker; the
 * counts that matter to a studio; and each error with its message and, when found, a link to
 * its installment's contract. Beside them, the unit's retry schedule. Every member who sees
 * the unit may read it (`unitInScope`: another unit's member gets 404).
 */
export function billingRunsPage(deps: { tessera: Tessera; views: ViewRenderer }) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const locale = c.get("locale");
    const staff = signedInStaff(c).staff;
    const unit = await unitInScope(deps.tessera, staff, c.req.param("unit") ?? "");
    const runs = await deps.tessera.billing.history(unit.id, billingRunsShown);
    const failed = new Set(runs.flatMap((run) => run.report.errors.map((error) => error.installmentId)));
    const contractOf = await contractsOfInstallments(deps.tessera, unit, failed);

    const runView = (run: BillingRunRecord) => {
      const report = run.report;
      const took = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
      return {
        id: run.id,
        at: run.startedAt,
        when: formatMoment(run.startedAt, locale, unit.timeZone),
        about: [
          t("admin.billing.claimed", { count: report.claimed }),
          t("admin.billing.took", { duration: formatDuration(Math.max(0, took), locale) }),
          t("admin.billing.by", { owner: run.owner }),
        ].join(" · "),
        counts: shownCounts
          .map(({ key, of }) => ({ label: t(key), value: of(report) }))
          .filter((count) => count.value > 0),
        errors: report.errors.map((error) => {
          const contract = contractOf.get(error.installmentId);
          return {
            message: error.message,
            installment: t("admin.billing.error.installment", { id: error.installmentId }),
            href: contract ? `/admin/u/${unit.slug}/contracts/${contract}` : null,
          };
        }),
      };
    };

    return c.html(
      deps.views.render("admin-billing-runs", {
        ...backOfficePageData(c, t("admin.billing.title", { unit: unit.name })),
        unitNav: { slug: unit.slug },
        schedule: scheduleOf(unit, staff, t, locale),
        runs: runs.map(runView),
      }),
    );
  };
}
