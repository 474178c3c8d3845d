import type { Tessera } from "@tessera/core";
import type { Context } from "hono";
import type { Logger } from "../logging/logger";

/**
 * GET /healthz — for load balancers and uptime checks. 200 `{ status: "ok", database: "ok" }`
 * when a cheap storage lookup succeeds; 503 with `database: "unavailable"` when it fails.
 */
export function healthRoute(deps: { tessera: Tessera; logger: Logger }) {
  return async (c: Context) => {
    c.header("Cache-Control", "no-store");
    try {
      await deps.tessera.ping();
      return c.json({ status: "ok", database: "ok" }, 200);
    } catch (error) {
      deps.logger.warn("health check failed", { err: error });
      return c.json({ status: "unavailable", database: "unavailable" }, 503);
    }
  };
}
