import type { Clock } from "@tessera/core";
import type { PspBooks } from "./psp-books";
import type { PspFaults } from "./psp-faults";
import type { PspNotifier } from "./psp-notifier";
import type { CompletePixKeyHolder } from "./psp-receiver";

/** What every route and control of one mock PSP works on. */
export interface PspContext {
  books: PspBooks;
  clock: Clock;
  /** The receiver's Pix key: the only `chave` its charges and webhook may carry. */
  chave: string;
  holder: CompletePixKeyHolder;
  /** `127.0.0.1:<port>`: payload locations live under the mock's own host. */
  locationHost(): string;
  notifier: PspNotifier;
  faults: PspFaults;
}
