import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Clock, systemClock } from "@tessera/core";
import { cancelRoute } from "./cancel-route";
import { createOrderRoute } from "./create-order-route";
import { lookupRoute } from "./lookup-route";
import { createPagoLivreBooks, type PagoLivreRecords } from "./pagolivre-books";
import { type PagoLivreContext, paymentUrlOf } from "./pagolivre-context";
import {
  chargeMonth,
  declineOrder,
  expireOrder,
  orderOf,
  payOrder,
  refreshExpiries,
  runDueCharges,
  settleRefunds,
} from "./pagolivre-lifecycle";
import {
  defaultOrderLifetimeMs,
  type PagoLivreMockOptions,
  pagolivreMockOptionsSchema,
  pagolivreRetryDelaysMs,
} from "./pagolivre-mock-options";
import { createPagoLivreNotifier, type PagoLivreDelivery } from "./pagolivre-notifier";
import {
  apiBasePath,
  createPagoLivreRequestHandler,
  type ReceivedRequest,
} from "./pagolivre-request-handler";

/** A running mock PagoLivre: its address and token, the payer's and the provider's controls, its books. */
export interface PagoLivreMock {
  /** `http://127.0.0.1:<port>/api/v2`: what the adapter is configured with. */
  baseUrl: string;
  /** `http://127.0.0.1:<port>`: where the hosted payment pages are (`/pay/{id}`). */
  origin: string;
  /** The merchant's API token: `Authorization: Basic <token>`, and `?accessToken=` on callbacks. */
  token: string;

  /**
   * The payer pays on the hosted page: order paid, monthly charge 1 paid, callback
   * `order.paid`. `laterCharges`: what the card comes to each month PagoLivre charges it by
   * itself (`runDueCharges`); default paid.
   */
  pay(orderKeyOrId: string, options?: { laterCharges?: "paid" | "declined" }): void;
  /** The payer's card is declined on the hosted page: order declined, callback `order.declined`. */
  decline(orderKeyOrId: string, reason?: string): void;
  /** The link expires unpaid: order expired, callback `order.expired`. */
  expire(orderKeyOrId: string): void;
  /**
   * Monthly charge `number` (≥ 2) of a paid order happens, whatever its day: callback
   * `installment.paid`/`installment.declined` with `installmentNumber`. A declined month is
   * not tried again (assumed): charging it twice throws.
   */
  chargeMonth(orderKeyOrId: string, number: number, outcome: "paid" | "declined", reason?: string): void;
  /**
   * PagoLivre lives through the time the clock moved: each monthly charge of a paid order due
   * by today in São Paulo (n − 1 months after the order's creation day) is made, on the card
   * the payer gave (`pay`'s `laterCharges`), with its callback.
   */
  runDueCharges(): void;
  /** Every pending refund is given back. */
  settleRefunds(): void;
  /** The next `POST /orders`: `after_charge` makes the order and holds the answer, then drops the socket; `before_receipt` drops it unread. */
  timeoutNextCreate(kind: "after_charge" | "before_receipt"): void;
  /** The next `times` API requests (default 1; the hosted page aside) answer 429 with `Retry-After: 1`. */
  rateLimitNext(times?: number): void;
  /** The next `count` callback attempts find the receiver unreachable (and are retried). */
  failNextCallbacks(count: number): void;
  /** The next callback is sent twice. */
  repeatNextCallback(): void;
  /** The next callback arrives after the one that follows it. */
  deliverOutOfOrder(): void;

  records(): PagoLivreRecords;
  /** Every callback attempt so far, oldest first. */
  deliveries(): PagoLivreDelivery[];
  /** Resolves once no callback is in flight, waiting for a retry or held back. */
  notificationsSettled(): Promise<void>;
  /** Every request received so far, oldest first, its Authorization redacted. */
  requests(): ReceivedRequest[];
  /** Stops the server, ends open connections, stops retrying callbacks. */
  close(): Promise<void>;
}

/**
 * Starts a loopback PagoLivre speaking REST API v2 as `pagolivre-protocol.ts` describes it, on
 * plain HTTP at `127.0.0.1` and a free port: orders created, looked up by orderKey (rate
 * limited) and canceled, every body checked against the protocol module's schemas; the
 * hosted payment page at each order's `paymentUrl`; callbacks to the order's `callbackUrl`
 * with `?accessToken=`, retried until a 2xx.
 *
 * @example
 * ```ts
 * const pagolivre = await startPagoLivreMock({ clock, retryDelaysMs: [10, 10] });
 * // the gateway creates an order with callbackUrl = receiver.callbackUrl, then:
 * pagolivre.pay(orderKey);
 * pagolivre.chargeMonth(orderKey, 2, "declined");
 * await pagolivre.notificationsSettled();
 * ```
 */
export async function startPagoLivreMock(options: PagoLivreMockOptions = {}): Promise<PagoLivreMock> {
  const checked = pagolivreMockOptionsSchema.parse(options);
  const clock: Clock = options.clock ?? systemClock;
  const notifier = createPagoLivreNotifier({
    retryDelaysMs: checked.retryDelaysMs ?? pagolivreRetryDelaysMs,
  });
  let origin = "http://127.0.0.1";
  const context: PagoLivreContext = {
    books: createPagoLivreBooks(),
    clock,
    notifier,
    faults: { rateLimited: 0, nextCreate: null },
    behaviour: checked.behaviour ?? "documented",
    token: checked.token ?? randomBytes(24).toString("base64"),
    merchantName: checked.merchantName ?? "Estúdio Tessera",
    enforceLookupRateLimit: checked.enforceLookupRateLimit ?? true,
    orderLifetimeMs: checked.orderLifetimeMs ?? defaultOrderLifetimeMs,
    createHoldMs: checked.createHoldMs ?? 30_000,
    origin: () => origin,
  };
  const received: ReceivedRequest[] = [];
  const server = createServer(
    createPagoLivreRequestHandler({
      context,
      routes: [createOrderRoute, lookupRoute, cancelRoute],
      received,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Controls see expiry as the clock now stands, like a request does. */
  function current(orderKeyOrId: string) {
    refreshExpiries(context);
    return orderOf(context, orderKeyOrId);
  }

  return {
    baseUrl: `${origin}${apiBasePath}`,
    origin,
    token: context.token,

    pay: (orderKeyOrId, options) => payOrder(context, current(orderKeyOrId), options?.laterCharges),
    decline: (orderKeyOrId, reason) => declineOrder(context, current(orderKeyOrId), reason),
    expire: (orderKeyOrId) => expireOrder(context, current(orderKeyOrId)),
    chargeMonth: (orderKeyOrId, number, outcome, reason) =>
      chargeMonth(context, current(orderKeyOrId), number, outcome, reason),
    runDueCharges() {
      refreshExpiries(context);
      runDueCharges(context);
    },
    settleRefunds: () => settleRefunds(context),
    timeoutNextCreate(kind) {
      context.faults.nextCreate = kind;
    },
    rateLimitNext(times = 1) {
      context.faults.rateLimited += times;
    },
    failNextCallbacks: (count) => notifier.failNext(count),
    repeatNextCallback: () => notifier.repeatNext(),
    deliverOutOfOrder: () => notifier.holdNextForLater(),

    records() {
      refreshExpiries(context);
      return context.books.records((id) => paymentUrlOf(context, id));
    },
    deliveries: () => notifier.deliveries(),
    notificationsSettled: () => notifier.settled(),
    requests: () => received.map((request) => ({ ...request, headers: { ...request.headers } })),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, notifier.stop()]);
    },
  };
}
