import { randomInt, randomUUID } from "node:crypto";
import { addDays, boletoCodes, type CalendarDate } from "@tessera/core";
import type { CieloSale } from "./cielo-books";
import { type CieloContext, saoPauloDay } from "./cielo-context";

/**
 * A registered boleto at Cielo (manual "Boleto"): issued at once with its URL, barcode and
 * digitable line (Status 1), paid (2) when Cielo reconciles it with the bank — except Banco
 * do Brasil's, which "não possuem o serviço de conciliação automática", so the mock never
 * marks one paid. Cielo voids no boleto.
 */

/** The COMPE code each provider's barcode starts with; Cielo's sandbox writes 000 (`boleto-response.json`). */
const bankCodes: Record<string, string> = {
  Bradesco2: "237",
  BancoDoBrasil2: "001",
  BancoDoBrasil3: "001",
  Simulado: "000",
};

/** The due day when the sale names none: the mock's own (Cielo applies the store's registered default). */
export const defaultBoletoDueDays = 7;

const digits = (length: number) => Array.from({ length }, () => randomInt(10)).join("");

/** The 47 digits as a bank prints them: `AAAAA.AAAAA BBBBB.BBBBBB CCCCC.CCCCCC D EEEEEEEEEEEEEE`. */
export function printedLine(line: string): string {
  return `${line.slice(0, 5)}.${line.slice(5, 10)} ${line.slice(10, 15)}.${line.slice(15, 21)} ${line.slice(21, 26)}.${line.slice(26, 32)} ${line.slice(32, 33)} ${line.slice(33)}`;
}

export function makeBoletoSale(
  context: CieloContext,
  input: {
    merchantOrderId: string;
    customerName: string;
    amount: number;
    provider: string;
    expirationDate: CalendarDate | null;
    demonstrative: string | null;
    instructions: string | null;
    assignor: string | null;
    identification: string | null;
  },
): CieloSale {
  const paymentId = randomUUID();
  const dueDate = input.expirationDate ?? addDays(saoPauloDay(context.clock.now()), defaultBoletoDueDays);
  const nossoNumero = digits(11);
  const codes = boletoCodes({
    bankCode: bankCodes[input.provider] ?? "000",
    amount: input.amount,
    dueDate,
    freeField: `${digits(4)}${nossoNumero}${digits(10)}`,
  });
  const sale: CieloSale = {
    paymentId,
    merchantOrderId: input.merchantOrderId,
    type: "Boleto",
    amount: input.amount,
    capture: false,
    capturedAmount: 0,
    voidedAmount: 0,
    voids: [],
    status: 1,
    returnCode: "",
    returnMessage: "",
    card: null,
    cardToken: null,
    receivedAt: context.clock.now(),
    customerName: input.customerName,
    tid: "",
    proofOfSale: "",
    authorizationCode: null,
    recurrentPaymentId: null,
    paidAmount: 0,
    paidAt: null,
    pix: null,
    boleto: {
      provider: input.provider,
      dueDate,
      number: `${Number(nossoNumero)}-${randomInt(10)}`,
      barcode: codes.barcode,
      digitableLine: printedLine(codes.digitableLine),
      url: `${context.origins.api}/post/pagador/reenvia.asp/${paymentId}`,
      demonstrative: input.demonstrative,
      instructions: input.instructions,
      assignor: input.assignor,
      identification: input.identification,
    },
    outside: false,
  };
  context.books.sales.set(paymentId, sale);
  return sale;
}

export type BoletoChange = { ok: true } | { ok: false; message: string };

/** The payer pays at the bank and Cielo reconciles it (ChangeType 1: "Boleto: Conciliação"). */
export function payBoleto(context: CieloContext, sale: CieloSale): BoletoChange {
  if (sale.boleto === null || sale.status !== 1)
    return { ok: false, message: "This boleto is not waiting on a payment" };
  if (sale.boleto.provider.startsWith("BancoDoBrasil"))
    return {
      ok: false,
      message: "Cielo does not reconcile Banco do Brasil boletos: it never learns one was paid",
    };
  sale.status = 2;
  sale.paidAmount = sale.amount;
  sale.paidAt = context.clock.now();
  context.notifier.send({ PaymentId: sale.paymentId, ChangeType: 1 });
  return { ok: true };
}
