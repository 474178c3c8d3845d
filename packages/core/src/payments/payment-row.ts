import type { Customer } from "../customers/customer";
import type { CardInput, CreatePaymentRequest, RecurrenceRequest } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import { addDays } from "../time/calendar-date";
import { calendarDateInZone } from "../time/timezone";
import type { Payment } from "./payment";
import { providerMethodOf } from "./payment-method";
import { newPaymentReference } from "./payment-reference";

/** How long a buyer has to pay a PIX charge. */
export const pixExpirySeconds = 3600;
/** Days until a boleto is due: long enough to pay at a bank, short enough to hold the sale. */
export const boletoDueInDays = 3;

/**
 * A new payment row, not yet answered (`pending`, no raw status): the write-ahead record
 * committed before the gateway is called. Its idempotency key — our reference at the
 * provider — is made in the shape the gateway declares (`capabilities.references`), unless
 * `known` gives it: a charge the provider made by itself, keyed by us alone, with the
 * provider's reference already known.
 */
export function newPaymentRow(
  ctx: ServiceContext,
  fields: Pick<
    Payment,
    "unitId" | "customerId" | "gatewayId" | "method" | "amount" | "installmentIds" | "attempt"
  > &
    Partial<Pick<Payment, "fromBalance">>,
  known?: { idempotencyKey: string; providerReference: string | null },
  /** The card a stored-card charge uses, as an earlier payment described it (its token kept, see `providerFieldsOf`). */
  card: Payment["card"] = null,
): Payment {
  const id = ctx.ids("payment");
  const now = ctx.clock.now();
  // A wallet payment goes to no gateway: its own id is its reference.
  const rules =
    fields.method === "wallet" ? null : ctx.gateways.get(fields.gatewayId).capabilities.references;
  // Written out rather than spread from `fields`: one allocation of the row's final shape.
  return {
    unitId: fields.unitId,
    customerId: fields.customerId,
    gatewayId: fields.gatewayId,
    method: fields.method,
    amount: fields.amount,
    fromBalance: fields.fromBalance ?? null,
    installmentIds: fields.installmentIds,
    attempt: fields.attempt,
    id,
    idempotencyKey: known?.idempotencyKey ?? (rules ? newPaymentReference(rules, id, ctx.randomBytes) : id),
    providerReference: known?.providerReference ?? null,
    status: "pending",
    rawStatus: null,
    action: null,
    failureCode: null,
    failureMessage: null,
    card,
    refundedAmount: { amount: 0, currency: fields.amount.currency },
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/**
 * The gateway request for a payment row. The card is passed through, never stored;
 * `recurrence` asks the provider to charge the later periods itself (`recurrenceRequestFor`).
 */
export function buildPaymentRequest(
  ctx: ServiceContext,
  payment: Payment,
  context: {
    description: string;
    payer: Customer;
    card: CardInput | undefined;
    timeZone: string;
    recurrence?: RecurrenceRequest | null;
    /** How long a PIX may be paid (default `pixExpirySeconds`, the checkout's hour). */
    pixExpiresInSeconds?: number;
  },
): CreatePaymentRequest {
  const { payer } = context;
  return {
    idempotencyKey: payment.idempotencyKey,
    amount: payment.amount,
    method: providerMethodOf(payment),
    description: context.description,
    payer: {
      name: payer.name,
      email: payer.email,
      phone: payer.phone,
      document: payer.document,
      address: payer.address,
    },
    ...(context.card ? { card: context.card } : {}),
    ...(payment.method === "boleto"
      ? { dueDate: addDays(calendarDateInZone(ctx.clock.now(), context.timeZone), boletoDueInDays) }
      : {}),
    ...(payment.method === "pix"
      ? { expiresInSeconds: context.pixExpiresInSeconds ?? pixExpirySeconds }
      : {}),
    ...(context.recurrence ? { recurrence: context.recurrence } : {}),
  };
}
