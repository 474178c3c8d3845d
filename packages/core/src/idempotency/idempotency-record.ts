import { createHash } from "node:crypto";
import type { Instant } from "../time/instant";

/**
 * A request remembered by its idempotency key (Stripe's rules): the same key returns the
 * first result; the same key with other data is refused; the record commits in the same
 * transaction as what the request created, so there is never a key without its result.
 */
export interface IdempotencyRecord {
  /** What the key is unique within: `sale:<unitId>`, `retry:<contractId>`. */
  scope: string;
  key: string;
  /** A hash of the request's meaningful data, to refuse one key reused for another request. */
  fingerprint: string;
  /** What the request created, e.g. `contract:ctr_01J…`. */
  resource: string;
  createdAt: Instant;
}

/** A stable hash of a JSON value: object keys are sorted, so key order does not matter. */
export function fingerprintOf(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v as object)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash("sha256")
    .update(JSON.stringify(canonical(value)))
    .digest("hex");
}
