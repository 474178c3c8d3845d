import { randomBytes } from "node:crypto";

const referenceBytes = 12;
const poolBytes = referenceBytes * 512;

/**
 * Random bytes drawn a few kilobytes at a time: one `randomBytes` call per reference cost 2 %
 * of a sale (five references a card sale). Module-level, yet not the mutable state STYLE 15
 * rules out: what it holds is randomness no caller can see or steer, so sharing it between
 * sandboxes changes how fast a reference is made, never what any sandbox does.
 */
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * A reference the sandbox provider makes up for something it holds (`sbxpay_…` for a
 * charge, `tok_…` for a card token): 96 random bits in hex. Random rather than sequential,
 * like a provider's own ids, so a reloaded ledger never hands out one twice.
 */
export function newSandboxReference(prefix: string): string {
  if (offset + referenceBytes > pool.length) {
    pool = randomBytes(poolBytes);
    offset = 0;
  }
  const hex = pool.toString("hex", offset, offset + referenceBytes);
  offset += referenceBytes;
  return `${prefix}_${hex}`;
}
