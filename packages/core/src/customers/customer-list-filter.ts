import { z } from "zod";

/**
 * What staff find customers by, parsed at `tessera.customers.list`: `search` is a part of
 * the name or e-mail (any case, any accents) or of the CPF/CNPJ or phone (with or without
 * punctuation); `unitId` keeps those with a contract in the unit; `cursor` is the previous
 * page's `nextCursor`.
 */
export const customerListFilterSchema = z.object({
  unitId: z.string().startsWith("unit_", "must be a unit id").optional(),
  search: z.string().max(200).optional(),
  status: z.enum(["active", "blocked"]).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type CustomerListFilter = z.input<typeof customerListFilterSchema>;
