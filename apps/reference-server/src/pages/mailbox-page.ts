import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";
import { pageData } from "../http/page-data";
import type { Translate } from "../i18n/translator";
import type { DevMailbox, MailboxMessage } from "../notifications/dev-mailbox";
import { formatInstant } from "../notifications/mail-dates";
import type { ViewRenderer } from "../views/view-renderer";

/** How many messages the list shows: the newest; older ones stay on disk. */
const shownMessages = 100;

/** The recipients and subject a message is listed with; an SMS has no subject. */
export function messageSummary(stored: MailboxMessage, t: Translate): { to: string; subject: string } {
  const { message } = stored;
  return message.channel === "email"
    ? { to: message.to.join(", "), subject: message.subject }
    : { to: message.to, subject: t("mail.mailbox.sms") };
}

/** GET /mailbox — the dev mailbox's newest messages first: when, to whom, subject (a link to the message). */
export function mailboxPage(deps: { mailbox: DevMailbox; views: ViewRenderer }) {
  return async (c: Context<AppEnv>) => {
    const t = c.get("t");
    const locale = c.get("locale");
    const messages = (await deps.mailbox.list({ limit: shownMessages })).map((stored) => ({
      ...messageSummary(stored, t),
      href: `/mailbox/${encodeURIComponent(stored.id)}`,
      storedAt: stored.storedAt,
      // The server has no time zone of its own; UTC, named, is unambiguous.
      time: formatInstant(stored.storedAt, locale, "UTC"),
    }));
    return c.html(deps.views.render("mailbox", { ...pageData(c, t("mail.mailbox.title")), messages }));
  };
}
