import {
  type ContractDetail,
  type Customer,
  isId,
  type OrderDetail,
  type Tessera,
  type Unit,
} from "@tessera/core";
import { HTTPException } from "hono/http-exception";
import { findCustomerOfUnit } from "../scope/customer-of-unit";

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

/** The order an address names, when it is the unit's: as for a contract, another unit's is a 404. */
export async function orderOfUnit(tessera: Tessera, unit: Unit, id: string): Promise<OrderDetail> {
  const detail = isId("order", id) ? await tessera.orders.get(id) : null;
  if (!detail || detail.order.unitId !== unit.id) throw notHere();
  return detail;
}

/** `findCustomerOfUnit`, a 404 page when the unit does not see them. */
export async function customerOfUnit(tessera: Tessera, unit: Unit, id: string): Promise<Customer> {
  const customer = await findCustomerOfUnit(tessera, unit, id);
  if (!customer) throw notHere();
  return customer;
}
