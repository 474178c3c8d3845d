import type { Tessera } from "@tessera/core";
import { Hono } from "hono";
import type { ServerConfig } from "../config/server-config";
import type { Logger } from "../logging/logger";
import { notFoundPage } from "../pages/not-found-page";
import { createViewRenderer } from "../views/view-renderer";
import type { AppEnv } from "./app-env";
import { errorHandler } from "./error-handler";
import { pagesArea } from "./pages-area";
import { requestLogMiddleware } from "./request-log-middleware";
import { systemArea } from "./system-area";
import { webhooksArea } from "./webhooks-area";

/** What the app is built from: one Tessera instance, the server's configuration, a logger. */
export interface AppOptions {
  tessera: Tessera;
  config: ServerConfig;
  logger: Logger;
}

/**
 * The server's Hono app, with no socket: serve it with `@hono/node-server`, or call
 * `app.request()` in tests. Routes are grouped in areas, each a Hono sub-app with its own
 * middleware and error rendering, mounted with `app.route()`: system (health, assets),
 * webhooks (JSON), public pages (HTML, in the visitor's language). The pages area is
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
  const app = new Hono<AppEnv>();

  app.use(requestLogMiddleware(logger));
  app.route("/", systemArea({ tessera, logger }));
  app.route(
    "/webhooks",
    webhooksArea({ tessera, logger, clientCertificateHeader: config.clientCertificateHeader }),
  );
  app.route("/", pagesArea({ tessera, config, logger, views }));

  app.notFound(notFoundPage(views));
  // Errors outside every area (the request log itself) fall back to the page rendering.
  app.onError(errorHandler({ logger, views, defaultLocale: config.defaultLocale }));
  return app;
}
