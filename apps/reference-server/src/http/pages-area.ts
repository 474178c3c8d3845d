import type { Tessera } from "@tessera/core";
import { Hono } from "hono";
import type { ServerConfig } from "../config/server-config";
import type { Logger } from "../logging/logger";
import { homePage } from "../pages/home-page";
import type { ViewRenderer } from "../views/view-renderer";
import type { AppEnv } from "./app-env";
import { errorHandler } from "./error-handler";
import { localeMiddleware } from "./locale-middleware";

/**
 * The public pages, for buyers: each request gets its language (`localeMiddleware`), and an
 * error is answered as a page in that language (or JSON for a client that asks for it).
 */
export function pagesArea(deps: {
  tessera: Tessera;
  config: ServerConfig;
  logger: Logger;
  views: ViewRenderer;
}): Hono<AppEnv> {
  const area = new Hono<AppEnv>();
  area.use(localeMiddleware(deps.config.defaultLocale));
  area.get("/", homePage(deps));
  area.onError(
    errorHandler({ logger: deps.logger, views: deps.views, defaultLocale: deps.config.defaultLocale }),
  );
  return area;
}
