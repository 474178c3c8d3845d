import { randomBytes } from "node:crypto";
import type { Notifier, Tessera } from "@tessera/core";
import type { SandboxGateway } from "@tessera/core/sandbox";
import { Hono } from "hono";
import { apiArea } from "../api/api-area";
import { createPayLinks } from "../checkout/pay-link";
import { createReceiptLinks } from "../checkout/receipt-link";
import type { ServerConfig } from "../config/server-config";
import type { Logger } from "../logging/logger";
import type { DevMailbox } from "../notifications/dev-mailbox";
import { notFoundPage } from "../pages/not-found-page";
import { createViewRenderer } from "../views/view-renderer";
import type { AppEnv } from "./app-env";
import { backOfficeArea } from "./back-office-area";
import { embedArea } from "./embed-area";
import { errorHandler } from "./error-handler";
import { mailboxArea } from "./mailbox-area";
import { pagesArea } from "./pages-area";
import { requestLogMiddleware } from "./request-log-middleware";
import { sandboxArea } from "./sandbox-area";
import { systemArea } from "./system-area";
import { webhooksArea } from "./webhooks-area";

/** What the app is built from: one Tessera instance, the server's configuration, a logger. */
export interface AppOptions {
  tessera: Tessera;
  config: ServerConfig;
  logger: Logger;
  /**
   * The key buyers' checkout and pay links are signed with (`loadServerKey`). Default: a random key
   * of this app alone — links it gives out stop working when it stops (tests only).
   */
  serverKey?: Uint8Array;
  /**
   * The sandbox gateway when it is registered (`composeServer`'s `sandbox`): its
   * provider-side routes are mounted at `/sandbox`. Default: none, and no `/sandbox` routes.
   */
  sandbox?: SandboxGateway | null;
  /**
   * The dev mailbox when it is the notifier (`composeServer`'s `mailbox`): its messages are
   * listed to owners at `/admin/mailbox` (`/mailbox` redirects there). Default: none, and no
   * mailbox routes (SMTP sends for real).
   */
  mailbox?: DevMailbox | null;
  /** The notifier, for the back office's "resend the payment instructions". Default: none (the action says so). */
  notifier?: Notifier | null;
}

/**
 * The server's Hono app, with no socket: serve it with `@hono/node-server`, or call
 * `app.request()` in tests. Routes are grouped in areas, each a Hono sub-app with its own
 * middleware and error rendering, mounted with `app.route()`: system (health, assets),
 * webhooks (JSON), the sandbox's provider-side routes (when it is registered), the dev
 * mailbox's pages (when it is the notifier), the staff back office (`/admin`, signed in),
 * public pages (HTML, in the visitor's language). The pages area is
 * mounted last at `/`: its middleware matches every path, and the other areas answer first.
 *
 * @example
 * ```ts
 * const app = createApp({ tessera, config, logger });
 * const res = await app.request("/healthz"); // 200 { status: "ok", database: "ok" }
 * ```
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const { tessera, config, logger } = options;
  const views = createViewRenderer();
  const serverKey = options.serverKey ?? new Uint8Array(randomBytes(32));
  const receipts = createReceiptLinks(serverKey);
  const payLinks = createPayLinks(serverKey);
  const app = new Hono<AppEnv>();

  app.use(requestLogMiddleware(logger));
  app.route("/", systemArea({ tessera, logger }));
  app.route(
    "/webhooks",
    webhooksArea({ tessera, logger, clientCertificateHeader: config.clientCertificateHeader }),
  );
  if (options.sandbox) app.route("/sandbox", sandboxArea({ tessera, sandbox: options.sandbox, logger }));
  if (options.mailbox) app.route("/mailbox", mailboxArea());
  app.route("/embed", embedArea({ tessera }));
  app.route("/api/v1", apiArea({ tessera, logger, defaultLocale: config.defaultLocale }));
  app.route(
    "/admin",
    backOfficeArea({
      tessera,
      config,
      logger,
      views,
      serverKey,
      payLinks,
      mailbox: options.mailbox ?? null,
      notifier: options.notifier ?? null,
    }),
  );
  app.route("/", pagesArea({ tessera, config, logger, views, receipts, payLinks }));

  app.notFound(notFoundPage(views));
  // Errors outside every area (the request log itself) fall back to the page rendering.
  app.onError(errorHandler({ logger, views, defaultLocale: config.defaultLocale }));
  return app;
}
