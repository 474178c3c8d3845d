import type { Contract } from "./contract";

/**
 * True when this contract blocks its customer: it is `past_due`, or still `pending_payment`
 * with a payment issue (a failed checkout; Tecnofit seed). A customer's derived `status` is
 * `blocked` while any of their contracts does — storage derives it in SQL on every read
 * (`customerIsBlocked` in `@tessera/storage-kysely`), and the storage conformance suite holds
 * the two to the same answer. Core uses this to know, without reading the customer, that news
 * which leaves the contract's blocking as it was leaves the customer's status as it was.
 */
export function blocksCustomer(contract: Pick<Contract, "status" | "paymentIssue">): boolean {
  return (
    contract.status === "past_due" ||
    (contract.status === "pending_payment" && contract.paymentIssue !== null)
  );
}
