import type { Id } from "../ids/id";

/**
 * What an idempotent request created, as the idempotency record keeps it: the payment a
 * sale or retry attempted, or the contract of a sale that had nothing to collect (a free
 * plan), the wallet line a credit or debit added, or an order created. Stored as `payment:pay_…` /
 * `contract:ctr_…` / `walletEntry:wal_…` / `order:ord_…`; read back through
 * `parseResourceReference`, never by pattern-matching the string at the call site.
 */
export type ResourceReference =
  | { kind: "payment"; id: Id<"payment"> }
  | { kind: "contract"; id: Id<"contract"> }
  | { kind: "walletEntry"; id: Id<"walletEntry"> }
  | { kind: "order"; id: Id<"order"> };

const prefixes = { payment: "pay_", contract: "ctr_", walletEntry: "wal_", order: "ord_" } as const;

export function formatResourceReference(reference: ResourceReference): string {
  return `${reference.kind}:${reference.id}`;
}

/** Reads a stored reference; a value this version did not write is a bug, so it throws. */
export function parseResourceReference(stored: string): ResourceReference {
  const colon = stored.indexOf(":");
  const kind = stored.slice(0, colon);
  const id = stored.slice(colon + 1);
  if (kind in prefixes && id.startsWith(prefixes[kind as keyof typeof prefixes])) {
    return { kind, id } as ResourceReference;
  }
  throw new Error(`unreadable idempotency resource "${stored}"`);
}
