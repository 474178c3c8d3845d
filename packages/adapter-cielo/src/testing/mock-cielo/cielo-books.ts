import type { CalendarDate, Instant } from "@tessera/core";

/**
 * What the mock Cielo keeps: sales (cards, PIX and boletos, each with its type), saved
 * cards, Silent Order Post tokens and recurrences.
 * The card number is kept only inside the mock (the sandbox reads its last digit); it is
 * never written to a response, a log or the records a test reads.
 */

export interface CieloCard {
  number: string;
  holder: string;
  /** `MM/YYYY`. */
  expirationDate: string;
  brand: string;
}

export interface CieloVoid {
  amount: number;
  at: Instant;
}

/** A PIX refund ("devolução"): requested, then taken or denied by Cielo's PIX provider. */
export interface CieloPixRefund {
  amount: number;
  at: Instant;
  status: "requested" | "accepted" | "denied";
}

/** What a PIX sale keeps beside the sale (manual "Pix"; `Cielo2` fields per reference "Updates on Pix fields"). */
export interface CieloPixCharge {
  /** `Cielo2`, or null for the legacy provider (no `Provider` sent). */
  provider: "Cielo2" | null;
  /** The BR Code the payer copies (`QrCodeString`). */
  qrCodeString: string;
  /** How long the QR code lives: `QrCode.Expiration` (Cielo2, default 24 h) or the legacy two hours. */
  lifetimeSeconds: number;
  /** `QrCode.Expiration` as the sale sent it, echoed in answers (the mock's reading); null when not sent. */
  expiration: number | null;
  /** `Cielo2`: the txid (`SentOrderId`); the paid Pix's `EndToEndId`. */
  txid: string;
  endToEndId: string | null;
  refunds: CieloPixRefund[];
}

/** What a boleto keeps beside the sale (manual "Boleto", Resposta). */
export interface CieloBoletoCharge {
  provider: string;
  dueDate: CalendarDate;
  /** "NossoNumero", `123-2`. */
  number: string;
  barcode: string;
  /** As Cielo prints it: `00090.49420 50000.000013 23006.565602 6 62990000015700`. */
  digitableLine: string;
  url: string;
  demonstrative: string | null;
  instructions: string | null;
  assignor: string | null;
  identification: string | null;
}

export interface CieloSale {
  paymentId: string;
  merchantOrderId: string;
  type: "CreditCard" | "Pix" | "Boleto";
  amount: number;
  capture: boolean;
  capturedAmount: number;
  voidedAmount: number;
  voids: CieloVoid[];
  /** Payment.Status: 0 NotFinished, 1 Authorized, 2 PaymentConfirmed, 3 Denied, 10 Voided, 11 Refunded, 12 Pending, 13 Aborted. */
  status: number;
  returnCode: string;
  returnMessage: string;
  card: CieloCard | null;
  /** Set when the sale saved the card (`SaveCard`). */
  cardToken: string | null;
  receivedAt: Instant;
  customerName: string;
  tid: string;
  proofOfSale: string;
  authorizationCode: string | null;
  recurrentPaymentId: string | null;
  /** PIX and boleto: what the payer paid (0 until then), and when. */
  paidAmount: number;
  paidAt: Instant | null;
  pix: CieloPixCharge | null;
  boleto: CieloBoletoCharge | null;
  /** Made by someone else on the same store (another system, Cielo's portal). */
  outside: boolean;
}

export interface CieloRecurrentTransaction {
  paymentId: string;
  /** 0 for the create's own charge, 1 for the first the recurrence made, … */
  paymentNumber: number;
  tryNumber: number;
}

export interface CieloRecurrence {
  recurrentPaymentId: string;
  merchantOrderId: string;
  customerName: string;
  amount: number;
  /** Months between charges (Monthly 1, Bimonthly 2, Quarterly 3, SemiAnnual 6, Annual 12). */
  intervalMonths: number;
  recurrencyDay: number;
  /** The day of the next try: a period's day, or the day after a declined try. */
  nextRecurrency: CalendarDate;
  /** The day of the recurrence's first own charge; charge n falls n − 1 intervals after it. */
  startDate: CalendarDate;
  /** Which of the recurrence's own charges comes next (1 = the first after the create's). */
  nextCharge: number;
  endDate: CalendarDate | null;
  /** 1 Active, 2 Finished, 3 Deactivated by the merchant, 4 Disabled by number of retries. */
  status: number;
  card: CieloCard;
  transactions: CieloRecurrentTransaction[];
  currentTry: number;
  successfulRecurrences: number;
  createdAt: Instant;
}

export interface CieloBooks {
  sales: Map<string, CieloSale>;
  cards: Map<string, CieloCard>;
  paymentTokens: Map<string, { card: CieloCard; expiresAt: Instant; used: boolean }>;
  sopAccessTokens: Map<string, { expiresAt: Instant; used: boolean }>;
  oauthTokens: Set<string>;
  recurrences: Map<string, CieloRecurrence>;
  /** Card numbers whose recurrent charges the mock declines (`CieloMock.cardDecliningRecurrentCharges`). */
  decliningRecurrentCards: Set<string>;
}

export function createCieloBooks(): CieloBooks {
  return {
    sales: new Map(),
    cards: new Map(),
    paymentTokens: new Map(),
    sopAccessTokens: new Map(),
    oauthTokens: new Set(),
    recurrences: new Map(),
    decliningRecurrentCards: new Set(),
  };
}

/** A sale as a test reads it: no card number, only its last four digits. */
export interface CieloSaleRecord {
  paymentId: string;
  merchantOrderId: string;
  type: CieloSale["type"];
  amount: number;
  capturedAmount: number;
  voidedAmount: number;
  voids: CieloVoid[];
  status: number;
  returnCode: string;
  last4: string | null;
  brand: string | null;
  recurrentPaymentId: string | null;
  /** PIX and boleto: what the payer paid. */
  paidAmount: number;
  /** PIX only: each refund requested and how it ended. */
  pixRefunds: CieloPixRefund[];
  /** `Payment.Provider` of a PIX (`Cielo2`, null for legacy) or a boleto's bank. */
  provider: string | null;
  outside: boolean;
}

export interface CieloRecords {
  sales: CieloSaleRecord[];
  recurrences: { recurrentPaymentId: string; status: number; transactions: CieloRecurrentTransaction[] }[];
}

export function cieloRecords(books: CieloBooks): CieloRecords {
  return {
    sales: [...books.sales.values()].map((sale) => ({
      paymentId: sale.paymentId,
      merchantOrderId: sale.merchantOrderId,
      type: sale.type,
      amount: sale.amount,
      capturedAmount: sale.capturedAmount,
      voidedAmount: sale.voidedAmount,
      voids: sale.voids.map((entry) => ({ ...entry })),
      status: sale.status,
      returnCode: sale.returnCode,
      last4: sale.card?.number.slice(-4) ?? null,
      brand: sale.card?.brand ?? null,
      recurrentPaymentId: sale.recurrentPaymentId,
      paidAmount: sale.paidAmount,
      pixRefunds: sale.pix?.refunds.map((entry) => ({ ...entry })) ?? [],
      provider: sale.pix !== null ? sale.pix.provider : (sale.boleto?.provider ?? null),
      outside: sale.outside,
    })),
    recurrences: [...books.recurrences.values()].map((recurrence) => ({
      recurrentPaymentId: recurrence.recurrentPaymentId,
      status: recurrence.status,
      transactions: recurrence.transactions.map((entry) => ({ ...entry })),
    })),
  };
}
