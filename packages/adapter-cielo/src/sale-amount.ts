import { type CreatePaymentRequest, gatewayError } from "@tessera/core";

/** `Payment.Amount`: whole centavos above zero (API error 108 "Amount must be greater or equal to zero", described "maior que 0"). */
export function cieloAmountOf(request: CreatePaymentRequest, origin: string): number {
  const amount = request.amount.amount;
  if (!Number.isSafeInteger(amount) || amount < 1)
    throw gatewayError(
      origin,
      "gateway_invalid_request",
      "Cielo charges a positive whole number of centavos.",
      {
        details: { field: "amount" },
      },
    );
  return amount;
}
