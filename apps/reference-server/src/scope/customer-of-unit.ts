import { type Customer, isId, type Tessera, type Unit } from "@tessera/core";

/**
 * The customer an address names, when the unit sees them: customers belong to the
 * organization, so one of another organization is null, and so is one who never bought in
 * this unit (no contract and no order in it) — a unit's staff (and a unit's API key) see the
 * buyers of their unit, not every buyer of the studio. The back office's and the API's 404
 * both stand on this.
 */
export async function findCustomerOfUnit(tessera: Tessera, unit: Unit, id: string): Promise<Customer | null> {
  const customer = isId("customer", id) ? await tessera.customers.get(id) : null;
  if (!customer || customer.organizationId !== unit.organizationId) return null;
  const contracts = await tessera.contracts.list({ unitId: unit.id, customerId: customer.id, limit: 1 });
  if (contracts.items.length > 0) return customer;
  const orders = await tessera.orders.list({ unitId: unit.id, customerId: customer.id, limit: 1 });
  return orders.items.length === 0 ? null : customer;
}
