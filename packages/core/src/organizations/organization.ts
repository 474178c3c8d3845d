import { z } from "zod";
import type { Id } from "../ids/id";
import type { Instant } from "../time/instant";

/** A studio, gym, school or shop: the owner of units, plans and customers. */
export interface Organization {
  id: Id<"organization">;
  name: string;
  createdAt: Instant;
}

export const organizationInputSchema = z.object({
  name: z.string().trim().min(1, "is required").max(200),
});
export type OrganizationInput = z.input<typeof organizationInputSchema>;
