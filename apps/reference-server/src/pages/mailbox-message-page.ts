import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";
import { pageData } from "../http/page-data";
import type { DevMailbox } from "../notifications/dev-mailbox";
import { formatInstant } from "../notifications/mail-dates";
import type { ViewRenderer } from "../views/view-renderer";
import { messageSummary } from "./mailbox-page";
import { notFoundPage } from "./not-found-page";

/**
 * GET /mailbox/:id — one stored message: its headers and its text body. The HTML body is
 * shown as source text, escaped, never as markup: it would run in this server's origin.
 */
export function mailboxMessagePage(deps: { mailbox: DevMailbox; views: ViewRenderer }) {
  return async (c: Context<AppEnv>) => {
    const stored = await deps.mailbox.get(c.req.param("id") ?? "");
    if (stored === null) return notFoundPage(deps.views)(c);
    const t = c.get("t");
    const { message } = stored;
    const { to, subject } = messageSummary(stored, t);
    return c.html(
      deps.views.render("mailbox-message", {
        ...pageData(c, subject),
        id: stored.id,
        from: stored.from,
        to,
        subject,
        storedAt: stored.storedAt,
        time: formatInstant(stored.storedAt, c.get("locale"), "UTC"),
        tag: message.tag ?? null,
        dedupeKey: message.dedupeKey ?? null,
        text: message.text,
        html: message.channel === "email" ? (message.html ?? null) : null,
      }),
    );
  };
}
