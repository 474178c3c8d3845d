import { createHash } from "node:crypto";
import { type CreatePaymentRequest, gatewayError } from "@tessera/core";
import { reaisOf } from "./mapping";
import { type PagoLivreOrderCreateRequest, pagolivreProtocol } from "./pagolivre-protocol";

/** A GUID made from `seed`, the same every time: a replay of one create carries one `requestId`. */
export function guidOf(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The payer's mobile as PagoLivre wants it: DDD and number, digits only, without +55. */
export function mobileNumberOf(phone: string | null): string | null {
  if (phone === null) return null;
  let digits = phone.replace(/\D/g, "");
  if ((digits.length === 12 || digits.length === 13) && digits.startsWith("55")) digits = digits.slice(2);
  return /^\d{10,11}$/.test(digits) ? digits : null;
}

/**
 * The `POST /orders` body: one link for the whole sale, paid in `installments` monthly
 * charges of equal amount (PagoLivre divides the order's amount; charge 1 on the hosted page).
 */
export function orderCreateBody(
  request: CreatePaymentRequest,
  options: { origin: string; callbackUrl: string; returnUrl: string },
): PagoLivreOrderCreateRequest {
  const refuse = (field: string, message: string) =>
    gatewayError(options.origin, "gateway_invalid_request", message, { details: { field } });
  if (request.payer.document?.kind !== "cpf")
    throw refuse("payer.document", "PagoLivre needs the payer's CPF.");
  const mobileNumber = mobileNumberOf(request.payer.phone);
  if (mobileNumber === null)
    throw refuse(
      "payer.phone",
      "PagoLivre sends the link by SMS: it needs the payer's mobile number with DDD.",
    );
  let installments = 1;
  const recurrence = request.recurrence;
  if (recurrence !== undefined) {
    if (recurrence.interval.unit !== "month" || recurrence.interval.count !== 1)
      throw refuse("recurrence.interval", "PagoLivre charges once a month only.");
    if (recurrence.charges === null)
      throw refuse(
        "recurrence.charges",
        "PagoLivre sells a fixed number of monthly charges, not an open-ended plan.",
      );
    if (recurrence.amount.amount !== request.amount.amount)
      throw refuse(
        "recurrence.amount",
        "PagoLivre divides the order evenly: every monthly charge must be the same.",
      );
    installments = recurrence.charges;
  }
  if (installments > pagolivreProtocol.create.maxInstallments)
    throw refuse(
      "recurrence.charges",
      `PagoLivre takes at most ${pagolivreProtocol.create.maxInstallments} monthly charges.`,
    );
  return {
    requestId: guidOf(`order:${request.idempotencyKey}`),
    orderKey: request.idempotencyKey,
    amount: reaisOf(request.amount.amount * installments),
    orderGuests: [{ cpf: request.payer.document.value, mobileNumber }],
    installments,
    receivingOptionType: "creditCard",
    callbackUrl: options.callbackUrl,
    returnUrl: options.returnUrl,
    description: request.description.slice(0, 255),
  };
}

/** The callback URL: our webhook URL with the API token PagoLivre authenticates itself by. */
export function callbackUrlOf(webhookUrl: string, token: string): string {
  const url = new URL(webhookUrl);
  url.searchParams.set(pagolivreProtocol.callback.tokenParameter, token);
  return url.toString();
}
