import { TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { ServiceContext } from "../ports/service-context";
import { parseId, parseText } from "../validation/parse-id";
import { parseInput } from "../validation/parse-input";
import { type Organization, type OrganizationInput, organizationInputSchema } from "./organization";
import { type Unit, type UnitInput, unitInputSchema } from "./unit";

/** Organizations (studios) and their units (locations). */
export interface OrganizationService {
  createOrganization(input: OrganizationInput): Promise<Organization>;
  getOrganization(id: Id<"organization">): Promise<Organization | null>;
  /** Creates a unit; every payment method must name a configured gateway that offers it. */
  createUnit(input: UnitInput): Promise<Unit>;
  updateUnit(id: Id<"unit">, changes: Partial<Omit<UnitInput, "organizationId">>): Promise<Unit>;
  getUnit(id: Id<"unit">): Promise<Unit | null>;
  getUnitOrThrow(id: Id<"unit">): Promise<Unit>;
  findUnitBySlug(slug: string): Promise<Unit | null>;
  listUnits(organizationId: Id<"organization">): Promise<Unit[]>;
}

export function createOrganizationService(ctx: ServiceContext): OrganizationService {
  const checkMethods = (unit: Pick<Unit, "paymentMethods">) => {
    unit.paymentMethods.forEach(({ method, gatewayId }, index) => {
      const gateway = ctx.gateways.find(gatewayId);
      const problem = !gateway
        ? `gateway "${gatewayId}" is not configured`
        : !gateway.methods.includes(method)
          ? `gateway "${gatewayId}" does not offer ${method}`
          : null;
      if (problem) {
        throw new TesseraError("validation_failed", `Invalid unit: paymentMethods.${index}: ${problem}.`, {
          details: {
            issues: [
              { path: ["paymentMethods", index, "gatewayId"], code: "gateway_mismatch", message: problem },
            ],
          },
        });
      }
    });
  };

  /** A unit's methods may name its own provider accounts, never another unit's: their credentials collect another's money. */
  const checkAccounts = async (unitId: Id<"unit"> | null, unit: Pick<Unit, "paymentMethods">) => {
    for (const [index, { gatewayId }] of unit.paymentMethods.entries()) {
      const account = await ctx.storage.providerAccounts.findById(gatewayId);
      if (account && account.unitId !== unitId) {
        const problem = `gateway "${gatewayId}" is another unit's provider account`;
        throw new TesseraError("validation_failed", `Invalid unit: paymentMethods.${index}: ${problem}.`, {
          details: {
            issues: [
              { path: ["paymentMethods", index, "gatewayId"], code: "gateway_mismatch", message: problem },
            ],
          },
        });
      }
    }
  };

  const service: OrganizationService = {
    async createOrganization(input) {
      const data = parseInput(organizationInputSchema, input, "organization");
      const organization: Organization = {
        id: ctx.ids("organization"),
        name: data.name,
        createdAt: ctx.clock.now(),
      };
      await ctx.storage.transaction(async (tx) => {
        await tx.organizations.insert(organization);
        await tx.outbox.append([
          ctx.events("organization.created", { organizationId: organization.id }, null),
        ]);
      });
      return organization;
    },

    getOrganization: async (id) => ctx.storage.organizations.findById(parseId("organization", id)),

    async createUnit(input) {
      const data = parseInput(unitInputSchema, input, "unit");
      checkMethods(data);
      await checkAccounts(null, data);
      const organizationId = data.organizationId as Id<"organization">;
      if (!(await ctx.storage.organizations.findById(organizationId))) {
        throw new TesseraError("not_found", `Organization ${organizationId} does not exist.`, {
          details: { entity: "organization", id: organizationId },
        });
      }
      const now = ctx.clock.now();
      const unit: Unit = { ...data, organizationId, id: ctx.ids("unit"), createdAt: now, updatedAt: now };
      await ctx.storage.transaction(async (tx) => {
        await tx.units.insert(unit);
        await tx.outbox.append([ctx.events("unit.created", { unitId: unit.id }, unit.id)]);
      });
      return unit;
    },

    async updateUnit(id, changes) {
      const current = await service.getUnitOrThrow(id);
      if (changes === null || typeof changes !== "object") {
        throw new TesseraError("validation_failed", "Invalid unit: (input): the changes must be an object.", {
          details: { issues: [{ path: [], code: "invalid_type", message: "must be an object" }] },
        });
      }
      const data = parseInput(
        unitInputSchema,
        { ...current, ...changes, organizationId: current.organizationId },
        "unit",
      );
      checkMethods(data);
      await checkAccounts(current.id, data);
      // A clash names the field, not the generic "record changed" a unique index would give.
      const holder = data.slug === current.slug ? null : await ctx.storage.units.findBySlug(data.slug);
      if (holder && holder.id !== current.id) {
        throw new TesseraError("validation_failed", "Invalid unit: slug: is another unit's address.", {
          details: { issues: [{ path: ["slug"], code: "taken", message: "is another unit's address" }] },
        });
      }
      const unit: Unit = {
        ...current,
        ...data,
        organizationId: current.organizationId,
        updatedAt: ctx.clock.now(),
      };
      await ctx.storage.units.update(unit);
      return unit;
    },

    getUnit: async (id) => ctx.storage.units.findById(parseId("unit", id)),

    async getUnitOrThrow(rawId) {
      const id = parseId("unit", rawId);
      const unit = await ctx.storage.units.findById(id);
      if (!unit)
        throw new TesseraError("not_found", `Unit ${id} does not exist.`, {
          details: { entity: "unit", id },
        });
      return unit;
    },

    findUnitBySlug: async (slug) => ctx.storage.units.findBySlug(parseText(slug, "slug")),
    listUnits: async (organizationId) =>
      ctx.storage.units.listByOrganization(parseId("organization", organizationId, "organizationId")),
  };
  return service;
}
