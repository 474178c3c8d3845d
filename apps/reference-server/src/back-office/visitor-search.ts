import type { Customer, StaffMember, Tessera, Unit } from "@tessera/core";

/** How many visitors a search offers to choose from. */
const shownVisitors = 20;

/**
 * The visitors of the organization whose name, phone, e-mail or document holds `search`
 * (Otmechalka: "enter the visitor's surname, name or phone"), newest first: the one place the
 * activation page searches customers. A member scoped to one unit finds only customers with a
 * contract in it (another unit's customers are another unit's data); one scoped to the whole
 * organization finds any of its customers.
 */
export async function findVisitors(
  tessera: Tessera,
  staff: StaffMember,
  unit: Unit,
  search: string,
): Promise<Customer[]> {
  const page = await tessera.customers.list(staff.organizationId, {
    search,
    limit: shownVisitors,
    ...(staff.scope.kind === "unit" ? { unitId: unit.id } : {}),
  });
  return page.items;
}
