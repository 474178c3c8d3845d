/**
 * The quickstart's webhook route for Hono (docs/library-quickstart.md, "Webhooks"): a
 * provider's notification handed to `tessera.webhooks.receive` exactly as it arrived.
 * Mount it in your app with `app.route("/", webhookRoutes(tessera))`.
 */
import type { Tessera } from "@tessera/core";
import { Hono } from "hono";

export function webhookRoutes(tessera: Tessera): Hono {
  const app = new Hono();
  app.post("/webhooks/:gatewayId", async (c) => {
    const gatewayId = c.req.param("gatewayId");
    if (!tessera.gateways.find(gatewayId)) return c.notFound();
    const receipt = await tessera.webhooks.receive(gatewayId, {
      headers: c.req.header(), // every header, names in lower case
      rawBody: await c.req.text(), // the bytes the signature covers: never re-serialized JSON
    });
    // 401 for a forged or unverifiable notification (recorded, nothing changed); otherwise
    // 200, also for a replay or an event of no payment of ours, so the provider stops resending.
    return c.json(receipt, receipt.accepted ? 200 : 401);
  });
  return app;
}
