import type { Customer } from "@tessera/core";

/** What the API may show of a customer: everything but the client-area password's hash. */
export type PublicCustomer = Omit<Customer, "passwordHash">;

export function publicCustomer(customer: Customer): PublicCustomer {
  const { passwordHash: _passwordHash, ...shown } = customer;
  return shown;
}

/** A sale's or an order's outcome (or detail) with its customer as the API may show them. */
export function publicOutcome<Outcome extends { customer: Customer }>(
  outcome: Outcome,
): Omit<Outcome, "customer"> & { customer: PublicCustomer } {
  return { ...outcome, customer: publicCustomer(outcome.customer) };
}
