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

/**
 * A stable hash of a JSON value: object keys are sorted, so key order does not matter. The
 * text hashed is `JSON.stringify` of the value with every object's own enumerable keys
 * sorted — byte for byte, since stored records keep the hashes — written in one pass instead
 * of first copying the value into sorted objects.
 */
export function fingerprintOf(value: unknown): string {
  return createHash("sha256")
    .update(canonicalJson(value) as string)
    .digest("hex");
}

/**
 * `JSON.stringify` of `value` with each object's keys (`Object.keys`) in sorted order — in
 * the order an object made with them in that order lists them (`objectOrder`); every
 * object, a `Date` or any other, counts as its own keys (none calls `toJSON`), and leaves are
 * written by `JSON.stringify` itself. `undefined` where `JSON.stringify` leaves a value out.
 */
function canonicalJson(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = "[";
    for (let i = 0; i < value.length; i++) text += `${i > 0 ? "," : ""}${canonicalJson(value[i]) ?? "null"}`;
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  let text = "{";
  for (const key of objectOrder(Object.keys(record).sort())) {
    const item = canonicalJson(record[key]);
    if (item !== undefined) text += `${text.length > 1 ? "," : ""}${JSON.stringify(key)}:${item}`;
  }
  return `${text}}`;
}

/** An array index as a property key: `0`, `1` … `4294967294`, written without leading zeros. */
const arrayIndex = /^(?:0|[1-9][0-9]{0,9})$/;

/**
 * `sorted` in the order an object lists keys added in that order: array indexes first, by
 * value (so `2` before `10`), then the rest as added.
 */
function objectOrder(sorted: string[]): string[] {
  const indexes = sorted.filter((key) => arrayIndex.test(key) && Number(key) < 4_294_967_295);
  if (indexes.length === 0) return sorted;
  const rest = sorted.filter((key) => !(arrayIndex.test(key) && Number(key) < 4_294_967_295));
  return [...indexes.sort((a, b) => Number(a) - Number(b)), ...rest];
}
