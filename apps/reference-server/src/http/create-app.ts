import type { Tessera } from "@tessera/core";
import { Hono } from "hono";
import type { ServerConfig } from "../config/server-config";
import type { Logger } from "../logging/logger";
import { homePage } from "../pages/home-page";
import { notFoundPage } from "../pages/not-found-page";
import { createViewRenderer } from "../views/view-renderer";
import type { AppEnv } from "./app-env";
import { stylesheetRoute } from "./assets-route";
import { errorHandler } from "./error-handler";
import { healthRoute } from "./health-route";
import { localeMiddleware } from "./locale-middleware";
import { requestLogMiddleware } from "./request-log-middleware";

/** What the app is built from: one Tessera instance, the server's configuration, a logger. */
export interface AppOptions {
  tessera: Tessera;
  config: ServerConfig;
  logger: Logger;
}

/**
 * The server's Hono app, with no socket: serve it with `@hono/node-server`, or call
 * `app.request()` in tests.
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
  app.use(localeMiddleware(config.defaultLocale));

  app.get("/healthz", healthRoute({ tessera, logger }));
  app.get("/assets/site.css", stylesheetRoute());
  app.get("/", homePage({ tessera, config, views }));

  app.notFound(notFoundPage(views));
  app.onError(errorHandler({ logger, views, defaultLocale: config.defaultLocale }));
  return app;
}
