import type { Tessera } from "@tessera/core";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { buttonJsonRoute } from "../embed/button-json-route";
import { embedScriptRoute } from "../embed/embed-script-route";

/**
 * `/embed` — what other sites load to show a plan's buy button: the script
 * (`/embed/button.js`) and each button's design (`/embed/buttons/:unit/:plan`). Open to every
 * origin for reading (CORS `*`, no credentials: nothing here depends on who asks), and
 * fetchable across origins (`Cross-Origin-Resource-Policy: cross-origin`).
 */
export function embedArea(deps: { tessera: Tessera }): Hono {
  const area = new Hono();
  area.use(async (c, next) => {
    await next();
    c.header("Cross-Origin-Resource-Policy", "cross-origin");
    c.header("X-Content-Type-Options", "nosniff");
  });
  area.use("/buttons/*", cors({ origin: "*", allowMethods: ["GET"], credentials: false }));
  area.get("/button.js", embedScriptRoute());
  area.get("/buttons/:unit/:plan", buttonJsonRoute(deps));
  return area;
}
