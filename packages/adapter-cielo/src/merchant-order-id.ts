import { type CreatePaymentRequest, gatewayError, type PaymentMethod } from "@tessera/core";
import { type CieloMethodOptions, cieloMethods } from "./cielo-methods";

/**
 * Our reference at Cielo is the sale's `MerchantOrderId`: letters and digits, as long as
 * the method allows. Cielo does not deduplicate it — a second create under one id is a
 * second sale — so core never re-sends a create whose answer was lost (DESIGN §3).
 */

/**
 * The longest `MerchantOrderId` each method takes: 50 for cards and legacy PIX (manual),
 * 25 for a `Cielo2` PIX (reference "Create a payment with Pix QR Code"), 27 for a Bradesco
 * boleto and 50 for Banco do Brasil's, which is not sent to the bank (manual "Boleto",
 * "Regras Adicionais"; `BancoDoBrasil3` assumed as `BancoDoBrasil2`).
 */
export function merchantOrderIdLimit(method: PaymentMethod, options: CieloMethodOptions): number {
  if (method === "pix") return options.pixProvider === "Cielo2" ? 25 : 50;
  if (method === "boleto") return options.boleto === "Bradesco2" ? 27 : 50;
  return 50;
}

/** The longest reference core may make for this store: the tightest of its methods. */
export function cieloReferenceLength(options: CieloMethodOptions): number {
  return Math.min(...cieloMethods(options).map((method) => merchantOrderIdLimit(method, options)));
}

/** The request's key as `MerchantOrderId`, refused before sending when the method's Cielo would refuse it. */
export function merchantOrderIdFor(
  request: CreatePaymentRequest,
  options: CieloMethodOptions,
  origin: string,
): string {
  const limit = merchantOrderIdLimit(request.method, options);
  if (!new RegExp(`^[A-Za-z0-9]{1,${limit}}$`).test(request.idempotencyKey))
    throw gatewayError(
      origin,
      "gateway_invalid_request",
      `A Cielo ${request.method} takes a MerchantOrderId of 1 to ${limit} letters and digits.`,
      { details: { field: "idempotencyKey", maxLength: limit } },
    );
  return request.idempotencyKey;
}
