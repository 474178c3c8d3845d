import type { StaffMember } from "@tessera/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Translate } from "../i18n/translator";
import type { DevMailbox, MailboxMessage } from "../notifications/dev-mailbox";
import { formatInstant } from "../notifications/mail-dates";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";

/** How many messages the list shows: the newest; older ones stay on disk. */
const shownMessages = 100;

/**
 * The dev mailbox holds every unit's messages and they carry no unit, so no unit scope can
 * filter them: owners only, like the audit log.
 */
export function checkMailboxReader(staff: StaffMember): void {
  if (staff.role !== "owner") throw new HTTPException(403, { message: "the dev mailbox is for owners" });
}

/** The dev mailbox when the server has one; with SMTP the pages do not exist. */
export function mailboxOrNotFound(mailbox: DevMailbox | null): DevMailbox {
  if (!mailbox) throw new HTTPException(404, { message: "e-mail is sent by SMTP; there is no dev mailbox" });
  return mailbox;
}

/** The recipients and subject a message is listed with; an SMS has no subject. */
export function messageSummary(stored: MailboxMessage, t: Translate): { to: string; subject: string } {
  const { message } = stored;
  return message.channel === "email"
    ? { to: message.to.join(", "), subject: message.subject }
    : { to: message.to, subject: t("mail.mailbox.sms") };
}

/** GET /admin/mailbox — the dev mailbox's newest messages first: when, to whom, subject (a link to the message). */
export function mailboxPage(deps: { mailbox: DevMailbox | null; views: ViewRenderer }) {
  return async (c: Context<BackOfficeEnv>) => {
    checkMailboxReader(signedInStaff(c).staff);
    const mailbox = mailboxOrNotFound(deps.mailbox);
    const t = c.get("t");
    const locale = c.get("locale");
    const messages = (await mailbox.list({ limit: shownMessages })).map((stored) => ({
      ...messageSummary(stored, t),
      href: `/admin/mailbox/${encodeURIComponent(stored.id)}`,
      storedAt: stored.storedAt,
      // The server has no time zone of its own; UTC, named, is unambiguous.
      time: formatInstant(stored.storedAt, locale, "UTC"),
    }));
    c.header("X-Robots-Tag", "noindex");
    return c.html(
      deps.views.render("mailbox", { ...backOfficePageData(c, t("mail.mailbox.title")), messages }),
    );
  };
}
