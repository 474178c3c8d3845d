import type { Money } from "../money/money";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import type { WalletEntry } from "./wallet-entry";

/** A wallet line as written, and the wallet's balance right after it. */
export interface WalletMovement {
  entry: WalletEntry;
  balance: Money;
}

/**
 * The one way a line enters a wallet, inside the caller's transaction: appended (the storage
 * refuses, with `insufficient_balance`, a line that would take the balance below zero, even
 * against concurrent appends) with its `wallet.entry_added` event in the same transaction.
 */
export async function addWalletEntry(
  ctx: ServiceContext,
  tx: Repositories,
  fields: Omit<WalletEntry, "id" | "createdAt" | "orderId" | "paymentId" | "refundId" | "reversesEntryId"> &
    Partial<Pick<WalletEntry, "id" | "orderId" | "paymentId" | "refundId" | "reversesEntryId">>,
): Promise<WalletMovement> {
  const entry: WalletEntry = {
    orderId: null,
    paymentId: null,
    refundId: null,
    reversesEntryId: null,
    ...fields,
    id: fields.id ?? ctx.ids("walletEntry"),
    createdAt: ctx.clock.now(),
  };
  const { balance } = await tx.wallet.append(entry);
  await tx.outbox.append([
    ctx.events(
      "wallet.entry_added",
      {
        walletEntryId: entry.id,
        customerId: entry.customerId,
        kind: entry.kind,
        amount: entry.amount,
        balance,
      },
      entry.unitId,
    ),
  ]);
  return { entry, balance };
}
