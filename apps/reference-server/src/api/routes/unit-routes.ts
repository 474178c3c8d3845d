import { canChangeUnitSettings, unitInputSchema } from "@tessera/core";
import { pageOf, pageQuerySchema } from "../api-pagination";
import { ApiProblem } from "../api-problem";
import { unitPage, unitView } from "../api-response-schemas";
import { apiRoute, type NamedSchema, noQuery } from "../api-route";
import { unitForKey, unitsForKey } from "../api-scope";

/** The settings a change may name (`unitInputSchema`'s, all optional, without `organizationId`). */
const unitChanges: NamedSchema = {
  name: "UnitChanges",
  schema: unitInputSchema.omit({ organizationId: true }),
  adjust: (schema) => {
    const { required: _required, ...rest } = schema;
    return rest;
  },
};

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
  apiRoute({
    method: "patch",
    path: "/units/{unit}",
    operationId: "updateUnit",
    tag: "Units",
    summary: "Changes a unit's settings",
    description:
      "The unit settings page's operation, for owners' and managers' keys (403 for a staff key). A slug another unit holds is a 422 naming `slug`; a payment method naming a gateway the server does not have is a 422 naming it.",
    params: { unit: "The unit's id (`unit_…`)." },
    query: noQuery,
    body: unitChanges,
    problems: [403],
    response: {
      status: 200,
      description: "The unit as changed.",
      schema: { name: "Unit", schema: unitView },
    },
    handle: async ({ tessera, key, params, body, audit }) => {
      const unit = await unitForKey(tessera, key, params["unit"] ?? "");
      if (!canChangeUnitSettings(key, unit)) {
        throw new ApiProblem("forbidden", "Only an owner's or a manager's key may change a unit's settings.");
      }
      const { organizationId: _organizationId, ...changes } = body;
      const changed = await tessera.organizations.updateUnit(unit.id, changes);
      await audit("unit.settings_changed", { kind: "unit", id: unit.id });
      return changed;
    },
  }),
];
