import type { Tessera } from "@tessera/core";
import { Hono } from "hono";
import type { Logger } from "../logging/logger";
import { assetNames, assetRoute } from "./assets-route";
import { healthRoute } from "./health-route";

/**
 * What machines and browsers fetch besides pages: `GET /healthz` for load balancers (JSON)
 * and `GET /assets/…`. No language, no cookies: these answer the same to everyone.
 */
export function systemArea(deps: { tessera: Tessera; logger: Logger }): Hono {
  const area = new Hono();
  area.get("/healthz", healthRoute(deps));
  for (const name of assetNames) area.get(`/assets/${name}`, assetRoute(name));
  return area;
}
