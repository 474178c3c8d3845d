import { type CreatePaymentRequest, gatewayError, periodStart } from "@tessera/core";
import { cieloBrandOfNumber, parseStoredCardToken } from "./card-token";
import { cieloIdentityOf } from "./customer-identity";

/** Cielo's recurrence intervals by months (manual "Modificando intervalo"). */
export const cieloIntervals = {
  1: "Monthly",
  2: "Bimonthly",
  3: "Quarterly",
  6: "SemiAnnual",
  12: "Annual",
} as const;

function creditCardOf(request: CreatePaymentRequest, origin: string, acceptRawCards: boolean) {
  const card = request.card;
  if (card === undefined)
    throw gatewayError(origin, "gateway_invalid_request", "A card payment needs a card.");
  switch (card.type) {
    case "token":
      if (card.brand === undefined || card.brand.trim() === "")
        throw gatewayError(
          origin,
          "gateway_invalid_request",
          "Cielo needs the card's brand beside a PaymentToken.",
          {
            details: { field: "card.brand" },
          },
        );
      return { PaymentToken: card.token, Brand: card.brand, SaveCard: card.saveForRenewals === true };
    case "stored": {
      const stored = parseStoredCardToken(card.token);
      if (stored === null)
        throw gatewayError(
          origin,
          "gateway_invalid_request",
          "That stored card token was not made by the Cielo adapter.",
        );
      return { CardToken: stored.cardToken, Brand: stored.brand };
    }
    case "raw":
      if (!acceptRawCards)
        throw gatewayError(
          origin,
          "gateway_invalid_request",
          "Raw card numbers are refused: the card must be tokenized in the browser (Silent Order Post).",
        );
      return {
        CardNumber: card.number,
        Holder: card.holder.slice(0, 25),
        ExpirationDate: `${String(card.expMonth).padStart(2, "0")}/${card.expYear}`,
        SecurityCode: card.cvc,
        Brand: cieloBrandOfNumber(card.number),
      };
  }
}

/**
 * `RecurrentPayment` for a recurrence the provider runs. Cielo charges the create's sale now
 * (`AuthorizeNow`) and the next one interval later; a different day for charge 2 is set
 * after the create (`NextPaymentDate`). `EndDate` is the day of the last charge.
 */
function recurrentPaymentOf(request: CreatePaymentRequest, origin: string) {
  const recurrence = request.recurrence;
  if (recurrence === undefined) return undefined;
  const months = recurrence.interval.unit === "month" ? recurrence.interval.count : null;
  const interval = months === null ? undefined : cieloIntervals[months as keyof typeof cieloIntervals];
  if (interval === undefined)
    throw gatewayError(
      origin,
      "gateway_invalid_request",
      "Cielo recurrences charge every 1, 2, 3, 6 or 12 months only.",
      { details: { field: "recurrence.interval" } },
    );
  if (recurrence.charges !== null && (!Number.isInteger(recurrence.charges) || recurrence.charges < 2))
    throw gatewayError(
      origin,
      "gateway_invalid_request",
      "A Cielo recurrence makes at least two charges: a single charge is a plain sale.",
      { details: { field: "recurrence.charges" } },
    );
  const endDate =
    recurrence.charges === null
      ? undefined
      : periodStart(recurrence.secondChargeOn, recurrence.interval, recurrence.charges - 2);
  return { AuthorizeNow: true, Interval: interval, ...(endDate !== undefined ? { EndDate: endDate } : {}) };
}

/** The `POST /1/sales/` body for a card payment (manual "Criando uma transação de crédito"). */
export function cieloSaleBody(
  request: CreatePaymentRequest,
  options: { origin: string; acceptRawCards: boolean; softDescriptor?: string },
) {
  const recurrentPayment = recurrentPaymentOf(request, options.origin);
  return {
    MerchantOrderId: request.idempotencyKey,
    Customer: {
      Name: request.payer.name.slice(0, 255),
      ...(cieloIdentityOf(request.payer.document) ?? {}),
      Email: request.payer.email,
    },
    Payment: {
      Type: "CreditCard",
      Amount: request.amount.amount,
      Installments: 1,
      // A recurrence's first charge is captured: every later one is (the manual's examples).
      Capture: recurrentPayment !== undefined ? true : request.capture !== false,
      ...(options.softDescriptor !== undefined ? { SoftDescriptor: options.softDescriptor } : {}),
      CreditCard: creditCardOf(request, options.origin, options.acceptRawCards),
      ...(recurrentPayment !== undefined ? { RecurrentPayment: recurrentPayment } : {}),
    },
  };
}
