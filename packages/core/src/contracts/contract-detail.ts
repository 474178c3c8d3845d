import type { Customer } from "../customers/customer";
import type { InstallmentWithPayments } from "../installments/installment-history";
import type { Refund } from "../refunds/refund";
import type { Contract } from "./contract";

/** A contract as staff open it: who bought it, what is due, what was tried, what went back. */
export interface ContractDetail {
  contract: Contract;
  customer: Customer;
  /** The plan's name as sold (the contract's terms), even after the plan was renamed. */
  planName: string;
  /** In due order. */
  installments: InstallmentWithPayments[];
  /** Of the contract's payments, oldest first. */
  refunds: Refund[];
}

export type { InstallmentWithPayments };
