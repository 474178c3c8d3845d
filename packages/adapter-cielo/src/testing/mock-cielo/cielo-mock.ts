import { randomBytes, randomUUID } from "node:crypto";
import { type Clock, systemClock } from "@tessera/core";
import { handleApi } from "./api-routes";
import { payBoleto } from "./boleto-lifecycle";
import { type CieloRecords, cieloRecords, createCieloBooks } from "./cielo-books";
import type { CieloContext } from "./cielo-context";
import { type CieloDelivery, createCieloNotifier } from "./cielo-notifier";
import { startLoopbackServer } from "./loopback-server";
import { payPix, settlePixRefunds } from "./pix-lifecycle";
import { handleQuery } from "./query-routes";
import { runDueRecurrences } from "./recurrence-lifecycle";
import { makeCardSale } from "./sale-lifecycle";
import { handleSop } from "./sop-routes";
import { testCardNumber } from "./test-cards";

export interface CieloMockOptions {
  clock?: Clock;
  /** `sandbox` (default): the sandbox's last-digit table; `production`: issuers' ABECS codes (see card-outcome.ts). */
  returnCodes?: "sandbox" | "production";
  /** Where Cielo posts notifications, and the custom headers set beside it in the portal. */
  notificationUrl?: string | null;
  notificationHeaders?: Readonly<Record<string, string>>;
  /** Waits between notification attempts (Cielo: three more after a failure); milliseconds here. */
  retryDelaysMs?: readonly number[];
  /** Methods the store has not enabled (default none): their sales are refused with 173. */
  disabledMethods?: readonly ("Pix" | "Boleto")[];
}

/** A running mock Cielo: its hosts, the store's credentials, the payer's and Cielo's controls, its books (cards, PIX, boletos). */
export interface CieloMock {
  apiUrl: string;
  queryUrl: string;
  /** Braspag's OAuth host and the SOP API (one loopback host here). */
  sopUrl: string;
  sopScriptUrl: string;
  merchantId: string;
  merchantKey: string;
  sopClientId: string;
  sopClientSecret: string;
  /** The next `POST /1/sales`: `after_charge` makes the sale and never answers; `before_receipt` drops it unread. */
  timeoutNextCreate(kind: "after_charge" | "before_receipt"): void;
  /** The next void is refused (a card's ReturnCode 5; a PIX's 422 "moneyback" error) and voids nothing. */
  refuseNextVoid(): void;
  /**
   * The payer pays a pending PIX (while its QR code lives) or boleto (Cielo then reconciles
   * it, except Banco do Brasil's), and Cielo notifies it (ChangeType 1). Throws, paying
   * nothing, when it is not payable, saying why.
   */
  payPending(paymentId: string): void;
  /**
   * Cielo's PIX provider takes (`accepted`) or refuses (`denied`) every refund requested of a
   * PIX, and Cielo notifies it (ChangeType 1, or 5 for a denial). Answers how many it settled.
   */
  settlePixRefunds(paymentId: string, outcome: "accepted" | "denied"): number;
  /** A fresh card number the mock approves on a sale and declines (51) on every recurrent charge. */
  cardDecliningRecurrentCharges(): string;
  /** Makes every recurrent charge due by the clock's today. */
  runDueRecurrences(): void;
  /** Someone else sells on the same store (Cielo's portal, another system), with its notification. */
  chargeOutsideUs(amount?: number): string;
  /** The store's notification URL and custom headers, as set in Cielo's portal. */
  notifyTo(url: string | null, headers: Readonly<Record<string, string>>): void;
  /** The next notification is posted only after the one that follows it (disorder). */
  deliverOutOfOrder(): void;
  /** The next `count` notifications are posted twice. */
  repeatNextNotification(count?: number): void;
  /** Every OAuth and SOP access token issued, for tests that prove none leaked. */
  issuedTokens(): string[];
  records(): CieloRecords;
  deliveries(): CieloDelivery[];
  notificationsSettled(): Promise<void>;
  /** Every request received, MerchantKey and Authorization redacted. */
  requests(): CieloContext["requests"];
  close(): Promise<void>;
}

const redacted = new Set(["merchantkey", "authorization"]);

/**
 * Starts a loopback Cielo API E-commerce 3.0: the transaction host (POST/PUT), the separate
 * query host (GET only) and the Silent Order Post host (OAuth, access token, script, card
 * post). See README.md for what is documented and what is the mock's own.
 */
export async function startCieloMock(options: CieloMockOptions = {}): Promise<CieloMock> {
  const notifier = createCieloNotifier({
    url: options.notificationUrl ?? null,
    headers: options.notificationHeaders ?? {},
    retryDelaysMs: options.retryDelaysMs ?? [50, 100, 200],
  });
  const context: CieloContext = {
    books: createCieloBooks(),
    clock: options.clock ?? systemClock,
    notifier,
    merchantId: randomUUID(),
    merchantKey: randomBytes(30).toString("base64url").slice(0, 40),
    sopClientId: randomUUID(),
    sopClientSecret: randomBytes(30).toString("base64url"),
    returnCodes: options.returnCodes ?? "sandbox",
    disabledMethods: new Set(options.disabledMethods ?? []),
    origins: { api: "", query: "", sop: "" },
    faults: { nextCreate: null, refuseNextVoid: false },
    requests: [],
  };
  const record = (request: {
    method: string;
    url: URL;
    headers: Readonly<Record<string, string>>;
    body: string;
  }) => {
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        redacted.has(name) ? "[redacted]" : value,
      ]),
    );
    context.requests.push({
      method: request.method,
      path: `${request.url.pathname}${request.url.search}`,
      headers,
      body: request.body,
    });
  };
  const api = await startLoopbackServer({
    beforeBody(method, url) {
      if (method !== "POST" || url.pathname.replace(/\/$/, "") !== "/1/sales") return false;
      if (context.faults.nextCreate !== "before_receipt") return false;
      context.faults.nextCreate = null;
      return true;
    },
    handle(request) {
      record(request);
      return handleApi(context, request);
    },
  });
  const query = await startLoopbackServer({
    handle(request) {
      record(request);
      return handleQuery(context, request);
    },
  });
  const sop = await startLoopbackServer({
    handle(request) {
      record(request);
      return handleSop(context, request);
    },
  });
  context.origins = { api: api.origin, query: query.origin, sop: sop.origin };

  return {
    apiUrl: api.origin,
    queryUrl: query.origin,
    sopUrl: sop.origin,
    sopScriptUrl: `${sop.origin}/post/scripts/silentorderpost-1.0.min.js`,
    merchantId: context.merchantId,
    merchantKey: context.merchantKey,
    sopClientId: context.sopClientId,
    sopClientSecret: context.sopClientSecret,
    timeoutNextCreate(kind) {
      context.faults.nextCreate = kind;
    },
    refuseNextVoid() {
      context.faults.refuseNextVoid = true;
    },
    payPending(paymentId) {
      const sale = context.books.sales.get(paymentId);
      if (sale === undefined) throw new Error(`the mock Cielo has no sale ${paymentId}`);
      const paid =
        sale.type === "Pix"
          ? payPix(context, sale)
          : sale.type === "Boleto"
            ? payBoleto(context, sale)
            : { ok: false as const, message: "a card sale does not wait on the payer" };
      if (!paid.ok) throw new Error(`the mock Cielo cannot pay ${paymentId}: ${paid.message}`);
    },
    settlePixRefunds(paymentId, outcome) {
      const sale = context.books.sales.get(paymentId);
      if (sale?.type !== "Pix") throw new Error(`the mock Cielo has no PIX ${paymentId}`);
      return settlePixRefunds(context, sale, outcome);
    },
    cardDecliningRecurrentCharges() {
      const number = testCardNumber("0");
      context.books.decliningRecurrentCards.add(number);
      return number;
    },
    runDueRecurrences: () => runDueRecurrences(context),
    chargeOutsideUs(amount = 1000) {
      const sale = makeCardSale(context, {
        merchantOrderId: `outside${randomBytes(6).toString("hex")}`,
        customerName: "Someone else",
        amount,
        capture: true,
        card: { number: testCardNumber("1"), holder: "OUTSIDE", expirationDate: "12/2030", brand: "Visa" },
        saveCard: false,
        outside: true,
      });
      notifier.send({ PaymentId: sale.paymentId, ChangeType: 1 });
      return sale.paymentId;
    },
    notifyTo: (url, headers) => notifier.retarget(url, headers),
    repeatNextNotification: (count) => notifier.repeatNext(count),
    deliverOutOfOrder: () => notifier.swapNext(),
    issuedTokens: () => [...context.books.oauthTokens, ...context.books.sopAccessTokens.keys()],
    records: () => cieloRecords(context.books),
    deliveries: () => notifier.deliveries(),
    notificationsSettled: () => notifier.settled(),
    requests: () => context.requests.map((entry) => ({ ...entry })),
    async close() {
      notifier.stop();
      await Promise.all([api.close(), query.close(), sop.close()]);
    },
  };
}
