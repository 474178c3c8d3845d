import {
  type ApiKey,
  type Contract,
  type ContractDetail,
  type Customer,
  canSeeUnit,
  type Order,
  type OrderDetail,
  type Payment,
  type Plan,
  type Tessera,
  type Unit,
} from "@tessera/core";
import { findCustomerOfUnit } from "../scope/customer-of-unit";
import { notFoundProblem } from "./api-problem";

/**
 * The records an address names, when the key may see them. A record of another
 * organization, or of a unit outside a unit-scoped key's unit, is a `404` exactly like one
 * that does not exist (`notFoundProblem`), so ids tried reveal nothing. Ids of the wrong
 * shape are the same `404`, never a validation error.
 */
export async function unitForKey(tessera: Tessera, key: ApiKey, id: string): Promise<Unit> {
  const unit = /^unit_[0-9A-Z]{1,60}$/.test(id)
    ? await tessera.organizations.getUnit(id as Unit["id"])
    : null;
  if (!unit || !canSeeUnit(key, unit)) throw notFoundProblem("unit");
  return unit;
}

/** The units of the key's organization it may see, in id order. */
export async function unitsForKey(tessera: Tessera, key: ApiKey): Promise<Unit[]> {
  const units = await tessera.organizations.listUnits(key.organizationId);
  return units.filter((unit) => canSeeUnit(key, unit));
}

/** A plan of a unit the key sees, with that unit. */
export async function planForKey(
  tessera: Tessera,
  key: ApiKey,
  id: string,
): Promise<{ plan: Plan; unit: Unit }> {
  const plan = /^plan_[0-9A-Z]{1,60}$/.test(id) ? await tessera.plans.get(id as Plan["id"]) : null;
  const unit = plan ? await tessera.organizations.getUnit(plan.unitId) : null;
  if (!plan || !unit || !canSeeUnit(key, unit)) throw notFoundProblem("plan");
  return { plan, unit };
}

/** A payment of a unit the key sees. */
export async function paymentForKey(tessera: Tessera, key: ApiKey, id: string): Promise<Payment> {
  const payment = /^pay_[0-9A-Z]{1,60}$/.test(id) ? await tessera.payments.get(id as Payment["id"]) : null;
  const unit = payment ? await tessera.organizations.getUnit(payment.unitId) : null;
  if (!payment || !unit || !canSeeUnit(key, unit)) throw notFoundProblem("payment");
  return payment;
}

/** A contract of a unit the key sees. */
export async function contractForKey(tessera: Tessera, key: ApiKey, id: string): Promise<Contract> {
  return (await contractDetailForKey(tessera, key, id)).contract;
}

/** A customer the key's unit sees (one with a contract in it), with that unit. */
export async function customerForKey(
  tessera: Tessera,
  key: ApiKey,
  unitId: string,
  id: string,
): Promise<{ customer: Customer; unit: Unit }> {
  const unit = await unitForKey(tessera, key, unitId);
  const customer = await findCustomerOfUnit(tessera, unit, id);
  if (!customer) throw notFoundProblem("customer");
  return { customer, unit };
}

/**
 * A customer the key sees, where no unit is in the address (their wallet, which serves every
 * unit of the organization): one of the key's organization — for a unit's key, one with a
 * contract in that unit, the line `customerForKey` and the back office draw.
 */
export async function customerInScopeForKey(tessera: Tessera, key: ApiKey, id: string): Promise<Customer> {
  const customer = /^cus_[0-9A-Z]{1,60}$/.test(id) ? await tessera.customers.get(id as Customer["id"]) : null;
  if (!customer || customer.organizationId !== key.organizationId) throw notFoundProblem("customer");
  if (key.scope.kind === "unit") {
    const unit = await tessera.organizations.getUnit(key.scope.unitId);
    if (!unit || !(await findCustomerOfUnit(tessera, unit, customer.id))) throw notFoundProblem("customer");
  }
  return customer;
}

/** A contract of a unit the key sees, as staff open it: customer, installments, payments, refunds. */
export async function contractDetailForKey(
  tessera: Tessera,
  key: ApiKey,
  id: string,
): Promise<ContractDetail> {
  const detail = /^ctr_[0-9A-Z]{1,60}$/.test(id) ? await tessera.contracts.get(id as Contract["id"]) : null;
  const unit = detail ? await tessera.organizations.getUnit(detail.contract.unitId) : null;
  if (!detail || !unit || !canSeeUnit(key, unit)) throw notFoundProblem("contract");
  return detail;
}

/** An order of a unit the key sees, as staff open it: customer, description, installments, payments, refunds. */
export async function orderDetailForKey(tessera: Tessera, key: ApiKey, id: string): Promise<OrderDetail> {
  const detail = /^ord_[0-9A-Z]{1,60}$/.test(id) ? await tessera.orders.get(id as Order["id"]) : null;
  const unit = detail ? await tessera.organizations.getUnit(detail.order.unitId) : null;
  if (!detail || !unit || !canSeeUnit(key, unit)) throw notFoundProblem("order");
  return detail;
}
