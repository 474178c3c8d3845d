import { pageOf, pageQuerySchema } from "../api-pagination";
import { unitPage, unitView } from "../api-response-schemas";
import { apiRoute, noQuery } from "../api-route";
import { unitForKey, unitsForKey } from "../api-scope";

/** The units the key sees: all of its organization's, or its own unit's alone. */
export const unitRoutes = [
  apiRoute({
    method: "get",
    path: "/units",
    operationId: "listUnits",
    tag: "Units",
    summary: "The units the key may see",
    query: pageQuerySchema,
    response: {
      status: 200,
      description: "A page of units.",
      schema: { name: "UnitPage", schema: unitPage },
    },
    handle: async ({ tessera, key, query }) => pageOf(await unitsForKey(tessera, key), query),
  }),
  apiRoute({
    method: "get",
    path: "/units/{unit}",
    operationId: "getUnit",
    tag: "Units",
    summary: "One unit and its settings",
    params: { unit: "The unit's id (`unit_…`)." },
    query: noQuery,
    response: { status: 200, description: "The unit.", schema: { name: "Unit", schema: unitView } },
    handle: async ({ tessera, key, params }) => unitForKey(tessera, key, params["unit"] ?? ""),
  }),
];
