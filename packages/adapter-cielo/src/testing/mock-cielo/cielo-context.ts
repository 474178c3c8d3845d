import type { Clock } from "@tessera/core";
import type { CieloBooks } from "./cielo-books";
import type { CieloNotifier } from "./cielo-notifier";

/** Everything the mock's routes and lifecycle share. */
export interface CieloContext {
  books: CieloBooks;
  clock: Clock;
  notifier: CieloNotifier;
  merchantId: string;
  merchantKey: string;
  sopClientId: string;
  sopClientSecret: string;
  returnCodes: "sandbox" | "production";
  /** Methods not enabled for the store: a sale of one is refused with 173. */
  disabledMethods: ReadonlySet<"Pix" | "Boleto">;
  /** Filled once the servers listen. */
  origins: { api: string; query: string; sop: string };
  faults: {
    /** The next `POST /1/sales`: the sale is made and its answer held, or the connection dropped unread. */
    nextCreate: "after_charge" | "before_receipt" | null;
    /** The next void answers a refusal (ReturnCode 5, "Erro de efetivação") and voids nothing. */
    refuseNextVoid: boolean;
  };
  /** Every request the mock received, credentials redacted, for tests that inspect them. */
  requests: { method: string; path: string; headers: Record<string, string>; body: string }[];
}

/** The São Paulo calendar day of an instant (Cielo's days, UTC−3 all year since 2019). */
export function saoPauloDay(instant: string): string {
  return new Date(Date.parse(instant) - 3 * 3_600_000).toISOString().slice(0, 10);
}
