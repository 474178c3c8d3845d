import type { Id } from "../ids/id";
import { decodePageCursor, encodePageCursor } from "../ids/page-cursor";
import type { ServiceContext } from "../ports/service-context";
import type { Page } from "../ports/storage";
import { parseId } from "../validation/parse-id";
import { parseInput } from "../validation/parse-input";
import type { Customer } from "./customer";
import { type CustomerListFilter, customerListFilterSchema } from "./customer-list-filter";

/** `tessera.customers.list`: an organization's customers, newest first, page by page. */
export async function listCustomers(
  ctx: ServiceContext,
  organizationId: Id<"organization">,
  input: CustomerListFilter = {},
): Promise<Page<Customer>> {
  const scope = parseId("organization", organizationId, "organizationId");
  const filter = parseInput(customerListFilterSchema, input, "customer filter");
  const page = await ctx.storage.customers.list(scope, {
    limit: filter.limit,
    after: decodePageCursor("customer", filter.cursor),
    newestFirst: true,
    ...(filter.unitId ? { unitId: filter.unitId as Id<"unit"> } : {}),
    ...(filter.search ? { search: filter.search } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  });
  return { items: page.items, nextCursor: encodePageCursor(page.nextCursor) };
}
