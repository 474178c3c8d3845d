import { TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { ServiceContext } from "../ports/service-context";
import { parseId, parseText } from "../validation/parse-id";
import { parseInput } from "../validation/parse-input";
import { buttonDesignSchema, type Plan, type PlanInput, planInputSchema } from "./plan";
import { freeSlug, slugFromName, slugTakenError } from "./plan-slug";

/** The plans a unit sells, and their online-sale settings. */
export interface PlanService {
  /** Creates a plan in its unit's currency. */
  create(input: PlanInput): Promise<Plan>;
  /** Changes a plan; contracts already sold keep their own snapshot of the terms. */
  update(id: Id<"plan">, changes: Partial<Omit<PlanInput, "unitId">>): Promise<Plan>;
  /** Takes a plan off sale without touching the contracts sold from it. */
  archive(id: Id<"plan">): Promise<Plan>;
  get(id: Id<"plan">): Promise<Plan | null>;
  getOrThrow(id: Id<"plan">): Promise<Plan>;
  /** The plan sold online at `slug` in the unit, or null when none is on sale there. */
  findOnSale(unitId: Id<"unit">, slug: string): Promise<Plan | null>;
  list(unitId: Id<"unit">, filter?: { onlineOnly?: boolean; includeArchived?: boolean }): Promise<Plan[]>;
}

export function createPlanService(ctx: ServiceContext): PlanService {
  /** The nameless-plan fallback keeps a derived slug valid (2+ characters). */
  const nameSlug = (name: string) => {
    const slug = slugFromName(name);
    return slug.length >= 2 ? slug : `plan-${ctx.ids("plan").slice(-8).toLowerCase()}`;
  };

  /** Parses a plan and gives it a free slug; `self` is the plan being changed, whose own slug is no clash. */
  const validate = async (
    input: unknown,
    self: Id<"plan"> | null,
  ): Promise<Omit<Plan, "id" | "createdAt" | "updatedAt" | "version" | "status">> => {
    const data = parseInput(planInputSchema, input, "plan");
    const unitId = data.unitId as Id<"unit">;
    const unit = await ctx.storage.units.findById(unitId);
    if (!unit) {
      throw new TesseraError("validation_failed", `Invalid plan: unitId: unit ${unitId} does not exist.`, {
        details: { issues: [{ path: ["unitId"], code: "not_found", message: "unit does not exist" }] },
      });
    }
    if (data.price.currency !== unit.currency) {
      throw new TesseraError(
        "validation_failed",
        `Invalid plan: price.currency: the unit sells in ${unit.currency}.`,
        {
          details: {
            issues: [
              { path: ["price", "currency"], code: "currency_mismatch", message: `must be ${unit.currency}` },
            ],
          },
        },
      );
    }
    const onlineSale = data.onlineSale ?? {
      enabled: false,
      slug: await freeSlug(ctx, unitId, nameSlug(data.name), self),
      buttonText: "Comprar",
      buttonDesign: buttonDesignSchema.parse({}),
    };
    const holder = await ctx.storage.plans.findByOnlineSlug(unitId, onlineSale.slug);
    if (holder && holder.id !== self) {
      throw slugTakenError(onlineSale.slug, holder, await freeSlug(ctx, unitId, onlineSale.slug, self));
    }
    return { ...data, unitId, onlineSale };
  };

  const service: PlanService = {
    async create(input) {
      const data = await validate(input, null);
      const now = ctx.clock.now();
      const plan: Plan = {
        ...data,
        id: ctx.ids("plan"),
        status: "active",
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await ctx.storage.transaction(async (tx) => {
        await tx.plans.insert(plan);
        await tx.outbox.append([ctx.events("plan.created", { planId: plan.id }, plan.unitId)]);
      });
      return plan;
    },

    async update(id, changes) {
      const current = await service.getOrThrow(id);
      if (changes === null || typeof changes !== "object") {
        throw new TesseraError("validation_failed", "Invalid plan: (input): the changes must be an object.", {
          details: { issues: [{ path: [], code: "invalid_type", message: "must be an object" }] },
        });
      }
      const data = await validate({ ...current, ...changes, unitId: current.unitId }, current.id);
      return ctx.storage.transaction(async (tx) => {
        const plan = await tx.plans.update({ ...current, ...data, updatedAt: ctx.clock.now() });
        await tx.outbox.append([ctx.events("plan.updated", { planId: plan.id }, plan.unitId)]);
        return plan;
      });
    },

    async archive(id) {
      const current = await service.getOrThrow(id);
      return ctx.storage.transaction(async (tx) => {
        const plan = await tx.plans.update({ ...current, status: "archived", updatedAt: ctx.clock.now() });
        await tx.outbox.append([ctx.events("plan.updated", { planId: plan.id }, plan.unitId)]);
        return plan;
      });
    },

    get: async (id) => ctx.storage.plans.findById(parseId("plan", id)),

    async getOrThrow(rawId) {
      const id = parseId("plan", rawId);
      const plan = await ctx.storage.plans.findById(id);
      if (!plan)
        throw new TesseraError("not_found", `Plan ${id} does not exist.`, {
          details: { entity: "plan", id },
        });
      return plan;
    },

    async findOnSale(unitId, slug) {
      const plan = await ctx.storage.plans.findByOnlineSlug(
        parseId("unit", unitId, "unitId"),
        parseText(slug, "slug"),
      );
      return plan && plan.status === "active" && plan.onlineSale.enabled ? plan : null;
    },

    list: async (unitId, filter) => ctx.storage.plans.listByUnit(parseId("unit", unitId, "unitId"), filter),
  };
  return service;
}
