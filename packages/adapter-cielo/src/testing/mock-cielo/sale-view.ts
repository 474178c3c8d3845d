import { maskedNumber } from "./card-outcome";
import type { CieloBooks, CieloRecurrence, CieloSale } from "./cielo-books";

/** Cielo writes instants as São Paulo wall time without an offset (`2022-07-29 17:16:21`). */
export function cieloDateTime(instant: string): string {
  const shifted = new Date(Date.parse(instant) - 3 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

function links(origins: { api: string; query: string }, sale: CieloSale) {
  const self = { Method: "GET", Rel: "self", Href: `${origins.query}/1/sales/${sale.paymentId}` };
  const capture = { Method: "PUT", Rel: "capture", Href: `${origins.api}/1/sales/${sale.paymentId}/capture` };
  const voidLink = { Method: "PUT", Rel: "void", Href: `${origins.api}/1/sales/${sale.paymentId}/void` };
  if (sale.status === 1) return [self, capture, voidLink];
  if (sale.status === 2) return [self, voidLink];
  return [self];
}

export function recurrentPaymentView(origins: { query: string }, recurrence: CieloRecurrence) {
  return {
    RecurrentPaymentId: recurrence.recurrentPaymentId,
    NextRecurrency: recurrence.nextRecurrency,
    ...(recurrence.endDate !== null ? { EndDate: recurrence.endDate } : {}),
    Interval: intervalName(recurrence.intervalMonths),
    Link: {
      Method: "GET",
      Rel: "recurrentPayment",
      Href: `${origins.query}/1/RecurrentPayment/${recurrence.recurrentPaymentId}`,
    },
    AuthorizeNow: true,
  };
}

export function intervalName(months: number): string {
  return { 1: "Monthly", 2: "Bimonthly", 3: "Quarterly", 6: "SemiAnnual", 12: "Annual" }[months] ?? "Monthly";
}

/** A card sale's `Payment` (manual "Criando uma transação de crédito", "Consulta por PaymentId"). */
function cardPaymentView(books: CieloBooks, origins: { api: string; query: string }, sale: CieloSale) {
  const recurrence =
    sale.recurrentPaymentId !== null ? books.recurrences.get(sale.recurrentPaymentId) : undefined;
  const payment: Record<string, unknown> = {
    ServiceTaxAmount: 0,
    Installments: 1,
    Interest: "ByMerchant",
    Capture: sale.capture,
    Authenticate: false,
    Recurrent: false,
    PaymentId: sale.paymentId,
    Type: sale.type,
    Amount: sale.amount,
    ReceivedDate: cieloDateTime(sale.receivedAt),
    Currency: "BRL",
    Country: "BRA",
    Provider: "Simulado",
    ExtraDataCollection: [],
    Status: sale.status,
    ReturnCode: sale.returnCode,
    ReturnMessage: sale.returnMessage,
    Links: links(origins, sale),
  };
  if (sale.capturedAmount > 0) payment.CapturedAmount = sale.capturedAmount;
  if (sale.voidedAmount > 0) payment.VoidedAmount = sale.voidedAmount;
  if (sale.card !== null) {
    payment.CreditCard = {
      CardNumber: maskedNumber(sale.card.number),
      Holder: sale.card.holder,
      ExpirationDate: sale.card.expirationDate,
      SaveCard: sale.cardToken !== null,
      Brand: sale.card.brand,
      ...(sale.cardToken !== null ? { CardToken: sale.cardToken } : {}),
    };
    payment.Tid = sale.tid;
    payment.ProofOfSale = sale.proofOfSale;
    if (sale.authorizationCode !== null) payment.AuthorizationCode = sale.authorizationCode;
  }
  if (recurrence !== undefined) payment.RecurrentPayment = recurrentPaymentView(origins, recurrence);
  return payment;
}

/**
 * A PIX's `Payment` (`pix-create-response.json`; `Cielo2` per "Updates on Pix fields":
 * `SentOrderId` the txid, `EndToEndId` once paid, no `AcquirerTransactionId`/`ProofOfSale`).
 * `QrCode.Expiration` is echoed as the sale sent it — the mock's reading of Cielo echoing
 * its request (check); `QrcodeBase64Image` (sic) stands in for the picture.
 */
function pixPaymentView(origins: { query: string }, sale: CieloSale) {
  const pix = sale.pix;
  if (pix === null) throw new Error("not a PIX");
  const cielo2 = pix.provider === "Cielo2";
  return {
    PaymentId: sale.paymentId,
    Type: "Pix",
    ...(cielo2
      ? { Provider: "Cielo2", SentOrderId: pix.txid }
      : {
          AcquirerTransactionId: pix.txid,
          ProofOfSale: sale.proofOfSale,
          SentOrderId: sale.merchantOrderId,
        }),
    ...(pix.expiration !== null ? { QrCode: { Expiration: pix.expiration } } : {}),
    ...(pix.endToEndId !== null ? { EndToEndId: pix.endToEndId } : {}),
    QrcodeBase64Image: Buffer.from(`qr:${sale.paymentId}`).toString("base64"),
    QrCodeString: pix.qrCodeString,
    Amount: sale.amount,
    ...(sale.voidedAmount > 0 ? { VoidedAmount: sale.voidedAmount } : {}),
    ReceivedDate: cieloDateTime(sale.receivedAt),
    Currency: "BRL",
    Country: "BRA",
    Status: sale.status,
    ReturnCode: sale.returnCode,
    ReturnMessage: sale.returnMessage,
    Links: [{ Method: "GET", Rel: "self", Href: `${origins.query}/1/sales/${sale.paymentId}` }],
  };
}

/** A boleto's `Payment` (`boleto-response.json`). */
function boletoPaymentView(origins: { query: string }, sale: CieloSale) {
  const boleto = sale.boleto;
  if (boleto === null) throw new Error("not a boleto");
  return {
    ...(boleto.instructions !== null ? { Instructions: boleto.instructions } : {}),
    ...(boleto.demonstrative !== null ? { Demonstrative: boleto.demonstrative } : {}),
    ExpirationDate: boleto.dueDate,
    Url: boleto.url,
    Number: boleto.number,
    BarCodeNumber: boleto.barcode,
    DigitableLine: boleto.digitableLine,
    ...(boleto.assignor !== null ? { Assignor: boleto.assignor } : {}),
    ...(boleto.identification !== null ? { Identification: boleto.identification } : {}),
    PaymentId: sale.paymentId,
    Type: "Boleto",
    Amount: sale.amount,
    ReceivedDate: cieloDateTime(sale.receivedAt),
    Currency: "BRL",
    Country: "BRA",
    Provider: boleto.provider,
    ExtraDataCollection: [],
    Status: sale.status,
    Links: [{ Method: "GET", Rel: "self", Href: `${origins.query}/1/sales/${sale.paymentId}` }],
  };
}

/** A sale as `POST /1/sales` and `GET /1/sales/{PaymentId}` answer it (manual's examples), each type with its own fields. */
export function saleView(books: CieloBooks, origins: { api: string; query: string }, sale: CieloSale) {
  const payment =
    sale.type === "Pix"
      ? pixPaymentView(origins, sale)
      : sale.type === "Boleto"
        ? boletoPaymentView(origins, sale)
        : cardPaymentView(books, origins, sale);
  return { MerchantOrderId: sale.merchantOrderId, Customer: { Name: sale.customerName }, Payment: payment };
}

/** `GET /1/RecurrentPayment/{id}` (manual "Consulta de Recorrência"). */
export function recurrenceView(origins: { query: string }, recurrence: CieloRecurrence) {
  return {
    Customer: { Name: recurrence.customerName },
    RecurrentPayment: {
      RecurrentPaymentId: recurrence.recurrentPaymentId,
      NextRecurrency: recurrence.nextRecurrency,
      StartDate: recurrence.startDate,
      ...(recurrence.endDate !== null ? { EndDate: recurrence.endDate } : {}),
      Interval: intervalName(recurrence.intervalMonths),
      Amount: recurrence.amount,
      Country: "BRA",
      CreateDate: `${cieloDateTime(recurrence.createdAt).slice(0, 10)}T00:00:00`,
      Currency: "BRL",
      CurrentRecurrencyTry: recurrence.currentTry,
      Provider: "Simulado",
      RecurrencyDay: recurrence.recurrencyDay,
      SuccessfulRecurrences: recurrence.successfulRecurrences,
      Links: [
        {
          Method: "GET",
          Rel: "self",
          Href: `${origins.query}/1/RecurrentPayment/${recurrence.recurrentPaymentId}`,
        },
      ],
      RecurrentTransactions: recurrence.transactions.map((entry) => ({
        PaymentId: entry.paymentId,
        PaymentNumber: entry.paymentNumber,
        TryNumber: entry.tryNumber,
      })),
      Status: recurrence.status,
    },
  };
}
