import { defineLifecycle } from "../lifecycle/transition-table";

/**
 * The four statuses of the recurring-credit report (BEMP seed: Aguardando, Confirmado,
 * Negado, Cancelado) plus `refunded`. A denied installment may still be collected by a
 * later attempt, so `denied → confirmed` is allowed.
 */
export const installmentLifecycle = defineLifecycle("installment", {
  awaiting: ["confirmed", "denied", "canceled"],
  denied: ["confirmed", "awaiting", "canceled"],
  confirmed: ["refunded"],
  canceled: [],
  refunded: [],
});
export type InstallmentStatus = (typeof installmentLifecycle.statuses)[number];
