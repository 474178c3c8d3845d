import type { CalendarDate, Clock } from "@tessera/core";
import type { PagoLivreBehaviour } from "../../pagolivre-protocol";
import type { PagoLivreBooks } from "./pagolivre-books";
import type { PagoLivreNotifier } from "./pagolivre-notifier";

/** The faults a test asked for, each consumed by the request it hits (one state per mock). */
export interface PagoLivreFaults {
  /** How many of the next API requests answer 429 and do nothing. */
  rateLimited: number;
  /** The next `POST /orders`: drop the connection before reading it, or hold the answer after making the order. */
  nextCreate: "after_charge" | "before_receipt" | null;
}

/** What the routes, the hosted page and the controls share: one per mock. */
export interface PagoLivreContext {
  books: PagoLivreBooks;
  clock: Clock;
  notifier: PagoLivreNotifier;
  faults: PagoLivreFaults;
  behaviour: PagoLivreBehaviour;
  /** The merchant's API token (already base64, sent as is after `Basic `). */
  token: string;
  merchantName: string;
  enforceLookupRateLimit: boolean;
  orderLifetimeMs: number;
  createHoldMs: number;
  /** `http://127.0.0.1:<port>`, once listening. */
  origin(): string;
}

/** Where the payer pays an order: the hosted page. */
export const paymentUrlOf = (context: PagoLivreContext, id: string): string =>
  `${context.origin()}/pay/${encodeURIComponent(id)}`;

/** The clock's now in milliseconds. */
export const nowMs = (context: PagoLivreContext): number => Date.parse(context.clock.now());

/** The day in São Paulo at `ms`: Brazil keeps UTC−3 all year (no daylight saving since 2019). */
export function saoPauloDay(ms: number): CalendarDate {
  return new Date(ms - 3 * 60 * 60_000).toISOString().slice(0, 10);
}
