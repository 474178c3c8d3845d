import type { Customer } from "../customers/customer";
import type { InstallmentWithPayments } from "../installments/installment-history";
import type { Refund } from "../refunds/refund";
import type { Order } from "./order";

/** An order as staff open it: who bought what, what is due, what was tried, what went back. */
export interface OrderDetail {
  order: Order;
  customer: Customer;
  /** One line that names it: its first item, and how many more (`orderNote`). */
  description: string;
  /** In due order. */
  installments: InstallmentWithPayments[];
  /** Of the order's payments, oldest first. */
  refunds: Refund[];
}
