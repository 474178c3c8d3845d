import type { Customer, SaleOutcome } from "@tessera/core";

/** What the API may show of a customer: everything but the client-area password's hash. */
export type PublicCustomer = Omit<Customer, "passwordHash">;

export function publicCustomer(customer: Customer): PublicCustomer {
  const { passwordHash: _passwordHash, ...shown } = customer;
  return shown;
}

/** A sale's outcome with its customer as the API may show them. */
export function publicOutcome(
  outcome: SaleOutcome,
): Omit<SaleOutcome, "customer"> & { customer: PublicCustomer } {
  return { ...outcome, customer: publicCustomer(outcome.customer) };
}
