import type { Id } from "../ids/id";
import type { CalendarDate } from "../time/calendar-date";
import type { Instant } from "../time/instant";

/**
 * A pass bought online and not yet attached to a visitor (Otmechalka seed). Staff find it
 * by its code and attach it to a customer with a validity period.
 */
export interface ActivationCode {
  id: Id<"activationCode">;
  unitId: Id<"unit">;
  contractId: Id<"contract">;
  /** Short, unique in its unit, without look-alike characters (no 0/O, 1/I/L). */
  code: string;
  status: "unattached" | "attached" | "revoked";
  attachedCustomerId: Id<"customer"> | null;
  validFrom: CalendarDate | null;
  validUntil: CalendarDate | null;
  attachedAt: Instant | null;
  createdAt: Instant;
  version: number;
}
