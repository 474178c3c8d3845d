import { isLuhnValid } from "@tessera/core/sandbox";
import { z } from "zod";
import { makeBoletoSale } from "./boleto-lifecycle";
import type { CieloCard, CieloSale } from "./cielo-books";
import type { CieloContext } from "./cielo-context";
import { cieloError, unauthorized } from "./cielo-errors";
import {
  cardTokenizeRequestSchema,
  cieloErrorsOf,
  intervalMonths,
  saleRequestSchema,
} from "./cielo-request-schemas";
import { json, type MockAnswer, type MockRequest } from "./loopback-server";
import { makePixSale, removePix, requestPixRefund } from "./pix-lifecycle";
import { rescheduleRecurrence, startRecurrence } from "./recurrence-lifecycle";
import { captureSale, makeCardSale, voidSale } from "./sale-lifecycle";
import { saleView } from "./sale-view";

/** MerchantId and MerchantKey on every call; a wrong pair is a bare 401. */
export function merchantRefusal(context: CieloContext, request: MockRequest): MockAnswer | null {
  if (request.headers.merchantid === undefined) return cieloError(101, "MerchantId is required");
  if (request.headers.merchantkey === undefined) return cieloError(131, "MerchantKey is required");
  if (
    request.headers.merchantid !== context.merchantId ||
    request.headers.merchantkey !== context.merchantKey
  )
    return unauthorized;
  return null;
}

/** Cielo wants `Content-Type: application/json` on every POST and PUT, a bodiless PUT included (mock: 415). */
function contentTypeRefusal(request: MockRequest): MockAnswer | null {
  const type = request.headers["content-type"] ?? "";
  return type.toLowerCase().startsWith("application/json") ? null : { status: 415 };
}

function parseJson(body: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(body) };
  } catch {
    return null;
  }
}

/** The card a sale charges: typed, saved (`CardToken`) or from Silent Order Post (`PaymentToken`, once). */
function cardOf(
  context: CieloContext,
  input: z.output<typeof saleRequestSchema>["Payment"] & { Type: "CreditCard" },
): { card: CieloCard; saveCard: boolean } | MockAnswer {
  const given = input.CreditCard;
  if ("CardNumber" in given) {
    const card = {
      number: given.CardNumber,
      holder: given.Holder,
      expirationDate: given.ExpirationDate,
      brand: given.Brand,
    };
    if (given.SaveCard === true && !isLuhnValid(given.CardNumber))
      return cieloError(213, "Credit Card Number is invalid");
    return { card, saveCard: given.SaveCard === true };
  }
  if ("CardToken" in given) {
    const card = context.books.cards.get(given.CardToken);
    if (card === undefined) return cieloError(130, "Could not get Credit Card");
    return { card: { ...card, brand: given.Brand }, saveCard: false };
  }
  const token = context.books.paymentTokens.get(given.PaymentToken);
  if (token === undefined || token.used || token.expiresAt < context.clock.now())
    return cieloError(180, "The provided Card PaymentToken was not found");
  token.used = true;
  if (token.card.brand !== "" && token.card.brand.toLowerCase() !== given.Brand.toLowerCase())
    return cieloError(185, "Brand is not supported by selected provider");
  return { card: { ...token.card, brand: given.Brand }, saveCard: given.SaveCard === true };
}

/** The answer to a create once the sale is made: 201 for every sale, a denial included — or held, for the `after_charge` fault. */
function madeAnswer(context: CieloContext, made: CieloSale): MockAnswer {
  // Cielo posts a status change for a new sale too (check: the manual names only "mudança de status").
  context.notifier.send({ PaymentId: made.paymentId, ChangeType: 1 });
  if (context.faults.nextCreate === "after_charge") {
    context.faults.nextCreate = null;
    return { held: true };
  }
  return json(201, saleView(context.books, context.origins, made));
}

function createSale(context: CieloContext, request: MockRequest): MockAnswer {
  const parsed = parseJson(request.body);
  if (parsed === null) return cieloError(0, "Invalid JSON");
  const sale = saleRequestSchema.safeParse(parsed.value);
  if (!sale.success) return json(400, cieloErrorsOf(sale.error.issues));
  const payment = sale.data.Payment;
  const customer = sale.data.Customer;
  if (payment.Type !== "CreditCard" && context.disabledMethods.has(payment.Type))
    return cieloError(173, "Payment method is not enabled");
  if (payment.Type === "Pix")
    return madeAnswer(
      context,
      makePixSale(context, {
        merchantOrderId: sale.data.MerchantOrderId,
        customerName: customer.Name,
        amount: payment.Amount,
        provider: payment.Provider ?? null,
        expiration: payment.QrCode?.Expiration ?? null,
      }),
    );
  if (payment.Type === "Boleto")
    return madeAnswer(
      context,
      makeBoletoSale(context, {
        merchantOrderId: sale.data.MerchantOrderId,
        // Bradesco's name is cut at 34 by Cielo itself ("A API Cielo trunca automaticamente").
        customerName: payment.Provider === "Bradesco2" ? customer.Name.slice(0, 34) : customer.Name,
        amount: payment.Amount,
        provider: payment.Provider,
        expirationDate: payment.ExpirationDate ?? null,
        demonstrative: payment.Demonstrative ?? null,
        instructions: payment.Instructions ?? null,
        assignor: payment.Assignor ?? null,
        identification: payment.Identification ?? null,
      }),
    );
  if (payment.RecurrentPayment !== undefined && payment.Installments !== 1)
    return cieloError(179, "The max number of installments allowed for recurring payment is 1");
  const chosen = cardOf(context, payment);
  if (!("card" in chosen)) return chosen;
  const made = makeCardSale(context, {
    merchantOrderId: sale.data.MerchantOrderId,
    customerName: sale.data.Customer.Name,
    amount: payment.Amount,
    capture: payment.Capture ?? false,
    card: chosen.card,
    saveCard: chosen.saveCard,
  });
  const recurrent = payment.RecurrentPayment;
  if (recurrent !== undefined) {
    if (!recurrent.AuthorizeNow) return cieloError(0, "The mock makes only AuthorizeNow recurrences");
    startRecurrence(context, made, {
      intervalMonths: intervalMonths[recurrent.Interval],
      startDate: recurrent.StartDate ?? null,
      endDate: recurrent.EndDate ?? null,
      card: chosen.card,
    });
  }
  return madeAnswer(context, made);
}

function amountParameter(request: MockRequest): number | null | "invalid" {
  const raw = request.url.searchParams.get("amount");
  if (raw === null) return null;
  return /^\d+$/.test(raw) ? Number(raw) : "invalid";
}

function changeSale(
  context: CieloContext,
  request: MockRequest,
  paymentId: string,
  action: string,
): MockAnswer {
  const sale = context.books.sales.get(paymentId);
  if (sale === undefined) return cieloError(307, "Transaction not found", 404);
  const amount = amountParameter(request);
  if (amount === "invalid") return cieloError(108, "Amount must be greater or equal to zero");
  if (sale.type === "Pix") return action === "void" ? voidPix(context, sale, amount) : notForCards(action);
  if (sale.type === "Boleto") return notForCards(action);
  if (action === "capture") {
    const outcome = captureSale(context, sale, amount);
    if (!outcome.ok) return cieloError(outcome.code, outcome.message);
    return json(200, {
      Status: sale.status,
      ReasonCode: 0,
      ReasonMessage: "Successful",
      ProviderReturnCode: "6",
      ProviderReturnMessage: "Operation Successful",
      ReturnCode: "6",
      ReturnMessage: "Operation Successful",
    });
  }
  const outcome = voidSale(context, sale, amount);
  if (outcome.kind === "error") return cieloError(outcome.code, outcome.message);
  return json(200, {
    Status: sale.status,
    ReasonCode: outcome.kind === "done" ? 0 : 7,
    ReasonMessage: outcome.kind === "done" ? "Successful" : "Denied",
    ProviderReturnCode: outcome.returnCode,
    ProviderReturnMessage: outcome.message,
    ReturnCode: outcome.returnCode,
    ReturnMessage: outcome.message,
  });
}

/** Cielo captures cards only, and voids no boleto ("Voided: todos, exceto boleto"). */
function notForCards(action: string): MockAnswer {
  return action === "capture"
    ? cieloError(308, "Transaction not available to capture")
    : cieloError(309, "Transaction not available to void");
}

/**
 * `PUT …/void[?amount=]` on a PIX: an unpaid `Cielo2` QR code (without an amount) is
 * removed; a paid one is a devolução requested, answered 12 (manual "Solicitando uma
 * devolução Pix", `pix-refund-response.json`).
 */
function voidPix(context: CieloContext, sale: CieloSale, amount: number | null): MockAnswer {
  const links = [{ Method: "GET", Rel: "self", Href: `${context.origins.query}/1/sales/${sale.paymentId}` }];
  if (sale.status === 12) {
    if (amount !== null) return cieloError(309, "Transaction not available to void");
    const removed = removePix(context, sale);
    if (!removed.ok) return cieloError(removed.code, removed.message);
    return json(200, {
      Status: sale.status,
      ReasonCode: 0,
      ReasonMessage: "Successful",
      ProviderReturnCode: "0",
      ProviderReturnMessage: "OPERACAO REALIZADA COM SUCESSO",
      ReturnCode: "0",
      ReturnMessage: "OPERACAO REALIZADA COM SUCESSO",
      Links: links,
    });
  }
  const requested = requestPixRefund(context, sale, amount);
  if (!requested.ok) return cieloError(requested.code, requested.message);
  return json(200, {
    Status: 12,
    ReasonCode: 0,
    ReasonMessage: "Successful",
    ReturnCode: "0",
    ReturnMessage: "Reembolso solicitado com sucesso",
    Links: links,
  });
}

function tokenizeCard(context: CieloContext, request: MockRequest): MockAnswer {
  const parsed = parseJson(request.body);
  const input = cardTokenizeRequestSchema.safeParse(parsed?.value);
  if (!input.success) return json(400, cieloErrorsOf(input.error.issues));
  if (!isLuhnValid(input.data.CardNumber)) return cieloError(213, "Credit Card Number is invalid");
  const token = crypto.randomUUID();
  context.books.cards.set(token, {
    number: input.data.CardNumber,
    holder: input.data.Holder,
    expirationDate: input.data.ExpirationDate,
    brand: input.data.Brand,
  });
  return json(201, {
    CardToken: token,
    Links: { Method: "GET", Rel: "self", Href: `${context.origins.query}/1/card/${token}` },
  });
}

const recurrenceBodies = {
  Amount: z.number().int().positive(),
  Interval: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(6), z.literal(12)]),
  EndDate: z.iso.date(),
  NextPaymentDate: z.iso.date(),
  RecurrencyDay: z.number().int().min(1).max(31),
} as const;

function changeRecurrence(
  context: CieloContext,
  request: MockRequest,
  id: string,
  field: string,
): MockAnswer {
  const recurrence = context.books.recurrences.get(id);
  if (recurrence === undefined) return cieloError(313, "Recurrent Payment not found", 404);
  if (field === "Deactivate" || field === "Reactivate") {
    recurrence.status = field === "Deactivate" ? 3 : 1;
    return { status: 200 };
  }
  const schema = recurrenceBodies[field as keyof typeof recurrenceBodies];
  if (schema === undefined) return { status: 404 };
  const parsed = parseJson(request.body);
  const value = schema.safeParse(parsed?.value);
  if (!value.success) return cieloError(0, `Invalid value for ${field}`);
  const data = value.data;
  if (field === "Amount" && typeof data === "number") recurrence.amount = data;
  if (field === "Interval" && typeof data === "number") recurrence.intervalMonths = data;
  if (field === "EndDate" && typeof data === "string") recurrence.endDate = data;
  if (field === "NextPaymentDate" && typeof data === "string") rescheduleRecurrence(recurrence, data);
  if (field === "RecurrencyDay" && typeof data === "number") recurrence.recurrencyDay = data;
  return { status: 200 };
}

/** The transaction host: creates (cards, PIX, boletos), captures, voids, saved cards, recurrence changes. No GETs. */
export function handleApi(context: CieloContext, request: MockRequest): MockAnswer {
  const refusal = merchantRefusal(context, request);
  if (refusal !== null) return refusal;
  if (request.method === "GET") return { status: 405 };
  const typeRefusal = contentTypeRefusal(request);
  if (typeRefusal !== null) return typeRefusal;
  const path = request.url.pathname.replace(/\/$/, "");
  if (request.method === "POST" && path === "/1/sales") return createSale(context, request);
  if (request.method === "POST" && path === "/1/card") return tokenizeCard(context, request);
  const change = /^\/1\/sales\/([0-9a-f-]{36})\/(capture|void)$/i.exec(path);
  if (request.method === "PUT" && change?.[1] !== undefined && change[2] !== undefined)
    return changeSale(context, request, change[1], change[2]);
  const recurrent = /^\/1\/RecurrentPayment\/([0-9a-f-]{36})\/([A-Za-z]+)$/.exec(path);
  if (request.method === "PUT" && recurrent?.[1] !== undefined && recurrent[2] !== undefined)
    return changeRecurrence(context, request, recurrent[1], recurrent[2]);
  return { status: 404 };
}
