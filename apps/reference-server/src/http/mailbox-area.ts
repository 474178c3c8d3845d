import { Hono } from "hono";

/**
 * `/mailbox` — where the dev mailbox's pages were before the back office had its log-in:
 * they are now owners' pages at `/admin/mailbox`, and old bookmarks are sent there (the log-in
 * comes first for a visitor without a session).
 */
export function mailboxArea(): Hono {
  const area = new Hono();
  area.get("/", (c) => c.redirect("/admin/mailbox", 301));
  area.get("/:id", (c) => c.redirect(`/admin/mailbox/${encodeURIComponent(c.req.param("id"))}`, 301));
  return area;
}
