import type { Money, PaymentResult } from "@tessera/core";
import type { PagoLivreInstallment, PagoLivreOrder } from "./pagolivre-protocol";

const brl = (amount: number): Money => ({ amount, currency: "BRL" });

/** PagoLivre writes money as decimal reais (`12.5`); Tessera keeps integer centavos. */
export function centavosOf(reais: number): number {
  return Math.round(reais * 100);
}

/** Decimal reais for the wire, from centavos. */
export function reaisOf(centavos: number): number {
  return Number((centavos / 100).toFixed(2));
}

/**
 * Our reference of a monthly charge PagoLivre made by itself (charge 2, 3, …): the order's
 * key and the charge's number, so a lookup finds it by `GET /orders/byOrderKey/{key}`. Charge
 * 1 is the order itself (its `id`).
 */
export function monthlyChargeReference(orderKey: string, number: number): string {
  return `${orderKey}#${number}`;
}

export function parseMonthlyChargeReference(reference: string): { orderKey: string; number: number } | null {
  const match = /^(.+)#(\d+)$/.exec(reference);
  return match?.[1] !== undefined && match[2] !== undefined
    ? { orderKey: match[1], number: Number(match[2]) }
    : null;
}

function refundedOf(order: PagoLivreOrder): number {
  return (order.refunds ?? []).reduce(
    (sum, refund) => sum + (refund.status === "refunded" ? centavosOf(refund.amount) : 0),
    0,
  );
}

/** What charge 1 collects: the first monthly charge, or the whole order when PagoLivre lists none. */
function firstAmount(order: PagoLivreOrder, fallback: number): number {
  const first = order.installments?.find((charge) => charge.number === 1);
  return first !== undefined
    ? centavosOf(first.amount)
    : order.amount !== undefined
      ? centavosOf(order.amount)
      : fallback;
}

/**
 * The order as the port's result for charge 1 (`orderStatuses` in one table): `created` waits
 * on the payer at `paymentUrl`; `paid` (authorized counts, documented) succeeded; `declined`;
 * `canceled` is a drop when nothing was paid, else a paid charge refunded; `expired`.
 */
export function mapOrder(order: PagoLivreOrder, fallbackAmount: number): PaymentResult {
  const installments = order.installments ?? [];
  const base = {
    providerReference: order.id,
    rawStatus: order.status,
    amount: brl(firstAmount(order, fallbackAmount)),
    refundedAmount: brl(refundedOf(order)),
    ...(installments.length > 1 ? { recurrenceReference: order.id } : {}),
  };
  const first = installments.find((charge) => charge.number === 1);
  switch (order.status) {
    case "created":
      return {
        ...base,
        status: "pending",
        action: {
          type: "redirect",
          url: order.paymentUrl,
          expiresAt: new Date(order.expirationDate).toISOString(),
        },
      };
    case "paid":
      return {
        ...base,
        status: "succeeded",
        card: null,
        paidAt: first?.paidAt ? new Date(first.paidAt).toISOString() : null,
      };
    case "declined":
      return {
        ...base,
        status: "declined",
        declineCode: "card_declined",
        message: order.decliningReason ?? "recusado",
      };
    case "canceled":
      if (first?.status === "paid")
        return {
          ...base,
          status: "succeeded",
          card: null,
          paidAt: first.paidAt ? new Date(first.paidAt).toISOString() : null,
        };
      return { ...base, status: "canceled", reason: "by_us" };
    case "expired":
      return { ...base, status: "canceled", reason: "expired" };
  }
}

/** A monthly charge PagoLivre made by itself, as its own payment. */
export function mapMonthlyCharge(order: PagoLivreOrder, charge: PagoLivreInstallment): PaymentResult {
  const base = {
    providerReference: monthlyChargeReference(order.orderKey, charge.number),
    rawStatus: `${order.status}/${charge.status}`,
    amount: brl(centavosOf(charge.amount)),
    refundedAmount: brl(0),
    recurrenceReference: order.id,
  };
  switch (charge.status) {
    case "paid":
      return {
        ...base,
        status: "succeeded",
        card: null,
        paidAt: charge.paidAt ? new Date(charge.paidAt).toISOString() : null,
      };
    case "declined":
      return {
        ...base,
        status: "declined",
        declineCode: "card_declined",
        message: charge.decliningReason ?? "recusado",
      };
    case "canceled":
      return { ...base, status: "canceled", reason: "by_provider" };
    case "scheduled":
      return { ...base, status: "processing" };
  }
}
