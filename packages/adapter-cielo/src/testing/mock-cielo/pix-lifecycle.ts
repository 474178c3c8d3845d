import { randomInt, randomUUID } from "node:crypto";
import { dynamicPixBrCode } from "@tessera/core";
import type { CieloSale } from "./cielo-books";
import type { CieloContext } from "./cielo-context";

/**
 * A PIX at Cielo (manual "Pix"; docs.cielo.com.br "New Pix integration at Cielo", "Remove a
 * Pix QR Code", "Devolução Pix"): made Pending (12) with a QR code, paid (2) by the payer,
 * given back in full (11) or in part (stays 2) once Cielo's PIX provider takes a refund. An
 * unpaid `Cielo2` QR code can be removed (10 here: the status it leaves is not documented).
 * Past its life an unpaid QR code can no longer be paid and stays 12 — Cielo documents no
 * expired status, so the mock shows none.
 */

/** The legacy QR code lives two hours ("O tempo de expiração do QRCode Pix Cielo é de duas horas"). */
export const legacyPixLifetimeSeconds = 7_200;
/** A `Cielo2` QR code lives `QrCode.Expiration` seconds, 24 h when none is sent. */
export const cielo2DefaultLifetimeSeconds = 86_400;
/** BACEN's window for a devolução (manual "Regras para devolução Pix": 90 days). */
export const pixRefundWindowDays = 90;

const alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const randomText = (length: number) =>
  Array.from({ length }, () => alphanumeric[randomInt(alphanumeric.length)]).join("");

/** `E` + the payer's bank ISPB (8) + `yyyyMMddHHmm` (UTC) + 11 letters and digits: BACEN's endToEndId. */
function endToEndId(instant: string): string {
  const stamp = instant.replace(/[-:T]/g, "").slice(0, 12);
  return `E${String(randomInt(100_000_000)).padStart(8, "0")}${stamp}${randomText(11)}`;
}

export function makePixSale(
  context: CieloContext,
  input: {
    merchantOrderId: string;
    customerName: string;
    amount: number;
    provider: "Cielo2" | null;
    expiration: number | null;
  },
): CieloSale {
  const paymentId = randomUUID();
  const lifetimeSeconds =
    input.provider === "Cielo2"
      ? (input.expiration ?? cielo2DefaultLifetimeSeconds)
      : legacyPixLifetimeSeconds;
  const sale: CieloSale = {
    paymentId,
    merchantOrderId: input.merchantOrderId,
    type: "Pix",
    amount: input.amount,
    capture: false,
    capturedAmount: 0,
    voidedAmount: 0,
    voids: [],
    status: 12,
    returnCode: "0",
    returnMessage: "Pix gerado com sucesso",
    card: null,
    cardToken: null,
    receivedAt: context.clock.now(),
    customerName: input.customerName,
    tid: "",
    proofOfSale: String(randomInt(1_000_000)).padStart(6, "0"),
    authorizationCode: null,
    recurrentPaymentId: null,
    paidAmount: 0,
    paidAt: null,
    pix: {
      provider: input.provider,
      // The shape of Cielo's sandbox codes (`pix-create-response.json`): its QR host, a GUID path.
      qrCodeString: dynamicPixBrCode({
        location: `qrcodes-h.cielo.com.br/pix-qr/${randomUUID()}`,
        merchantName: "Merchant Teste HML",
        merchantCity: "Sao Paulo",
      }),
      lifetimeSeconds,
      expiration: input.provider === "Cielo2" ? input.expiration : null,
      txid: randomText(32),
      endToEndId: null,
      refunds: [],
    },
    boleto: null,
    outside: false,
  };
  context.books.sales.set(paymentId, sale);
  return sale;
}

/** When the QR code stops being payable. */
export function pixExpiresAt(sale: CieloSale): number {
  return Date.parse(sale.receivedAt) + (sale.pix?.lifetimeSeconds ?? 0) * 1000;
}

export type PixChange = { ok: true } | { ok: false; code: number; message: string; status?: number };

/** The payer pays the QR code: only once, only while it lives. */
export function payPix(context: CieloContext, sale: CieloSale): PixChange {
  if (sale.pix === null || sale.status !== 12)
    return { ok: false, code: 0, message: "This PIX is not waiting on a payment" };
  if (Date.parse(context.clock.now()) >= pixExpiresAt(sale))
    return { ok: false, code: 0, message: "The QR code has expired" };
  sale.status = 2;
  sale.paidAmount = sale.amount;
  sale.paidAt = context.clock.now();
  sale.returnMessage = "Operation Successful";
  if (sale.pix.provider === "Cielo2") sale.pix.endToEndId = endToEndId(sale.paidAt);
  context.notifier.send({ PaymentId: sale.paymentId, ChangeType: 1 });
  return { ok: true };
}

/** `PUT …/void` without an amount on an unpaid `Cielo2` QR code: removed, 10. The legacy provider documents no removal. */
export function removePix(context: CieloContext, sale: CieloSale): PixChange {
  if (sale.pix?.provider !== "Cielo2")
    return { ok: false, code: 309, message: "Transaction not available to void" };
  sale.status = 10;
  sale.returnMessage = "OPERACAO REALIZADA COM SUCESSO";
  context.notifier.send({ PaymentId: sale.paymentId, ChangeType: 1 });
  return { ok: true };
}

/** What is left to give back: paid less refunds taken or still requested. */
function refundable(sale: CieloSale): number {
  const committed = (sale.pix?.refunds ?? [])
    .filter((refund) => refund.status !== "denied")
    .reduce((sum, refund) => sum + refund.amount, 0);
  return sale.paidAmount - committed;
}

/**
 * `PUT …/void?amount=` on a paid PIX: a devolução requested ("Reembolso solicitado com
 * sucesso", answered 12), in full or in part, within 90 days of the payment; taken later by
 * `settlePixRefunds`. The `refuseNextVoid` fault answers the documented refusal (code 422,
 * "Error on pix service integration for moneyback": no balance to give back from).
 */
export function requestPixRefund(context: CieloContext, sale: CieloSale, amount: number | null): PixChange {
  if (context.faults.refuseNextVoid) {
    context.faults.refuseNextVoid = false;
    return { ok: false, code: 422, message: "Error on pix service integration for moneyback" };
  }
  const left = refundable(sale);
  const asked = amount ?? left;
  if (sale.status !== 2 || asked <= 0 || asked > left)
    return { ok: false, code: 312, message: "Transaction not available to refund" };
  const paidAt = Date.parse(sale.paidAt ?? sale.receivedAt);
  if (Date.parse(context.clock.now()) - paidAt > pixRefundWindowDays * 86_400_000)
    return { ok: false, code: 312, message: "Transaction not available to refund" };
  sale.pix?.refunds.push({ amount: asked, at: context.clock.now(), status: "requested" });
  return { ok: true };
}

/**
 * Cielo's PIX provider takes (or denies) every refund requested of a sale: taken, it adds to
 * `VoidedAmount` and a sale given back in full is 11; each is notified — ChangeType 1 for a
 * status change, 5 for "Cancellation (refund) denied" (manual "Tabela de ChangeType").
 */
export function settlePixRefunds(
  context: CieloContext,
  sale: CieloSale,
  outcome: "accepted" | "denied",
): number {
  const requested = (sale.pix?.refunds ?? []).filter((refund) => refund.status === "requested");
  for (const refund of requested) {
    refund.status = outcome;
    if (outcome === "accepted") {
      sale.voidedAmount += refund.amount;
      sale.voids.push({ amount: refund.amount, at: context.clock.now() });
    }
  }
  if (requested.length === 0) return 0;
  if (outcome === "accepted" && sale.voidedAmount >= sale.paidAmount) sale.status = 11;
  context.notifier.send({ PaymentId: sale.paymentId, ChangeType: outcome === "accepted" ? 1 : 5 });
  return requested.length;
}
