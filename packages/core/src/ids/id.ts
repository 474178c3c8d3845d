import { monotonicFactory } from "ulidx";

/**
 * The prefix of each kind of id. Ids are `prefix_` + a ULID: unique, time-sortable (so a
 * list ordered by id is ordered by creation), and readable in a log (`ctr_01J…` is a
 * contract).
 */
export const idPrefixes = {
  organization: "org",
  unit: "unit",
  plan: "plan",
  customer: "cus",
  contract: "ctr",
  order: "ord",
  installment: "ins",
  payment: "pay",
  refund: "ref",
  walletEntry: "wal",
  activationCode: "act",
  event: "evt",
  inboxEntry: "inb",
  lease: "lse",
} as const;

export type IdKind = keyof typeof idPrefixes;
export type Id<K extends IdKind = IdKind> = `${(typeof idPrefixes)[K]}_${string}`;

/** Makes ids; one per Tessera instance (no global state), monotonic within it. */
export type IdGenerator = <K extends IdKind>(kind: K) => Id<K>;

/**
 * A generator whose ULIDs take their time from `now` (the clock), so ids stay sortable
 * when a test moves time.
 */
export function createIdGenerator(now: () => number = Date.now): IdGenerator {
  const ulid = monotonicFactory();
  return <K extends IdKind>(kind: K) => `${idPrefixes[kind]}_${ulid(now())}` as Id<K>;
}

/** True when `value` looks like an id of `kind`. */
export function isId<K extends IdKind>(kind: K, value: string): value is Id<K> {
  return new RegExp(`^${idPrefixes[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`).test(value);
}
