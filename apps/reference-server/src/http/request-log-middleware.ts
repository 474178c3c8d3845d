import { createMiddleware } from "hono/factory";
import type { Logger } from "../logging/logger";

/**
 * Writes one log line per request when its response is ready: method, path, status and
 * duration. Only the path: query strings and bodies may carry tokens or personal data.
 */
export function requestLogMiddleware(logger: Logger, now: () => number = () => performance.now()) {
  return createMiddleware(async (c, next) => {
    const started = now();
    await next();
    logger.info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((now() - started) * 10) / 10,
    });
  });
}
