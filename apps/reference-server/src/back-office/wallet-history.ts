import type { Customer, Tessera, WalletEntry } from "@tessera/core";

/** Lines read per `wallet.history` call (the storages' largest page). */
const readBatch = 500;

/**
 * Every line of the customer's wallet, oldest first, read through `tessera.wallet.history` a
 * page at a time. The page needs them all: the history is paged oldest first, staff read it
 * newest first, and whether a line may still be reversed depends on a later line (its
 * reversal). A customer's wallet holds tens of lines, not thousands.
 */
export async function walletLines(tessera: Tessera, customerId: Customer["id"]): Promise<WalletEntry[]> {
  const lines: WalletEntry[] = [];
  let after: string | null = null;
  do {
    const page = await tessera.wallet.history(customerId, {
      limit: readBatch,
      ...(after === null ? {} : { after }),
    });
    lines.push(...page.items);
    after = page.nextCursor;
  } while (after !== null);
  return lines;
}

/** The reversal of each line that has one, by the id of the line it undoes. */
export function reversalsOf(lines: readonly WalletEntry[]): Map<string, WalletEntry> {
  const reversals = new Map<string, WalletEntry>();
  for (const line of lines) {
    if (line.kind === "reversal" && line.reversesEntryId) reversals.set(line.reversesEntryId, line);
  }
  return reversals;
}

/**
 * Whether `wallet.reverse` would undo the line, by core's own rule: a credit or a manual
 * debit (one that paid and refunded nothing), not a reversal, and not reversed already. A
 * credit already spent still shows the action: core answers `insufficient_balance`, and the
 * page says so.
 */
export function isReversible(line: WalletEntry, reversals: ReadonlyMap<string, WalletEntry>): boolean {
  return (
    (line.kind === "credit" || line.kind === "debit") &&
    line.paymentId === null &&
    line.orderId === null &&
    line.refundId === null &&
    !reversals.has(line.id)
  );
}
