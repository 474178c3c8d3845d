import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { DevMailbox } from "../notifications/dev-mailbox";
import { formatInstant } from "../notifications/mail-dates";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { checkMailboxReader, mailboxOrNotFound, messageSummary } from "./mailbox-page";

/**
 * GET /admin/mailbox/:id — one stored message: its headers and its text body. The HTML body
 * is shown as source text, escaped, never as markup: it would run in this server's origin.
 */
export function mailboxMessagePage(deps: { mailbox: DevMailbox | null; views: ViewRenderer }) {
  return async (c: Context<BackOfficeEnv>) => {
    checkMailboxReader(signedInStaff(c).staff);
    const stored = await mailboxOrNotFound(deps.mailbox).get(c.req.param("message") ?? "");
    if (stored === null) throw new HTTPException(404, { message: "no such message" });
    const t = c.get("t");
    const { message } = stored;
    const { to, subject } = messageSummary(stored, t);
    c.header("X-Robots-Tag", "noindex");
    return c.html(
      deps.views.render("mailbox-message", {
        ...backOfficePageData(c, subject),
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
