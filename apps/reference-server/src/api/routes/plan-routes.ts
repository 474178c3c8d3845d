import { parseInput, planInputSchema } from "@tessera/core";
import { z } from "zod";
import { pageOf, pageQuerySchema } from "../api-pagination";
import { planPage, planView } from "../api-response-schemas";
import { apiRoute, type NamedSchema, noQuery } from "../api-route";
import { planForKey, unitForKey } from "../api-scope";
import { withoutFields } from "../schema-without-fields";

/** `planInputSchema`'s JSON Schema without `unitId`, which the address gives. */
const withoutUnitId = withoutFields("unitId");

const newPlan: NamedSchema = { name: "PlanInput", schema: planInputSchema, adjust: withoutUnitId };

/** A change names only the fields it changes: nothing is required. */
const planChanges: NamedSchema = {
  name: "PlanChanges",
  schema: planInputSchema,
  adjust: (schema) => {
    const { required: _required, ...rest } = withoutUnitId(schema);
    return rest;
  },
};

const planResponse = { name: "Plan", schema: planView };
const planParam = { plan: "The plan's id (`plan_…`)." };

/** Plans: the same operations as the back office's plan pages, through `tessera.plans`. */
export const planRoutes = [
  apiRoute({
    method: "get",
    path: "/units/{unit}/plans",
    operationId: "listPlans",
    tag: "Plans",
    summary: "The unit's plans",
    params: { unit: "The unit's id (`unit_…`)." },
    query: pageQuerySchema.extend({
      includeArchived: z
        .enum(["true", "false"])
        .default("false")
        .meta({ description: "`true` lists archived plans too." }),
    }),
    response: {
      status: 200,
      description: "A page of plans.",
      schema: { name: "PlanPage", schema: planPage },
    },
    handle: async ({ tessera, key, params, query }) => {
      const unit = await unitForKey(tessera, key, params["unit"] ?? "");
      const plans = await tessera.plans.list(unit.id, { includeArchived: query.includeArchived === "true" });
      return pageOf(plans, query);
    },
  }),
  apiRoute({
    method: "post",
    path: "/units/{unit}/plans",
    operationId: "createPlan",
    tag: "Plans",
    summary: "Creates a plan in the unit",
    description:
      "A slug another plan of the unit holds is a 409 naming `onlineSale.slug`, with a free one in `suggestion`.",
    params: { unit: "The unit's id (`unit_…`)." },
    query: noQuery,
    body: newPlan,
    problems: [409],
    response: { status: 201, description: "The plan made.", schema: planResponse },
    handle: async ({ tessera, key, params, body, audit }) => {
      const unit = await unitForKey(tessera, key, params["unit"] ?? "");
      const plan = await tessera.plans.create(
        parseInput(planInputSchema, { ...body, unitId: unit.id }, "plan"),
      );
      await audit("plan.created", { kind: "plan", id: plan.id });
      return plan;
    },
  }),
  apiRoute({
    method: "get",
    path: "/plans/{plan}",
    operationId: "getPlan",
    tag: "Plans",
    summary: "One plan",
    params: planParam,
    query: noQuery,
    response: { status: 200, description: "The plan.", schema: planResponse },
    handle: async ({ tessera, key, params }) => (await planForKey(tessera, key, params["plan"] ?? "")).plan,
  }),
  apiRoute({
    method: "patch",
    path: "/plans/{plan}",
    operationId: "updatePlan",
    tag: "Plans",
    summary: "Changes a plan",
    description: "Contracts already sold keep their own copy of the terms.",
    params: planParam,
    query: noQuery,
    body: planChanges,
    problems: [409],
    response: { status: 200, description: "The plan as changed.", schema: planResponse },
    handle: async ({ tessera, key, params, body, audit }) => {
      const { plan } = await planForKey(tessera, key, params["plan"] ?? "");
      // The same merge core makes, parsed here so the body meets core's schema at the edge.
      const changes = parseInput(planInputSchema, { ...plan, ...body, unitId: plan.unitId }, "plan");
      const changed = await tessera.plans.update(plan.id, changes);
      await audit("plan.updated", { kind: "plan", id: plan.id });
      return changed;
    },
  }),
  apiRoute({
    method: "post",
    path: "/plans/{plan}/archive",
    operationId: "archivePlan",
    tag: "Plans",
    summary: "Takes a plan off sale",
    description: "Contracts sold from it stay as they are.",
    params: planParam,
    query: noQuery,
    problems: [409],
    response: { status: 200, description: "The archived plan.", schema: planResponse },
    handle: async ({ tessera, key, params, audit }) => {
      const { plan } = await planForKey(tessera, key, params["plan"] ?? "");
      const archived = await tessera.plans.archive(plan.id);
      await audit("plan.archived", { kind: "plan", id: plan.id });
      return archived;
    },
  }),
];
