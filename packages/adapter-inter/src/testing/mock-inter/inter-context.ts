import type { Clock } from "@tessera/core";
import type { InterBooks } from "./inter-books";
import type { InterNotifier } from "./inter-notifier";

/** The faults a test asked for, each consumed by the request it hits (one state per mock). */
export interface InterFaults {
  /** How many of the next API requests answer 429 with `Retry-After: 1` and do nothing. */
  rateLimited: number;
  /** The next `POST /cobrancas`: drop the connection before reading it, or after making the charge. */
  nextCreate: "after_charge" | "before_receipt" | null;
}

/** What the routes and the controls share: one per mock. */
export interface InterContext {
  books: InterBooks;
  clock: Clock;
  notifier: InterNotifier;
  faults: InterFaults;
  /** `manual`: a new charge stays `EM_PROCESSAMENTO` until the test issues it. */
  issueMode: "manual" | "immediate";
  beneficiary: { cpfCnpj: string; nome: string; cidade: string; accountNumber: string };
  /** `127.0.0.1:<port>`, once listening: where the charges' Pix locations point. */
  locationHost(): string;
}
