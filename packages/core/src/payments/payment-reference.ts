import type { PaymentReference, ReferenceRules } from "../ports/gateway";
import type { Payment } from "./payment";
import { providerMethodOf } from "./payment-method";

/** What core tells a gateway about a payment it asks after (lookup, cancel, capture). */
export function referenceOf(payment: Payment): PaymentReference {
  return {
    idempotencyKey: payment.idempotencyKey,
    providerReference: payment.providerReference,
    method: providerMethodOf(payment),
    amount: payment.amount,
    createdAt: payment.createdAt,
  };
}

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * Our reference for a new payment, in the shape the gateway declares. The payment id
 * without its underscore (29 letters and digits, time-sortable and readable in support
 * chats) when it fits; otherwise the id's ULID (26); otherwise random Crockford base-32
 * characters — Inter's 15-character `seuNumero` still holds 75 random bits, so two of a
 * studio's payments never share one. A UUID v4 for providers that want one (PagoLivre).
 */
export function newPaymentReference(
  rules: ReferenceRules,
  paymentId: Payment["id"],
  randomBytes: (size: number) => Uint8Array,
): string {
  if (rules.kind === "uuid") return uuidV4(randomBytes(16));
  const fromId = paymentId.replace("_", "");
  const ulid = paymentId.slice(paymentId.indexOf("_") + 1);
  for (const candidate of [fromId, ulid]) {
    if (candidate.length >= rules.minLength && candidate.length <= rules.maxLength) return candidate;
  }
  const length = Math.min(rules.maxLength, Math.max(rules.minLength, 26));
  return Array.from(randomBytes(length), (byte) => alphabet[byte % 32]).join("");
}

function uuidV4(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
