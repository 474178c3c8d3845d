import { createMiddleware } from "hono/factory";
import type { Logger } from "../logging/logger";

/**
 * A buyer's checkout link is a capability (`/checkout/<id>/<token>`): the log keeps the id, to
 * find the sale, and never the token that opens its page.
 */
export function loggablePath(path: string): string {
  return path.replace(/^(\/checkout\/[^/]+\/)[^/]+/, "$1[token]");
}

/**
 * Writes one log line per request when its response is ready: method, path, status and
 * duration. Only the path, without its capability tokens: query strings and bodies may carry
 * tokens or personal data.
 */
export function requestLogMiddleware(logger: Logger, now: () => number = () => performance.now()) {
  return createMiddleware(async (c, next) => {
    const started = now();
    await next();
    logger.info("request", {
      method: c.req.method,
      path: loggablePath(c.req.path),
      status: c.res.status,
      durationMs: Math.round((now() - started) * 10) / 10,
    });
  });
}
