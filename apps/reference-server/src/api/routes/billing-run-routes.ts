import { z } from "zod";
import { billingRunList } from "../api-response-schemas";
import { apiRoute } from "../api-route";
import { unitForKey } from "../api-scope";

/** Runs answered at most, as `tessera.billing.history` allows. */
export const maxBillingRuns = 100;

/** `?limit=`: how many of the latest runs, 1–100, 10 by default (`billing.history`'s own). */
const billingRunQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxBillingRuns)
    .default(10)
    .meta({ description: `How many of the latest runs, 1–${maxBillingRuns}.` }),
});

/** What the billing run did in a unit (`tessera.billing.history`): every key that sees the unit may read it. */
export const billingRunRoutes = [
  apiRoute({
    method: "get",
    path: "/units/{unit}/billing-runs",
    operationId: "listBillingRuns",
    tag: "Billing",
    summary: "What the latest billing runs did in a unit, newest first",
    description:
      "One record per run that did anything in the unit (claimed a line, added a period, renewed or ended a contract, sent a reminder): a run that found nothing leaves none. No cursor: the latest `limit` runs only.",
    params: { unit: "The unit's id (`unit_…`)." },
    query: billingRunQuerySchema,
    response: {
      status: 200,
      description: "The unit's latest runs, newest first.",
      schema: { name: "BillingRunList", schema: billingRunList },
    },
    handle: async ({ tessera, key, params, query }) => {
      const unit = await unitForKey(tessera, key, params["unit"] ?? "");
      return { data: await tessera.billing.history(unit.id, query.limit) };
    },
  }),
];
