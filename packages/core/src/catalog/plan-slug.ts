import { TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { ServiceContext } from "../ports/service-context";
import type { Plan } from "./plan";

/** Longest slug a unit's plan may have (`slugSchema`). */
const maxSlugLength = 64;

/** A plan's name as an address: accents dropped, lower case, runs of anything else a dash. */
export function slugFromName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxSlugLength)
    .replace(/-+$/, "");
}

/**
 * The first of `base`, `base-2`, `base-3`, … no other plan of the unit holds — archived plans
 * included, since their links stay theirs (a buyer with an old link is told the plan is off
 * sale, never sold another plan under its address).
 */
export async function freeSlug(
  ctx: ServiceContext,
  unitId: Id<"unit">,
  base: string,
  self: Id<"plan"> | null = null,
): Promise<string> {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : `-${n}`;
    const candidate = `${base.slice(0, maxSlugLength - suffix.length).replace(/-+$/, "")}${suffix}`;
    const holder = await ctx.storage.plans.findByOnlineSlug(unitId, candidate);
    if (!holder || holder.id === self) return candidate;
  }
}

/** The clash of a slug another plan holds, naming the field and a free slug to use instead. */
export function slugTakenError(
  slug: string,
  holder: Pick<Plan, "name" | "status">,
  suggestion: string,
): TesseraError {
  const whose =
    holder.status === "archived" ? `the archived plan "${holder.name}"` : `the plan "${holder.name}"`;
  return new TesseraError(
    "conflict",
    `The address "${slug}" is already ${whose}'s in this unit; choose another, such as "${suggestion}".`,
    {
      details: {
        entity: "plan",
        field: "onlineSale.slug",
        suggestion,
        issues: [
          { path: ["onlineSale", "slug"], code: "taken", message: `is taken; "${suggestion}" is free` },
        ],
      },
    },
  );
}
