import { z } from "zod";
import type { Id } from "../ids/id";
import type { Money } from "../money/money";
import { nonNegativeMoneySchema } from "../money/money";
import type { Instant } from "../time/instant";
import type { OrderStatus } from "./order-status";

export interface OrderItem {
  description: string;
  quantity: number;
  unitPrice: Money;
}

/** A one-off sale (a shop order, a service order), optionally paid in installments. */
export interface Order {
  id: Id<"order">;
  unitId: Id<"unit">;
  customerId: Id<"customer">;
  items: OrderItem[];
  total: Money;
  installmentCount: number;
  status: OrderStatus;
  /** True when the wallet balance paid it (imprimaSTORE: "Descontado do saldo"). */
  paidFromBalance: boolean;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}

export const orderItemSchema = z.object({
  description: z.string().trim().min(1, "is required").max(300),
  quantity: z.number().int().min(1),
  unitPrice: nonNegativeMoneySchema,
});
