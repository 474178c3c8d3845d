import { randomInt } from "node:crypto";
import { boletoCodes } from "../boleto/boleto-line";
import type { PayerAction } from "../payments/payer-action";
import type { CreatePaymentRequest, PaymentResult } from "../ports/gateway";
import { type CalendarDate, compareDates, isCalendarDate } from "../time/calendar-date";
import { calendarDateInZone } from "../time/timezone";
import { paymentResultOf } from "./sandbox-lookup";
import { newCharge, recordCharge } from "./sandbox-record-charge";
import { newSandboxReference } from "./sandbox-reference";
import { invalidRequest, type SandboxState } from "./sandbox-state";

/** Banks' codes are three digits; 999 belongs to none, so a sandbox boleto can never be paid for real. */
const sandboxBankCode = "999";

/**
 * A boleto: pending, with a barcode and digitable line of bank 999 and a random free
 * field, until the payer pays (`sandbox.pay`, or `autoPayAfterMs`); it does not expire.
 * Refused as Banco Inter refuses: a due date in the past (in Brasília time), no CPF/CNPJ or
 * address, less than R$ 2,50 or more than R$ 99.999.999,99.
 */
export function chargeBoleto(state: SandboxState, request: CreatePaymentRequest): PaymentResult {
  const dueDate: CalendarDate | undefined = request.dueDate;
  if (dueDate === undefined || !isCalendarDate(dueDate)) {
    throw invalidRequest(state, "A boleto needs `dueDate` (YYYY-MM-DD).", { field: "dueDate" });
  }
  // Banks read a boleto's days in Brasília time.
  if (compareDates(dueDate, calendarDateInZone(state.clock.now(), "America/Sao_Paulo")) < 0) {
    throw invalidRequest(state, "A boleto cannot fall due in the past.", { field: "dueDate" });
  }
  // What `capabilities.methodRules.boleto` declares, enforced as Banco Inter does.
  if (request.payer.document === null) {
    throw invalidRequest(state, "A boleto needs the payer's CPF or CNPJ.", { field: "payer.document" });
  }
  if (request.payer.address === null) {
    throw invalidRequest(state, "A boleto needs the payer's address.", { field: "payer.address" });
  }
  if (request.amount.amount < 250) {
    throw invalidRequest(state, "A boleto is at least R$ 2,50.", { field: "amount.amount" });
  }
  if (request.amount.amount > 9_999_999_999) {
    throw invalidRequest(state, "A boleto is at most R$ 99.999.999,99.", { field: "amount.amount" });
  }
  const freeField = Array.from({ length: 25 }, () => randomInt(10)).join("");
  const codes = boletoCodes({
    bankCode: sandboxBankCode,
    amount: request.amount.amount,
    dueDate,
    freeField,
  });
  const reference = newSandboxReference("sbxpay");
  const action: PayerAction = {
    type: "boleto",
    digitableLine: codes.digitableLine,
    barcode: codes.barcode,
    dueDate,
    pdfUrl:
      state.options.boletoPdfBaseUrl === undefined
        ? null
        : `${state.options.boletoPdfBaseUrl.replace(/\/$/, "")}/${reference}.pdf`,
    pixPayload: null,
  };
  const charge = newCharge(
    state,
    request,
    { status: "pending", paidAt: null, card: null, decline: null, action },
    reference,
  );
  recordCharge(state, charge);
  return paymentResultOf(state, charge);
}
