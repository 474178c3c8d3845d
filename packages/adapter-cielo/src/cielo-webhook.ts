import {
  type Clock,
  type GatewayEvent,
  secretsMatch,
  type WebhookInput,
  type WebhookParseResult,
} from "@tessera/core";
import { fetchRecurrence } from "./cielo-recurrence";
import type { CieloClient } from "./client";
import { type CieloReading, mapCieloPayment } from "./mapping";
import type { CieloEnvironment } from "./return-codes";
import { fetchSale } from "./sale-lookup";
import { cieloNotificationSchema } from "./schemas";

/**
 * Cielo's "Post de Notificação" carries only ids (`{PaymentId, ChangeType,
 * RecurrentPaymentId?}`) and no signature: the store's custom header proves little, so it
 * is checked in constant time and then every event is confirmed by querying the sale.
 * ChangeType 2 is a recurrent charge Cielo made by itself: the recurrence's
 * `RecurrentTransactions` say which charge (`PaymentNumber` 0 is the create's) and which try.
 * ChangeType 1 (a status changed) covers cards, a PIX paid or given back and a boleto
 * reconciled alike (manual "Post de Notificação": "Boleto: Conciliação"; "Pix": the
 * notifications of payment and of devolução); 5 (a refund denied) is read the same way, the
 * sale as it now stands.
 */
export interface CieloWebhookOptions {
  client: CieloClient;
  clock: Clock;
  environment: CieloEnvironment;
  origin: string;
  headerName: string;
  headerValue: string;
  /** How long a PIX QR code lives when Cielo's answer does not say (`CieloReading`). */
  pixLifetimeSeconds: number;
}

/** What reading a sale needs, as of the notification's arrival. */
function readingOf(options: CieloWebhookOptions): CieloReading {
  return {
    environment: options.environment,
    now: options.clock.now(),
    pixLifetimeSeconds: options.pixLifetimeSeconds,
  };
}

async function recurrenceChargeEvent(
  options: CieloWebhookOptions,
  paymentId: string,
  recurrentPaymentId: string,
): Promise<GatewayEvent[] | string> {
  const [recurrence, sale] = await Promise.all([
    fetchRecurrence(options.client, recurrentPaymentId, options.origin),
    fetchSale(options.client, paymentId, options.origin),
  ]);
  if (recurrence === null) return "Cielo has no such recurrence";
  if (!("found" in sale)) return "Cielo has no such sale";
  const transactions = recurrence.RecurrentTransactions;
  const index = transactions.findIndex((entry) => entry.PaymentId === paymentId);
  const transaction = transactions[index];
  if (transaction === undefined) return "the sale is not a charge of that recurrence";
  const payment = mapCieloPayment(sale.found.Payment, readingOf(options));
  if (transaction.PaymentNumber === 0) return [saleEvent(options, payment, sale.found.MerchantOrderId)];
  return [
    {
      providerEventId: `cielo:${paymentId}:recurrence:${sale.found.Payment.Status}`,
      payment: {
        ...payment,
        ...(payment.status === "unknown" ? {} : { recurrenceReference: recurrentPaymentId }),
      },
      // Cielo reuses the first sale's MerchantOrderId for every recurrent charge: not ours to match by.
      idempotencyKey: null,
      occurredAt: options.clock.now(),
      recurrenceCharge: {
        recurrenceReference: recurrentPaymentId,
        sequence: transaction.PaymentNumber + 1,
        attempt: transaction.TryNumber,
        recurrenceEnded: recurrence.Status !== 1 && index === transactions.length - 1,
      },
    },
  ];
}

function saleEvent(
  options: CieloWebhookOptions,
  payment: GatewayEvent["payment"],
  merchantOrderId: string,
): GatewayEvent {
  const refunded = payment.status === "unknown" ? 0 : payment.refundedAmount.amount;
  return {
    providerEventId: `cielo:${payment.providerReference}:${payment.rawStatus}:${refunded}`,
    payment,
    idempotencyKey: merchantOrderId,
    occurredAt: options.clock.now(),
  };
}

export async function parseCieloWebhook(
  options: CieloWebhookOptions,
  input: WebhookInput,
): Promise<WebhookParseResult> {
  const given = input.headers[options.headerName.toLowerCase()];
  if (given === undefined) return { authentic: false, reason: `no ${options.headerName} header` };
  if (!secretsMatch(given, options.headerValue))
    return { authentic: false, reason: `wrong ${options.headerName} header` };
  let json: unknown;
  try {
    json = JSON.parse(input.rawBody);
  } catch {
    return { authentic: false, reason: "the body is not JSON" };
  }
  const notification = cieloNotificationSchema.safeParse(json);
  if (!notification.success) return { authentic: false, reason: "not a Cielo notification" };
  const { PaymentId, ChangeType, RecurrentPaymentId } = notification.data;
  // 4: the recurrence itself changed (deactivated after retries, say); its charges were notified on their own.
  if (ChangeType === 4) return { authentic: true, events: [] };
  if (ChangeType === 2 && RecurrentPaymentId !== undefined) {
    const events = await recurrenceChargeEvent(options, PaymentId, RecurrentPaymentId);
    return typeof events === "string" ? { authentic: false, reason: events } : { authentic: true, events };
  }
  const sale = await fetchSale(options.client, PaymentId, options.origin);
  if ("missing" in sale) return { authentic: false, reason: "Cielo has no such sale" };
  if ("unknown" in sale) throw new Error(`Cielo could not confirm the notification: ${sale.unknown}`);
  const payment = mapCieloPayment(sale.found.Payment, readingOf(options));
  const recurrentPaymentId = sale.found.Payment.RecurrentPayment?.RecurrentPaymentId;
  if (recurrentPaymentId !== undefined) {
    const events = await recurrenceChargeEvent(options, PaymentId, recurrentPaymentId);
    if (typeof events !== "string") return { authentic: true, events };
  }
  return { authentic: true, events: [saleEvent(options, payment, sale.found.MerchantOrderId)] };
}
