import { type ContractDetail, type Customer, isId, type Tessera, type Unit } from "@tessera/core";
import { HTTPException } from "hono/http-exception";

const notHere = () => new HTTPException(404, { message: "no such record in this unit" });

/**
 * The contract an address names, when it is the unit's: a contract of another unit (or
 * organization) under this unit's address is a 404, like one that does not exist — the
 * member's scope was checked on the unit (`unitInScope`), and the record must be the unit's.
 */
export async function contractOfUnit(tessera: Tessera, unit: Unit, id: string): Promise<ContractDetail> {
  const detail = isId("contract", id) ? await tessera.contracts.get(id) : null;
  if (!detail || detail.contract.unitId !== unit.id) throw notHere();
  return detail;
}

/**
 * The customer an address names, when the unit sees them: customers belong to the
 * organization, so one of another organization is a 404, and so is one with no contract in
 * this unit — a unit's staff see the buyers of their unit, not every buyer of the studio.
 */
export async function customerOfUnit(tessera: Tessera, unit: Unit, id: string): Promise<Customer> {
  const customer = isId("customer", id) ? await tessera.customers.get(id) : null;
  if (!customer || customer.organizationId !== unit.organizationId) throw notHere();
  const contracts = await tessera.contracts.list({ unitId: unit.id, customerId: customer.id, limit: 1 });
  if (contracts.items.length === 0) throw notHere();
  return customer;
}
