import type { CalendarDate, Instant, Money } from "@tessera/core";
import type {
  PagoLivreInstallmentStatus,
  PagoLivreOrderStatus,
  PagoLivreReceivingOption,
  PagoLivreRefundStatus,
} from "../../pagolivre-protocol";

/**
 * PagoLivre's ledger of orders, their monthly charges and refunds: what the routes and the
 * controls read and change, and what `records()` shows a test (the independent path it
 * checks a gateway against). Money is integer centavos throughout.
 */

export interface PagoLivreGuest {
  cpf: string;
  mobileNumber: string;
}

export interface InstallmentState {
  number: number;
  dueDate: CalendarDate;
  /** Centavos. */
  amount: number;
  status: PagoLivreInstallmentStatus;
  attempt: number;
  paidAt?: Instant;
  decliningReason?: string;
}

export interface RefundState {
  cancellationRequestId: string;
  /** Centavos. */
  amount: number;
  status: PagoLivreRefundStatus;
}

export interface OrderState {
  id: string;
  orderKey: string;
  requestId: string;
  /** Centavos: the whole order, every monthly charge together. */
  amount: number;
  status: PagoLivreOrderStatus;
  receivingOptionType: PagoLivreReceivingOption;
  guests: PagoLivreGuest[];
  callbackUrl: string;
  returnUrl: string;
  description?: string;
  createdAt: Instant;
  expirationDate: Instant;
  decliningReason: string | null;
  cancelingReason: string | null;
  installments: InstallmentState[];
  refunds: RefundState[];
  /** The cancellationRequestIds already acted on (a repeat changes nothing). */
  cancellations: Set<string>;
  /** When this order was last looked up (ms), for the 1-per-second limit. */
  lastLookupMs: number | null;
  /**
   * The mock's model of the card the payer gave on the hosted page: what each monthly charge
   * PagoLivre makes by itself comes to (`pay(…, { laterCharges })`, default paid).
   */
  laterCharges: "paid" | "declined";
}

export interface PagoLivreInstallmentRecord {
  number: number;
  dueDate: CalendarDate;
  amount: Money;
  status: PagoLivreInstallmentStatus;
  attempt: number;
  paidAt?: Instant;
  decliningReason?: string;
}

export interface PagoLivreRefundRecord {
  cancellationRequestId: string;
  amount: Money;
  status: PagoLivreRefundStatus;
}

/** An order as `records()` shows it. */
export interface PagoLivreOrderRecord {
  id: string;
  orderKey: string;
  requestId: string;
  status: PagoLivreOrderStatus;
  amount: Money;
  /** What the monthly charges paid so far took from the payer. */
  collected: Money;
  /** What refunds gave back, pending ones included. */
  refunded: Money;
  receivingOptionType: PagoLivreReceivingOption;
  guests: PagoLivreGuest[];
  installments: PagoLivreInstallmentRecord[];
  refunds: PagoLivreRefundRecord[];
  paymentUrl: string;
  callbackUrl: string;
  returnUrl: string;
  createdAt: Instant;
  expirationDate: Instant;
  decliningReason: string | null;
}

export interface PagoLivreRecords {
  /** Oldest first. */
  orders: PagoLivreOrderRecord[];
}

export interface PagoLivreBooks {
  /** By id, in creation order. */
  orders: Map<string, OrderState>;
  add(order: OrderState): void;
  /** The most recent order with this orderKey (several exist only in `observed` behaviour). */
  latestByKey(orderKey: string): OrderState | undefined;
  /** By id, else by orderKey. */
  find(orderKeyOrId: string): OrderState | undefined;
  records(paymentUrlOf: (id: string) => string): PagoLivreRecords;
}

const brl = (amount: number): Money => ({ amount, currency: "BRL" });

export const collectedOf = (order: OrderState): number =>
  order.installments.reduce((sum, charge) => sum + (charge.status === "paid" ? charge.amount : 0), 0);

export const refundedOf = (order: OrderState): number =>
  order.refunds.reduce((sum, refund) => sum + refund.amount, 0);

function recordOf(order: OrderState, paymentUrl: string): PagoLivreOrderRecord {
  return {
    id: order.id,
    orderKey: order.orderKey,
    requestId: order.requestId,
    status: order.status,
    amount: brl(order.amount),
    collected: brl(collectedOf(order)),
    refunded: brl(refundedOf(order)),
    receivingOptionType: order.receivingOptionType,
    guests: order.guests.map((guest) => ({ ...guest })),
    installments: order.installments.map((charge) => ({ ...charge, amount: brl(charge.amount) })),
    refunds: order.refunds.map((refund) => ({ ...refund, amount: brl(refund.amount) })),
    paymentUrl,
    callbackUrl: order.callbackUrl,
    returnUrl: order.returnUrl,
    createdAt: order.createdAt,
    expirationDate: order.expirationDate,
    decliningReason: order.decliningReason,
  };
}

export function createPagoLivreBooks(): PagoLivreBooks {
  const orders = new Map<string, OrderState>();
  const byKey = new Map<string, OrderState[]>();
  return {
    orders,
    add(order) {
      orders.set(order.id, order);
      byKey.set(order.orderKey, [...(byKey.get(order.orderKey) ?? []), order]);
    },
    latestByKey: (orderKey) => byKey.get(orderKey)?.at(-1),
    find(orderKeyOrId) {
      return orders.get(orderKeyOrId) ?? byKey.get(orderKeyOrId)?.at(-1);
    },
    records: (paymentUrlOf) => ({
      orders: [...orders.values()].map((order) => recordOf(order, paymentUrlOf(order.id))),
    }),
  };
}

/** A JSON number of reais as centavos (`2.5` → 250), rounding off float noise. */
export const centavosOf = (reais: number): number => Math.round(reais * 100);

/** Centavos as a JSON number of reais (`250` → 2.5). */
export const reaisOf = (centavos: number): number => centavos / 100;
