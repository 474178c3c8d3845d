import { randomBytes } from "node:crypto";

/**
 * A reference the sandbox provider makes up for something it holds (`sbxpay_…` for a
 * charge, `tok_…` for a card token). Random rather than sequential, like a provider's own
 * ids, so a reloaded ledger never hands out one twice.
 */
export function newSandboxReference(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("hex")}`;
}
