import {
  type AuditEntry,
  type AuditListOptions,
  addDays,
  dayStartInZone,
  isCalendarDate,
  isTesseraError,
  type Page,
  type Tessera,
} from "@tessera/core";
import type { Context } from "hono";
import type { Translate } from "../../i18n/translator";
import { formatInstant } from "../../notifications/mail-dates";
import type { ViewRenderer } from "../../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "../back-office-env";
import { backOfficePageData } from "../back-office-page";
import { viewerTimeZones } from "./viewer-time-zone";

const pageSize = 50;

/** An actor as the filter's select names it: `staff:stf_…` or `api_key:key_…`. */
function actorOf(value: string): AuditListOptions["actor"] {
  const match = /^(staff|api_key):((?:stf|key)_[0-9A-Za-z]{1,60})$/.exec(value);
  return match ? { kind: match[1] as "staff" | "api_key", id: match[2]! } : null;
}

/** A line's facts as one short text: `role: manager · scope: organization`. */
function detailsText(details: AuditEntry["details"]): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${value === null ? "—" : String(value)}`)
    .join(" · ");
}

/**
 * GET /admin/audit — the organization's audit log, newest first: who (a member or an API
 * key, by name), what, to which record, when (in a time zone of the studio's units, UTC on
 * request) and from where (the address the server saw). Filtered by a GET form — one actor,
 * one action, a period of days read in the chosen zone — and paged by the log's own cursor,
 * kept with the filter in the "older" link. A bad action or period is shown beside its field
 * (422) with no rows; a hand-edited cursor starts again from the newest.
 */
export function auditLogPage(deps: { tessera: Tessera; views: ViewRenderer }) {
  return async (c: Context<BackOfficeEnv>) => {
    const t: Translate = c.get("t");
    const locale = c.get("locale");
    const { staff } = signedInStaff(c);
    const zone = await viewerTimeZones(deps.tessera, staff, c.req.query("tz"));
    const values = {
      actor: (c.req.query("actor") ?? "").slice(0, 80),
      action: (c.req.query("action") ?? "").trim().slice(0, 100),
      from: (c.req.query("from") ?? "").slice(0, 10),
      to: (c.req.query("to") ?? "").slice(0, 10),
      tz: zone.timeZone,
    };
    const errors: Record<string, string> = {};
    const actor = actorOf(values.actor);
    if (!actor) values.actor = "";
    for (const field of ["from", "to"] as const) {
      if (values[field] !== "" && !isCalendarDate(values[field])) errors[field] = t("form.error.date");
    }
    const cursor = c.req.query("cursor") ?? "";
    const options: AuditListOptions = {
      limit: pageSize,
      ...(actor ? { actor } : {}),
      ...(values.action ? { action: values.action } : {}),
      // The period's days, read in the chosen zone: from the first's midnight to the day after the last's.
      ...(values.from && !errors["from"] ? { occurredFrom: dayStartInZone(values.from, zone.timeZone) } : {}),
      ...(values.to && !errors["to"]
        ? { occurredBefore: dayStartInZone(addDays(values.to, 1), zone.timeZone) }
        : {}),
      ...(cursor ? { cursor } : {}),
    };
    let page: Page<AuditEntry> = { items: [], nextCursor: null };
    if (Object.keys(errors).length === 0) {
      try {
        page = await deps.tessera.audit.list(staff.organizationId, options);
      } catch (error) {
        if (!isTesseraError(error, "validation_failed")) throw error;
        for (const issue of error.details.issues ?? []) {
          const field = String(issue.path[0] ?? "");
          if (field === "action") errors["action"] = t("admin.audit.error.action");
          if (field === "occurredBefore") errors["to"] = t("admin.audit.error.range");
        }
        if (Object.keys(errors).length === 0) {
          const { cursor: _dropped, ...fresh } = options;
          page = await deps.tessera.audit.list(staff.organizationId, fresh);
        }
      }
    }
    const [members, keys] = await Promise.all([
      deps.tessera.staff.list(staff.organizationId),
      deps.tessera.apiKeys.list(staff.organizationId),
    ]);
    const actors = [
      ...members.map((member) => ({
        value: `staff:${member.id}`,
        label: t("admin.audit.staffActor", { name: member.name }),
      })),
      ...keys.map((key) => ({
        value: `api_key:${key.id}`,
        label: t("admin.audit.keyActor", { name: key.name }),
      })),
    ];
    const actorName = (entry: AuditEntry) =>
      actors.find((option) => option.value === `${entry.actor.kind}:${entry.actor.id}`)?.label ??
      t("admin.audit.unknownActor", { id: entry.actor.id });
    const query = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== ""));
    c.status(Object.keys(errors).length > 0 ? 422 : 200);
    return c.html(
      deps.views.render("admin-audit", {
        ...backOfficePageData(c, t("admin.audit.title")),
        values,
        errors,
        actors,
        timeZones: zone.choices,
        entries: page.items.map((entry) => ({
          at: entry.occurredAt,
          when: formatInstant(entry.occurredAt, locale, zone.timeZone),
          who: actorName(entry),
          action: entry.action,
          record: entry.subject ? `${entry.subject.kind} ${entry.subject.id}` : "",
          from: entry.from ?? t("admin.audit.unknownPlace"),
          details: detailsText(entry.details),
        })),
        nextHref: page.nextCursor
          ? `/admin/audit?${new URLSearchParams([...query, ["cursor", page.nextCursor]])}`
          : null,
        firstHref: cursor ? `/admin/audit?${query}` : null,
      }),
    );
  };
}
