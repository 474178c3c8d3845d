import type { Id, Organization, OrganizationRepository } from "@tessera/core";
import type { RepositoryContext } from "../repository-context";
import { writeUnique } from "../write-conflict";

export function createOrganizationRepository(ctx: RepositoryContext): OrganizationRepository {
  const { db, codec } = ctx;
  return {
    async insert(organization) {
      await writeUnique(ctx, "organization", () =>
        db
          .insertInto("organizations")
          .values({ id: organization.id, name: organization.name, created_at: organization.createdAt })
          .execute(),
      );
    },

    async findById(id) {
      const row = await db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) return null;
      const organization: Organization = {
        id: row.id as Id<"organization">,
        name: row.name,
        createdAt: codec.readInstant(row.created_at),
      };
      return organization;
    },
  };
}
