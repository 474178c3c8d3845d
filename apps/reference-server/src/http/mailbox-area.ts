import { Hono } from "hono";
import type { ServerConfig } from "../config/server-config";
import type { Logger } from "../logging/logger";
import type { DevMailbox } from "../notifications/dev-mailbox";
import { mailboxMessagePage } from "../pages/mailbox-message-page";
import { mailboxPage } from "../pages/mailbox-page";
import type { ViewRenderer } from "../views/view-renderer";
import type { AppEnv } from "./app-env";
import { errorHandler } from "./error-handler";
import { localeMiddleware } from "./locale-middleware";

/**
 * `/mailbox` — what the dev mailbox "sent", for whoever runs the server without SMTP:
 * `GET /mailbox` lists the newest messages, `GET /mailbox/:id` shows one. Mounted only while
 * the dev mailbox is the notifier. The messages name buyers, so the pages are never cached
 * or indexed; until the back office has its staff login they are open to anyone who can
 * reach the server (by default only this machine: it listens on 127.0.0.1).
 */
export function mailboxArea(deps: {
  mailbox: DevMailbox;
  config: ServerConfig;
  logger: Logger;
  views: ViewRenderer;
}): Hono<AppEnv> {
  const area = new Hono<AppEnv>();
  area.use(localeMiddleware(deps.config.defaultLocale));
  area.use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
    c.header("X-Robots-Tag", "noindex");
  });
  area.get("/", mailboxPage(deps));
  area.get("/:id", mailboxMessagePage(deps));
  area.onError(
    errorHandler({ logger: deps.logger, views: deps.views, defaultLocale: deps.config.defaultLocale }),
  );
  return area;
}
